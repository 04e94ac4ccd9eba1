#include "huescope/code_decoder.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "huescope/color_math.hpp"

namespace huescope {

namespace {
constexpr int kEotfSegments = 4096;

// Affine map from an integer code to its normalised value: value = code * scale + offset.
struct CodeScale {
    double scale, offset;
    CodeScale(int bits, Range range, bool chroma) {
        const double one = std::ldexp(1.0, bits - 8);
        const double full = std::ldexp(1.0, bits) - 1.0;
        if (range == Range::Full) {
            scale = 1.0 / full;
            offset = chroma ? -std::ldexp(1.0, bits - 1) / full : 0.0;
        } else {
            scale = 1.0 / ((chroma ? 224.0 : 219.0) * one);
            offset = -(chroma ? 128.0 : 16.0) * one * scale;
        }
    }
    double operator()(int code) const { return code * scale + offset; }
};
}  // namespace

double CodeDecoder::linearize(double v) const {
    const double x = std::clamp(v, 0.0, 1.0) * kEotfSegments;
    const int i = std::min(static_cast<int>(x), kEotfSegments - 1);
    const double t = x - i;
    return m_eotf_table[i] + t * (m_eotf_table[i + 1] - m_eotf_table[i]);
}

// BT.601/709/2020 limited range: black at 16, white at 235, chroma 16..240 around 128, all scaled
// by 2^(n-8). Full range (BT.2100 / JPEG): 0..2^n-1, chroma centred on 2^(n-1).
double normalize_luma_code(int code, int bit_depth, Range range) {
    return CodeScale(bit_depth, range, false)(code);
}

double normalize_chroma_code(int code, int bit_depth, Range range) {
    return CodeScale(bit_depth, range, true)(code);
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
    decoder.m_eotf_table.resize(kEotfSegments + 1);
    for (int i = 0; i <= kEotfSegments; ++i) {
        decoder.m_eotf_table[i] = eotf(encoding.transfer, double(i) / kEotfSegments);
    }
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

    const CodeScale luma(codes.bit_depth, m_encoding.range, false);
    const CodeScale chroma(codes.bit_depth, m_encoding.range, true);
    const double kr = m_kr, kb = m_kb, kg = 1.0 - m_kr - m_kb;
    const auto& p = codes.planes;

    for (std::size_t i = 0; i < n; ++i) {
        double rgb[3];
        switch (codes.model) {
            case PixelModel::YCbCr: {
                const double y = luma(p[0][i]);
                const double cb = chroma(p[1][i]);
                const double cr = chroma(p[2][i]);
                // Inverse of Y' = Kr R' + Kg G' + Kb B', Cb = (B'-Y')/(2(1-Kb)), Cr =
                // (R'-Y')/(2(1-Kr)).
                rgb[0] = y + 2.0 * (1.0 - kr) * cr;
                rgb[2] = y + 2.0 * (1.0 - kb) * cb;
                rgb[1] = (y - kr * rgb[0] - kb * rgb[2]) / kg;
                break;
            }
            case PixelModel::Rgb:
                for (int c = 0; c < 3; ++c) rgb[c] = luma(p[c][i]);
                break;
            case PixelModel::Gray:
                rgb[0] = rgb[1] = rgb[2] = luma(p[0][i]);
                break;
        }
        double linear[3];
        for (int c = 0; c < 3; ++c) linear[c] = linearize(rgb[c]);
        for (int r = 0; r < 3; ++r) {
            out.rgb[i * 3 + r] =
                static_cast<float>(m_to_working[r][0] * linear[0] + m_to_working[r][1] * linear[1] +
                                   m_to_working[r][2] * linear[2]);
        }
    }
}

}  // namespace huescope
