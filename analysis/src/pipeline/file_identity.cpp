#include "file_identity.hpp"

#include <filesystem>

namespace huescope {

namespace fs = std::filesystem;

std::string normalized_path(const std::string& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    return ec ? path : absolute.lexically_normal().string();
}

FileIdentity file_identity(const std::string& path, std::error_code& error) {
    FileIdentity id;
    id.path = normalized_path(path);
    error.clear();
    const uintmax_t bytes = fs::file_size(path, error);
    if (error) return id;
    id.bytes = bytes;
    id.modified = fs::last_write_time(path, error).time_since_epoch().count();
    if (error) id.modified = 0;
    return id;
}

}  // namespace huescope
