#pragma once
// What the comparison report shows, read back from compare.json (and each film's barcode from
// its analysis folder): like the palette report, drawn from published outputs only.

#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

#include "report_data.hpp"

namespace huescope::charts {

struct CompareFilmData {
    QString label, folder, input;
    double family_share = 0;
    std::size_t shots = 0;
    double average_shot_length_s = 0, median_shot_length_s = 0;  ///< NaN when not known
    std::vector<double> shares;         ///< per family, CompareData::families order
    std::vector<double> hue_histogram;  ///< 360, sums to 1
    std::vector<Swatch> palette;
    QString units_kind, units_reason;
    std::vector<double> unit_shares, unit_frames;  ///< NaN share: a unit without colour
    QImage barcode;
};

struct ComparePairData {
    QString a, b, sentence;
    double emd_oklch_deg = 0, emd_cielab_deg = 0, difference_points = 0, p_value = 0, p_holm = 0,
           cliffs_delta = 0, a_palette_covered = 0, b_palette_covered = 0;
};

struct CompareData {
    QString folder, tool_version, family, mode, alternative;
    QString seed;  ///< as text: a 64-bit seed does not survive a double
    int bootstrap_replicates = 0, permutations = 0;
    double confidence = 0;
    std::vector<FamilyBand> families;
    std::vector<CompareFilmData> films;
    std::vector<ComparePairData> pairs;
    QString reference_sentence;
};

/// Reads folder/compare.json. Returns false with `error` set when it is missing or malformed.
bool load_compare_data(const QString& folder, CompareData& data, QString& error);

/// A colour per film, told apart by colour-blind readers too (Okabe & Ito 2008).
QColor film_color(std::size_t index);

}  // namespace huescope::charts
