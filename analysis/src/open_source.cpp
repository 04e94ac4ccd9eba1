#include "decode/ffmpeg_source.hpp"
#include "exr/exr_sequence.hpp"
#include "exr/exr_source.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace huescope {

namespace {

// What kind of thing a path is, in words, for the messages of files huescope will not open.
const char* special_file_kind(const struct stat& st) {
    if (S_ISFIFO(st.st_mode)) return "a named pipe";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    if (S_ISCHR(st.st_mode)) return "a character device";
    if (S_ISBLK(st.st_mode)) return "a block device";
    return nullptr;
}

// Checks made before any library opens the path, so that every such case gets its own clear
// message and none can block: opening a named pipe waits for a writer, forever.
Status check_input_path(const std::string& path) {
    struct stat link {};
    if (lstat(path.c_str(), &link) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            return Status(ErrorCode::NoInput, "'" + path + "' does not exist");
        }
        return Status(ErrorCode::NoInput,
                      "'" + path + "' cannot be reached: " + std::strerror(errno));
    }
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        std::error_code ec;
        const std::string target = std::filesystem::read_symlink(path, ec).string();
        return Status(ErrorCode::NoInput,
                      "'" + path + "' is a link to '" + target + "', which does not exist");
    }
    if (const char* kind = special_file_kind(st)) {
        return Status(ErrorCode::NoInput, "'" + path + "' is " + kind +
                                              ", not a file: huescope reads files (it reads "
                                              "them more than once, and a stream cannot be)");
    }
    if (access(path.c_str(), R_OK) != 0) {
        return Status(ErrorCode::NoInput, "'" + path + "' cannot be read: " + std::strerror(errno));
    }
    return Status::ok();
}

}  // namespace

Status check_frame_size(const std::string& path, const std::string& what, int width, int height,
                        const SourceOptions& options) {
    if (width <= 0 || height <= 0) {
        return Status(ErrorCode::BadData, "'" + path + "': " + what + " " + std::to_string(width) +
                                              "x" + std::to_string(height) +
                                              ", which is no picture");
    }
    if (width > options.max_frame_width || height > options.max_frame_height) {
        return Status(ErrorCode::Unsupported,
                      "'" + path + "': " + what + " " + std::to_string(width) + "x" +
                          std::to_string(height) + ", beyond the limit of " +
                          std::to_string(options.max_frame_width) + "x" +
                          std::to_string(options.max_frame_height) + " (--max-frame-size)");
    }
    return Status::ok();
}

Result<std::unique_ptr<FrameSource>> open_source(const std::string& path,
                                                 const SourceOptions& options) {
    // A sequence pattern (shot.%04d.exr) names no file; a folder is listed; anything else that
    // is there is checked before a library opens it.
    struct stat entry {};
    const bool present = lstat(path.c_str(), &entry) == 0;
    if (present && !S_ISDIR(entry.st_mode)) {
        if (Status s = check_input_path(path); !s) return s;
    }
    if (looks_like_exr_sequence(path)) return open_exr_source(path, options);
    if (!present) return Status(ErrorCode::NoInput, "'" + path + "' does not exist");
    return open_ffmpeg_source(path, options);
}

}  // namespace huescope
