#include "decode/ffmpeg_source.hpp"
#include "exr/exr_sequence.hpp"
#include "exr/exr_source.hpp"

#include <filesystem>

namespace huescope {

Result<std::unique_ptr<FrameSource>> open_source(const std::string& path,
                                                 const SourceOptions& options) {
    if (looks_like_exr_sequence(path)) return open_exr_source(path, options);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return Status(ErrorCode::NoInput, "'" + path + "' does not exist");
    }
    return open_ffmpeg_source(path, options);
}

}  // namespace huescope
