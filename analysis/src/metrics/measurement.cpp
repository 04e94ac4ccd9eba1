#include "huescope/measurement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "huescope/color_math.hpp"
#include "huescope/parallel.hpp"
#include "pixel_lab.hpp"

namespace huescope {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Value below which `fraction` of the histogram's mass lies, interpolated inside the bin.
double percentile(const std::array<uint64_t, kLevelBins>& hist, uint64_t total, double fraction,
                  double max) {
    if (total == 0) return kNaN;
    const double target = fraction * static_cast<double>(total);
    double seen = 0.0;
    for (int i = 0; i < kLevelBins; ++i) {
        const double count = static_cast<double>(hist[i]);
        if (count > 0 && seen + count >= target) {
            const double within = (target - seen) / count;
            return (i + within) * max / kLevelBins;
        }
        seen += count;
    }
    return max;
}

// Circular mean and variance from the weighted resultant vector (Fisher 1993, section 2.3.1).
void mean_from_resultant(double sum_x, double sum_y, double sum_w, double& mean_deg,
                         double& variance) {
    if (!(sum_w > 0.0)) {
        mean_deg = variance = kNaN;
        return;
    }
    mean_deg = hue_degrees(sum_x, sum_y);
    variance = 1.0 - std::hypot(sum_x, sum_y) / sum_w;
}

}  // namespace

void HueAccumulator::reset(std::size_t families) {
    *this = HueAccumulator{};
    family_weight.assign(families, 0.0);
    family_count.assign(families, 0);
}

std::array<double, 3> HueAccumulator::mean_rgb() const {
    std::array<double, 3> mean{};
    for (int c = 0; c < 3; ++c)
        mean[c] = pixels > 0 ? sum_rgb[c] / static_cast<double>(pixels) : kNaN;
    return mean;
}

void HueAccumulator::merge(const HueAccumulator& o) {
    pixels += o.pixels;
    invalid += o.invalid;
    negative += o.negative;
    near_black += o.near_black;
    near_white += o.near_white;
    low_chroma += o.low_chroma;
    chromatic += o.chromatic;
    for (int c = 0; c < 3; ++c) sum_rgb[c] += o.sum_rgb[c];
    sum_lightness += o.sum_lightness;
    sum_chroma += o.sum_chroma;
    ok_sum_a += o.ok_sum_a;
    ok_sum_b += o.ok_sum_b;
    ok_sum_c += o.ok_sum_c;
    lab_sum_a += o.lab_sum_a;
    lab_sum_b += o.lab_sum_b;
    lab_sum_c += o.lab_sum_c;
    for (int i = 0; i < kHueBins; ++i) {
        ok_hue_hist[i] += o.ok_hue_hist[i];
        lab_hue_hist[i] += o.lab_hue_hist[i];
    }
    for (int i = 0; i < kLevelBins; ++i) {
        chroma_hist[i] += o.chroma_hist[i];
        lightness_hist[i] += o.lightness_hist[i];
    }
    if (family_weight.size() < o.family_weight.size()) {
        family_weight.resize(o.family_weight.size(), 0.0);
        family_count.resize(o.family_count.size(), 0);
    }
    for (std::size_t f = 0; f < o.family_weight.size(); ++f) {
        family_weight[f] += o.family_weight[f];
        family_count[f] += o.family_count[f];
    }
}

double dark_chroma_floor(const MeasureParams& params) {
    return params.min_chroma * params.near_black_l * params.near_black_l;
}

bool has_hue(double l, double chroma, const MeasureParams& params) {
    // The same expression, operation for operation, as the vector loop's (pixel_lab.cpp).
    return l > 0.0 && chroma >= params.min_chroma * (l > 1.0 ? l : 1.0) &&
           chroma * l * l >= dark_chroma_floor(params);
}

PixelKind classify_pixel(double l, double chroma, const MeasureParams& params) {
    if (has_hue(l, chroma, params)) return PixelKind::Chromatic;
    if (l < params.near_black_l) return PixelKind::NearBlack;
    if (l > params.near_white_l) return PixelKind::NearWhite;
    return PixelKind::LowChroma;
}

void accumulate(const LinearImage& image, const MeasureParams& params, HueAccumulator& acc) {
    accumulate(image, Rect{0, 0, image.width, image.height}, params, acc);
}

namespace {
void accumulate_rows(const LinearImage& image, const Rect& area, const MeasureParams& params,
                     HueAccumulator& acc);
}  // namespace

