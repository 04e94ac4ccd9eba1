#include <algorithm>

#include "huescope/cut_list.hpp"

namespace huescope {

GivenShots::GivenShots(const CutList& list, double frame_rate) {
    m_half_frame_s = frame_rate > 0.0 ? 0.5 / frame_rate : 0.0;
    const int64_t origin = timecode_frame_count(list.origin, frame_rate);
    for (const GivenCut& cut : list.cuts) {
        Mark mark;
        mark.kind = cut.kind;
        switch (cut.unit) {
            case GivenCut::Unit::Frame:
                mark.frame = cut.frame;
                break;
            case GivenCut::Unit::Seconds:
                mark.by_frame = false;
                mark.time_s = cut.seconds;
                break;
            case GivenCut::Unit::Timecode:
                // A timecode counts frames at the film's nominal rate, from the list's origin:
                // a frame number, whatever the container's clock says.
                mark.frame =
                    timecode_frame_count(cut.timecode, frame_rate) - origin + cut.offset_frames;
                break;
        }
        m_marks.push_back(mark);
    }
    // A list need not be in order (nor in one unit); two entries for one frame are one boundary.
    const auto position = [&](const Mark& m) {
        if (!m.by_frame) return m.time_s;
        return frame_rate > 0.0 ? double(m.frame) / frame_rate : double(m.frame);
    };
    std::stable_sort(m_marks.begin(), m_marks.end(),
                     [&](const Mark& a, const Mark& b) { return position(a) < position(b); });
}

void GivenShots::push(int64_t frame_number, double time_s) {
    const int64_t index = m_count++;
    bool starts_shot = false;
    Transition kind = Transition::Cut;
    while (m_next < m_marks.size()) {
        const Mark& mark = m_marks[m_next];
        const bool reached =
            mark.by_frame ? frame_number >= mark.frame : time_s >= mark.time_s - m_half_frame_s;
        if (!reached) break;
        // A mark at or before the first analysed frame opens no new shot: the first one is open.
        if (index > 0) {
            starts_shot = true;
            kind = mark.kind;
        }
        ++m_next;
    }
    if (starts_shot) m_boundaries.push_back({index, kind});
}

int64_t GivenShots::unused() const {
    return static_cast<int64_t>(m_marks.size() - m_next);
}

}  // namespace huescope
