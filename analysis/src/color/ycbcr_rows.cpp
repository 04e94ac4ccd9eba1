#include "ycbcr_rows.hpp"

#include <algorithm>
#include <cstdint>

// Compiled for AVX2 and for the baseline; the loader picks (see metrics/pixel_lab.cpp).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HUESCOPE_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HUESCOPE_VECTOR_CLONES
#endif

namespace huescope {
namespace {

// Scratch for one grid row: the chroma terms of each block, and the linear light summed over
// its luma samples.
struct RowScratch {
    std::vector<float> r_term, g_term, b_term, sum_r, sum_g, sum_b;
    void resize(std::size_t n) {
        for (auto* v : {&r_term, &g_term, &b_term, &sum_r, &sum_g, &sum_b}) v->assign(n, 0.0f);
    }
};

float clip01(float v) {
    return v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v);
}

float linearize(const float* table, int segments, float encoded) {
    const float x = clip01(encoded) * static_cast<float>(segments);
    const int i = std::min(static_cast<int>(x), segments - 1);
    const float t = x - static_cast<float>(i);
    return table[i] + t * (table[i + 1] - table[i]);
}

HUESCOPE_VECTOR_CLONES
void chroma_terms(const YcbcrToLinear& d, const uint16_t* cb, const uint16_t* cr, int count,
                  RowScratch& s) {
    for (int gx = 0; gx < count; ++gx) {
        const float u = static_cast<float>(cb[gx]) * d.chroma_scale + d.chroma_offset;
        const float v = static_cast<float>(cr[gx]) * d.chroma_scale + d.chroma_offset;
        s.r_term[gx] = d.r_cr * v;
        s.g_term[gx] = -(d.g_cb * u + d.g_cr * v);
        s.b_term[gx] = d.b_cb * u;
    }
}

// Adds the linear light of one luma row's samples to their blocks' sums, for the blocks whose
// 2^SX samples all lie inside the row. SX is a template argument so that the inner loop is
// unrolled and the outer one vectorises; the arrays are passed as restrict pointers because the
// vectoriser cannot otherwise prove that the sums do not overlap the inputs.
template <int SX>
HUESCOPE_VECTOR_CLONES void add_luma_row(const YcbcrToLinear& d, const uint16_t* __restrict luma,
                                         int blocks, const float* __restrict r_term,
                                         const float* __restrict g_term,
                                         const float* __restrict b_term, float* __restrict sum_r,
                                         float* __restrict sum_g, float* __restrict sum_b) {
    const float* __restrict table = d.eotf->data();
    const int segments = d.segments;
    const float scale = d.luma_scale, offset = d.luma_offset;
    for (int gx = 0; gx < blocks; ++gx) {
        float r = 0.0f, g = 0.0f, b = 0.0f;
        for (int k = 0; k < (1 << SX); ++k) {
            const float y = static_cast<float>(luma[(gx << SX) + k]) * scale + offset;
            r += linearize(table, segments, y + r_term[gx]);
            g += linearize(table, segments, y + g_term[gx]);
            b += linearize(table, segments, y + b_term[gx]);
        }
        sum_r[gx] += r;
        sum_g[gx] += g;
        sum_b[gx] += b;
    }
}

template <int SX>
void add_luma_row(const YcbcrToLinear& d, const uint16_t* luma, int blocks, RowScratch& s) {
    add_luma_row<SX>(d, luma, blocks, s.r_term.data(), s.g_term.data(), s.b_term.data(),
                     s.sum_r.data(), s.sum_g.data(), s.sum_b.data());
}

// The same for a block cut by the right edge (odd widths): its samples from `first` on.
void add_partial_block(const YcbcrToLinear& d, const uint16_t* luma, int first, int last, int gx,
                       RowScratch& s) {
    for (int x = first; x < last; ++x) {
        const float y = static_cast<float>(luma[x]) * d.luma_scale + d.luma_offset;
        s.sum_r[gx] += linearize(d.eotf->data(), d.segments, y + s.r_term[gx]);
        s.sum_g[gx] += linearize(d.eotf->data(), d.segments, y + s.g_term[gx]);
        s.sum_b[gx] += linearize(d.eotf->data(), d.segments, y + s.b_term[gx]);
    }
}

HUESCOPE_VECTOR_CLONES
void write_means(const YcbcrToLinear& d, const RowScratch& s, int count, float inv_samples,
                 float inv_samples_last, float* out) {
    for (int gx = 0; gx < count; ++gx) {
        const float scale = gx == count - 1 ? inv_samples_last : inv_samples;
        const float r = s.sum_r[gx] * scale, g = s.sum_g[gx] * scale, b = s.sum_b[gx] * scale;
        for (int c = 0; c < 3; ++c)
            out[3 * gx + c] =
                d.to_working[c][0] * r + d.to_working[c][1] * g + d.to_working[c][2] * b;
    }
}

}  // namespace

void decode_ycbcr_rows(const YcbcrToLinear& d, const CodeImage& codes, int first_row, int last_row,
                       float* out) {
    const int width = codes.width, lw = codes.luma_width, lh = codes.luma_height;
    const int sx = codes.subsample_x, sy = codes.subsample_y;
    const int full_blocks = lw >> sx;  // blocks with all 2^sx luma columns
    RowScratch s;
    s.resize(static_cast<std::size_t>(width));
    for (int gy = first_row; gy < last_row; ++gy) {
        const std::size_t chroma_row = static_cast<std::size_t>(gy) * width;
        chroma_terms(d, codes.planes[1].data() + chroma_row, codes.planes[2].data() + chroma_row,
                     width, s);
        std::fill(s.sum_r.begin(), s.sum_r.end(), 0.0f);
        std::fill(s.sum_g.begin(), s.sum_g.end(), 0.0f);
        std::fill(s.sum_b.begin(), s.sum_b.end(), 0.0f);
        const int row0 = gy << sy, row1 = std::min(lh, (gy + 1) << sy);
        for (int y = row0; y < row1; ++y) {
            const uint16_t* luma = codes.planes[0].data() + static_cast<std::size_t>(y) * lw;
            switch (sx) {
                case 0:
                    add_luma_row<0>(d, luma, full_blocks, s);
                    break;
                case 1:
                    add_luma_row<1>(d, luma, full_blocks, s);
                    break;
                default:
                    add_luma_row<2>(d, luma, full_blocks, s);
                    break;
            }
            if (full_blocks < width)
                add_partial_block(d, luma, full_blocks << sx, lw, width - 1, s);
        }
        const int rows = row1 - row0;
        const int last_cols = full_blocks < width ? lw - (full_blocks << sx) : 1 << sx;
        write_means(d, s, width, 1.0f / static_cast<float>(rows << sx),
                    1.0f / static_cast<float>(rows * last_cols), out + chroma_row * 3);
    }
}

}  // namespace huescope
