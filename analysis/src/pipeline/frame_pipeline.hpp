#pragma once
// Decoding overlapped with measurement. One thread reads the source (FFmpeg runs its own decode
// threads under it); worker threads do each frame's independent work (letterbox, accumulator,
// signature) on several frames at once; the caller gets the frames back in source order and does
// the work that depends on order (shots, plugins, files). The number of frames in flight is
// bounded, so memory does not grow with film length.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "huescope/measurement.hpp"
#include "huescope/rect.hpp"
#include "huescope/shots.hpp"
#include "huescope/source.hpp"

namespace huescope {

/// How far the source had been read when a frame was read: a resumed run counts on from there.
struct ReadPosition {
    int64_t number = 0;  ///< the frame's number and time, to find it again
    double time_s = 0.0;
    int64_t frames_decoded = 0;  ///< by the source, through this frame
    int64_t decode_errors = 0;
    int64_t concealed_frames = 0;
};

/// A frame with the measurements that need nothing but the frame itself.
struct PreparedFrame {
    Frame frame;
    ReadPosition read;
    Rect area;
    HueAccumulator acc;
    FrameSignature signature;
};

/// Where the order-dependent stage of an analysis gets its frames, in source order: a
/// FramePipeline measuring them now, or the journals of segments measured earlier.
class FrameFeed {
  public:
    virtual ~FrameFeed() = default;
    /// The next frame; false after the last; an error if reading failed.
    virtual Result<bool> next(PreparedFrame& out) = 0;
    /// Hands a frame's buffers back for reuse (optional).
    virtual void recycle(PreparedFrame&& /*done*/) {}
    /// Frames the source decoded, measured or not. Final once next() returned false.
    virtual int64_t frames_decoded() const = 0;
    /// The source's notes so far (safe to call while frames are being read).
    virtual std::vector<std::string> source_notes() const = 0;
};

class FramePipeline final : public FrameFeed {
  public:
    /// What the reader does with a decoded frame: measure it, skip it (outside the time range,
    /// or between --every samples), or stop reading (past the range).
    enum class Take { Measure, Skip, Stop };
    using Selector = std::function<Take(const Frame&)>;
    /// Fills `prepared.area`, `.acc` and `.signature` from `prepared.frame`. Runs on worker
    /// threads, several frames at once: it must only read shared state.
    using Preparer = std::function<void(PreparedFrame& prepared)>;

    FramePipeline(FrameSource& source, Selector select, Preparer prepare);
    /// Stops reading and joins every thread (also when the caller gave up early).
    ~FramePipeline();
    FramePipeline(const FramePipeline&) = delete;
    FramePipeline& operator=(const FramePipeline&) = delete;

    /// The next prepared frame in source order; false after the last; the source's error if
    /// reading failed (after the frames read before the failure).
    Result<bool> next(PreparedFrame& out) override;
    /// Saves an allocation per frame.
    void recycle(PreparedFrame&& done) override;
    /// Frames the reader decoded, measured or not. Final once next() returned false or an error.
    int64_t frames_decoded() const override;
    std::vector<std::string> source_notes() const override;

  private:
    void read();
    void work();

    FrameSource& m_source;
    Selector m_select;
    Preparer m_prepare;
    std::size_t m_capacity;  // frames read but not yet handed to the caller

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<int64_t, PreparedFrame>> m_to_prepare;  // in source order
    std::map<int64_t, PreparedFrame> m_prepared;                 // waiting for their turn
    std::vector<PreparedFrame> m_spare;
    int64_t m_read = 0;      // frames given a sequence number
    int64_t m_returned = 0;  // frames handed to the caller
    int64_t m_decoded = 0;
    std::vector<std::string> m_notes;  // the source's, copied by the reader as they grow
    bool m_reading_done = false;
    Status m_read_status = Status::ok();
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

}  // namespace huescope
