#include "held_out.hpp"

#include <algorithm>
#include <cmath>

#include "huescope/color_math.hpp"
#include "ocio/cube_file.hpp"

namespace huescope {
namespace {

Vec3 oklab_of(const float* linear) {
    return xyz_to_oklab(working_rgb_to_xyz(Vec3{linear[0], linear[1], linear[2]}));
}

}  // namespace

void HeldOutPixels::add(const LinearImage& before_encoded, const LinearImage& after_encoded) {
    const std::size_t n = std::min(before_encoded.pixel_count(), after_encoded.pixel_count());
    for (std::size_t i = 0; i < n; ++i) {
        const float* b = before_encoded.rgb.data() + i * 3;
        const float* a = after_encoded.rgb.data() + i * 3;
        if (!std::isfinite(a[0] + a[1] + a[2]) || !std::isfinite(b[0] + b[1] + b[2])) continue;
        ++m_seen;  // finite pixels only: each has the same chance to be kept
        std::size_t slot = kept();
        if (slot >= m_capacity) {
            // Reservoir sampling: the pixel replaces a kept one with probability capacity/seen.
            slot = std::uniform_int_distribution<uint64_t>(0, uint64_t(m_seen - 1))(m_random);
            if (slot >= m_capacity) continue;
        } else {
            m_before.resize(m_before.size() + 3);
            m_after.resize(m_after.size() + 3);
        }
        std::copy(b, b + 3, m_before.begin() + std::ptrdiff_t(slot * 3));
        std::copy(a, a + 3, m_after.begin() + std::ptrdiff_t(slot * 3));
    }
}

HeldOutPixels::Error HeldOutPixels::error(const CubeFile& lut,
                                          const CodeDecoder& after_decoder) const {
    const std::size_t n = kept();
    if (n == 0) return {std::nan(""), std::nan("")};
    std::vector<float> predicted = m_before;
    for (float& v : predicted) v = std::clamp(v, 0.0f, 1.0f);  // the LUT's domain
    lut.apply(predicted.data(), n);
    LinearImage predicted_linear, actual_linear;
    after_decoder.decode_float(predicted, static_cast<int>(n), 1, predicted_linear);
    after_decoder.decode_float(m_after, static_cast<int>(n), 1, actual_linear);
    std::vector<double> distances(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec3 p = oklab_of(predicted_linear.rgb.data() + i * 3);
        const Vec3 a = oklab_of(actual_linear.rgb.data() + i * 3);
        distances[i] = std::sqrt((p[0] - a[0]) * (p[0] - a[0]) + (p[1] - a[1]) * (p[1] - a[1]) +
                                 (p[2] - a[2]) * (p[2] - a[2]));
        sum += distances[i];
    }
    Error e;
    e.mean = sum / n;
    // The 95th percentile: the smallest distance at or above 95% of them.
    const std::size_t k = std::min(n - 1, static_cast<std::size_t>(std::ceil(0.95 * n)) - 1);
    std::nth_element(distances.begin(), distances.begin() + std::ptrdiff_t(k), distances.end());
    e.p95 = distances[k];
    return e;
}

}  // namespace huescope
