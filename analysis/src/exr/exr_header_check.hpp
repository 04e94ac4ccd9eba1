#pragma once
// A check of an OpenEXR file's header before OpenEXR reads it: every attribute must fit in the
// file, and every attribute of a fixed-size type (or a channel list) must declare the size that
// OpenEXR will read. OpenEXR 3.1 (Debian 12) allocates whatever size an attribute claims before
// reading it, so a damaged 7 KB file claiming a 2 GB string attribute made it allocate 2 GB; and
// it reads a fixed-size type by its own size, not the declared one, so a walk by declared sizes
// alone can be led astray (both found by fuzzing, tests/fuzz/fuzz_exr.cpp). Layout: OpenEXR's
// "File Layout" documentation.

#include <string>

#include "huescope/status.hpp"

namespace huescope {

/// BadData if an attribute of the header (of any part) claims more bytes than the file holds,
/// declares a size its type does not take, or has a name longer than OpenEXR allows; ok
/// otherwise, including for files that are not EXR at all or are cut off (OpenEXR then says
/// what is wrong).
Status check_exr_attribute_sizes(const std::string& path);

}  // namespace huescope
