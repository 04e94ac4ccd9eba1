#pragma once
// The libpng adapter: PNG files. libpng rather than OpenCV's imgcodecs, because imgcodecs pulls
// in GDAL and about a hundred other libraries, which cost every huescope run 0.3 s of start-up.

#include <cstdint>
#include <string>
#include <vector>

#include "huescope/status.hpp"

namespace huescope {

/// Writes an 8-bit RGB image (interleaved, rows top to bottom) as a PNG file.
Status write_png_rgb8(const std::string& path, int width, int height,
                      const std::vector<uint8_t>& rgb);

}  // namespace huescope
