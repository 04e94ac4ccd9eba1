#pragma once
// The pixels of held-out frames that measure the LUT's fit error: a bounded sample drawn evenly
// (reservoir sampling with a fixed seed, so a run is repeatable), and the error on them.

#include <cstdint>
#include <random>
#include <vector>

#include "huescope/code_decoder.hpp"
#include "huescope/image.hpp"

namespace huescope {

class CubeFile;

class HeldOutPixels {
  public:
    explicit HeldOutPixels(std::size_t capacity = 1u << 20) : m_capacity(capacity) {}
    /// A held-out frame's pixels: both versions' encoded values.
    void add(const LinearImage& before_encoded, const LinearImage& after_encoded);
    int64_t seen() const { return m_seen; }
    std::size_t kept() const { return m_before.size() / 3; }

    struct Error {
        double mean = 0.0, p95 = 0.0;  ///< OKLab Euclidean distance; NaN with no pixels
    };
    /// The LUT applied to the kept BEFORE values against AFTER's, both decoded as AFTER is.
    Error error(const CubeFile& lut, const CodeDecoder& after_decoder) const;

  private:
    std::size_t m_capacity;
    int64_t m_seen = 0;
    std::vector<float> m_before, m_after;  // interleaved RGB, same order
    std::mt19937_64 m_random{20130101};
};

}  // namespace huescope
