#include "huescope/share_inference.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace huescope {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
__extension__ typedef unsigned __int128 u128;  // GCC and Clang; keeps -Wpedantic quiet

uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

struct Sums {
    double hue = 0.0, family = 0.0;
    void add(const SampleUnit& u) {
        hue += u.hue_weight;
        family += u.family_weight;
    }
    double share() const { return hue > 0.0 ? family / hue : kNaN; }
};

/// Linear interpolation between order statistics (the "type 7" quantile).
double quantile(std::vector<double>& sorted, double q) {
    if (sorted.empty()) return kNaN;
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const std::size_t high = std::min(low + 1, sorted.size() - 1);
    const double t = position - static_cast<double>(low);
    return sorted[low] + t * (sorted[high] - sorted[low]);
}

/// Percentile bootstrap: each film's units resampled with replacement, independently.
void bootstrap_interval(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b,
                        const InferenceOptions& options, ShareTest& test) {
    UnitRng rng(options.seed);
    std::vector<double> differences;
    differences.reserve(static_cast<std::size_t>(options.bootstrap_replicates));
    for (int r = 0; r < options.bootstrap_replicates; ++r) {
        Sums sa, sb;
        for (std::size_t i = 0; i < a.size(); ++i) sa.add(a[rng.below(a.size())]);
        for (std::size_t i = 0; i < b.size(); ++i) sb.add(b[rng.below(b.size())]);
        const double d = sa.share() - sb.share();
        if (std::isfinite(d)) differences.push_back(d);  // a draw of only grey units has no share
    }
    std::sort(differences.begin(), differences.end());
    const double tail = (1.0 - options.confidence) / 2.0;
    test.ci_low = quantile(differences, tail);
    test.ci_high = quantile(differences, 1.0 - tail);
    test.bootstrap_replicates = static_cast<int>(differences.size());
}

/// Permutation test: under H0 the units of both films are exchangeable, so relabelling them at
/// random gives the null distribution of the difference. p = (1 + extreme) / (1 + permutations).
void permutation_p(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b,
                   const InferenceOptions& options, ShareTest& test) {
    std::vector<SampleUnit> pool(a);
    pool.insert(pool.end(), b.begin(), b.end());
    UnitRng rng(options.seed ^ 0x5045524D55544Bull);  // a stream apart from the bootstrap's
    const double observed = test.difference;
    // Equal statistics must count as "as extreme": the tolerance absorbs summation order.
    const double tolerance = 1e-12 * std::max(1.0, std::fabs(observed));
    int extreme = 0, used = 0;
    for (int r = 0; r < options.permutations; ++r) {
        for (std::size_t i = 0; i < a.size(); ++i) {  // partial Fisher-Yates: first |A| are A
            std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
        }
        Sums sa, sb;
        for (std::size_t i = 0; i < a.size(); ++i) sa.add(pool[i]);
        for (std::size_t i = a.size(); i < pool.size(); ++i) sb.add(pool[i]);
        const double d = sa.share() - sb.share();
        if (!std::isfinite(d)) continue;
        ++used;
        switch (options.alternative) {
            case Alternative::TwoSided:
                extreme += std::fabs(d) >= std::fabs(observed) - tolerance;
                break;
            case Alternative::Less:
                extreme += d <= observed + tolerance;
                break;
            case Alternative::Greater:
                extreme += d >= observed - tolerance;
                break;
        }
    }
    test.permutations = used;
    test.p_value = static_cast<double>(1 + extreme) / static_cast<double>(1 + used);
}

}  // namespace

std::size_t units_with_hue(const std::vector<SampleUnit>& units) {
    return static_cast<std::size_t>(std::count_if(
        units.begin(), units.end(), [](const SampleUnit& u) { return u.hue_weight > 0.0; }));
}

double SampleUnit::share() const {
    return hue_weight > 0.0 ? family_weight / hue_weight : kNaN;
}

double pooled_share(const std::vector<SampleUnit>& units) {
    Sums s;
    for (const SampleUnit& u : units) s.add(u);
    return s.share();
}

const char* alternative_name(Alternative alternative) {
    switch (alternative) {
        case Alternative::TwoSided:
            return "two-sided";
        case Alternative::Less:
            return "less";
        case Alternative::Greater:
            return "greater";
    }
    return "two-sided";
}

