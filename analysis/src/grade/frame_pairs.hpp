#pragma once
// BEFORE and AFTER read side by side and paired by timestamp, each through its own decode, on one
// common picture grid (docs/grade.md, "Pairing").

#include <memory>
#include <string>
#include <vector>

#include "huescope/code_decoder.hpp"
#include "huescope/grade.hpp"
#include "huescope/source.hpp"

namespace huescope {

struct FramePair {
    int64_t index = 0;  ///< 0, 1, 2... in pairing order
    double before_s = 0.0, after_s = 0.0;
    /// Normalised R'G'B' in each version's own encoding, area-averaged onto the common grid:
    /// what the LUT is fitted on.
    LinearImage before_encoded, after_encoded;
    /// Each version's linear light (working space), area-averaged onto the grid as light: what
    /// is measured, as `analyze` measures it.
    LinearImage before_linear, after_linear;
};

class FramePairs {
  public:
    /// Opens both versions; an error when their frame rates or aspect ratios differ.
    static Result<std::unique_ptr<FramePairs>> open(const GradeOptions& options);

    /// The next pair; false when either version ends. Interrupted when the options' cancel flag
    /// is set (checked for every frame read, paired or not).
    Result<bool> next(FramePair& pair);

    const SourceInfo& before_info() const { return m_before->info(); }
    const SourceInfo& after_info() const { return m_after->info(); }
    const CodeDecoder& after_decoder() const { return *m_after_decoder; }
    int grid_width() const { return m_grid_width; }
    int grid_height() const { return m_grid_height; }
    /// Frames of one version with no frame of the other at their time, up to where pairing
    /// stopped (the end of either version).
    int64_t unpaired_before() const { return m_unpaired_before; }
    int64_t unpaired_after() const { return m_unpaired_after; }
    /// The frames the other version still had when one ended (from its frame count).
    int64_t frames_left_after_end() const;

  private:
    FramePairs() = default;
    void to_grid(const LinearImage& image, LinearImage& out) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    std::unique_ptr<FrameSource> m_before, m_after;
    std::unique_ptr<CodeDecoder> m_after_decoder;
    const std::atomic<bool>* m_cancel = nullptr;
    double m_tolerance_s = 0.0;  // half a frame
    double m_shift_s = 0.0;      // AFTER's time of BEFORE's time 0
    int m_grid_width = 0, m_grid_height = 0;
    Frame m_before_frame, m_after_frame;
    bool m_have_after = false;
    bool m_ended_before = false, m_ended_after = false;
    int64_t m_read_before = 0, m_read_after = 0;
    int64_t m_pairs = 0;
    int64_t m_unpaired_before = 0, m_unpaired_after = 0;
};

}  // namespace huescope
