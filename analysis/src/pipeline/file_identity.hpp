#pragma once
// What names a file for huescope's records and keys: its absolute, normalised path, its size and
// its modification time. The same file named another way (relative here, absolute on a cluster
// node) is the same file; an edited one is not.

#include <cstdint>
#include <string>
#include <system_error>

namespace huescope {

/// The absolute, lexically normalised form of `path` (no file system access beyond the working
/// folder); `path` itself when even that fails.
std::string normalized_path(const std::string& path);

struct FileIdentity {
    std::string path;  ///< normalized_path()
    uint64_t bytes = 0;
    int64_t modified = 0;  ///< the file clock's ticks
};

/// The file's identity; `error` set (and the numbers 0) when it cannot be read.
FileIdentity file_identity(const std::string& path, std::error_code& error);

}  // namespace huescope
