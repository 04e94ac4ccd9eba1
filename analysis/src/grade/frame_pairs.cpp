#include "frame_pairs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

    for (auto [info, decoder] :
         {std::pair{&b, &pairs->m_before_decoder}, std::pair{&a, &pairs->m_after_decoder}}) {
        Result<CodeDecoder> made = CodeDecoder::create(info->color);
        if (!made) return made.status();
        *decoder = std::make_unique<CodeDecoder>(std::move(made).value());
    }
    return pairs;
}

Status FramePairs::to_grid(const Frame& frame, const CodeDecoder& decoder, LinearImage& encoded,
                           LinearImage& linear) const {
    const LinearImage& image = frame.image;
    if (image.width == m_grid_width && image.height == m_grid_height) {
        encoded = image;
    } else {
        // Encoded values are averaged, so that the LUT sees each grid pixel's BEFORE and AFTER
        // as the same function of each other; light is then decoded from the average.
        area_downsample(image, Rect{0, 0, image.width, image.height}, m_grid_width, m_grid_height,
                        encoded.rgb);
        encoded.width = m_grid_width;
        encoded.height = m_grid_height;
    }
    decoder.decode_float(encoded.rgb, encoded.width, encoded.height, linear);
    return Status::ok();
}

Result<bool> FramePairs::next(FramePair& pair) {
    while (!m_ended_before) {
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
            if (m_have_after) ++m_unpaired_after;
            Result<bool> read = m_after->next(m_after_frame);
            if (!read) return Status(read.status().code(), "AFTER: " + read.status().message());
            m_have_after = read.value();
            if (!m_have_after)
                m_ended_after = true;
            else
                ++m_read_after;
        }
        if (m_ended_after) return false;
        if (m_after_frame.time_s > target + m_tolerance_s) {
            ++m_unpaired_before;  // AFTER has no frame at this time
            continue;
        }
        pair.index = m_pairs++;
        pair.before_s = m_before_frame.time_s;
        pair.after_s = m_after_frame.time_s;
        if (Status s =
                to_grid(m_before_frame, *m_before_decoder, pair.before_encoded, pair.before_linear);
            !s) {
            return s;
        }
        if (Status s =
                to_grid(m_after_frame, *m_after_decoder, pair.after_encoded, pair.after_linear);
            !s) {
            return s;
        }
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
