#pragma once

#include "huescope/color_encoding.hpp"
#include "huescope/source.hpp"

namespace huescope {

/// What the resolver needs to know about a stream besides its tags.
struct StreamShape {
    int width = 0;
    int height = 0;
    double frame_rate = 0.0;
    bool rgb = false;                      ///< RGB / GBR pixel format: no matrix
    bool gray = false;                     ///< luma only
    bool full_range_pixel_format = false;  ///< yuvj*: full range by definition
};

/// Chooses the decode for a stream: tags first, then user overrides, then the documented
/// conventions for anything still unknown (docs/color-science.md, "Untagged streams"). Every
/// assumption is written into `notes`. Fails for tags whose decode is not supported.
Result<ColorEncoding> resolve_encoding(const RawColorTags& tags, const StreamShape& shape,
                                       const ColorOverrides& overrides);

}  // namespace huescope