void accumulate(const LinearImage& image, const Rect& area, const MeasureParams& params,
                HueAccumulator& acc) {
    // Row bands measured in parallel, each into its own accumulator, merged in band order: the
    // result does not depend on scheduling.
    const std::size_t chunks = std::min<std::size_t>(parallel_chunks(), std::max(area.height, 1));
    if (chunks <= 1) {
        accumulate_rows(image, area, params, acc);
        return;
    }
    std::vector<HueAccumulator> parts(chunks);
    parallel_for(chunks, [&](std::size_t chunk) {
        std::size_t first = 0, last = 0;
        chunk_range(static_cast<std::size_t>(area.height), chunks, chunk, first, last);
        parts[chunk].reset(params.families.size());
        const Rect band{area.x, area.y + int(first), area.width, int(last - first)};
        accumulate_rows(image, band, params, parts[chunk]);
    });
    if (acc.family_weight.size() != params.families.size()) {
        acc.family_weight.resize(params.families.size(), 0.0);
        acc.family_count.resize(params.families.size(), 0);
    }
    for (const HueAccumulator& part : parts) acc.merge(part);
}

namespace {

// Which families each 1-degree hue bin lies in, so that a pixel's families cost one lookup. Only
// bins that a family edge cuts (an edge strictly inside the bin) test the pixel's hue edge by
// edge, so the answer is exactly HueBand::contains().
class FamilyBins {
  public:
    explicit FamilyBins(const std::vector<HueBand>& families) : m_families(families) {
        m_exact = families.size() <= 64;
        for (int bin = 0; bin < kHueBins && m_exact; ++bin) {
            for (std::size_t f = 0; f < families.size(); ++f) {
                if (families[f].contains(bin)) m_mask[bin] |= uint64_t{1} << f;
                for (const double edge : {families[f].from_deg, families[f].to_deg}) {
                    if (edge > bin && edge < bin + 1) m_cut[bin] = true;
                }
            }
        }
    }

    template <class Body>
    void for_each(double hue, int bin, Body&& body) const {
        if (m_exact && !m_cut[bin]) {
            for (uint64_t mask = m_mask[bin]; mask != 0; mask &= mask - 1)
                body(static_cast<std::size_t>(__builtin_ctzll(mask)));
            return;
        }
        for (std::size_t f = 0; f < m_families.size(); ++f)
            if (m_families[f].contains(hue)) body(f);
    }

  private:
    const std::vector<HueBand>& m_families;
    bool m_exact = false;
    std::array<uint64_t, kHueBins> m_mask{};
    std::array<bool, kHueBins> m_cut{};
};

// The running sums of accumulate_rows, kept in locals (registers) rather than in the accumulator
// that the histogram increments write to: a store and reload per pixel and sum was a third of
// the loop's time.
struct RowTotals {
    std::array<uint64_t, 5> by_code{};  // pixels of each PixelCode
    uint64_t negative = 0;
    double r = 0, g = 0, b = 0, lightness = 0, chroma = 0;
    double ok_a = 0, ok_b = 0, ok_c = 0, lab_a = 0, lab_b = 0, lab_c = 0;

    void add_to(HueAccumulator& acc) const {
        acc.invalid += by_code[kInvalidPixel];
        acc.negative += negative;
        acc.near_black += by_code[kNearBlackPixel];
        acc.near_white += by_code[kNearWhitePixel];
        acc.low_chroma += by_code[kLowChromaPixel];
        acc.chromatic += by_code[kChromaticPixel];
        acc.pixels += by_code[kNearBlackPixel] + by_code[kNearWhitePixel] +
                      by_code[kLowChromaPixel] + by_code[kChromaticPixel];
        acc.sum_rgb[0] += r;
        acc.sum_rgb[1] += g;
        acc.sum_rgb[2] += b;
        acc.sum_lightness += lightness;
        acc.sum_chroma += chroma;
        acc.ok_sum_a += ok_a;
        acc.ok_sum_b += ok_b;
        acc.ok_sum_c += ok_c;
        acc.lab_sum_a += lab_a;
        acc.lab_sum_b += lab_b;
        acc.lab_sum_c += lab_c;
    }
};

// The colour maths runs in single precision on runs of pixels (pixel_lab.cpp, vectorised); the
// counts, sums and histograms are kept here in double.
void accumulate_rows(const LinearImage& image, const Rect& area, const MeasureParams& params,
                     HueAccumulator& acc) {
    const std::size_t families = params.families.size();
    if (acc.family_weight.size() != families) {
        acc.family_weight.resize(families, 0.0);
        acc.family_count.resize(families, 0);
    }
    const bool families_in_lab = params.hue_space == HueSpace::Cielab;
    const FamilyBins family_bins(params.families);
    const PixelRules rules = PixelRules::from(params);
    PixelLabRun run;
    RowTotals t;
    for (int y = area.y; y < area.y + area.height; ++y) {
        const float* row = image.rgb.data() + static_cast<std::size_t>(y) * image.width * 3;
        for (int x0 = area.x; x0 < area.x + area.width; x0 += PixelLabRun::kMaxPixels) {
            const int count = std::min(PixelLabRun::kMaxPixels, area.x + area.width - x0);
            const float* px = row + static_cast<std::size_t>(x0) * 3;
            pixel_lab(px, count, rules, run);
            for (int i = 0; i < count; ++i) {
                const uint8_t code = run.code[i];
                ++t.by_code[code];
                if (code == kInvalidPixel) continue;
                const double chroma = run.ok_c[i];
                t.r += px[3 * i];
                t.g += px[3 * i + 1];
                t.b += px[3 * i + 2];
                t.negative += (px[3 * i] < 0.0f) | (px[3 * i + 1] < 0.0f) | (px[3 * i + 2] < 0.0f);
                t.lightness += run.ok_l[i];
                t.chroma += chroma;
                ++acc.chroma_hist[run.chroma_bin[i]];
                ++acc.lightness_hist[run.lightness_bin[i]];
                if (code != kChromaticPixel) continue;

                t.ok_a += run.ok_a[i];
                t.ok_b += run.ok_b[i];
                t.ok_c += chroma;
                acc.ok_hue_hist[run.ok_bin[i]] += chroma;
                const double lab_chroma = run.lab_c[i];
                t.lab_a += run.lab_a[i];
                t.lab_b += run.lab_b[i];
                t.lab_c += lab_chroma;
                acc.lab_hue_hist[run.lab_bin[i]] += lab_chroma;

                const double family_chroma = families_in_lab ? lab_chroma : chroma;
                family_bins.for_each(families_in_lab ? run.lab_h[i] : run.ok_h[i],
                                     families_in_lab ? run.lab_bin[i] : run.ok_bin[i],
                                     [&](std::size_t f) {
                                         acc.family_weight[f] += family_chroma;
                                         ++acc.family_count[f];
                                     });
            }
        }
    }
    t.add_to(acc);
}

}  // namespace

