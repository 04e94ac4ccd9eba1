#pragma once

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
    ColorEncoding m_encoding;
    double m_kr = 0.0, m_kb = 0.0;
    double m_to_working[3][3] = {};
};

/// Normalised non-linear value of a luma (or R'G'B') code: 0 = black, 1 = nominal white.
double normalize_luma_code(int code, int bit_depth, Range range);

/// Normalised colour-difference value of a chroma code: -0.5 .. +0.5, 0 = neutral.
double normalize_chroma_code(int code, int bit_depth, Range range);

}  // namespace huescope
