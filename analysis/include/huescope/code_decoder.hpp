#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "huescope/color_encoding.hpp"
#include "huescope/color_math.hpp"
#include "huescope/image.hpp"
#include "huescope/status.hpp"

namespace huescope {

class OcioStage;
struct YcbcrToLinear;

/// Decodes a picture to linear light in the working space, in three steps: code values to
/// normalised R'G'B' (range, matrix; SDR signals clipped to 0..1 as a display would), R'G'B' to
/// linear light in the source primaries (transfer function, HLG OOTF, or an OpenColorIO
/// transform), and linear light to the working space (primaries, white adaptation).
class CodeDecoder {
  public:
    static Result<CodeDecoder> create(const ColorEncoding& encoding);

    /// From integer code values (video, image sequences read by FFmpeg).
    void decode(const CodeImage& codes, LinearImage& out) const;

    /// Only the first step: normalised R'G'B' on the analysis grid (for chroma-subsampled
    /// video, each grid cell's luma samples' R'G'B' averaged), in the source's encoding.
    void decode_encoded(const CodeImage& codes, LinearImage& out) const;

    /// From float R'G'B' already normalised (OpenEXR). Linear sources are not clipped.
    void decode_float(const std::vector<float>& rgb, int width, int height, LinearImage& out) const;

  private:
    std::shared_ptr<const YcbcrToLinear> make_ycbcr_kernel() const;
    void decode_ycbcr(const CodeImage& codes, LinearImage& out) const;
    /// Steps one and, when `linear`, two and three, for every code model (no fused kernel).
    void decode_general(const CodeImage& codes, LinearImage& out, bool linear) const;
    /// R'G'B' of luma rows [first_row, last_row), one pixel per luma sample, into `full`.
    void convert_rows(const CodeImage& codes, int first_row, int last_row, float* full) const;
    void linearize_in_place(std::vector<float>& rgb) const;
    void linearize_range(float* rgb, std::size_t pixels) const;
    void to_working_in_place(std::vector<float>& rgb) const;
    double linearize(double encoded) const;

    ColorEncoding m_encoding;
    double m_kr = 0.0, m_kb = 0.0;
    Mat3 m_to_working;
    Vec3 m_source_luma{};  ///< Y row of the source primaries' RGB -> XYZ matrix (HLG OOTF)
    /// The transfer function sampled on [0, 1], read with linear interpolation: the error stays
    /// below 1e-7 of full scale (docs/color-science.md), and pow() per sample was the largest
    /// single cost of a frame.
    std::vector<double> m_eotf_table;
    std::shared_ptr<const OcioStage> m_ocio;
    /// The single-pass kernel for Y'CbCr with a closed-form, per-component transfer (not HLG,
    /// whose OOTF mixes components, nor OpenColorIO); null otherwise.
    std::shared_ptr<const YcbcrToLinear> m_ycbcr_kernel;
    mutable std::vector<float> m_full;  ///< scratch for subsampled video: one pixel per luma sample
};

/// Normalised non-linear value of a luma (or R'G'B') code: 0 = black, 1 = nominal white.
double normalize_luma_code(int code, int bit_depth, Range range);

/// Normalised colour-difference value of a chroma code: -0.5 .. +0.5, 0 = neutral.
double normalize_chroma_code(int code, int bit_depth, Range range);

}  // namespace huescope
