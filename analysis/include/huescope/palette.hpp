#pragma once
// Dominant colours: pixels are binned in OKLab cells (a mergeable accumulator), and the cells'
// mean colours are clustered by weighted k-means. Method: docs/color-science.md, "Palettes".

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace huescope {

struct StateAccess;

struct PaletteColor {
    double weight = 0.0;             ///< share of the pixels, 0..1
    std::array<double, 3> oklab{};   ///< L, a, b
    std::array<double, 3> oklch{};   ///< L, C, h (degrees)
    std::array<double, 3> cielab{};  ///< L*, a*, b* (D65)
    std::string hex;                 ///< sRGB, clipped to the gamut
};

struct PaletteParams {
    int max_colors = 8;        ///< k of the k-means
    double merge_de = 0.04;    ///< colours closer than this OKLab distance (2 JND) become one
    uint32_t seed = 20131218;  ///< fixed: the same input gives the same palette
};

/// Pixels counted in 32 x 32 x 32 OKLab cells, each keeping the exact mean of its pixels.
class ColorCells {
  public:
    ColorCells();
    /// Adds `count` interleaved OKLab pixels.
    void add(const float* oklab, std::size_t count);
    void merge(const ColorCells& other);
    void clear();
    uint64_t pixels() const { return m_pixels; }
    std::vector<PaletteColor> palette(const PaletteParams& params = {}) const;

    friend struct StateAccess;  // a checkpoint saves and restores the state below

  private:
    struct Cell {
        uint64_t count = 0;
        double l = 0.0, a = 0.0, b = 0.0;
    };
    std::vector<Cell> m_cells;
    uint64_t m_pixels = 0;
};

/// Fills oklch, cielab and hex of a colour from its oklab.
void describe_color(PaletteColor& color);

}  // namespace huescope
