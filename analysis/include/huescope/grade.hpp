#pragma once
// Grade analysis: two versions of the same footage (BEFORE, e.g. the camera original, and AFTER,
// the graded master), paired frame by frame. Where each hue went (a hue transfer matrix, hue
// shift and chroma gain around the circle, per hue family, per shot and for the film), and the
// grade itself estimated as a 3D LUT on BEFORE's encoding. docs/grade.md defines every number.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "huescope/measurement.hpp"
#include "huescope/source.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// The transfer matrix's hue bins: 10 degrees each, the first from 0 to 10.
inline constexpr int kTransferBins = 36;
/// The matrix's last column: pixels chromatic before and achromatic after.
inline constexpr int kAchromaticColumn = kTransferBins;

/// Sums over paired pixels, all adding up under merge() (shots and film from frames).
/// Weights are BEFORE's chroma (OKLab C, or CIELAB C*ab with that hue space) unless said.
struct HueTransfer {
    uint64_t pixels = 0;            ///< pairs of finite pixels
    uint64_t chromatic_before = 0;  ///< ... chromatic in BEFORE (MeasureParams' rules)
    uint64_t chromatic_after = 0;   ///< ... chromatic in AFTER
    double chroma_before = 0.0;     ///< chroma of all pixels, BEFORE and AFTER
    double chroma_after = 0.0;
    double lightness_before = 0.0;  ///< OKLab L of all pixels
    double lightness_after = 0.0;
    /// [i][j]: BEFORE's chroma of pixels chromatic before in hue bin i and, after, in hue bin j
    /// or achromatic (j = kAchromaticColumn).
    std::array<std::array<double, kTransferBins + 1>, kTransferBins> matrix{};
    /// By BEFORE's hue bin, over pixels chromatic before: chroma before and after.
    std::array<double, kTransferBins> bin_chroma_before{}, bin_chroma_after{};
    /// By BEFORE's hue bin, over pixels chromatic in both: sum of weight x hue change (degrees,
    /// -180..180, positive = counter-clockwise) and of the weight.
    std::array<double, kTransferBins> bin_shift{}, bin_shift_weight{};
    /// AFTER's chroma of pixels achromatic before and chromatic after, by AFTER's hue bin.
    std::array<double, kTransferBins> bin_gained{};

    /// The same by hue family (MeasureParams' families). moves[f][g]: BEFORE's chroma of pixels
    /// in family f before and family g after, the last column achromatic after.
    std::vector<std::vector<double>> family_moves;
    std::vector<double> family_chroma_before;  ///< by BEFORE's family: chroma before
    std::vector<double> family_chroma_after;   ///< ... and the same pixels' chroma after
    std::vector<double> family_shift, family_shift_weight;
    /// Chroma by family of each version's own hue (the share of blue before and after).
    std::vector<double> family_share_before, family_share_after;
    double chromatic_chroma_before = 0.0, chromatic_chroma_after = 0.0;
    /// Each version's chroma-weighted hue histogram (1-degree bins, chromatic pixels, its own
    /// hues): the hue wheels of the report.
    std::array<double, kHueBins> hue_hist_before{}, hue_hist_after{};

    void reset(std::size_t families);
    void merge(const HueTransfer& other);
};

/// Adds the pixel pairs of two pictures of the same size (working-space linear light).
void accumulate_transfer(const LinearImage& before, const LinearImage& after,
                         const MeasureParams& params, HueTransfer& out);

/// One line per hue family with at least 0.5% of the chroma before, e.g. "blue: 71% of its chroma
/// removed; moved 18% to cyan, 9% to purple" (for the terminal, grade.json and the report).
std::vector<std::string> grade_family_sentences(const HueTransfer& transfer,
                                                const std::vector<HueBand>& families);

/// One version of the footage and its own decode.
struct GradeSide {
    std::string input;
    SourceOptions source;
};

struct GradeOptions {
    GradeSide before, after;
    std::string output_dir;
    /// AFTER's frame k pairs with BEFORE's frame k - offset (a conformed version that starts
    /// `offset` frames later). Pairing itself is by timestamp.
    int offset_frames = 0;
    MeasureParams measure;
    int lut_size = 33;
    /// Pairs are taken in blocks of `holdout_block`; every n-th block is held out of the LUT fit
    /// and measures its error (whole blocks, so that a held-out frame's neighbours are not in
    /// the fit and the error is not an in-sample one).
    int holdout_every = 5;
    int holdout_block = 6;
    /// Pictures larger than this are area-averaged down to it (BEFORE's aspect kept), and the
    /// larger version always down to the smaller's size.
    int max_width = 640;
    /// The family whose biggest changes are shown as frames side by side, and how many.
    std::string focus_family = "blue";
    int focus_frames = 3;
    std::string command_line;
    const std::atomic<bool>* cancel = nullptr;
    /// Called after each pair: pairs so far, and the expected total (0 when unknown).
    std::function<void(int64_t, int64_t)> progress;
};

struct GradeShot {
    int64_t first_pair = 0;  ///< index of its first pair
    int64_t pairs = 0;
    double start_s = 0.0;  ///< BEFORE's time
    double end_s = 0.0;
    std::string transition;  ///< how it starts (cut, dissolve, fade)
    HueTransfer transfer;
};

struct LutFitReport {
    int size = 0;
    int64_t samples = 0;
    int64_t cells_with_data = 0;
    int64_t nodes_filled = 0;  ///< nodes with no data in any cell around them
    /// Ranges [first, last] of filled nodes' indices (red fastest, as in the .cube file).
    std::vector<std::pair<int64_t, int64_t>> filled_ranges;
    int64_t held_out_frames = 0;
    int64_t held_out_pixels = 0;  ///< evaluated (a bounded, evenly drawn sample of them)
    /// OKLab, predicted AFTER vs AFTER, held-out pixels; NaN when none were held out.
    double mean_delta_e = std::numeric_limits<double>::quiet_NaN();
    double p95_delta_e = std::numeric_limits<double>::quiet_NaN();
    double before_outside_unit = 0.0;  ///< share of BEFORE's values outside [0, 1], clamped
};

/// A pair where the grade changed the focus family most, saved side by side.
struct GradeFrame {
    int64_t pair = 0;
    double before_s = 0.0, after_s = 0.0;
    double chroma_removed = 0.0;        ///< the focus family's chroma before minus after, per pixel
    std::string before_png, after_png;  ///< relative to OUTDIR
};

struct GradeResult {
    SourceInfo before, after;
    int grid_width = 0, grid_height = 0;
    int64_t pairs = 0;
    int64_t unpaired_before = 0, unpaired_after = 0;
    int64_t verified_pairs = 0;    ///< pairs whose pictures were compared (not flat)
    int64_t mismatched_pairs = 0;  ///< ... found to differ: left out of everything
    HueTransfer film;
    std::vector<GradeShot> shots;
    LutFitReport lut;
    std::vector<GradeFrame> frames;  ///< in the order of the film
    std::vector<std::string> notes;
};

/// Pairs, measures and fits; writes OUTDIR/grade.json, grade.cube, barcode_before/after.png and
/// .exr, and frames/*.png (each file atomically; a run that fails before the end leaves an
/// earlier result as it was). Mismatched cuts, frame rates or aspect ratios are
/// errors that say so.
Result<GradeResult> run_grade(const GradeOptions& options);

}  // namespace huescope
