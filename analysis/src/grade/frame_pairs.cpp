#include "frame_pairs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "huescope/rect.hpp"
#include "image/image_ops.hpp"

namespace huescope {
namespace {

constexpr double kSameRate = 1e-3;    // frame rates this close (relative) are the same rate
constexpr double kSameAspect = 0.01;  // display aspect ratios this close are the same picture

std::string rate_text(double fps) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", fps);
    return text;
}

Result<std::unique_ptr<FrameSource>> open_side(const GradeSide& side, const char* name) {
    SourceOptions options = side.source;
    options.encoded_rgb = true;
    Result<std::unique_ptr<FrameSource>> source = open_source(side.input, options);
    if (!source) {
        return Status(source.status().code(), std::string(name) + ": " + source.status().message());
    }
    return source;
}

}  // namespace

Result<std::unique_ptr<FramePairs>> FramePairs::open(const GradeOptions& options) {
    std::unique_ptr<FramePairs> pairs(new FramePairs());
    Result<std::unique_ptr<FrameSource>> before = open_side(options.before, "BEFORE");
    if (!before) return before.status();
    Result<std::unique_ptr<FrameSource>> after = open_side(options.after, "AFTER");
    if (!after) return after.status();
    pairs->m_before = std::move(before).value();
    pairs->m_after = std::move(after).value();
    const SourceInfo& b = pairs->m_before->info();
    const SourceInfo& a = pairs->m_after->info();

    if (std::fabs(b.frame_rate - a.frame_rate) > kSameRate * b.frame_rate) {
        return Status(ErrorCode::Unsupported,
                      "BEFORE runs at " + rate_text(b.frame_rate) + " fps and AFTER at " +
                          rate_text(a.frame_rate) +
                          " fps: frames cannot be paired by time (conform one to the other, or "
                          "give an image sequence its rate with --before-fps/--after-fps)");
    }
    for (const auto& [side, info, name] :
         {std::tuple{&options.before, &b, "before"}, std::tuple{&options.after, &a, "after"}}) {
        if (side->source.frame_rate && info->kind == "video") {
            // A video's frames are placed by their timestamps, which a rate override does not
            // change: pairing would drift a frame at a time, unseen.
            return Status(ErrorCode::InvalidArgument,
                          std::string("--") + name +
                              "-fps applies to image sequences only: a video's frames are "
                              "paired by their timestamps (conform the video instead)");
        }
    }
    const double aspect_b = double(b.width) / b.height, aspect_a = double(a.width) / a.height;
    if (std::fabs(aspect_b - aspect_a) > kSameAspect * aspect_b) {
        return Status(ErrorCode::Unsupported,
                      "BEFORE is " + std::to_string(b.width) + "x" + std::to_string(b.height) +
                          " and AFTER " + std::to_string(a.width) + "x" + std::to_string(a.height) +
                          ": different picture shapes (a crop or reframe) cannot be paired "
                          "pixel for pixel");
    }
    // The common grid: each axis the smaller of the two analysis grids, then no wider than the
    // maximum. Both versions are area-averaged onto it (docs/grade.md says what that costs).
    int w = std::min(b.analysis_width, a.analysis_width);
    int h = std::min(b.analysis_height, a.analysis_height);
    if (w > options.max_width) {
        h = std::max(1, static_cast<int>(std::lround(double(h) * options.max_width / w)));
        w = options.max_width;
    }
    pairs->m_grid_width = w;
    pairs->m_grid_height = h;
    pairs->m_tolerance_s = 0.5 / b.frame_rate;
    pairs->m_shift_s = options.offset_frames / a.frame_rate;

    Result<CodeDecoder> after_decoder = CodeDecoder::create(a.color);
    if (!after_decoder) return after_decoder.status();
    pairs->m_after_decoder = std::make_unique<CodeDecoder>(std::move(after_decoder).value());
    pairs->m_cancel = options.cancel;
    return pairs;
}

void FramePairs::to_grid(const LinearImage& image, LinearImage& out) const {
    if (image.width == m_grid_width && image.height == m_grid_height) {
        out = image;
        return;
    }
    area_downsample(image, Rect{0, 0, image.width, image.height}, m_grid_width, m_grid_height,
                    out.rgb);
    out.width = m_grid_width;
    out.height = m_grid_height;
}

Result<bool> FramePairs::next(FramePair& pair) {
    const Status interrupted(ErrorCode::Interrupted, "stopped before the end: nothing written");
    while (!m_ended_before) {
        if (cancelled()) return interrupted;
        Result<bool> got = m_before->next(m_before_frame);
        if (!got) return Status(got.status().code(), "BEFORE: " + got.status().message());
        if (!got.value()) {
            m_ended_before = true;
            break;
        }
        ++m_read_before;
        const double target = m_before_frame.time_s + m_shift_s;
        // AFTER's frames before this time have no BEFORE frame: skipped.
        while (!m_ended_after && (!m_have_after || m_after_frame.time_s < target - m_tolerance_s)) {
            if (cancelled()) return interrupted;
            if (m_have_after) ++m_unpaired_after;
            Result<bool> read = m_after->next(m_after_frame);
            if (!read) return Status(read.status().code(), "AFTER: " + read.status().message());
            m_have_after = read.value();
            if (!m_have_after) {
                m_ended_after = true;
            } else {
                ++m_read_after;
            }
        }
        if (m_ended_after) {
            ++m_unpaired_before;  // this frame, read when AFTER had already ended
            return false;
        }
        if (m_after_frame.time_s > target + m_tolerance_s) {
            ++m_unpaired_before;  // AFTER has no frame at this time
            continue;
        }
        pair.index = m_pairs++;
        pair.before_s = m_before_frame.time_s;
        pair.after_s = m_after_frame.time_s;
        // Light is averaged as light (the statistics), code values as code values (the LUT):
        // a mean colour must be a mean of light, and the LUT must see each grid pixel's BEFORE
        // and AFTER as the same function of each other.
        to_grid(m_before_frame.image, pair.before_linear);
        to_grid(m_after_frame.image, pair.after_linear);
        to_grid(m_before_frame.encoded, pair.before_encoded);
        to_grid(m_after_frame.encoded, pair.after_encoded);
        m_have_after = false;  // used
        return true;
    }
    return false;
}

int64_t FramePairs::frames_left_after_end() const {
    const auto left = [](const SourceInfo& info, int64_t read) {
        return info.frame_count > read ? info.frame_count - read : int64_t{0};
    };
    if (m_ended_before && !m_ended_after) return left(after_info(), m_read_after);
    if (m_ended_after && !m_ended_before) return left(before_info(), m_read_before);
    return 0;
}

}  // namespace huescope
