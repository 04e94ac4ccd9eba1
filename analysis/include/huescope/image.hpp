#pragma once
// huescope's own picture types, so that no third-party type appears in a public header.

#include <array>
#include <cstdint>
#include <vector>

namespace huescope {

/// How the three planes of a CodeImage are to be read.
enum class PixelModel { YCbCr, Rgb, Gray };

/// Integer code values as stored in the stream. For chroma-subsampled video the analysis grid is
/// the chroma grid (hue exists only there): `width` x `height`. Luma keeps its full resolution,
/// `luma_width` x `luma_height`, with its rows ordered so that grid row gy is served by luma rows
/// (gy << subsample_y) + k (for interlaced video that is the chroma row's own field).
struct CodeImage {
    int width = 0;
    int height = 0;
    int luma_width = 0;
    int luma_height = 0;
    int subsample_x = 0;  ///< log2 of the horizontal chroma subsampling
    int subsample_y = 0;
    int bit_depth = 8;
    PixelModel model = PixelModel::YCbCr;
    /// Plane 0..2 = Y, Cb, Cr (YCbCr) or R, G, B (Rgb); Gray uses plane 0 only.
    std::array<std::vector<uint16_t>, 3> planes;
};

/// Linear light in the working space: BT.709 primaries, D65 white, 1.0 = reference white.
/// Interleaved R, G, B floats, row-major, no padding. Values outside 0..1 are legal (wide gamut,
/// scene-referred highlights).
struct LinearImage {
    int width = 0;
    int height = 0;
    std::vector<float> rgb;

    std::size_t pixel_count() const { return static_cast<std::size_t>(width) * height; }
};

}  // namespace huescope
