#include "huescope/cut_list.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../report/csv_fields.hpp"

namespace huescope {
namespace {

constexpr std::size_t kMaxCutListBytes = 64u << 20;  // a feature film's list is a few KB

std::string trim(const std::string& text) {
    std::size_t a = 0, b = text.size();
    while (a < b && std::isspace(static_cast<unsigned char>(text[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
    return text.substr(a, b - a);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    std::string word;
    while (in >> word) out.push_back(word);
    return out;
}

bool parse_integer(const std::string& text, int64_t& value) {
    if (text.empty() || text.size() > 15) return false;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    value = std::strtoll(text.c_str(), nullptr, 10);
    return true;
}

Status line_error(const std::string& path, int line, const std::string& what) {
    return Status(ErrorCode::BadData,
                  "cut list '" + path + "', line " + std::to_string(line) + ": " + what);
}

// One entry of a plain list: a frame number, seconds, a clock time or a timecode.
bool parse_entry(const std::string& text, GivenCut& cut) {
    if (parse_integer(text, cut.frame)) {
        cut.unit = GivenCut::Unit::Frame;
        return true;
    }
    if (parse_timecode(text, cut.timecode)) {
        cut.unit = GivenCut::Unit::Timecode;
        return true;
    }
    if (parse_clock_time(text, cut.seconds)) {
        cut.unit = GivenCut::Unit::Seconds;
        return true;
    }
    return false;
}

bool has_letters(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

char list_separator(const std::string& line) {
    for (const char c : {'\t', ';', ','}) {
        if (line.find(c) != std::string::npos) return c;
    }
    return ' ';
}

Result<CutList> parse_plain_list(const std::vector<std::string>& lines, CutList list) {
    list.format = "list";
    bool first = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        if (line.empty() || line[0] == '#') continue;
        const char separator = list_separator(line);
        const std::string field =
            separator == ' ' ? words(line).front() : split_csv_line(line, separator).front();
        GivenCut cut;
        cut.line = static_cast<int>(i + 1);
        if (!parse_entry(field, cut)) {
            // A first line of names is a header ("frame", "start", "timecode"...).
            if (first && has_letters(line)) {
                first = false;
                continue;
            }
            return line_error(list.path, cut.line,
                              "'" + field +
                                  "' is not a frame number, seconds, HH:MM:SS(.s) or a "
                                  "timecode HH:MM:SS:FF");
        }
        first = false;
        list.cuts.push_back(cut);
    }
    return list;
}

// PySceneDetect's scenes.csv: an optional "Timecode List:" row, a header, a row per scene whose
// "Start Frame" counts from 1.
Result<CutList> parse_pyscenedetect(const std::vector<std::string>& lines, CutList list) {
    list.format = "pyscenedetect";
    int column = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        if (line.empty()) continue;
        const std::vector<std::string> fields = split_csv_line(line, ',');
        if (column < 0) {
            const auto it = std::find(fields.begin(), fields.end(), "Start Frame");
            if (it != fields.end()) column = static_cast<int>(it - fields.begin());
            continue;
        }
        GivenCut cut;
        cut.line = static_cast<int>(i + 1);
        int64_t one_based = 0;
        if (static_cast<int>(fields.size()) <= column ||
            !parse_integer(fields[static_cast<std::size_t>(column)], one_based) || one_based < 1) {
            return line_error(list.path, cut.line, "no Start Frame (a number from 1)");
        }
        cut.frame = one_based - 1;
        list.cuts.push_back(cut);
    }
    return list;
}

bool is_edl_event(const std::vector<std::string>& w) {
    int64_t number = 0;
    return w.size() >= 8 && parse_integer(w[0], number) &&
           (w[3] == "C" || w[3] == "D" || w[3][0] == 'W' || w[3] == "K");
}

// CMX 3600: "NNN REEL CHANNEL TRANSITION [DURATION] SRC_IN SRC_OUT REC_IN REC_OUT". Video
// events start shots at their record-in; a dissolve (D) starts its shot at its middle.
Result<CutList> parse_edl(const std::vector<std::string>& lines, CutList list) {
    list.format = "edl";
    bool drop_frame = false;
    bool have_origin = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        const int number = static_cast<int>(i + 1);
        if (line.rfind("FCM:", 0) == 0) {
            drop_frame = line.find("NON") == std::string::npos && line.find("DROP") != line.npos;
            continue;
        }
        const std::vector<std::string> w = words(line);
        if (!is_edl_event(w)) continue;
        const std::string& channel = w[2];
        if (channel.find('V') == std::string::npos && channel != "B") continue;  // audio only
        const bool dissolve = w[3] == "D" || w[3][0] == 'W';
        int64_t duration = 0;
        std::size_t at = 4;
        if (dissolve || w[3] == "K") {
            if (w.size() < 9 || !parse_integer(w[4], duration)) {
                return line_error(list.path, number, "a transition without its duration");
            }
            at = 5;
        }
        GivenCut cut;
        cut.line = number;
        cut.unit = GivenCut::Unit::Timecode;
        if (w.size() < at + 4 || !parse_timecode(w[at + 2], cut.timecode)) {
            return line_error(list.path, number, "no record-in timecode");
        }
        cut.timecode.drop_frame = cut.timecode.drop_frame || drop_frame;
        if (!have_origin) {
            list.origin = cut.timecode;
            have_origin = true;
        }
        cut.kind = dissolve ? Transition::Dissolve : Transition::Cut;
        cut.offset_frames = duration / 2;
        // A dissolve's line repeats the record-in of the zero-length line before it: one
        // boundary, the dissolve's.
        if (!list.cuts.empty() && list.cuts.back().timecode.seconds == cut.timecode.seconds &&
            list.cuts.back().timecode.frames == cut.timecode.frames) {
            list.cuts.back() = cut;
            continue;
        }
        list.cuts.push_back(cut);
    }
    if (!have_origin) {
        return Status(ErrorCode::BadData, "edit decision list '" + list.path + "' has no event");
    }
    return list;
}

}  // namespace

Result<CutList> parse_cut_list(const std::string& text, const std::string& path) {
    CutList list;
    list.path = path;
    const std::vector<std::string> lines = lines_of(text);
    bool edl = false, scenes = false;
    for (const std::string& raw : lines) {
        const std::string line = trim(raw);
        if (line.rfind("TITLE:", 0) == 0 || line.rfind("FCM:", 0) == 0 || is_edl_event(words(line)))
            edl = true;
        if (line.find("Scene Number") != std::string::npos &&
            line.find("Start Frame") != std::string::npos)
            scenes = true;
    }
    Result<CutList> parsed = edl      ? parse_edl(lines, std::move(list))
                             : scenes ? parse_pyscenedetect(lines, std::move(list))
                                      : parse_plain_list(lines, std::move(list));
    if (!parsed) return parsed;
    if (parsed->cuts.empty() && parsed->format != "edl") {
        return Status(ErrorCode::BadData, "cut list '" + path + "' lists no shot");
    }
    return parsed;
}

Result<CutList> read_cut_list(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::NoInput, "cannot open the cut list '" + path + "'");
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxCutListBytes) {
            return Status(ErrorCode::BadData, "the cut list '" + path + "' is over 64 MiB");
        }
    }
    if (in.bad()) return Status(ErrorCode::Io, "cannot read the cut list '" + path + "'");
    return parse_cut_list(text, path);
}

}  // namespace huescope
