#pragma once
// Comparing analysed films: distances between their hue distributions, palette matching, and
// inference on a hue family's share with shots as samples. Methods: docs/statistics.md.

#include <string>
#include <vector>

#include "huescope/analysis_folder.hpp"
#include "huescope/sampling_units.hpp"
#include "huescope/share_inference.hpp"

namespace huescope {

struct CompareOptions {
    std::string family = "blue";
    InferenceOptions inference;
    UnitOptions units;
    double palette_match_delta_e_ok = 0.05;  ///< "a close counterpart": 2.5 OKLab JND
    /// false: every pair of films. true: the first film against each of the others (references).
    bool against_references = false;
};

/// The colour of one palette closest to a colour of the other.
struct PaletteMatch {
    std::size_t from = 0, to = 0;
    double delta_e_ok = 0.0, delta_e_2000 = 0.0;
    bool close = false;
};

struct CompareFilm {
    FilmRecord film;
    FilmUnits units;
    double share = 0.0;  ///< the family's pooled share over the units
};

struct PairComparison {
    std::size_t a = 0, b = 0;  ///< indices into Comparison::films
    double emd_oklch_deg = 0.0, emd_cielab_deg = 0.0;
    double total_variation = 0.0;            ///< OKLCh histograms
    std::vector<double> family_differences;  ///< share_a - share_b per family (film shares)
    ShareTest test;
    double p_holm = 0.0;  ///< p adjusted (Holm) over all pairs of this comparison
    std::vector<PaletteMatch> a_to_b, b_to_a;
    double a_covered = 0.0, b_covered = 0.0;  ///< palette weight with a close counterpart
};

struct Comparison {
    CompareOptions options;
    std::vector<HueBand> families;  ///< shared by every film
    std::vector<CompareFilm> films;
    std::vector<PairComparison> pairs;
    /// With against_references: the first film's share among the references' shares.
    ReferencePosition reference;
};

/// Compares films (at least two). InvalidArgument when the family is unknown, or when films
/// were measured with different hue spaces or family bands (their shares would not compare).
Result<Comparison> compare_films(std::vector<FilmRecord> films, const CompareOptions& options);

/// Matches each colour of `from` to its nearest colour of `to` (OKLab distance).
std::vector<PaletteMatch> match_palette(const std::vector<PaletteColor>& from,
                                        const std::vector<PaletteColor>& to,
                                        double close_delta_e_ok);

/// The test result as a sentence a reader can quote, e.g. "her's blue share is 6.1 points
/// lower than scifi's, 95% CI [4.0, 8.3], p < 0.001 (permutation test, shots as samples)."
std::string pair_sentence(const Comparison& comparison, const PairComparison& pair);

/// With references: where the first film's share falls, as a sentence.
std::string reference_sentence(const Comparison& comparison);

/// Writes compare.json (every number, parameters, seeds, the inputs' provenance) atomically.
Status write_compare_json(const Comparison& comparison, const std::string& path);

}  // namespace huescope
