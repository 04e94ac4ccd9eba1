#pragma once

#include <memory>
#include <string>

#include "huescope/source.hpp"

namespace huescope {

/// Opens an OpenEXR file or sequence. Pixels are linear, scene-referred; the `chromaticities`
/// attribute gives the primaries and white (absent: BT.709 / D65, as the OpenEXR spec says).
Result<std::unique_ptr<FrameSource>> open_exr_source(const std::string& path,
                                                     const SourceOptions& options);

}  // namespace huescope
