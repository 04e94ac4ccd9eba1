#pragma once
// What both fuzz targets do with an input once it is a file: open it as huescope opens any
// input, with small resource caps, and run a few frames through the colour decode and the
// measurement, as an analysis does. Anything but a clean error or a result is a finding.

#include <atomic>
#include <string>

#include "huescope/letterbox.hpp"
#include "huescope/measurement.hpp"
#include "huescope/shots.hpp"
#include "huescope/source.hpp"

namespace fuzzing {

inline void measure_a_few_frames(const std::string& path) {
    using namespace huescope;
    SourceOptions options;
    // Small caps keep each input fast and bounded; the limits themselves are part of what is
    // being tested (a claim beyond them must be refused before anything is allocated).
    options.max_frame_width = 1024;
    options.max_frame_height = 1024;
    Result<std::unique_ptr<FrameSource>> source = open_source(path, options);
    if (!source) return;
    const MeasureParams params;
    Frame frame;
    for (int i = 0; i < 8; ++i) {
        Result<bool> got = source.value()->next(frame);
        if (!got || !got.value()) return;
        const Rect area = detect_picture_area(frame.image);
        HueAccumulator acc;
        acc.reset(params.families.size());
        accumulate(frame.image, area, params, acc);
        (void)summarize(acc, params);
        (void)make_signature(frame.image, area);
    }
}

}  // namespace fuzzing
