#include "huescope/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "huescope/color_math.hpp"

#include "clamped_bin.hpp"

namespace huescope {
namespace {

constexpr int kCellsPerAxis = 32;
constexpr double kAbRange = 0.4;  // a and b cells span -0.4 .. 0.4 (beyond: the edge cell)

int cell_index(float l, float a, float b) {
    const auto axis = [](double v, double low, double high) {
        return clamped_bin(v, low, high, kCellsPerAxis);
    };
    return (axis(l, 0.0, 1.0) * kCellsPerAxis + axis(a, -kAbRange, kAbRange)) * kCellsPerAxis +
           axis(b, -kAbRange, kAbRange);
}

struct Point {
    Vec3 lab;
    double weight;
};

double distance2(const Vec3& x, const Vec3& y) {
    return (x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) +
           (x[2] - y[2]) * (x[2] - y[2]);
}

// Uniform in [0, 1) from the generator's raw bits: std::uniform_real_distribution is not
// specified bit for bit, and a palette must not change with the standard library.
double unit(std::mt19937& rng) {
    return (rng() >> 8) / double(1u << 24);
}

// k-means++ seeding (Arthur & Vassilvitskii 2007) with point weights.
std::vector<Vec3> seed_centres(const std::vector<Point>& points, int k, std::mt19937& rng) {
    std::vector<Vec3> centres;
    std::vector<double> d2(points.size(), 0.0);
    // The heaviest point first: deterministic, and the colour most likely to be dominant.
    const auto heaviest =
        std::max_element(points.begin(), points.end(),
                         [](const Point& a, const Point& b) { return a.weight < b.weight; });
    centres.push_back(heaviest->lab);
    while (static_cast<int>(centres.size()) < k) {
        double total = 0.0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            double best = distance2(points[i].lab, centres[0]);
            for (const Vec3& c : centres) best = std::min(best, distance2(points[i].lab, c));
            d2[i] = best * points[i].weight;
            total += d2[i];
        }
        if (total <= 0.0) break;  // fewer distinct colours than k
        double target = unit(rng) * total;
        std::size_t pick = 0;
        for (; pick + 1 < points.size() && target >= d2[pick]; ++pick) target -= d2[pick];
        centres.push_back(points[pick].lab);
    }
    return centres;
}

}  // namespace

ColorCells::ColorCells() : m_cells(kCellsPerAxis * kCellsPerAxis * kCellsPerAxis) {}

void ColorCells::add(const float* oklab, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const float* p = oklab + i * 3;
        if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !std::isfinite(p[2])) continue;
        Cell& cell = m_cells[cell_index(p[0], p[1], p[2])];
        ++cell.count;
        cell.l += p[0];
        cell.a += p[1];
        cell.b += p[2];
        ++m_pixels;
    }
}

void ColorCells::merge(const ColorCells& other) {
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        m_cells[i].count += other.m_cells[i].count;
        m_cells[i].l += other.m_cells[i].l;
        m_cells[i].a += other.m_cells[i].a;
        m_cells[i].b += other.m_cells[i].b;
    }
    m_pixels += other.m_pixels;
}

void ColorCells::clear() {
    std::fill(m_cells.begin(), m_cells.end(), Cell{});
    m_pixels = 0;
}

std::vector<PaletteColor> ColorCells::palette(const PaletteParams& params) const {
    std::vector<Point> points;
    for (const Cell& cell : m_cells) {
        if (cell.count == 0) continue;
        const double n = static_cast<double>(cell.count);
        points.push_back({{cell.l / n, cell.a / n, cell.b / n}, n});
    }
    if (points.empty()) return {};
    std::mt19937 rng(params.seed);
    std::vector<Vec3> centres = seed_centres(points, params.max_colors, rng);

    // Weighted Lloyd iterations.
    std::vector<int> owner(points.size(), 0);
    std::vector<double> weights;
    for (int iteration = 0; iteration < 100; ++iteration) {
        bool moved = false;
        for (std::size_t i = 0; i < points.size(); ++i) {
            int best = 0;
            for (int c = 1; c < static_cast<int>(centres.size()); ++c) {
                if (distance2(points[i].lab, centres[c]) < distance2(points[i].lab, centres[best]))
                    best = c;
            }
            moved |= best != owner[i];
            owner[i] = best;
        }
        std::vector<Vec3> sums(centres.size(), Vec3{0, 0, 0});
        weights.assign(centres.size(), 0.0);
        for (std::size_t i = 0; i < points.size(); ++i) {
            for (int k = 0; k < 3; ++k) sums[owner[i]][k] += points[i].lab[k] * points[i].weight;
            weights[owner[i]] += points[i].weight;
        }
        for (std::size_t c = 0; c < centres.size(); ++c) {
            if (weights[c] > 0) {
                for (int k = 0; k < 3; ++k) centres[c][k] = sums[c][k] / weights[c];
            }
        }
        if (!moved && iteration > 0) break;
    }

    // Merge colours a viewer would call the same, closest pair first.
    std::vector<PaletteColor> colors;
    const double total = static_cast<double>(m_pixels);
    for (std::size_t c = 0; c < centres.size(); ++c) {
        if (weights[c] <= 0) continue;
        PaletteColor color;
        color.weight = weights[c] / total;
        color.oklab = centres[c];
        colors.push_back(color);
    }
    const double limit2 = params.merge_de * params.merge_de;
    while (colors.size() > 1) {
        std::size_t bi = 0, bj = 0;
        double best = limit2;
        for (std::size_t i = 0; i < colors.size(); ++i)
            for (std::size_t j = i + 1; j < colors.size(); ++j) {
                const double d = distance2(colors[i].oklab, colors[j].oklab);
                if (d < best) best = d, bi = i, bj = j;
            }
        if (best >= limit2) break;
        PaletteColor& a = colors[bi];
        const PaletteColor& b = colors[bj];
        const double w = a.weight + b.weight;
        for (int k = 0; k < 3; ++k)
            a.oklab[k] = (a.oklab[k] * a.weight + b.oklab[k] * b.weight) / w;
        a.weight = w;
        colors.erase(colors.begin() + static_cast<std::ptrdiff_t>(bj));
    }
    std::sort(colors.begin(), colors.end(),
              [](const PaletteColor& a, const PaletteColor& b) { return a.weight > b.weight; });
    for (PaletteColor& color : colors) describe_color(color);
    return colors;
}

void describe_color(PaletteColor& color) {
    const Vec3& lab = color.oklab;
    color.oklch = {lab[0], std::sqrt(lab[1] * lab[1] + lab[2] * lab[2]),
                   hue_degrees(lab[1], lab[2])};
    const Vec3 xyz = oklab_to_xyz(lab);
    color.cielab = xyz_to_cielab(xyz);
    const Vec3 rgb = working_rgb_from_xyz(xyz);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02X%02X%02X", srgb8(rgb[0]), srgb8(rgb[1]), srgb8(rgb[2]));
    color.hex = hex;
}

}  // namespace huescope
