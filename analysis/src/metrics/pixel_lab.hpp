#pragma once
// The per-pixel colour maths of a measurement, for a run of pixels at once: working-space linear
// RGB to OKLab and CIELAB lightness, chroma and hue, in single precision, into arrays (one per
// quantity) so that the loop vectorises. The sums and histograms are then taken in double
// (measurement.cpp).

#include <cstdint>

#include "huescope/measurement.hpp"

namespace huescope {

/// classify_pixel() for float values, for the vector loop: each lightness threshold is the
/// float that makes the float comparison give exactly what the double comparison gives for the
/// same value (the smallest float at or above a "below" threshold, the largest at or below an
/// "above" one); the chroma floor is compared in double, as classify_pixel() does.
struct PixelRules {
    float black_below = 0.0f;  ///< L < this, without a hue: near-black
    float white_above = 0.0f;  ///< L > this, without a hue: near-white
    double min_chroma = 0.0;   ///< MeasureParams::min_chroma
    double dark_floor = 0.0;   ///< has_hue(): C L^2 at or above this
    static PixelRules from(const MeasureParams& params);
};

/// What a pixel counts as: PixelKind, and Invalid for NaN or infinite pixels.
enum PixelCode : uint8_t {
    kInvalidPixel,
    kNearBlackPixel,
    kNearWhitePixel,
    kLowChromaPixel,
    kChromaticPixel
};

struct PixelLabRun {
    static constexpr int kMaxPixels = 256;
    float ok_l[kMaxPixels], ok_a[kMaxPixels], ok_b[kMaxPixels], ok_c[kMaxPixels], ok_h[kMaxPixels];
    float lab_a[kMaxPixels], lab_b[kMaxPixels], lab_c[kMaxPixels], lab_h[kMaxPixels];
    uint8_t code[kMaxPixels];  ///< PixelCode; for invalid pixels every other field is garbage
    /// Histogram bins: the chroma and lightness level bins, floor(value * kLevelBins / range)
    /// clamped to 0 .. kLevelBins-1, and the 1-degree hue bins, floor(hue) (0 .. 359).
    int16_t chroma_bin[kMaxPixels], lightness_bin[kMaxPixels], ok_bin[kMaxPixels],
        lab_bin[kMaxPixels];
};

/// Fills out[0 .. count) from `count` interleaved RGB pixels, count <= PixelLabRun::kMaxPixels.
/// `rgb` and `out` must not overlap.
void pixel_lab(const float* rgb, int count, const PixelRules& rules, PixelLabRun& out);

}  // namespace huescope
