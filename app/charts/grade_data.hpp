#pragma once
// What the grade report draws, read from a `huescope grade` folder (grade.json and its pictures).

#include <QImage>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace huescope::charts {

struct GradeFamilyData {
    QString name;
    double share_before = 0, share_after = 0;  ///< of each version's chromatic chroma
    double chroma_gain = 0;                    ///< after / before, same pixels
    double hue_shift_deg = 0;
    std::map<QString, double> moved_to;  ///< family (or "achromatic") -> share
};

struct GradeFrameData {
    double before_s = 0, after_s = 0;
    double chroma_removed = 0;  ///< the focus family's, per pixel
    QImage before, after;
};

struct GradeData {
    QString folder;
    QString tool_version;
    QString before_input, after_input;
    QString hue_space, focus_family;
    long long pairs = 0, unpaired_before = 0, unpaired_after = 0, shots = 0;
    int grid_width = 0, grid_height = 0;
    QStringList summary, notes;
    std::vector<GradeFamilyData> families;
    /// 36 hue bins of 10 degrees: share of BEFORE's chroma, chroma gain, hue shift (NaN: none).
    std::vector<double> bin_share, bin_gain, bin_shift;
    std::vector<std::vector<double>> matrix;    ///< 36 rows x 37 (the last achromatic), row shares
    std::vector<double> hue_before, hue_after;  ///< 360-bin chroma-weighted histograms
    QImage barcode_before, barcode_after;
    std::vector<GradeFrameData> frames;
    int lut_size = 0;
    long long cells_with_data = 0, cells = 0, nodes_filled = 0, held_out_frames = 0;
    double mean_delta_e = 0, p95_delta_e = 0;
};

/// Reads `folder`/grade.json and the images it names; false with `error` set when it is missing
/// or is not a grade analysis.
bool load_grade_data(const QString& folder, GradeData& data, QString& error);

}  // namespace huescope::charts