HueSummary summarize(const HueAccumulator& acc, const MeasureParams& params) {
    HueSummary s;
    s.pixels = acc.pixels;
    s.invalid_pixels = acc.invalid;
    s.negative_pixels = acc.negative;
    const double pixels = static_cast<double>(acc.pixels);
    const double chromatic = static_cast<double>(acc.chromatic);
    const bool any = acc.pixels > 0;
    s.chromatic_fraction = any ? chromatic / pixels : kNaN;
    s.near_black_fraction = any ? static_cast<double>(acc.near_black) / pixels : kNaN;
    s.near_white_fraction = any ? static_cast<double>(acc.near_white) / pixels : kNaN;
    s.mean_chroma = any ? acc.sum_chroma / pixels : kNaN;
    s.mean_lightness = any ? acc.sum_lightness / pixels : kNaN;
    s.mean_rgb = acc.mean_rgb();
    s.mean_chroma_chromatic = acc.chromatic > 0 ? acc.ok_sum_c / chromatic : kNaN;
    s.chroma_p50 = percentile(acc.chroma_hist, acc.pixels, 0.50, kChromaHistMax);
    s.chroma_p90 = percentile(acc.chroma_hist, acc.pixels, 0.90, kChromaHistMax);
    s.chroma_p99 = percentile(acc.chroma_hist, acc.pixels, 0.99, kChromaHistMax);
    s.lightness_p50 = percentile(acc.lightness_hist, acc.pixels, 0.50, kLightnessHistMax);

    const double family_total = params.hue_space == HueSpace::Oklch ? acc.ok_sum_c : acc.lab_sum_c;
    s.hue_weight = family_total;
    for (std::size_t f = 0; f < params.families.size(); ++f) {
        const double weight = f < acc.family_weight.size() ? acc.family_weight[f] : 0.0;
        const double count = f < acc.family_count.size() ? acc.family_count[f] : 0.0;
        const std::string& name = params.families[f].name;
        s.shares.emplace_back(name, family_total > 0 ? weight / family_total : kNaN);
        s.pixel_shares.emplace_back(name, acc.chromatic > 0 ? count / chromatic : kNaN);
    }

    mean_from_resultant(acc.ok_sum_a, acc.ok_sum_b, acc.ok_sum_c, s.hue_mean_deg,
                        s.hue_circular_variance);
    mean_from_resultant(acc.lab_sum_a, acc.lab_sum_b, acc.lab_sum_c, s.hue_mean_lab_deg,
                        s.hue_circular_variance_lab);
    for (int i = 0; i < kHueBins; ++i) {
        s.hue_histogram[i] = acc.ok_sum_c > 0 ? acc.ok_hue_hist[i] / acc.ok_sum_c : 0.0;
        s.hue_histogram_lab[i] = acc.lab_sum_c > 0 ? acc.lab_hue_hist[i] / acc.lab_sum_c : 0.0;
    }
    return s;
}

void circular_mean(const std::vector<double>& hues_deg, const std::vector<double>& weights,
                   double& mean_deg, double& variance) {
    double x = 0.0, y = 0.0, w = 0.0;
    for (std::size_t i = 0; i < hues_deg.size() && i < weights.size(); ++i) {
        const double rad = hues_deg[i] * (std::numbers::pi / 180.0);
        x += weights[i] * std::cos(rad);
        y += weights[i] * std::sin(rad);
        w += weights[i];
    }
    mean_from_resultant(x, y, w, mean_deg, variance);
}

}  // namespace huescope
