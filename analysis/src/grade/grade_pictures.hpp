#pragma once
// The pictures of a grade analysis: both versions' movie barcodes, and the pairs where the grade
// changed the focus family (blue) most, saved side by side for the report.

#include <string>
#include <vector>

#include "frame_pairs.hpp"
#include "huescope/grade.hpp"
#include "report/barcode.hpp"

namespace huescope {

class GradePictures {
  public:
    explicit GradePictures(const GradeOptions& options);
    /// One pair and what it measured.
    void add(const FramePair& pair, const HueTransfer& measured);
    /// barcode_before/after.png and .exr, frames/NNNNNN_before/after.png; fills `frames`.
    Status write(const std::string& dir, std::vector<GradeFrame>& frames) const;
    /// The focus family's index, or -1 when the families have none of that name.
    int focus() const { return m_focus; }

  private:
    struct Candidate {
        GradeFrame frame;
        int width = 0, height = 0;
        std::vector<uint8_t> before, after;  // sRGB, 8 bit
    };
    void consider(const FramePair& pair, double change);

    Barcode m_before, m_after;
    int m_focus = -1;
    std::size_t m_count = 0;
    std::vector<Candidate> m_best;
};

}  // namespace huescope
