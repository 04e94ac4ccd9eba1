#include "shots_csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <numeric>
#include <utility>

#include "csv_fields.hpp"

namespace huescope {
namespace {

// The columns before and after the per-family shares; the writer and the reader both spell
// them from here.
constexpr const char* kLeadColumns[] = {"shot",  "start_frame", "end_frame", "start_s",
                                        "end_s", "duration_s",  "frames",    "transition"};
constexpr const char* kTailColumns[] = {"hue_mean_deg",
                                        "hue_mean_lab_deg",
                                        "hue_circular_variance",
                                        "chromatic_fraction",
                                        "mean_chroma",
                                        "chroma_p50",
                                        "chroma_p90",
                                        "mean_lightness",
                                        "lightness_p50",
                                        "palette"};
constexpr const char* kSharePrefix = "share_";

void number(std::ostream& out, double value, const char* format = "%.7g") {
    out << ',';
    if (!std::isfinite(value)) return;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    out << buffer;
}

}  // namespace

std::vector<double> shot_durations(const std::vector<ShotResult>& shots, double frame_rate) {
    std::vector<double> durations;
    for (std::size_t i = 0; i < shots.size(); ++i) {
        const double end = i + 1 < shots.size()
                               ? shots[i + 1].start_s
                               : shots[i].end_s + (frame_rate > 0 ? 1.0 / frame_rate : 0.0);
        durations.push_back(end - shots[i].start_s);
    }
    return durations;
}

void write_shots_csv(std::ostream& out, const std::vector<ShotResult>& shots,
                     const std::vector<HueBand>& families, double frame_rate) {
    const char* separator = "";
    for (const char* name : kLeadColumns) out << std::exchange(separator, ",") << name;
    for (const HueBand& f : families) out << ',' << kSharePrefix << f.name;
    for (const char* name : kTailColumns) out << ',' << name;
    out << "\r\n";
    const std::vector<double> durations = shot_durations(shots, frame_rate);
    for (std::size_t i = 0; i < shots.size(); ++i) {
        const ShotResult& shot = shots[i];
        const HueSummary& s = shot.summary;
        out << i << ',' << shot.start_frame << ',' << shot.end_frame;
        number(out, shot.start_s, "%.6f");
        number(out, shot.end_s, "%.6f");
        number(out, durations[i], "%.6f");
        out << ',' << shot.frames << ',' << transition_name(shot.transition);
        for (const auto& share : s.shares) number(out, share.second);
        number(out, s.hue_mean_deg);
        number(out, s.hue_mean_lab_deg);
        number(out, s.hue_circular_variance);
        number(out, s.chromatic_fraction);
        number(out, s.mean_chroma);
        number(out, s.chroma_p50);
        number(out, s.chroma_p90);
        number(out, s.mean_lightness);
        number(out, s.lightness_p50);
        // The palette as sRGB hex codes, heaviest first, space-separated in one field.
        out << ',';
        for (std::size_t c = 0; c < shot.palette.size(); ++c) {
            out << (c > 0 ? " " : "") << shot.palette[c].hex;
        }
        out << "\r\n";
    }
}

namespace {

Status bad_shots(const std::string& path, const std::string& what) {
    return Status(ErrorCode::BadData, "'" + path + "': " + what);
}

}  // namespace

Result<std::vector<ShotRecord>> read_shots_csv(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Status(ErrorCode::NoInput, "cannot read '" + path + "'");
    std::string line;
    if (!std::getline(file, line)) return bad_shots(path, "empty");
    const std::vector<std::string> header = split_csv_line(line);
    auto column = [&](const std::string& name) -> long {
        const auto at = std::find(header.begin(), header.end(), name);
        return at == header.end() ? -1 : static_cast<long>(at - header.begin());
    };
    for (const char* name : kLeadColumns) {
        if (column(name) < 0) return bad_shots(path, std::string("no ") + name + " column");
    }
    std::vector<std::pair<std::string, std::size_t>> share_columns;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c].rfind(kSharePrefix, 0) == 0)
            share_columns.emplace_back(header[c].substr(std::string(kSharePrefix).size()), c);
    }
    std::vector<ShotRecord> shots;
    for (long row = 2; std::getline(file, line); ++row) {
        if (line.empty() || line == "\r") continue;
        const std::vector<std::string> fields = split_csv_line(line);
        if (fields.size() != header.size()) {
            return bad_shots(path, "row " + std::to_string(row) + " has " +
                                       std::to_string(fields.size()) + " fields, the header " +
                                       std::to_string(header.size()));
        }
        auto field = [&](const char* name) -> const std::string& {
            static const std::string none;
            const long c = column(name);
            return c < 0 ? none : fields[static_cast<std::size_t>(c)];
        };
        auto value = [&](const char* name) { return csv_number(field(name)); };
        ShotRecord shot;
        const double index = value("shot"), start = value("start_frame"), end = value("end_frame"),
                     frames = value("frames");
        shot.start_s = value("start_s");
        shot.end_s = value("end_s");
        shot.duration_s = value("duration_s");
        if (!std::isfinite(index) || !std::isfinite(start) || !std::isfinite(end) ||
            !std::isfinite(frames) || !std::isfinite(shot.start_s) ||
            !std::isfinite(shot.duration_s) || end < start || shot.duration_s < 0) {
            return bad_shots(path, "row " + std::to_string(row) +
                                       " has no valid shot, frames, start or duration");
        }
        shot.shot = static_cast<long long>(index);
        shot.start_frame = static_cast<long long>(start);
        shot.end_frame = static_cast<long long>(end);
        shot.frames = static_cast<long long>(frames);
        if (!shots.empty() &&
            (shot.shot != shots.back().shot + 1 || shot.start_frame <= shots.back().start_frame)) {
            return bad_shots(path, "row " + std::to_string(row) + ": shots out of order");
        }
        shot.transition = field("transition");
        for (const auto& [name, c] : share_columns)
            shot.shares.emplace_back(name, csv_number(fields[c]));
        shot.hue_mean_deg = value("hue_mean_deg");
        shot.chromatic_fraction = value("chromatic_fraction");
        shot.mean_chroma = value("mean_chroma");
        shot.mean_lightness = value("mean_lightness");
        shot.palette = field("palette");
        shots.push_back(std::move(shot));
    }
    return shots;
}

ShotLengths shot_lengths(std::vector<double> durations) {
    ShotLengths lengths;
    lengths.count = durations.size();
    if (durations.empty()) {
        lengths.average_s = lengths.median_s = std::numeric_limits<double>::quiet_NaN();
        return lengths;
    }
    lengths.average_s =
        std::accumulate(durations.begin(), durations.end(), 0.0) / double(durations.size());
    std::sort(durations.begin(), durations.end());
    const std::size_t n = durations.size();
    lengths.median_s =
        n % 2 == 1 ? durations[n / 2] : 0.5 * (durations[n / 2 - 1] + durations[n / 2]);
    return lengths;
}

}  // namespace huescope
