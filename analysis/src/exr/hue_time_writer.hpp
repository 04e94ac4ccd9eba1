#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "../report/float_spool.hpp"
#include "huescope/measurement.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// hue_time.exr: one row per analysed frame, one column per 1-degree hue bin. Rows are spooled to a
/// temporary file while the film is measured (memory stays flat however long the film is) and
/// turned into the EXR at the end.
class HueTimeWriter {
  public:
    explicit HueTimeWriter(std::string spool_path);

    Status open() { return m_spool.create(); }
    /// Adds a frame's row: each bin's chroma divided by the frame's pixel count.
    Status add_row(const HueAccumulator& frame);
    /// Writes the EXR to `path` (a temporary name the caller renames), with string attributes.
    Status write(const std::string& path, const std::map<std::string, std::string>& attributes);
    int64_t rows() const { return m_spool.records(); }
    /// The rows so far: a checkpoint flushes and keeps them, a resumed run reopens them.
    FloatSpool& spool() { return m_spool; }
    /// Reads the OKLCh rows back in order (after the last add_row), for the hue barcode.
    Status for_each_row(const std::function<void(const float* oklch_row)>& visit);

  private:
    FloatSpool m_spool;
};

}  // namespace huescope
