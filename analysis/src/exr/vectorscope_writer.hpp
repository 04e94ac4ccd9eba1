#pragma once

#include <cstdint>
#include <string>

#include "../report/float_spool.hpp"
#include "huescope/status.hpp"
#include "huescope/vectorscope.hpp"

namespace huescope {

/// vectorscope.exr: one 64 x 64 block per scope, stacked top to bottom: the film first, then
/// each shot in order; each value is the fraction of the scope's samples in that bin.
class VectorscopeWriter {
  public:
    explicit VectorscopeWriter(std::string spool_path);

    Status open() { return m_spool.create(); }
    /// Appends a shot's scope (spooled to disk: memory stays flat in film length).
    void add_shot(const Vectorscope& scope);
    /// Writes the EXR to `path` with the film's scope first. Reports any earlier spool error.
    Status write(const std::string& path, const Vectorscope& film);
    /// The shots so far: a checkpoint flushes and keeps them, a resumed run reopens them.
    FloatSpool& spool() { return m_spool; }
    /// A failed spool write so far (reported by write() too).
    const Status& error() const { return m_error; }

  private:
    FloatSpool m_spool;
    Status m_error;
};

}  // namespace huescope
