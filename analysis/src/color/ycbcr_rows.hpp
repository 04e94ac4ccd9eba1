#pragma once
// The fast path of CodeDecoder for Y'CbCr video with a closed-form transfer function (all SDR
// video and PQ): code values to working-space linear light on the chroma grid in one pass, in
// single precision, in loops that vectorise. It computes what CodeDecoder's general path
// computes (each luma sample decoded with its block's chroma, clipped, linearised, then averaged
// in linear light); tests/unit/pixel_kernels_test.cpp holds it to an independent double-precision
// computation of the definition, within 2e-6 + 2e-6 x value.

#include <memory>
#include <vector>

#include "huescope/image.hpp"

namespace huescope {

/// Everything the kernel needs about one stream's colour decode, fixed when the stream opens.
struct YcbcrToLinear {
    /// Normalised value = code * scale + offset (luma: 0..1; chroma: -0.5..0.5).
    float luma_scale = 0, luma_offset = 0, chroma_scale = 0, chroma_offset = 0;
    /// R' = Y' + r_cr Cr, G' = Y' - g_cb Cb - g_cr Cr, B' = Y' + b_cb Cb.
    float r_cr = 0, g_cb = 0, g_cr = 0, b_cb = 0;
    /// The transfer function sampled at segments + 1 points on [0, 1] (shared: the kernel's
    /// settings are copied per frame, the table is not).
    std::shared_ptr<const std::vector<float>> eotf;
    int segments = 0;
    float to_working[3][3] = {};
};

/// Decodes chroma-grid rows [first_row, last_row) of `codes` (model YCbCr, any subsampling) into
/// `out`, interleaved working-space RGB, width x height of the grid.
void decode_ycbcr_rows(const YcbcrToLinear& decode, const CodeImage& codes, int first_row,
                       int last_row, float* out);

}  // namespace huescope
