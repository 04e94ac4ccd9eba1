#include "ycbcr_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HUESCOPE_HAVE_AVX2_PATH 1
#endif

#include "../vector_clones.hpp"

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

// min/max, not comparisons: they compile to minss/maxss, where a branch on whether a colour
// is out of range would be mispredicted at every saturated edge.
float clip01(float v) {
    return std::max(0.0f, std::min(v, 1.0f));
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

#ifdef HUESCOPE_HAVE_AVX2_PATH
// add_luma_row<1> written with AVX2 intrinsics, for the common 4:2:0 and 4:2:2 layouts: GCC
// does not vectorise the table lookups, and this loop is the largest single cost of an analysis.
// The lookups are eight 64-bit loads, not AVX2 gathers: on the AMD EPYC this was measured on,
// the loads were 43% faster (Decode420/1: 15.0 ms with gathers, 10.5 ms with pair loads). Eight
// blocks (sixteen luma samples) per step; the blocks left over go through the portable loop. Same
// arithmetic, in the same order, as linearize(), so the two agree to the last bit but for FMA
// contraction.
__attribute__((target("avx2,fma"))) inline __m256 linearize8(const float* table, __m256 segments,
                                                             __m256i last_segment, __m256 encoded) {
    const __m256 x = _mm256_mul_ps(
        _mm256_max_ps(_mm256_setzero_ps(), _mm256_min_ps(encoded, _mm256_set1_ps(1.0f))), segments);
    const __m256i i = _mm256_min_epi32(_mm256_cvttps_epi32(x), last_segment);
    const __m256 t = _mm256_sub_ps(x, _mm256_cvtepi32_ps(i));
    alignas(32) int idx[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(idx), i);
    // Each lookup loads the pair (table[i], table[i+1]) as one 64-bit value: lanes 0-3 and 4-7
    // come out as pairs, and one shuffle separates the lower and upper ends.
    const auto pair = [&](int k) { return _mm_castsi128_ps(_mm_loadu_si64(table + idx[k])); };
    const __m128 p01 = _mm_movelh_ps(pair(0), pair(1)), p23 = _mm_movelh_ps(pair(2), pair(3));
    const __m128 p45 = _mm_movelh_ps(pair(4), pair(5)), p67 = _mm_movelh_ps(pair(6), pair(7));
    const __m256 lo = _mm256_set_m128(p45, p01), hi = _mm256_set_m128(p67, p23);
    const __m256 e0 = _mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0));
    const __m256 e1 = _mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1));
    return _mm256_add_ps(e0, _mm256_mul_ps(t, _mm256_sub_ps(e1, e0)));
}

__attribute__((target("avx2,fma"))) int add_luma_pairs_avx2(
    const YcbcrToLinear& d, const uint16_t* __restrict luma, int blocks,
    const float* __restrict r_term, const float* __restrict g_term, const float* __restrict b_term,
    float* __restrict sum_r, float* __restrict sum_g, float* __restrict sum_b) {
    const float* table = d.eotf->data();
    const __m256 scale = _mm256_set1_ps(d.luma_scale), offset = _mm256_set1_ps(d.luma_offset);
    const __m256 segments = _mm256_set1_ps(static_cast<float>(d.segments));
    const __m256i last_segment = _mm256_set1_epi32(d.segments - 1);
    const __m256i low16 = _mm256_set1_epi32(0xFFFF);
    int gx = 0;
    for (; gx + 8 <= blocks; gx += 8) {
        // 32-bit lane j holds block gx+j's two samples: the even one low, the odd one high.
        const __m256i pairs = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(luma + 2 * gx));
        const __m256 y0 = _mm256_add_ps(
            _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_and_si256(pairs, low16)), scale), offset);
        const __m256 y1 = _mm256_add_ps(
            _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_srli_epi32(pairs, 16)), scale), offset);
        const float* terms[3] = {r_term, g_term, b_term};
        float* sums[3] = {sum_r, sum_g, sum_b};
        for (int c = 0; c < 3; ++c) {
            const __m256 term = _mm256_loadu_ps(terms[c] + gx);
            const __m256 lin =
                _mm256_add_ps(linearize8(table, segments, last_segment, _mm256_add_ps(y0, term)),
                              linearize8(table, segments, last_segment, _mm256_add_ps(y1, term)));
            _mm256_storeu_ps(sums[c] + gx, _mm256_add_ps(_mm256_loadu_ps(sums[c] + gx), lin));
        }
    }
    return gx;
}

// HUESCOPE_NO_AVX2_INTRINSICS=1 takes the portable loop even where AVX2 is present, so that the
// tests check both paths on any machine (tests/unit/pixel_kernels_test.cpp).
bool cpu_has_avx2_fma() {
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                            std::getenv("HUESCOPE_NO_AVX2_INTRINSICS") == nullptr;
    return yes;
}
#endif

template <int SX>
void add_luma_row(const YcbcrToLinear& d, const uint16_t* luma, int blocks, RowScratch& s) {
    int done = 0;
#ifdef HUESCOPE_HAVE_AVX2_PATH
    if (SX == 1 && cpu_has_avx2_fma()) {
        done = add_luma_pairs_avx2(d, luma, blocks, s.r_term.data(), s.g_term.data(),
                                   s.b_term.data(), s.sum_r.data(), s.sum_g.data(), s.sum_b.data());
    }
#endif
    add_luma_row<SX>(d, luma + (done << SX), blocks - done, s.r_term.data() + done,
                     s.g_term.data() + done, s.b_term.data() + done, s.sum_r.data() + done,
                     s.sum_g.data() + done, s.sum_b.data() + done);
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
