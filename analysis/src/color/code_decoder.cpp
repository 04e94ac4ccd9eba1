#include "huescope/code_decoder.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "huescope/color_math.hpp"

namespace huescope {

double normalize_luma_code(int code, int bit_depth, Range range) {
    if (range == Range::Full) return code / (std::ldexp(1.0, bit_depth) - 1.0);
    // BT.601/709/2020 limited range: black at 16, white at 235, scaled by 2^(n-8).
    const double scale = std::ldexp(1.0, bit_depth - 8);
    return (code - 16.0 * scale) / (219.0 * scale);
}

double normalize_chroma_code(int code, int bit_depth, Range range) {
    const double offset = std::ldexp(1.0, bit_depth - 1);
    if (range == Range::Full) return (code - offset) / (std::ldexp(1.0, bit_depth) - 1.0);
    return (code - offset) / (224.0 * std::ldexp(1.0, bit_depth - 8));
}

Result<CodeDecoder> CodeDecoder::create(const ColorEncoding& encoding) {
    if (encoding.transfer == Transfer::Pq || encoding.transfer == Transfer::Hlg) {
        return Status(ErrorCode::Unsupported,
                      std::string("HDR transfer '") + transfer_name(encoding.transfer) +
                          "' is not measured yet: decoding it as SDR would give wrong hues");
    }
    CodeDecoder decoder;
    decoder.m_encoding = encoding;
    luma_coefficients(encoding.matrix, decoder.m_kr, decoder.m_kb);
    const Mat3 m = to_working_space_matrix(encoding.primaries);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) decoder.m_to_working[i][j] = m.m[i][j];
    return decoder;
}

void CodeDecoder::decode(const CodeImage& codes, LinearImage& out) const {
    out.width = codes.width;
    out.height = codes.height;
    const std::size_t n = static_cast<std::size_t>(codes.width) * codes.height;
    out.rgb.resize(n * 3);

    const int bits = codes.bit_depth;
    const Range range = m_encoding.range;
    const Transfer transfer = m_encoding.transfer;
    const double kr = m_kr, kb = m_kb, kg = 1.0 - m_kr - m_kb;
    const auto& p = codes.planes;

    for (std::size_t i = 0; i < n; ++i) {
        double rgb[3];
        switch (codes.model) {
            case PixelModel::YCbCr: {
                const double y = normalize_luma_code(p[0][i], bits, range);
                const double cb = normalize_chroma_code(p[1][i], bits, range);
                const double cr = normalize_chroma_code(p[2][i], bits, range);
                // Inverse of Y' = Kr R' + Kg G' + Kb B', Cb = (B'-Y')/(2(1-Kb)), Cr =
                // (R'-Y')/(2(1-Kr)).
                rgb[0] = y + 2.0 * (1.0 - kr) * cr;
                rgb[2] = y + 2.0 * (1.0 - kb) * cb;
                rgb[1] = (y - kr * rgb[0] - kb * rgb[2]) / kg;
                break;
            }
            case PixelModel::Rgb:
                for (int c = 0; c < 3; ++c) rgb[c] = normalize_luma_code(p[c][i], bits, range);
                break;
            case PixelModel::Gray:
                rgb[0] = rgb[1] = rgb[2] = normalize_luma_code(p[0][i], bits, range);
                break;
        }
        double linear[3];
        for (int c = 0; c < 3; ++c) linear[c] = eotf(transfer, std::clamp(rgb[c], 0.0, 1.0));
        for (int r = 0; r < 3; ++r) {
            out.rgb[i * 3 + r] =
                static_cast<float>(m_to_working[r][0] * linear[0] + m_to_working[r][1] * linear[1] +
                                   m_to_working[r][2] * linear[2]);
        }
    }
}

}  // namespace huescope
