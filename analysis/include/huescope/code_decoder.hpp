#pragma once

#include <vector>

#include "huescope/color_encoding.hpp"
#include "huescope/image.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// Decodes integer code values to linear light in the working space, applying the encoding's range,
/// matrix, transfer function and primaries, in that order. SDR signal values are clipped to 0..1
/// before the transfer function, as a display would. Fails for transfers it cannot decode (PQ,
/// HLG).
class CodeDecoder {
  public:
    static Result<CodeDecoder> create(const ColorEncoding& encoding);

    void decode(const CodeImage& codes, LinearImage& out) const;

  private:
    double linearize(double encoded) const;

    ColorEncoding m_encoding;
    double m_kr = 0.0, m_kb = 0.0;
    double m_to_working[3][3] = {};
    /// The transfer function sampled on [0, 1], read with linear interpolation: the curve is
    /// smooth enough that the error stays below 3e-8 (docs/color-science.md), and pow() per
    /// sample was the single largest cost of a frame.
    std::vector<double> m_eotf_table;
};

/// Normalised non-linear value of a luma (or R'G'B') code: 0 = black, 1 = nominal white.
double normalize_luma_code(int code, int bit_depth, Range range);

/// Normalised colour-difference value of a chroma code: -0.5 .. +0.5, 0 = neutral.
double normalize_chroma_code(int code, int bit_depth, Range range);

}  // namespace huescope
