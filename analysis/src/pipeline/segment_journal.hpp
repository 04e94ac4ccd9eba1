#pragma once
// Segments (docs/corpus.md): a film split into N time ranges, each measured on its own (on
// another core, machine or cluster node) into OUTDIR/segments/K-of-N: `frames.journal` holds
// its frames' records (checkpoint_state.hpp) and `segment.json` says what the segment is. The
// merge replays the journals in order through the same order-dependent stage a single pass runs,
// which is why its outputs are a single pass's, byte for byte, whatever the segmentation.

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../report/atomic_file.hpp"
#include "frame_pipeline.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// segment.json.
struct SegmentRecord {
    std::string key;  ///< the run's key (the same for every segment and the merge)
    int index = 0;
    int count = 0;
    double start_s = 0.0;
    std::optional<double> end_s;  ///< none for the last: to the end of the source
    int64_t frames = 0;           ///< frames measured
    int64_t frames_decoded = 0;   ///< frames of the range the source delivered
    int64_t decode_errors = 0;
    int64_t concealed_frames = 0;
    std::vector<std::string> notes;      ///< the source's notes
    std::vector<std::string> arguments;  ///< the analyze command's arguments
};

/// OUTDIR/segments, and the folder of one segment in it.
std::string segments_folder(const std::string& output_dir);
std::string segment_folder(const std::string& output_dir, int index, int count);

class JournalWriter {
  public:
    explicit JournalWriter(const std::string& folder);
    Status open();
    Status add(const PreparedFrame& frame);
    /// The journal, then segment.json: a segment whose segment.json exists is complete.
    Status commit(const SegmentRecord& record);

  private:
    AtomicFile m_journal, m_record;
};

/// The journals of segments 1..N of an output folder, as one feed of frames in source order.
class JournalFeed final : public FrameFeed {
  public:
    /// Checks that every segment is there, complete and made by the run `key`. With
    /// `renumber`, video frames are numbered in decode order across segments, as a single pass
    /// numbers them (a segment after a seek numbers them from their times).
    static Result<std::unique_ptr<JournalFeed>> open(const std::string& output_dir, int count,
                                                     const std::string& key, bool renumber);
    Result<bool> next(PreparedFrame& out) override;
    int64_t frames_decoded() const override { return m_frames_decoded; }
    int64_t decode_errors() const;
    int64_t concealed_frames() const;
    /// Every segment's notes, in order, each once.
    std::vector<std::string> source_notes() const override;

  private:
    JournalFeed() = default;
    Status open_journal();

    std::string m_output_dir;
    bool m_renumber = false;
    std::vector<SegmentRecord> m_segments;
    std::size_t m_current = 0;  // segment being read
    int64_t m_read = 0;         // records read from it
    int64_t m_number_base = 0;  // frames decoded by the segments before it
    int64_t m_frames_decoded = 0;
    std::ifstream m_in;
};

}  // namespace huescope
