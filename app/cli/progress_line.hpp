#pragma once

#include "huescope/analyze.hpp"

namespace huescope::cli {

/// A one-line progress display on stderr, redrawn at most a few times a second. Silent unless
/// stderr is a terminal, so logs and pipes stay clean.
class ProgressLine {
  public:
    explicit ProgressLine(bool enabled);
    void update(const Progress& progress);
    void finish();

  private:
    bool m_enabled;
    double m_last_draw = -1.0;
    bool m_drawn = false;
};

}  // namespace huescope::cli
