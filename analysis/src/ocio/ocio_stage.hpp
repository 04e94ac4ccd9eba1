#pragma once
// The OpenColorIO adapter: the only file that includes OpenColorIO.

#include <cstddef>
#include <memory>

#include "huescope/color_encoding.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// An OCIO CPU processor that decodes R'G'B' (camera log, ACEScct, a config's colour space) to
/// linear light in the encoding's primaries (ACES2065-1 for every transform huescope builds).
class OcioStage {
  public:
    static Result<std::shared_ptr<const OcioStage>> create(const ColorEncoding& encoding);
    /// Transforms `count` interleaved RGB float pixels in place.
    void apply(float* rgb, std::size_t count) const;

    struct Impl;
    explicit OcioStage(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}

  private:
    std::shared_ptr<const Impl> m_impl;
};

}  // namespace huescope
