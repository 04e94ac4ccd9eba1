#include "pair_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace huescope {
namespace {

// A picture with less lightness spread than this (OKLab L, standard deviation over the
// thumbnail) is too flat to tell one picture from another: black, a flat colour field.
constexpr double kMinSpread = 0.01;
// Below this correlation the two thumbnails are different pictures. A grade's tone curve is
// monotonic, which keeps the correlation of the same picture high; unrelated shots share no
// layout of light and dark.
constexpr double kSamePicture = 0.5;
// Decisions: after this many compared pairs, more than half differing is a different cut; at
// the end, more than this share (and more than kFewPairs pairs) is.
constexpr int64_t kEarlyPairs = 24;
constexpr double kMaxMismatchShare = 0.1;
constexpr int64_t kFewPairs = 2;

// Pearson correlation of the two thumbnails' OKLab L, or NaN when either is flat.
double lightness_correlation(const FrameSignature& a, const FrameSignature& b) {
    const std::size_t n = std::min(a.oklab.size(), b.oklab.size()) / 3;
    if (n < 2) return std::nan("");
    double ma = 0.0, mb = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += a.oklab[i * 3];
        mb += b.oklab[i * 3];
    }
    ma /= n;
    mb /= n;
    double saa = 0.0, sbb = 0.0, sab = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double da = a.oklab[i * 3] - ma, db = b.oklab[i * 3] - mb;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
    }
    if (std::sqrt(saa / n) < kMinSpread || std::sqrt(sbb / n) < kMinSpread) return std::nan("");
    return sab / std::sqrt(saa * sbb);
}

}  // namespace

Status PairCheck::add(const FrameSignature& before, const FrameSignature& after, double before_s,
                      double after_s, bool& same) {
    const double r = lightness_correlation(before, after);
    same = true;
    if (std::isnan(r)) return Status::ok();
    ++m_verified;
    if (r < kSamePicture) {
        same = false;
        if (m_mismatched++ == 0) {
            m_first_before_s = before_s;
            m_first_after_s = after_s;
            m_first_correlation = r;
        }
    }
    if (m_verified == kEarlyPairs && 2 * m_mismatched > m_verified) return mismatch_error();
    return Status::ok();
}

Status PairCheck::verdict() const {
    if (m_mismatched > kFewPairs && m_mismatched > kMaxMismatchShare * m_verified)
        return mismatch_error();
    return Status::ok();
}

Status PairCheck::mismatch_error() const {
    char text[400];
    std::snprintf(text, sizeof text,
                  "BEFORE and AFTER do not show the same pictures: %lld of %lld compared frames "
                  "differ, the first at BEFORE %.3f s / AFTER %.3f s (lightness correlation "
                  "%.2f). Are they the same cut? If one starts later, --offset FRAMES shifts "
                  "AFTER against BEFORE",
                  static_cast<long long>(m_mismatched), static_cast<long long>(m_verified),
                  m_first_before_s, m_first_after_s, m_first_correlation);
    return Status(ErrorCode::BadData, text);
}

}  // namespace huescope
