#include "huescope/vectorscope.hpp"

#include <algorithm>
#include <cmath>

#include "clamped_bin.hpp"

namespace huescope {

int Vectorscope::bin(double a, double b) {
    const auto index = [](double v) { return clamped_bin(v, -kRange, kRange, kSize); };
    return (kSize - 1 - index(b)) * kSize + index(a);
}

void Vectorscope::add(const float* oklab, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const float a = oklab[3 * i + 1], b = oklab[3 * i + 2];
        if (!std::isfinite(a) || !std::isfinite(b)) continue;
        ++counts[static_cast<std::size_t>(bin(a, b))];
        ++samples;
    }
}

void Vectorscope::merge(const Vectorscope& other) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    samples += other.samples;
}

std::vector<float> Vectorscope::fractions() const {
    const double total = samples > 0 ? static_cast<double>(samples) : 1.0;
    std::vector<float> out(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) out[i] = static_cast<float>(counts[i] / total);
    return out;
}

void Vectorscope::clear() {
    std::fill(counts.begin(), counts.end(), 0u);
    samples = 0;
}

}  // namespace huescope
