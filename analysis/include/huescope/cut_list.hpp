#pragma once
// A cut list given by the user (--shots FILE), used instead of detection: a scholar's annotated
// shot list, PySceneDetect's scenes.csv, or an edit decision list. Formats: docs/shots.md.

#include <cstdint>
#include <string>
#include <vector>

#include "huescope/shots.hpp"
#include "huescope/status.hpp"
#include "huescope/time_text.hpp"

namespace huescope {

/// Where one shot starts, as the file says it: a frame number, or a time (seconds from the first
/// frame, from a clock time or a timecode).
struct GivenCut {
    enum class Unit { Frame, Seconds, Timecode };
    Unit unit = Unit::Frame;
    int64_t frame = 0;          ///< Unit::Frame: 0-based frame number of the shot's first frame
    double seconds = 0.0;       ///< Unit::Seconds
    Timecode timecode;          ///< Unit::Timecode
    int64_t offset_frames = 0;  ///< Unit::Timecode: frames after the timecode (half a dissolve)
    Transition kind = Transition::Cut;
    int line = 0;  ///< where the file gives it, for messages
};

struct CutList {
    std::string path;
    std::string format;  ///< "list", "pyscenedetect" or "edl"
    std::vector<GivenCut> cuts;
    /// The timecode of the film's first frame: an EDL's first record-in, else 00:00:00:00.
    Timecode origin;
};

/// Reads a cut list, telling its format from its content. Errors name the file and line.
Result<CutList> read_cut_list(const std::string& path);
Result<CutList> parse_cut_list(const std::string& text, const std::string& path);

/// Places a given cut list on the frames as they are analysed: a shot starts at the first
/// analysed frame at or after each cut, by frame number (frames and timecodes, counted from the
/// first frame) or by time on the file's clock, within half a frame (clock times).
class GivenShots {
  public:
    GivenShots() = default;
    GivenShots(const CutList& list, double frame_rate);
    void push(int64_t frame_number, double time_s);
    int64_t count() const { return m_count; }
    const std::vector<ShotBoundary>& boundaries() const { return m_boundaries; }
    /// Cuts after the last analysed frame: said in summary.json.
    int64_t unused() const;

    friend struct StateAccess;  // a checkpoint saves and restores the state below

  private:
    struct Mark {
        bool by_frame = true;
        int64_t frame = 0;
        double time_s = 0.0;
        Transition kind = Transition::Cut;
    };
    std::vector<Mark> m_marks;  // sorted by position
    double m_half_frame_s = 0.0;
    std::size_t m_next = 0;
    int64_t m_count = 0;
    std::vector<ShotBoundary> m_boundaries{{0, Transition::Start}};
};

}  // namespace huescope
