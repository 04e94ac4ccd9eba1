#include "huescope/code_decoder.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "huescope/color_math.hpp"
#include "huescope/parallel.hpp"
#include "ocio/ocio_stage.hpp"
#include "ycbcr_rows.hpp"

namespace huescope {

namespace {
// PQ is the steepest curve sampled: 16384 segments keep its interpolation error below 1e-7 of
// full scale (tested in CodeDecoder.TableMatchesTheTransferFunctions).
constexpr int kEotfSegments = 16384;

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
    CodeDecoder decoder;
    decoder.m_encoding = encoding;
    luma_coefficients(encoding.matrix, decoder.m_kr, decoder.m_kb);
    if (encoding.transfer == Transfer::Ocio) {
        Result<std::shared_ptr<const OcioStage>> stage = OcioStage::create(encoding);
        if (!stage) return stage.status();
        decoder.m_ocio = stage.value();
    } else {
        decoder.m_eotf_table.resize(kEotfSegments + 1);
        for (int i = 0; i <= kEotfSegments; ++i) {
            decoder.m_eotf_table[i] = eotf(encoding.transfer, double(i) / kEotfSegments);
        }
    }
    decoder.m_to_working = to_working_space_matrix(encoding.primaries);
    if (encoding.transfer != Transfer::Ocio && encoding.transfer != Transfer::Hlg) {
        decoder.m_ycbcr_kernel = decoder.make_ycbcr_kernel();
    }
    const Mat3 to_xyz = rgb_to_xyz_matrix(encoding.primaries);
    decoder.m_source_luma = {to_xyz.m[1][0], to_xyz.m[1][1], to_xyz.m[1][2]};
    return decoder;
}

std::shared_ptr<const YcbcrToLinear> CodeDecoder::make_ycbcr_kernel() const {
    auto k = std::make_shared<YcbcrToLinear>();
    k->segments = kEotfSegments;
    k->eotf = std::make_shared<const std::vector<float>>(m_eotf_table.begin(), m_eotf_table.end());
    const double kg = 1.0 - m_kr - m_kb;
    k->r_cr = static_cast<float>(2.0 * (1.0 - m_kr));
    k->b_cb = static_cast<float>(2.0 * (1.0 - m_kb));
    // G' = (Y' - Kr R' - Kb B') / Kg with R' and B' substituted.
    k->g_cb = static_cast<float>(m_kb * 2.0 * (1.0 - m_kb) / kg);
    k->g_cr = static_cast<float>(m_kr * 2.0 * (1.0 - m_kr) / kg);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) k->to_working[r][c] = static_cast<float>(m_to_working.m[r][c]);
    return k;
}

void CodeDecoder::decode(const CodeImage& codes, LinearImage& out) const {
    if (m_ycbcr_kernel && codes.model == PixelModel::YCbCr) {
        decode_ycbcr(codes, out);
        return;
    }
    decode_general(codes, out, true);
}

void CodeDecoder::decode_encoded(const CodeImage& codes, LinearImage& out) const {
    decode_general(codes, out, false);
}

void CodeDecoder::decode_general(const CodeImage& codes, LinearImage& out, bool linear) const {
    // Every luma sample becomes a pixel of its own (with its block's chroma), is linearised, and
    // only then averaged onto the analysis grid: a mean colour must be a mean of light, not of
    // gamma-encoded code values (a black/white checkerboard is sRGB 188, not 128).
    const int lw = codes.luma_width, lh = codes.luma_height;
    const int sx = codes.subsample_x, sy = codes.subsample_y;
    const std::size_t n = static_cast<std::size_t>(lw) * lh;
    const bool subsampled = sx != 0 || sy != 0;
    // Without subsampling the luma grid is the analysis grid: decode straight into the output.
    std::vector<float>& full = subsampled ? m_full : out.rgb;
    full.resize(n * 3);

    const std::size_t chunks = parallel_chunks();
    parallel_for(chunks, [&](std::size_t chunk) {
        std::size_t first_row = 0, last_row = 0;
        chunk_range(static_cast<std::size_t>(lh), chunks, chunk, first_row, last_row);
        convert_rows(codes, int(first_row), int(last_row), full.data());
        // Rows are independent through the transfer function too.
        if (linear) linearize_range(full.data() + first_row * lw * 3, (last_row - first_row) * lw);
    });

    out.width = codes.width;
    out.height = codes.height;
    if (subsampled) {
        out.rgb.assign(static_cast<std::size_t>(codes.width) * codes.height * 3, 0.0f);
        parallel_for(chunks, [&](std::size_t chunk) {
            std::size_t first_row = 0, last_row = 0;
            chunk_range(static_cast<std::size_t>(codes.height), chunks, chunk, first_row, last_row);
            for (int gy = int(first_row); gy < int(last_row); ++gy) {
                const int row0 = gy << sy, row1 = std::min(lh, (gy + 1) << sy);
                for (int gx = 0; gx < codes.width; ++gx) {
                    const int col0 = gx << sx, col1 = std::min(lw, (gx + 1) << sx);
                    double sum[3] = {0.0, 0.0, 0.0};
                    for (int y = row0; y < row1; ++y)
                        for (int x = col0; x < col1; ++x)
                            for (int c = 0; c < 3; ++c)
                                sum[c] += m_full[(static_cast<std::size_t>(y) * lw + x) * 3 + c];
                    const double count = double((row1 - row0) * (col1 - col0));
                    float* dst =
                        out.rgb.data() + (static_cast<std::size_t>(gy) * codes.width + gx) * 3;
                    for (int c = 0; c < 3; ++c) dst[c] = static_cast<float>(sum[c] / count);
                }
            }
        });
    }
    if (linear) to_working_in_place(out.rgb);
}

