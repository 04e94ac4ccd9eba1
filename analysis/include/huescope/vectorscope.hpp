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

/// vectorscope.exr: one 64 x 64 block per scope, stacked top to bottom: the film first, then
/// each shot in order; each value is the fraction of the scope's samples in that bin.
class VectorscopeWriter {
  public:
    explicit VectorscopeWriter(std::string spool_path);
    ~VectorscopeWriter();
    VectorscopeWriter(const VectorscopeWriter&) = delete;
    VectorscopeWriter& operator=(const VectorscopeWriter&) = delete;

    Status open();
    /// Appends a shot's scope (spooled to disk: memory stays flat in film length).
    void add_shot(const Vectorscope& scope);
    /// Writes the EXR to `path` with the film's scope first. Reports any earlier spool error.
    Status write(const std::string& path, const Vectorscope& film);

  private:
    std::string m_spool_path;
    std::FILE* m_spool = nullptr;
    int64_t m_shots = 0;
    Status m_error;
};

/// Reads vectorscope.exr back: the film's scope, then each shot's, as fractions per bin.
Result<std::vector<std::vector<float>>> read_vectorscopes(const std::string& path);

}  // namespace huescope
