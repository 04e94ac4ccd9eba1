#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "huescope/measurement.hpp"

namespace huescope {

/// frames.csv: one row per analysed frame (RFC 4180, header row, empty field for "undefined").
class FramesCsvWriter {
  public:
    FramesCsvWriter(std::ostream& out, const std::vector<HueBand>& families);
    void write_header();
    void write_row(int64_t frame, double time_s, const HueSummary& summary, int64_t shot);

  private:
    std::ostream& m_out;
    const std::vector<HueBand>& m_families;
};

}  // namespace huescope
