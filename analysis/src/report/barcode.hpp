#pragma once
// The movie barcode: one column per frame (or per time slice of a long film), each the frame's
// mean colour averaged in linear light; and the hue barcode, each slice's dominant chromatic hue.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "../exr/hue_time_writer.hpp"
#include "huescope/status.hpp"

namespace huescope {

struct StateAccess;

inline constexpr int kBarcodeMaxColumns = 4096;
inline constexpr int kBarcodeHeight = 128;

class Barcode {
  public:
    /// A frame's mean linear colour (working space).
    void add(const std::array<double, 3>& mean_rgb) { m_means.push_back(mean_rgb); }
    int columns() const;
    double frames_per_column() const;

    /// barcode.png (sRGB, 8 bit) and barcode.exr (linear, half float), to the given paths.
    Status write_color(const std::string& png_path, const std::string& exr_path) const;
    /// hue_barcode.png: each column the OKLCh hue holding most chroma in its slice, drawn at a
    /// fixed lightness and chroma; grey where a slice has no chromatic pixel.
    Status write_hue(const std::string& png_path, HueTimeWriter& rows) const;

    friend struct StateAccess;  // a checkpoint saves and restores the state below

  private:
    int column_of(std::size_t frame) const;
    std::vector<std::array<double, 3>> m_means;
};

}  // namespace huescope
