#pragma once
// A vectorscope in OKLab: how a set of pixels spreads over the (a, b) chroma plane. Counts merge
// exactly, so a shot's and a film's scopes are sums of their frames'.

#include <cstdint>
#include <string>
#include <vector>

#include "huescope/status.hpp"

namespace huescope {

struct Vectorscope {
    static constexpr int kSize = 64;        ///< bins per axis
    static constexpr double kRange = 0.32;  ///< a and b from -kRange to +kRange (sRGB fits)

    std::vector<uint32_t> counts = std::vector<uint32_t>(kSize * kSize, 0);  ///< row = b, col = a
    uint64_t samples = 0;

    /// Adds `count` interleaved OKLab pixels; chroma beyond the range lands in the edge bins.
    void add(const float* oklab, std::size_t count);
    void merge(const Vectorscope& other);
    void clear();
    /// Each bin's share of the samples (all zero when there is none), as vectorscope.exr stores.
    std::vector<float> fractions() const;
    /// The bin of (a, b): column from a (left = -kRange), row from b (top = +kRange, as drawn).
    static int bin(double a, double b);
};

/// Reads vectorscope.exr back: the film's scope, then each shot's, as fractions per bin.
Result<std::vector<std::vector<float>>> read_vectorscopes(const std::string& path);

}  // namespace huescope
