#pragma once
// The per-pixel colour maths of a measurement, for a run of pixels at once: working-space linear
// RGB to OKLab and CIELAB lightness, chroma and hue, in single precision, into arrays (one per
// quantity) so that the loop vectorises. The sums and histograms are then taken in double
// (measurement.cpp).

#include <cstdint>

namespace huescope {

struct PixelLabRun {
    static constexpr int kMaxPixels = 256;
    float ok_l[kMaxPixels], ok_a[kMaxPixels], ok_b[kMaxPixels], ok_c[kMaxPixels], ok_h[kMaxPixels];
    float lab_a[kMaxPixels], lab_b[kMaxPixels], lab_c[kMaxPixels], lab_h[kMaxPixels];
    uint8_t finite[kMaxPixels];  ///< 0 where any channel is NaN or infinite (the rest is garbage)
};

/// Fills out[0 .. count) from `count` interleaved RGB pixels, count <= PixelLabRun::kMaxPixels.
/// `rgb` and `out` must not overlap.
void pixel_lab(const float* rgb, int count, PixelLabRun& out);

}  // namespace huescope
