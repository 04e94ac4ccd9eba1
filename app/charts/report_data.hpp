#pragma once
// What a report shows, read back from an analysis folder (summary.json, frames.csv, barcodes):
// the report is drawn from the published outputs, never from private state.

#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace huescope::charts {

struct FamilyBand {
    QString name;
    double from_deg = 0, to_deg = 0;
};

struct Swatch {
    QString hex;
    double weight = 0;
    double oklch[3] = {0, 0, 0};
    double cielab[3] = {0, 0, 0};
};

/// The statistics summary.json gives alike for the film and for each shot.
struct Stats {
    std::vector<double> shares;  ///< per family, in `families` order
    double hue_mean_deg = 0, hue_mean_lab_deg = 0, hue_circular_variance = 0,
           chromatic_fraction = 0, mean_chroma = 0, mean_lightness = 0;
};

struct ShotRow {
    int index = 0;
    long long start_frame = 0, end_frame = 0;
    double start_s = 0, end_s = 0;
    QString transition;
    Stats stats;
    std::vector<Swatch> palette;
};

struct ReportData {
    QString folder;
    QString input, codec, tool_version, generated;
    int width = 0, height = 0;
    double frame_rate = 0, duration_s = 0;
    long long frames_analyzed = 0;
    QStringList decode;       // "matrix bt709 (tag)", ...
    QStringList assumptions;  // every assumption and note
    QString hue_space;
    double min_chroma = 0, near_black_l = 0, near_white_l = 0;
    std::vector<FamilyBand> families;
    QString shots_source;  ///< where the shots came from, in words
    double average_shot_length_s = 0, median_shot_length_s = 0;  ///< NaN when not recorded
    Stats film;
    std::vector<double> hue_histogram;  // 360, sums to 1
    std::vector<Swatch> palette;
    std::vector<ShotRow> shots;
    // Per analysed frame, from frames.csv.
    std::vector<double> time_s;
    std::vector<std::vector<double>> frame_shares;  // [family][frame], NaN where undefined
    // Plugin outputs ("id:output" columns of frames.csv) per frame, and their film values.
    QStringList metric_columns;
    std::vector<std::vector<double>> metric_values;  // [column][frame]
    std::vector<double> metric_film;                 // [column], from summary.json
    QImage barcode, hue_barcode;
    QString letterbox;  // a sentence
};

/// Reads an analysis folder. Returns false with `error` set when a file is missing or malformed.
bool load_report_data(const QString& folder, ReportData& data, QString& error);

/// The display colour of a hue (OKLCh at a fixed lightness and chroma, within sRGB).
QColor hue_color(double hue_deg);

}  // namespace huescope::charts
