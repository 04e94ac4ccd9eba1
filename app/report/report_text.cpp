#include "report_text.hpp"

#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace huescope::report {
namespace {

// When a film's shot count looks implausible (docs/shots.md, "How many shots to expect").
constexpr double kShotRateCheckMinS = 120.0;  // shorter clips may well be one shot
constexpr double kFewestShotsPerMinute = 1.0;
constexpr double kShortestAverageShotS = 1.0;

}  // namespace

QString num(double value, int decimals) {
    return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', decimals);
}

std::vector<const charts::ShotRow*> longest_shots(const charts::ReportData& d, std::size_t count) {
    std::vector<const charts::ShotRow*> shots;
    for (const charts::ShotRow& s : d.shots) shots.push_back(&s);
    std::stable_sort(shots.begin(), shots.end(),
                     [](const charts::ShotRow* a, const charts::ShotRow* b) {
                         return a->end_frame - a->start_frame > b->end_frame - b->start_frame;
                     });
    if (shots.size() > count) shots.resize(count);
    return shots;
}

QString report_title(const charts::ReportData& d) {
    return "huescope palette report — " + QFileInfo(d.input).fileName();
}

std::vector<std::pair<QString, QString>> header_rows(const charts::ReportData& d) {
    QString families;
    for (const charts::FamilyBand& f : d.families) {
        families += QString("%1 %2°–%3°; ").arg(f.name).arg(f.from_deg).arg(f.to_deg);
    }
    return {
        {"Film", d.input},
        {"Shots", cutting_text(d.shots.size(), d.average_shot_length_s, d.median_shot_length_s) +
                      (d.shots_source.isEmpty() ? QString() : "; " + d.shots_source)},
        {"Duration", QString("%1 s, %2 frames analysed at %3 fps")
                         .arg(num(d.duration_s, 1))
                         .arg(d.frames_analyzed)
                         .arg(num(d.frame_rate, 3))},
        {"Resolution", QString("%1 × %2, %3").arg(d.width).arg(d.height).arg(d.codec)},
        {"Colour decode", d.decode.join(", ")},
        {"Assumptions", d.assumptions.isEmpty()
                            ? QString("none: every part of the decode came from the stream")
                            : d.assumptions.join(" ")},
        {"Letterbox", d.letterbox},
        {"Parameters", QString("hue space %1; achromatic below OKLab chroma %2 (more below L %3 "
                               "and above L 1); achromatic pixels above L %4 are near-white; "
                               "families: %5")
                           .arg(d.hue_space, num(d.min_chroma, 3), num(d.near_black_l, 2),
                                num(d.near_white_l, 2), families)},
        {"Tool",
         QString("huescope %1, report of an analysis made %2").arg(d.tool_version, d.generated)},
    };
}

QString cutting_text(std::size_t shots, double average_s, double median_s) {
    QString text = QString("%1 shot%2").arg(shots).arg(shots == 1 ? "" : "s");
    if (std::isfinite(average_s)) {
        text += QString(", average shot length %1 s, median %2 s")
                    .arg(num(average_s, 1), num(median_s, 1));
    }
    return text;
}

QStringList warnings(const charts::ReportData& d) {
    QStringList list;
    // Thresholds and their source: docs/shots.md, "How many shots to expect".
    const double minutes = d.duration_s / 60.0;
    const double per_minute = minutes > 0 ? double(d.shots.size()) / minutes : 0.0;
    if (d.duration_s >= kShotRateCheckMinS && per_minute < kFewestShotsPerMinute) {
        list << QString(
                    "Check the shots: %1 in %2 minutes is fewer than one a minute, rare in a "
                    "feature film (average shot lengths of narrative films run from about "
                    "3 to 15 s). Shot-level statistics (compare, per-shot palettes) rest on "
                    "them; see docs/shots.md for --shot-sensitivity and --shots FILE.")
                    .arg(d.shots.size())
                    .arg(num(minutes, 1));
    } else if (d.shots.size() >= 10 && std::isfinite(d.average_shot_length_s) &&
               d.average_shot_length_s < kShortestAverageShotS) {
        list << QString(
                    "Check the shots: an average shot length of %1 s (%2 shots) is shorter "
                    "than any feature film's; flicker or flashes may have been taken for "
                    "cuts. See docs/shots.md for --shot-sensitivity and --shots FILE.")
                    .arg(num(d.average_shot_length_s, 2))
                    .arg(d.shots.size());
    }
    return list;
}

