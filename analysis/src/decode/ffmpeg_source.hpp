#pragma once

#include <memory>
#include <string>

#include "huescope/source.hpp"

namespace huescope {

/// Opens a video file with FFmpeg's libavformat/libavcodec.
Result<std::unique_ptr<FrameSource>> open_ffmpeg_source(const std::string& path,
                                                        const SourceOptions& options);

}  // namespace huescope
