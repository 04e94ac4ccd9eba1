#pragma once
// Are a BEFORE frame and its AFTER frame the same picture? A grade changes colours and tones, not
// what is where: the two thumbnails' lightness must be correlated (docs/grade.md, "Pairing").

#include <string>

#include "huescope/shots.hpp"
#include "huescope/status.hpp"

namespace huescope {

class PairCheck {
  public:
    /// Adds one pair's signatures (whole-frame thumbnails); `same` says whether they show the
    /// same picture (true when too flat to tell). An error as soon as the pairs so far cannot
    /// be one cut: most of the first pictures differ.
    Status add(const FrameSignature& before, const FrameSignature& after, double before_s,
               double after_s, bool& same);
    int64_t mismatched() const { return m_mismatched; }
    /// After the last pair: an error when too many pictures differ.
    Status verdict() const;
    int64_t verified() const { return m_verified; }

  private:
    Status mismatch_error() const;

    int64_t m_verified = 0;    // pairs with enough detail to compare
    int64_t m_mismatched = 0;  // ... whose pictures differ
    double m_first_before_s = -1.0, m_first_after_s = -1.0, m_first_correlation = 0.0;
};

}  // namespace huescope
