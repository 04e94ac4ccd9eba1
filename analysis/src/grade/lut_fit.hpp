#pragma once
// Estimates a colour grade as a 3D LUT from scattered (before, after) pixel pairs: a regularised
// least-squares fit whose interpolation is the tetrahedral one every LUT player uses. The method
// and its constants are explained at the top of lut_fit.cpp.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "huescope/color_math.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// A 3D LUT on [0,1]^3: values[((b * size + g) * size + r) * 3 + c] (red fastest, as .cube files
/// order it).
struct Lut3D {
    int size = 33;
    std::vector<float> values;
    /// Per node: true when no sample fell in any of the (up to 8) lattice cells around the node,
    /// so its value comes from the smooth fill, not from data. All false for identity().
    std::vector<uint8_t> filled;
    int64_t cells_with_data = 0;  ///< of (size-1)^3 cells
    int64_t samples = 0;

    /// Tetrahedral interpolation, input clamped to [0,1].
    Vec3 apply(const Vec3& rgb) const;
    static Lut3D identity(int size);
};

/// Accumulates sample pairs into bounded per-cell statistics (about 16 MB at size 33, however many
/// samples are added) and solves for the LUT on demand.
class LutFitter {
  public:
    /// Sizes outside [2, 129] (129 is OpenColorIO's limit) make solve() fail.
    explicit LutFitter(int size = 33);

    /// Adds `pixels` sample pairs: interleaved RGB, `before` is the LUT's input (clamped to [0,1]),
    /// `after` its target output. Pairs with a NaN `before` or a non-finite `after` are skipped
    /// (an infinite `before` clamps like any other).
    void add(const float* before, const float* after, std::size_t pixels);
    /// Adds another fitter's samples (for per-thread fitters), same size.
    void merge(const LutFitter& other);
    /// Solves the regularised fit. Error when there are no samples at all.
    Result<Lut3D> solve() const;

    int size() const { return m_size; }
    int64_t samples() const { return m_samples; }

  private:
    int m_size;
    int64_t m_samples = 0;
    bool m_size_mismatch = false;
    /// Per lattice cell: the cell's 8x8 normal-equation block (upper triangle), 8x3 A^T y and the
    /// sample count; see kCellStride in lut_fit.cpp.
    std::vector<double> m_cells;
};

}  // namespace huescope
