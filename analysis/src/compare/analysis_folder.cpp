#include "huescope/analysis_folder.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../report/csv_fields.hpp"
#include "../report/shots_csv.hpp"

namespace huescope {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number(const json& j) {
    return j.is_number() ? j.get<double>() : kNaN;
}

std::string text(const json& j) {
    return j.is_string() ? j.get<std::string>() : std::string();
}

Status bad(const std::string& file, const std::string& what) {
    return Status(ErrorCode::BadData, "'" + file + "': " + what);
}

HueHistogram histogram(const json& list) {
    HueHistogram h{};
    if (!list.is_array()) return h;
    for (std::size_t i = 0; i < h.size() && i < list.size(); ++i) {
        const double v = number(list[i]);
        h[i] = std::isfinite(v) ? v : 0.0;
    }
    return h;
}

Status read_summary(const std::string& path, FilmRecord& film) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Status(ErrorCode::NoInput, "cannot read '" + path + "'");
    json j;
    try {
        j = json::parse(file);
    } catch (const std::exception& e) {
        return bad(path, std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object() || !j["film"].is_object() || !j["parameters"].is_object()) {
        return bad(path, "not a huescope summary (no film or parameters object)");
    }
    const json& input = j["input"];
    film.input_path = text(input["path"]);
    film.frame_rate = number(input["frame_rate"]);
    film.duration_s = number(input["duration_s"]);
    film.input_json = input.dump();
    film.tool_version = text(j["tool"]["version"]);
    film.generated_utc = text(j["generated_utc"]);
    const json& params = j["parameters"];
    film.parameters_json = params.dump();
    if (!parse_hue_space(text(params["hue_space"]), film.hue_space)) {
        return bad(path, "unknown hue_space '" + text(params["hue_space"]) + "'");
    }
    film.min_chroma = number(params["min_chroma"]);
    film.near_black_l = number(params["near_black_l"]);
    film.near_white_l = number(params["near_white_l"]);
    for (const json& f : params["families"]) {
        film.families.push_back({text(f["name"]), number(f["from_deg"]), number(f["to_deg"])});
    }
    const json& summary = j["film"];
    for (const HueBand& f : film.families) film.shares.push_back(number(summary["shares"][f.name]));
    film.hue_histogram = histogram(summary["hue_histogram"]);
    film.hue_histogram_lab = histogram(summary["hue_histogram_lab"]);
    for (const json& c : j["palette"]) {
        PaletteColor color;
        color.weight = number(c["weight"]);
        for (int i = 0; i < 3; ++i)
            color.oklab[static_cast<std::size_t>(i)] = number(c["oklab"][i]);
        describe_color(color);
        film.palette.push_back(color);
    }
    film.shot_count = j["shots"].is_array() ? j["shots"].size() : 0;
    return Status::ok();
}

Status read_frames(const std::string& path, FilmRecord& film) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Status(ErrorCode::NoInput, "cannot read '" + path + "'");
    std::string line;
    if (!std::getline(file, line)) return bad(path, "empty");
    const std::vector<std::string> header = split_csv_line(line);
    auto column = [&](const std::string& name) -> int {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return static_cast<int>(i);
        return -1;
    };
    const int time_col = column("time_s"), shot_col = column("shot");
    const int weight_col = column("hue_weight");
    if (time_col < 0 || shot_col < 0) return bad(path, "no time_s or shot column");
    if (weight_col < 0) {
        return bad(path,
                   "no hue_weight column (written by huescope 0.2 and later): run "
                   "huescope analyze again");
    }
    std::vector<int> share_cols;
    for (const HueBand& f : film.families) {
        share_cols.push_back(column("share_" + f.name));
        if (share_cols.back() < 0) return bad(path, "no share_" + f.name + " column");
    }
    std::vector<std::size_t> metric_cols;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c].find(':') != std::string::npos) {  // plugin outputs are "id:output"
            film.metric_columns.push_back(header[c]);
            metric_cols.push_back(c);
        }
    }
    long long row = 1;
    while (std::getline(file, line)) {
        ++row;
        if (line.empty() || line == "\r") continue;
        const std::vector<std::string> fields = split_csv_line(line);
        if (fields.size() != header.size()) {
            return bad(path, "row " + std::to_string(row) + " has " +
                                 std::to_string(fields.size()) + " fields, the header " +
                                 std::to_string(header.size()));
        }
        FrameRecord frame;
        frame.time_s = csv_number(fields[static_cast<std::size_t>(time_col)]);
        const double shot = csv_number(fields[static_cast<std::size_t>(shot_col)]);
        frame.hue_weight = csv_number(fields[static_cast<std::size_t>(weight_col)]);
        if (!std::isfinite(frame.time_s) || !std::isfinite(shot) || shot < 0) {
            return bad(path, "row " + std::to_string(row) + " has no valid time_s or shot");
        }
        if (!std::isfinite(frame.hue_weight)) frame.hue_weight = 0.0;  // a grey frame
        frame.shot = static_cast<long long>(shot);
        for (int col : share_cols)
            frame.shares.push_back(csv_number(fields[static_cast<std::size_t>(col)]));
        for (std::size_t col : metric_cols) frame.metrics.push_back(csv_number(fields[col]));
        film.frames.push_back(std::move(frame));
    }
    if (film.frames.empty()) return bad(path, "no measured frame");
    return Status::ok();
}

std::string label_for(const FilmRecord& film) {
    const fs::path input(film.input_path);
    std::string stem = input.stem().string();
    if (stem.empty() || stem.find('%') != std::string::npos ||
        stem.find('#') != std::string::npos) {
        stem = input.parent_path().filename().string();  // an image sequence: its folder
    }
    if (stem.empty()) stem = fs::path(film.folder).filename().string();
    return stem;
}

}  // namespace

int FilmRecord::family_index(const std::string& name) const {
    for (std::size_t i = 0; i < families.size(); ++i)
        if (families[i].name == name) return static_cast<int>(i);
    return -1;
}

bool is_analysis_folder(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_regular_file(fs::path(path) / "summary.json", ec);
}

namespace {

// shots.csv gives the shot lengths; an analysis older than shots.csv keeps summary.json's count
// and has no lengths (NaN).
Status read_shots(const std::string& folder, FilmRecord& film) {
    const fs::path path = fs::path(folder) / "shots.csv";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        film.shot_lengths = shot_lengths({});
        film.shot_lengths.count = film.shot_count;
        return Status::ok();
    }
    Result<std::vector<ShotRecord>> shots = read_shots_csv(path.string());
    if (!shots) return shots.status();
    if (shots->size() != film.shot_count) {
        return bad(path.string(), "has " + std::to_string(shots->size()) +
                                      " shots where summary.json has " +
                                      std::to_string(film.shot_count));
    }
    std::vector<double> durations;
    for (const ShotRecord& shot : *shots) durations.push_back(shot.duration_s);
    film.shot_lengths = shot_lengths(durations);
    return Status::ok();
}

}  // namespace

Result<FilmRecord> read_analysis_folder(const std::string& folder) {
    FilmRecord film;
    film.folder = folder;
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(folder) / "summary.json", ec)) {
        return Status(ErrorCode::NoInput,
                      "'" + folder + "' is not an analysis folder (no summary.json)");
    }
    if (Status s = read_summary((fs::path(folder) / "summary.json").string(), film); !s) return s;
    if (Status s = read_frames((fs::path(folder) / "frames.csv").string(), film); !s) return s;
    if (Status s = read_shots(folder, film); !s) return s;
    film.label = label_for(film);
    return film;
}

}  // namespace huescope