QString headline(const charts::ReportData& d, const QString& family) {
    for (std::size_t f = 0; f < d.families.size(); ++f) {
        if (d.families[f].name != family) continue;
        return QString(
                   "%1 holds %2% of the film's chromatic signal (chroma-weighted, OKLCh %3°–%4°). "
                   "%5% of the picture is chromatic; the film's mean hue is %6° (OKLCh), %7° in "
                   "CIELAB "
                   "LCh(ab); circular variance %8; %9 shots.")
            .arg(family, num(100 * d.film.shares[f], 1))
            .arg(d.families[f].from_deg)
            .arg(d.families[f].to_deg)
            .arg(num(100 * d.film.chromatic_fraction, 1), num(d.film.hue_mean_deg, 1),
                 num(d.film.hue_mean_lab_deg, 1), num(d.film.hue_circular_variance, 3))
            .arg(d.shots.size());
    }
    return QString("No hue family named '%1' in this analysis.").arg(family);
}

QStringList how_to_read(const charts::ReportData& d) {
    return {
        "How to read this. Every number is measured in light, not in code values: each frame is "
        "decoded "
        "with its stream's own matrix, range, transfer function and primaries (or the assumptions "
        "listed "
        "above), converted to linear light and then to OKLab, a perceptual colour space whose hue "
        "angle "
        "follows how people see hue. CIELAB values are given beside it for comparison with "
        "film-studies tools.",
        "Chromatic pixels. A pixel has a hue only if its OKLab chroma is at least " +
            num(d.min_chroma, 3) +
            " (about one just-noticeable difference from grey); below lightness " +
            num(d.near_black_l, 2) +
            " it needs more, growing as the inverse square of lightness, because there the noise "
            "of one code value already makes a visible chroma; above diffuse white (HDR) it needs "
            "the same saturation (chroma over lightness). A bright yellow or an HDR highlight "
            "keeps its hue. The others are achromatic, counted as near-black, near-white (above "
            "lightness " +
            num(d.near_white_l, 2) + ") or low-chroma.",
        "Shares. The share of a hue family is the chroma of its chromatic pixels divided by the "
        "chroma of "
        "all chromatic pixels (chroma-weighted): a saturated pixel counts more than a greyish one. "
        "Pixel "
        "shares (in summary.json) count pixels instead. Film and shot shares pool all their "
        "pixels.",
        "Mean hue and variance. The mean hue is the direction of the chroma-weighted mean of the "
        "colours "
        "(a circular mean: 350° and 10° average to 0°, not 180°); circular variance is 0 for a "
        "single hue "
        "and 1 when hues cancel out.",
        "Charts. The share over time is averaged into at most 1500 points; grey lines mark shot "
        "boundaries "
        "(cuts, fades, dissolves). The stacked chart shows every family's share, so the colour "
        "that "
        "replaces a missing one is visible. The histogram and wheel show the film's chroma by hue "
        "in 5° bins, "
        "each bar drawn in its own hue.",
        "Palettes. Dominant colours by weighted k-means in OKLab over area-averaged thumbnails of "
        "every "
        "frame, colours closer than ΔE_OK 0.04 merged; weights are shares of pixels. Hex values "
        "are sRGB.",
        "Barcode. One column per frame (or per slice of a long film), the frame's mean colour "
        "averaged in "
        "linear light; the hue barcode shows each column's dominant hue at a fixed lightness.",
        "Full definitions, formulas and references: docs/color-science.md and docs/shots.md in "
        "huescope's "
        "source; every number here is also in summary.json and frames.csv.",
    };
}

}  // namespace huescope::report
