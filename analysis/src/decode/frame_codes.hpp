#pragma once

#include "huescope/image.hpp"
#include "huescope/status.hpp"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
}

namespace huescope::libav {

/// Whether huescope can read a pixel format's code values directly, and how to interpret them.
Status check_pixel_format(AVPixelFormat format, PixelModel& model);

/// Copies a decoded frame's code values onto the analysis grid (the chroma grid for subsampled
/// formats, averaging the luma samples of each chroma sample).
Status extract_codes(const AVFrame& frame, CodeImage& out);

/// The grid extract_codes() produces for a frame of this size and format.
void analysis_grid(AVPixelFormat format, int width, int height, int& grid_width, int& grid_height);

}  // namespace huescope::libav
