#include "frames_csv.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace huescope {
namespace {

void field(std::ostream& out, double value) {
    out << ',';
    if (!std::isfinite(value)) return;  // undefined (e.g. no chromatic pixel): empty field
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.7g", value);
    out << buffer;
}

}  // namespace

FramesCsvWriter::FramesCsvWriter(std::ostream& out, const std::vector<HueBand>& families,
                                 std::vector<std::string> extra_columns)
    : m_out(out), m_families(families), m_extra(std::move(extra_columns)) {}

void FramesCsvWriter::write_header() {
    m_out << "frame,time_s";
    for (const HueBand& f : m_families) m_out << ",share_" << f.name;
    for (const HueBand& f : m_families) m_out << ",pixel_share_" << f.name;
    m_out << ",hue_mean_deg,hue_mean_lab_deg,hue_circular_variance,chromatic_fraction"
             ",near_black_fraction,near_white_fraction,mean_chroma,chroma_p90,mean_lightness,shot,"
             "hue_weight";
    for (const std::string& column : m_extra) m_out << ',' << column;  // names are [a-z0-9._:-]
    m_out << "\r\n";
}

void FramesCsvWriter::write_row(int64_t frame, double time_s, const HueSummary& s, int64_t shot,
                                const std::vector<double>& extra) {
    char time[32];
    std::snprintf(time, sizeof time, "%.6f", time_s);
    m_out << frame << ',' << time;
    for (const auto& share : s.shares) field(m_out, share.second);
    for (const auto& share : s.pixel_shares) field(m_out, share.second);
    field(m_out, s.hue_mean_deg);
    field(m_out, s.hue_mean_lab_deg);
    field(m_out, s.hue_circular_variance);
    field(m_out, s.chromatic_fraction);
    field(m_out, s.near_black_fraction);
    field(m_out, s.near_white_fraction);
    field(m_out, s.mean_chroma);
    field(m_out, s.chroma_p90);
    field(m_out, s.mean_lightness);
    m_out << ',' << shot;
    field(m_out, s.hue_weight);  // appended in 0.2.0: columns are only ever added at the end
    for (std::size_t i = 0; i < m_extra.size(); ++i)
        field(m_out, i < extra.size() ? extra[i] : std::nan(""));
    m_out << "\r\n";
}

}  // namespace huescope