bool parse_alternative(const char* text, Alternative& out) {
    for (Alternative a : {Alternative::TwoSided, Alternative::Less, Alternative::Greater}) {
        if (std::strcmp(text, alternative_name(a)) == 0) {
            out = a;
            return true;
        }
    }
    return false;
}

ShareTest compare_shares(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b,
                         const InferenceOptions& options) {
    ShareTest test;
    test.units_a = a.size();
    test.units_b = b.size();
    test.share_a = pooled_share(a);
    test.share_b = pooled_share(b);
    test.difference = test.share_a - test.share_b;
    test.ratio = test.share_b > 0.0 ? test.share_a / test.share_b : kNaN;
    test.cliffs_delta = cliffs_delta(a, b);
    if (units_with_hue(a) < 2 || units_with_hue(b) < 2) {  // no variability to resample
        test.ci_low = test.ci_high = test.p_value = kNaN;
        return test;
    }
    bootstrap_interval(a, b, options, test);
    permutation_p(a, b, options, test);
    return test;
}

double cliffs_delta(const std::vector<SampleUnit>& a, const std::vector<SampleUnit>& b) {
    double above = 0.0, below = 0.0, total = 0.0;
    for (const SampleUnit& x : a) {
        const double sx = x.share();
        if (!std::isfinite(sx)) continue;
        for (const SampleUnit& y : b) {
            const double sy = y.share();
            if (!std::isfinite(sy)) continue;
            const double w = x.frames * y.frames;
            total += w;
            if (sx > sy) above += w;
            if (sx < sy) below += w;
        }
    }
    return total > 0.0 ? (above - below) / total : kNaN;
}

const char* cliffs_delta_magnitude(double delta) {
    const double d = std::fabs(delta);
    if (!std::isfinite(d)) return "undefined";
    if (d < 0.147) return "negligible";
    if (d < 0.33) return "small";
    if (d < 0.474) return "medium";
    return "large";
}

std::vector<double> holm_adjust(const std::vector<double>& p) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (std::isfinite(p[i])) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return p[x] < p[y]; });
    std::vector<double> adjusted(p);
    double running = 0.0;  // adjusted p-values never decrease along the sorted order
    const double m = static_cast<double>(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        running = std::max(running, std::min(1.0, (m - static_cast<double>(k)) * p[order[k]]));
        adjusted[order[k]] = running;
    }
    return adjusted;
}

ReferencePosition reference_position(double share, const std::vector<double>& reference_shares) {
    ReferencePosition r;
    std::vector<double> refs;
    for (double s : reference_shares)
        if (std::isfinite(s)) refs.push_back(s);
    r.references = refs.size();
    if (refs.empty() || !std::isfinite(share)) {
        r.mean = r.sd = r.z = r.percentile = r.p_lower = r.p_higher = kNaN;
        return r;
    }
    const double n = static_cast<double>(refs.size());
    r.mean = std::accumulate(refs.begin(), refs.end(), 0.0) / n;
    double squares = 0.0;
    for (double s : refs) squares += (s - r.mean) * (s - r.mean);
    r.sd = refs.size() > 1 ? std::sqrt(squares / (n - 1.0)) : kNaN;
    r.z = r.sd > 0.0 ? (share - r.mean) / r.sd : kNaN;
    double below = 0, equal = 0;
    for (double s : refs) {
        below += s < share;
        equal += s == share;
    }
    r.percentile = 100.0 * (below + equal / 2.0) / n;
    r.p_lower = (1.0 + below + equal) / (n + 1.0);
    r.p_higher = (1.0 + (n - below)) / (n + 1.0);
    return r;
}

UnitRng::UnitRng(uint64_t seed) {
    for (uint64_t& s : m_state) s = splitmix64(seed);
}

uint64_t UnitRng::next() {  // xoshiro256** (Blackman & Vigna)
    const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::size_t UnitRng::below(std::size_t n) {
    const uint64_t range = n;
    u128 m = static_cast<u128>(next()) * range;
    auto low = static_cast<uint64_t>(m);
    if (low < range) {
        const uint64_t threshold = (0 - range) % range;
        while (low < threshold) {
            m = static_cast<u128>(next()) * range;
            low = static_cast<uint64_t>(m);
        }
    }
    return static_cast<std::size_t>(m >> 64);
}

}  // namespace huescope