void CodeDecoder::decode_ycbcr(const CodeImage& codes, LinearImage& out) const {
    // The code scales depend on the frame's bit depth, so they are set per frame.
    YcbcrToLinear kernel = *m_ycbcr_kernel;
    const CodeScale luma(codes.bit_depth, m_encoding.range, false);
    const CodeScale chroma(codes.bit_depth, m_encoding.range, true);
    kernel.luma_scale = static_cast<float>(luma.scale);
    kernel.luma_offset = static_cast<float>(luma.offset);
    kernel.chroma_scale = static_cast<float>(chroma.scale);
    kernel.chroma_offset = static_cast<float>(chroma.offset);
    out.width = codes.width;
    out.height = codes.height;
    out.rgb.resize(static_cast<std::size_t>(codes.width) * codes.height * 3);
    const std::size_t chunks = std::min<std::size_t>(parallel_chunks(), std::max(codes.height, 1));
    parallel_for(chunks, [&](std::size_t chunk) {
        std::size_t first = 0, last = 0;
        chunk_range(static_cast<std::size_t>(codes.height), chunks, chunk, first, last);
        decode_ycbcr_rows(kernel, codes, int(first), int(last), out.rgb.data());
    });
}

void CodeDecoder::convert_rows(const CodeImage& codes, int first_row, int last_row,
                               float* full) const {
    const CodeScale luma(codes.bit_depth, m_encoding.range, false);
    const CodeScale chroma(codes.bit_depth, m_encoding.range, true);
    const double kr = m_kr, kb = m_kb, kg = 1.0 - m_kr - m_kb;
    const double r_cr = 2.0 * (1.0 - kr), b_cb = 2.0 * (1.0 - kb);
    const int lw = codes.luma_width, sx = codes.subsample_x, sy = codes.subsample_y;
    const uint16_t* p0 = codes.planes[0].data();
    const uint16_t* p1 = codes.planes[1].data();
    const uint16_t* p2 = codes.planes[2].data();
    const PixelModel model = codes.model;
    for (int y = first_row; y < last_row; ++y) {
        float* dst = full + static_cast<std::size_t>(y) * lw * 3;
        const uint16_t* row = p0 + static_cast<std::size_t>(y) * lw;
        const std::size_t chroma_row = static_cast<std::size_t>(y >> sy) * codes.width;
        for (int x = 0; x < lw; ++x, dst += 3) {
            double r, g, b;
            if (model == PixelModel::YCbCr) {
                const double yy = luma(row[x]);
                const double cb = chroma(p1[chroma_row + (x >> sx)]);
                const double cr = chroma(p2[chroma_row + (x >> sx)]);
                // Inverse of Y' = Kr R' + Kg G' + Kb B', Cb = (B'-Y')/(2(1-Kb)), Cr =
                // (R'-Y')/(2(1-Kr)).
                r = yy + r_cr * cr;
                b = yy + b_cb * cb;
                g = (yy - kr * r - kb * b) / kg;
            } else if (model == PixelModel::Rgb) {
                const std::size_t i = static_cast<std::size_t>(y) * lw + x;
                r = luma(p0[i]);
                g = luma(p1[i]);
                b = luma(p2[i]);
            } else {
                r = g = b = luma(row[x]);
            }
            // A video signal outside 0..1 is not displayable: a display clips it.
            dst[0] = static_cast<float>(std::clamp(r, 0.0, 1.0));
            dst[1] = static_cast<float>(std::clamp(g, 0.0, 1.0));
            dst[2] = static_cast<float>(std::clamp(b, 0.0, 1.0));
        }
    }
}

void CodeDecoder::decode_float(const std::vector<float>& rgb, int width, int height,
                               LinearImage& out) const {
    out.width = width;
    out.height = height;
    out.rgb = rgb;
    // Scene-linear float pixels keep their highlights and out-of-gamut negatives.
    if (m_encoding.transfer != Transfer::Linear) linearize_in_place(out.rgb);
    to_working_in_place(out.rgb);
}

void CodeDecoder::linearize_in_place(std::vector<float>& rgb) const {
    linearize_range(rgb.data(), rgb.size() / 3);
}

void CodeDecoder::linearize_range(float* rgb, std::size_t pixels) const {
    if (m_ocio) {
        m_ocio->apply(rgb, pixels);
        return;
    }
    const bool hlg = m_encoding.transfer == Transfer::Hlg;
    for (std::size_t i = 0; i < pixels * 3; i += 3) {
        Vec3 linear{linearize(rgb[i]), linearize(rgb[i + 1]), linearize(rgb[i + 2])};
        if (hlg) linear = hlg_ootf(linear, m_source_luma);
        for (int c = 0; c < 3; ++c) rgb[i + c] = static_cast<float>(linear[c]);
    }
}

void CodeDecoder::to_working_in_place(std::vector<float>& rgb) const {
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) {
        const Vec3 in{rgb[i], rgb[i + 1], rgb[i + 2]};
        const Vec3 out = m_to_working * in;
        for (int c = 0; c < 3; ++c) rgb[i + c] = static_cast<float>(out[c]);
    }
}

}  // namespace huescope
