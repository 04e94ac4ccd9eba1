#pragma once
// .cube files (Iridas/Resolve 3D LUTs), written and read through OpenColorIO so that huescope's
// files are exactly what OCIO-based tools produce and consume. No OCIO type leaks out of here.

#include <cstddef>
#include <memory>
#include <string>

#include "grade/lut_fit.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// Writes the LUT as a .cube file through OpenColorIO's Baker (format "iridas_cube"), atomically.
Status write_cube(const Lut3D& lut, const std::string& path);

/// A .cube file loaded and applied through OpenColorIO (FileTransform, tetrahedral interpolation).
class CubeFile {
  public:
    static Result<CubeFile> load(const std::string& path);
    /// In place, interleaved RGB.
    void apply(float* rgb, std::size_t pixels) const;

    struct Impl;

  private:
    explicit CubeFile(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<const Impl> m_impl;
};

}  // namespace huescope
