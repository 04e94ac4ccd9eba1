#include "barcode.hpp"

#include <ImfRgbaFile.h>

#include <algorithm>
#include <cmath>
#include <exception>

#include "../image/png_file.hpp"
#include "huescope/color_math.hpp"
#include "huescope/measurement.hpp"

namespace huescope {
namespace {

// A hue drawn at a fixed lightness, as saturated as sRGB allows (up to chroma 0.16).
std::array<uint8_t, 3> hue_swatch(double hue_deg) {
    const Vec3 srgb = hue_swatch_srgb(hue_deg, 0.72, 0.16);
    std::array<uint8_t, 3> out{};
    for (int c = 0; c < 3; ++c) out[c] = static_cast<uint8_t>(std::lround(255.0 * srgb[c]));
    return out;
}

// Paints each column's colour down the whole height.
std::vector<uint8_t> stripes(const std::vector<std::array<uint8_t, 3>>& columns) {
    const std::size_t width = columns.size();
    std::vector<uint8_t> rgb(width * kBarcodeHeight * 3);
    for (int y = 0; y < kBarcodeHeight; ++y)
        for (std::size_t x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) rgb[(y * width + x) * 3 + c] = columns[x][c];
    return rgb;
}

}  // namespace

int Barcode::columns() const {
    return static_cast<int>(std::min<std::size_t>(m_means.size(), kBarcodeMaxColumns));
}

double Barcode::frames_per_column() const {
    return columns() > 0 ? double(m_means.size()) / columns() : 0.0;
}

int Barcode::column_of(std::size_t frame) const {
    return static_cast<int>(frame * columns() / m_means.size());
}

Status Barcode::write_color(const std::string& png_path, const std::string& exr_path) const {
    const int width = columns();
    if (width == 0) return Status(ErrorCode::Internal, "a barcode needs at least one frame");
    // Averaged in linear light: a black/white checkerboard is sRGB 188 grey, not 128.
    std::vector<std::array<double, 3>> sums(width, {0, 0, 0});
    std::vector<int> counts(width, 0);
    for (std::size_t f = 0; f < m_means.size(); ++f) {
        const int x = column_of(f);
        for (int c = 0; c < 3; ++c) sums[x][c] += m_means[f][c];
        ++counts[x];
    }
    std::vector<std::array<uint8_t, 3>> colors(width);
    std::vector<Imf::Rgba> linear(static_cast<std::size_t>(width) * kBarcodeHeight);
    for (int x = 0; x < width; ++x) {
        std::array<double, 3> mean{};
        for (int c = 0; c < 3; ++c) mean[c] = sums[x][c] / counts[x];
        colors[x] = {srgb8(mean[0]), srgb8(mean[1]), srgb8(mean[2])};
        for (int y = 0; y < kBarcodeHeight; ++y) {
            linear[static_cast<std::size_t>(y) * width + x] =
                Imf::Rgba(static_cast<float>(mean[0]), static_cast<float>(mean[1]),
                          static_cast<float>(mean[2]), 1.0f);
        }
    }
    if (Status s = write_png_rgb8(png_path, width, kBarcodeHeight, stripes(colors)); !s) return s;
    try {
        Imf::RgbaOutputFile file(exr_path.c_str(), width, kBarcodeHeight, Imf::WRITE_RGB);
        file.setFrameBuffer(linear.data(), 1, static_cast<std::size_t>(width));
        file.writePixels(kBarcodeHeight);
    } catch (const std::exception& e) {
        return Status(ErrorCode::Io, "writing '" + exr_path + "' failed: " + e.what());
    }
    return Status::ok();
}

Status Barcode::write_hue(const std::string& png_path, HueTimeWriter& rows) const {
    const int width = columns();
    std::vector<std::array<double, kHueBins>> slices(width, std::array<double, kHueBins>{});
    std::size_t frame = 0;
    Status read = rows.for_each_row([&](const float* row) {
        auto& slice = slices[column_of(frame++)];
        for (int b = 0; b < kHueBins; ++b) slice[b] += row[b];
    });
    if (!read) return read;
    std::vector<std::array<uint8_t, 3>> colors(width);
    for (int x = 0; x < width; ++x) {
        const auto peak = std::max_element(slices[x].begin(), slices[x].end());
        colors[x] = *peak > 0 ? hue_swatch((peak - slices[x].begin()) + 0.5)
                              : std::array<uint8_t, 3>{128, 128, 128};
    }
    return write_png_rgb8(png_path, width, kBarcodeHeight, stripes(colors));
}

}  // namespace huescope
