#include "shots_csv.hpp"

#include <cmath>
#include <cstdio>

namespace huescope {
namespace {

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
    out << "shot,start_frame,end_frame,start_s,end_s,duration_s,frames,transition";
    for (const HueBand& f : families) out << ",share_" << f.name;
    out << ",hue_mean_deg,hue_mean_lab_deg,hue_circular_variance,chromatic_fraction,mean_chroma,"
           "chroma_p50,chroma_p90,mean_lightness,lightness_p50,palette\r\n";
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

}  // namespace huescope
