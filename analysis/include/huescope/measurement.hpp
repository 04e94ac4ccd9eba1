#pragma once
// Per-pixel measurement of hue, chroma and lightness, accumulated into sums that merge exactly:
// a frame, a shot and a film are all the same accumulator over different sets of pixels.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "huescope/hue_families.hpp"
#include "huescope/image.hpp"
#include "huescope/rect.hpp"

namespace huescope {

inline constexpr int kHueBins = 360;
inline constexpr int kLevelBins = 1000;        ///< bins of the chroma and lightness histograms
inline constexpr double kChromaHistMax = 0.5;  ///< OKLab chroma range of the chroma histogram
inline constexpr double kLightnessHistMax = 1.0;

/// What counts as a chromatic pixel, and which families to report. The rule (has_hue()) and its
/// defaults: docs/color-science.md, "Which pixels have a hue".
struct MeasureParams {
    HueSpace hue_space = HueSpace::Oklch;
    double min_chroma = 0.02;  ///< OKLab chroma below this has no hue (about one JND)
    /// The lightness under which the chroma a pixel needs grows as (near_black_l / L)^2 (the
    /// chroma of code-value noise near black); an achromatic pixel below it is near-black.
    double near_black_l = 0.10;
    double near_white_l = 0.95;  ///< an achromatic pixel above this OKLab L is near-white
    std::vector<HueBand> families = default_hue_families(HueSpace::Oklch);
};

/// Sums over a set of pixels. All members add up under merge(), so the statistics of a union of
/// frames are computed from the union of their accumulators, never by averaging averages.
struct HueAccumulator {
    uint64_t pixels = 0;   ///< finite pixels measured
    uint64_t invalid = 0;  ///< pixels with NaN or infinite values, left out
    /// Measured pixels with a negative working-space component: outside the BT.709 gamut (wide
    /// gamut sources, scene-linear EXR). Legal colours, measured like any other; counted.
    uint64_t negative = 0;
    uint64_t near_black = 0;
    uint64_t near_white = 0;
    uint64_t low_chroma = 0;
    uint64_t chromatic = 0;

    std::array<double, 3> sum_rgb{};  ///< working-space linear RGB over all measured pixels
    double sum_lightness = 0.0;       ///< OKLab L over all measured pixels
    double sum_chroma = 0.0;          ///< OKLab C over all measured pixels

    // Over chromatic pixels only: the (a, b) sums are the chroma-weighted mean hue vector.
    double ok_sum_a = 0.0, ok_sum_b = 0.0, ok_sum_c = 0.0;
    double lab_sum_a = 0.0, lab_sum_b = 0.0, lab_sum_c = 0.0;

    std::array<double, kHueBins> ok_hue_hist{};   ///< OKLab chroma per 1-degree OKLCh hue bin
    std::array<double, kHueBins> lab_hue_hist{};  ///< CIELAB C*ab per 1-degree LCh(ab) hue bin
    std::array<uint64_t, kLevelBins> chroma_hist{};
    std::array<uint64_t, kLevelBins> lightness_hist{};

    std::vector<double> family_weight;   ///< chroma in each family (chosen hue space)
    std::vector<uint64_t> family_count;  ///< chromatic pixels in each family

    void reset(std::size_t family_count_size);
    /// Mean linear light (working space) of the measured pixels: the mean colour; NaN if none.
    std::array<double, 3> mean_rgb() const;
    void merge(const HueAccumulator& other);
};

/// What a pixel counts as. Hue is only meaningful away from the neutral axis and the extremes of
/// lightness: the one definition the accumulator and any viewer's overlay share.
enum class PixelKind { NearBlack, NearWhite, LowChroma, Chromatic };
PixelKind classify_pixel(double oklab_l, double oklab_chroma, const MeasureParams& params);

/// A pixel has a hue when its OKLab chroma is at least
///   min_chroma * max(1, L, (near_black_l / L)^2)    (and L > 0):
/// near black, one 8-bit code value of noise makes a chroma of up to 1e-4 / L^2, so asking for
/// twice that keeps the hue within 30 degrees; above diffuse white (HDR highlights) the same
/// saturation C / L is asked for. Lightness alone never takes the hue away: a bright yellow and
/// an HDR highlight keep theirs. docs/color-science.md.
bool has_hue(double oklab_l, double oklab_chroma, const MeasureParams& params);
/// min_chroma * near_black_l^2: the C * L^2 a dark pixel needs to have a hue.
double dark_chroma_floor(const MeasureParams& params);

/// Adds every pixel of a working-space image to the accumulator.
void accumulate(const LinearImage& image, const MeasureParams& params, HueAccumulator& acc);

/// Adds the pixels inside `area` (e.g. the picture inside letterbox bars).
void accumulate(const LinearImage& image, const Rect& area, const MeasureParams& params,
                HueAccumulator& acc);

/// Statistics derived from an accumulator. NaN where undefined (no chromatic pixel).
struct HueSummary {
    uint64_t pixels = 0;
    uint64_t invalid_pixels = 0;
    uint64_t negative_pixels = 0;  ///< outside the BT.709 gamut (see HueAccumulator::negative)
    double chromatic_fraction = 0.0;
    double near_black_fraction = 0.0;
    double near_white_fraction = 0.0;
    std::vector<std::pair<std::string, double>> shares;  ///< chroma-weighted
    /// The shares' denominator: chroma summed over chromatic pixels in the hue space. It is the
    /// weight of these pixels in the shares of any larger set (a shot, a film).
    double hue_weight = 0.0;
    std::vector<std::pair<std::string, double>> pixel_shares;  ///< pixel-count
    double hue_mean_deg = 0.0;           ///< OKLCh, chroma-weighted circular mean
    double hue_mean_lab_deg = 0.0;       ///< CIELAB LCh(ab), chroma-weighted circular mean
    double hue_circular_variance = 0.0;  ///< OKLCh, 1 - mean resultant length
    double hue_circular_variance_lab = 0.0;
    double mean_chroma = 0.0;  ///< OKLab C over all pixels
    double chroma_p50 = 0.0, chroma_p90 = 0.0, chroma_p99 = 0.0;
    double mean_chroma_chromatic = 0.0;  ///< OKLab C over chromatic pixels
    double mean_lightness = 0.0;         ///< OKLab L over all pixels
    std::array<double, 3> mean_rgb{};    ///< mean linear light (working space): the mean colour
    double lightness_p50 = 0.0;
    std::array<double, kHueBins> hue_histogram{};      ///< OKLCh, sums to 1 (zeros if no hue)
    std::array<double, kHueBins> hue_histogram_lab{};  ///< CIELAB, sums to 1
};

HueSummary summarize(const HueAccumulator& acc, const MeasureParams& params);

/// Chroma-weighted circular mean (degrees) and circular variance of a set of hue/weight pairs.
/// Exposed for tests and for any caller holding raw angles.
void circular_mean(const std::vector<double>& hues_deg, const std::vector<double>& weights,
                   double& mean_deg, double& variance);

}  // namespace huescope
