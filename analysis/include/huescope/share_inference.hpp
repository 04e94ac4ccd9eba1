#pragma once
// Inference on a hue family's share with shots (or blocks of frames) as the sampling units.
// Frames are autocorrelated, so they are not independent samples; whole shots are resampled and
// permuted instead. Methods and assumptions: docs/statistics.md.

#include <cstdint>
#include <vector>

namespace huescope {

/// One sampling unit of a film: a shot, or a fixed-length block of frames.
struct SampleUnit {
    double hue_weight = 0.0;  ///< chroma of the unit's chromatic pixels (the share's denominator)
    double family_weight = 0.0;  ///< the part of hue_weight inside the family
    double frames = 0.0;         ///< measured frames (the unit's duration)

    /// The family's share of this unit alone; NaN when the unit has no chromatic pixel.
    double share() const;
};

/// Units with chromatic pixels: only they can be resampled into a share.
std::size_t units_with_hue(const std::vector<SampleUnit>& units);

/// A film's share over a set of units: the ratio of sums, exactly the film share summary.json
/// reports when the units cover the film. Each unit weighs by its chroma, hence by its duration.
double pooled_share(const std::vector<SampleUnit>& units);

enum class Alternative { TwoSided, Less, Greater };
const char* alternative_name(Alternative alternative);
bool parse_alternative(const char* text, Alternative& out);

struct InferenceOptions {
    int bootstrap_replicates = 10000;
    int permutations = 9999;
    double confidence = 0.95;
    uint64_t seed = 20131218;
    Alternative alternative = Alternative::TwoSided;
};

/// Film A against film B: difference of pooled shares, its bootstrap interval, a permutation
/// p-value and effect sizes. Shares are fractions (0..1), not points.
struct ShareTest {
    double share_a = 0.0, share_b = 0.0;
    double difference = 0.0;             ///< share_a - share_b
    double ratio = 0.0;                  ///< share_a / share_b (NaN when share_b is 0)
    double ci_low = 0.0, ci_high = 0.0;  ///< percentile bootstrap, units resampled in each film
    double p_value = 1.0;                ///< permutation test of exchangeable units
    double cliffs_delta = 0.0;           ///< duration-weighted P(unit of A > unit of B) - P(<)
    std::size_t units_a = 0, units_b = 0;
    int bootstrap_replicates = 0, permutations = 0;
};

/// NaN fields and p = NaN when either film has fewer than two units with chromatic pixels.
ShareTest compare_shares(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b,
                         const InferenceOptions& options);

/// Duration-weighted Cliff's delta over units with a defined share, in [-1, 1].
double cliffs_delta(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b);

/// "negligible" / "small" / "medium" / "large" (Romano et al. 2006 thresholds on |delta|).
const char* cliffs_delta_magnitude(double delta);

/// Holm's step-down adjustment of a family of p-values (same order as given; NaN passes through).
std::vector<double> holm_adjust(const std::vector<double>& p_values);

/// Where one film's share falls among the shares of a reference set of films.
struct ReferencePosition {
    std::size_t references = 0;
    double mean = 0.0, sd = 0.0;  ///< of the reference films' shares
    double z = 0.0;               ///< (share - mean) / sd
    double percentile = 0.0;      ///< mid-rank: 100 * (below + equal / 2) / references
    double p_lower = 1.0;         ///< (1 + references at or below) / (references + 1)
    double p_higher = 1.0;        ///< (1 + references at or above) / (references + 1)
};
ReferencePosition reference_position(double share, const std::vector<double>& reference_shares);

/// A uniform integer in [0, n) from a 64-bit generator state, by Lemire's multiply-and-reject,
/// so that results are the same with every standard library (std distributions are not).
class UnitRng {
  public:
    explicit UnitRng(uint64_t seed);
    uint64_t next();
    std::size_t below(std::size_t n);

  private:
    uint64_t m_state[4];
};

}  // namespace huescope
