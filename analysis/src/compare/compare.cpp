#include "huescope/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "huescope/color_difference.hpp"

namespace huescope {
namespace {

std::string format(const char* pattern, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

/// Whether `film` measures a family of the band's name over the same arc.
bool has_band(const FilmRecord& film, const HueBand& band) {
    const int f = film.family_index(band.name);
    return f >= 0 && film.families[static_cast<std::size_t>(f)].same_arc(band);
}

/// Films measured differently have shares that do not compare: refuse rather than mislead.
Status check_comparable(const std::vector<FilmRecord>& films, const std::string& family) {
    const FilmRecord& first = films.front();
    const int index = first.family_index(family);
    for (const FilmRecord& film : films) {
        if (film.family_index(family) < 0) {
            return Status(ErrorCode::InvalidArgument,
                          "'" + film.folder + "' has no hue family '" + family + "'");
        }
        if (film.hue_space != first.hue_space) {
            return Status(ErrorCode::InvalidArgument,
                          "'" + film.folder + "' was measured in " +
                              hue_space_name(film.hue_space) + ", '" + first.folder + "' in " +
                              hue_space_name(first.hue_space) + ": analyse both alike");
        }
        if (film.min_chroma != first.min_chroma || film.near_black_l != first.near_black_l ||
            film.near_white_l != first.near_white_l) {
            return Status(ErrorCode::InvalidArgument,
                          "'" + film.folder + "' and '" + first.folder +
                              "' count different pixels as chromatic (--min-chroma, "
                              "--near-black, --near-white): analyse both alike");
        }
        if (!has_band(film, first.families[static_cast<std::size_t>(index)])) {
            return Status(ErrorCode::InvalidArgument,
                          "the '" + family + "' band differs between '" + first.folder + "' and '" +
                              film.folder + "': analyse both with the same --band");
        }
    }
    return Status::ok();
}

/// Labels are file stems; two films of the same name get " (2)", " (3)".
void make_labels_unique(std::vector<CompareFilm>& films) {
    std::set<std::string> taken;
    for (CompareFilm& f : films) {
        const std::string base = f.film.label;
        for (int n = 2; taken.count(f.film.label) > 0; ++n)
            f.film.label = base + " (" + std::to_string(n) + ")";
        taken.insert(f.film.label);
    }
}

double covered_weight(const std::vector<PaletteColor>& palette,
                      const std::vector<PaletteMatch>& matches) {
    double covered = 0.0, total = 0.0;
    for (const PaletteMatch& m : matches) {
        total += palette[m.from].weight;
        if (m.close) covered += palette[m.from].weight;
    }
    return total > 0.0 ? covered / total : std::numeric_limits<double>::quiet_NaN();
}

PairComparison compare_pair(const Comparison& c, std::size_t a, std::size_t b) {
    const FilmRecord& fa = c.films[a].film;
    const FilmRecord& fb = c.films[b].film;
    PairComparison pair;
    pair.a = a;
    pair.b = b;
    pair.emd_oklch_deg = circular_emd_deg(fa.hue_histogram, fb.hue_histogram);
    pair.emd_cielab_deg = circular_emd_deg(fa.hue_histogram_lab, fb.hue_histogram_lab);
    pair.total_variation = total_variation(fa.hue_histogram, fb.hue_histogram);
    for (const HueBand& band : c.families) {
        const double sa = fa.shares[static_cast<std::size_t>(fa.family_index(band.name))];
        const double sb = fb.shares[static_cast<std::size_t>(fb.family_index(band.name))];
        pair.family_differences.push_back(sa - sb);
    }
    pair.test = compare_shares(c.films[a].units.units, c.films[b].units.units, c.options.inference);
    const double close = c.options.palette_match_delta_e_ok;
    pair.a_to_b = match_palette(fa.palette, fb.palette, close);
    pair.b_to_a = match_palette(fb.palette, fa.palette, close);
    pair.a_covered = covered_weight(fa.palette, pair.a_to_b);
    pair.b_covered = covered_weight(fb.palette, pair.b_to_a);
    return pair;
}

std::string units_phrase(const FilmUnits& u) {
    return u.kind == UnitMode::Shots ? "shots" : format("%g-s blocks", u.block_seconds);
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st", ...
std::string ordinal(double value) {
    const long n = std::lround(value);
    const long last_two = n % 100, last = n % 10;
    const char* suffix = "th";
    if (last_two < 11 || last_two > 13) {
        if (last == 1) suffix = "st";
        if (last == 2) suffix = "nd";
        if (last == 3) suffix = "rd";
    }
    return std::to_string(n) + suffix;
}

std::string p_phrase(double p) {
    if (p < 0.001) return "p < 0.001";
    return format(p < 0.01 ? "p = %.3f" : "p = %.2f", p);
}

}  // namespace

std::vector<PaletteMatch> match_palette(const std::vector<PaletteColor>& from,
                                        const std::vector<PaletteColor>& to,
                                        double close_delta_e_ok) {
    std::vector<PaletteMatch> matches;
    if (to.empty()) return matches;
    for (std::size_t i = 0; i < from.size(); ++i) {
        PaletteMatch best;
        best.from = i;
        best.delta_e_ok = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < to.size(); ++j) {
            const double d = delta_e_ok(from[i].oklab, to[j].oklab);
            if (d < best.delta_e_ok) {
                best.delta_e_ok = d;
                best.to = j;
            }
        }
        best.delta_e_2000 = delta_e_2000(from[i].cielab, to[best.to].cielab);
        best.close = best.delta_e_ok <= close_delta_e_ok;
        matches.push_back(best);
    }
    return matches;
}

Result<Comparison> compare_films(std::vector<FilmRecord> films, const CompareOptions& options) {
    if (films.size() < 2) {
        return Status(ErrorCode::InvalidArgument, "compare needs at least two films");
    }
    if (Status s = check_comparable(films, options.family); !s) return s;
    Comparison c;
    c.options = options;
    for (const HueBand& band : films.front().families) {  // the families every film shares
        if (std::all_of(films.begin(), films.end(),
                        [&](const FilmRecord& film) { return has_band(film, band); })) {
            c.families.push_back(band);
        }
    }
    for (FilmRecord& film : films) {
        CompareFilm entry;
        entry.units = sampling_units(film, film.family_index(options.family), options.units);
        entry.share = pooled_share(entry.units.units);
        entry.film = std::move(film);
        c.films.push_back(std::move(entry));
    }
    make_labels_unique(c.films);
    if (options.against_references) {
        for (std::size_t r = 1; r < c.films.size(); ++r) c.pairs.push_back(compare_pair(c, 0, r));
        std::vector<double> reference_shares;
        for (std::size_t r = 1; r < c.films.size(); ++r)
            reference_shares.push_back(c.films[r].share);
        c.reference = reference_position(c.films[0].share, reference_shares);
    } else {
        for (std::size_t a = 0; a < c.films.size(); ++a)
            for (std::size_t b = a + 1; b < c.films.size(); ++b)
                c.pairs.push_back(compare_pair(c, a, b));
    }
    std::vector<double> p;
    for (const PairComparison& pair : c.pairs) p.push_back(pair.test.p_value);
    const std::vector<double> adjusted = holm_adjust(p);
    for (std::size_t i = 0; i < c.pairs.size(); ++i) c.pairs[i].p_holm = adjusted[i];
    return c;
}

std::string pair_sentence(const Comparison& c, const PairComparison& pair) {
    const CompareFilm& a = c.films[pair.a];
    const CompareFilm& b = c.films[pair.b];
    const ShareTest& t = pair.test;
    const std::string& family = c.options.family;
    const double points = 100.0 * t.difference;
    for (const CompareFilm* film : {&a, &b}) {
        if (!std::isfinite(film->share)) {
            return film->film.label + " has no chromatic pixel, so no " + family +
                   " share to compare.";
        }
    }
    std::string s =
        a.film.label + "'s " + family + " share (" + format("%.1f%%", 100 * t.share_a) + ") is ";
    if (points == 0.0) {
        s += "the same as " + b.film.label + "'s";
    } else {
        s += format("%.1f points ", std::fabs(points)) + (points < 0 ? "lower" : "higher") +
             " than " + b.film.label + "'s (" + format("%.1f%%", 100 * t.share_b) + ")";
    }
    if (!std::isfinite(t.p_value)) {
        const CompareFilm& short_film = units_with_hue(a.units.units) < 2 ? a : b;
        return s + "; no test: " + short_film.film.label + " has fewer than two " +
               units_phrase(short_film.units) + " with colour to resample.";
    }
    // The interval is given for the stated direction, so "lower, CI [4.0, 8.3]" reads naturally.
    const double sign = points < 0 ? -1.0 : 1.0;
    double low = 100.0 * sign * t.ci_low, high = 100.0 * sign * t.ci_high;
    if (low > high) std::swap(low, high);
    s += format(", %g%% CI [", 100.0 * c.options.inference.confidence) + format("%.1f", low) +
         ", " + format("%.1f", high) + "] points, " + p_phrase(t.p_value) + " (" +
         alternative_name(c.options.inference.alternative) + " permutation test, ";
    const std::string ua = units_phrase(a.units), ub = units_phrase(b.units);
    s += ua == ub ? ua : ua + " and " + ub;
    s += format(" as samples: %.0f", static_cast<double>(t.units_a)) +
         format(" and %.0f); ", static_cast<double>(t.units_b)) +
         format("Cliff's delta %.2f", t.cliffs_delta) + " (" +
         cliffs_delta_magnitude(t.cliffs_delta) + ").";
    return s;
}

std::string reference_sentence(const Comparison& c) {
    const ReferencePosition& r = c.reference;
    if (!c.options.against_references || r.references == 0) return {};
    const CompareFilm& film = c.films.front();
    if (!std::isfinite(r.percentile)) {
        return film.film.label + " has no " + c.options.family +
               " share to place among the references (no chromatic pixel, or none in them).";
    }
    std::string s = film.film.label + "'s " + c.options.family + " share (" +
                    format("%.1f%%", 100 * film.share) + ") lies at the " + ordinal(r.percentile) +
                    " percentile of " +
                    format("%.0f reference films", static_cast<double>(r.references)) +
                    format(" (their mean %.1f%%", 100 * r.mean);
    if (std::isfinite(r.sd)) s += format(", SD %.1f points", 100 * r.sd);
    if (std::isfinite(r.z)) s += format(", z = %.2f", r.z);
    s += format("); rank p-values: lower %.3f", r.p_lower) + format(", higher %.3f.", r.p_higher);
    return s;
}

}  // namespace huescope
