#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "huescope/measurement.hpp"

namespace huescope {

/// frames.csv: one row per analysed frame (RFC 4180, header row, empty field for "undefined").
class FramesCsvWriter {
  public:
    /// `extra_columns`: plugin outputs ("id:output"), appended after the built-in columns.
    FramesCsvWriter(std::ostream& out, const std::vector<HueBand>& families,
                    std::vector<std::string> extra_columns = {});
    void write_header();
    void write_row(int64_t frame, double time_s, const HueSummary& summary, int64_t shot,
                   const std::vector<double>& extra = {});

  private:
    std::ostream& m_out;
    const std::vector<HueBand>& m_families;
    std::vector<std::string> m_extra;
};

}  // namespace huescope
