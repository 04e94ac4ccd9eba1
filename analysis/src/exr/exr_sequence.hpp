#pragma once
// Finding the files of an image sequence: a folder, a printf pattern or a '#' pattern.

#include <cstdint>
#include <string>
#include <vector>

#include "huescope/status.hpp"

namespace huescope {

struct SequenceFile {
    int64_t number = 0;
    std::string path;
};

/// True when the path names an EXR file, an EXR pattern or a folder (sequence input).
bool looks_like_exr_sequence(const std::string& path);

/// The files of the sequence, sorted by frame number. Numbers may start anywhere (1001 is common)
/// and may have gaps; a missing frame is simply absent from the list.
Result<std::vector<SequenceFile>> list_sequence(const std::string& path);

}  // namespace huescope
