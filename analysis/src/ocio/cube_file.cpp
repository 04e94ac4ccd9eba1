#include "ocio/cube_file.hpp"

#include <OpenColorIO/OpenColorIO.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <system_error>

#include "report/atomic_file.hpp"

namespace OCIO = OCIO_NAMESPACE;

namespace huescope {

struct CubeFile::Impl {
    OCIO::ConstCPUProcessorRcPtr processor;
};

namespace {

Status check_lut(const Lut3D& lut) {
    // OpenColorIO's Lut3DTransform holds at most 129 nodes per axis.
    if (lut.size < 2 || lut.size > 129) {
        return Status(ErrorCode::InvalidArgument,
                      "LUT size " + std::to_string(lut.size) + " is outside 2..129");
    }
    const auto n = static_cast<std::size_t>(lut.size);
    if (lut.values.size() != n * n * n * 3) {
        return Status(
            ErrorCode::InvalidArgument,
            "the LUT holds " + std::to_string(lut.values.size()) + " values, not size^3 * 3");
    }
    for (float v : lut.values) {
        if (!std::isfinite(v)) {
            return Status(ErrorCode::InvalidArgument, "the LUT holds a value that is not finite");
        }
    }
    return Status::ok();
}

/// A config in which "before" is the reference space and "after" is the LUT applied to it, so
/// that the Baker, asked for before -> after, samples exactly the LUT.
OCIO::ConstConfigRcPtr lut_config(const Lut3D& lut) {
    const auto n = static_cast<unsigned long>(lut.size);
    OCIO::Lut3DTransformRcPtr transform = OCIO::Lut3DTransform::Create(n);
    transform->setInterpolation(OCIO::INTERP_TETRAHEDRAL);
    for (unsigned long b = 0; b < n; ++b) {
        for (unsigned long g = 0; g < n; ++g) {
            for (unsigned long r = 0; r < n; ++r) {
                const float* v = lut.values.data() + ((b * n + g) * n + r) * 3;
                transform->setValue(r, g, b, v[0], v[1], v[2]);
            }
        }
    }
    OCIO::ConfigRcPtr config = OCIO::Config::CreateRaw()->createEditableCopy();
    OCIO::ColorSpaceRcPtr before = OCIO::ColorSpace::Create();
    before->setName("before");
    config->addColorSpace(before);
    OCIO::ColorSpaceRcPtr after = OCIO::ColorSpace::Create();
    after->setName("after");
    after->setTransform(transform, OCIO::COLORSPACE_DIR_FROM_REFERENCE);
    config->addColorSpace(after);
    return config;
}

}  // namespace

Status write_cube(const Lut3D& lut, const std::string& path) {
    if (Status valid = check_lut(lut); !valid) return valid;
    AtomicFile file(path);
    if (Status opened = file.open(); !opened) return opened;
    try {
        OCIO::BakerRcPtr baker = OCIO::Baker::Create();
        baker->setConfig(lut_config(lut));
        baker->setFormat("iridas_cube");
        baker->setInputSpace("before");
        baker->setTargetSpace("after");
        // The baked lattice is the LUT's own, so every baked value is a node, read back exactly.
        baker->setCubeSize(lut.size);
        baker->bake(file.stream());
    } catch (const OCIO::Exception& e) {
        return Status(ErrorCode::Internal,
                      "OpenColorIO could not bake the LUT for '" + path + "': " + e.what());
    }
    return file.commit();
}

Result<CubeFile> CubeFile::load(const std::string& path) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    if (error || !std::filesystem::is_regular_file(absolute, error)) {
        return Status(ErrorCode::NoInput, "cannot open the LUT '" + path + "'");
    }
    try {
        // OpenColorIO caches parsed files by path for the life of the process. A .cube rewritten
        // at the same path (a re-run of the same analysis) would otherwise be served stale.
        OCIO::ClearAllCaches();
        // The raw config has no search path; an absolute path needs none.
        OCIO::ConstConfigRcPtr config = OCIO::Config::CreateRaw();
        OCIO::FileTransformRcPtr transform = OCIO::FileTransform::Create();
        transform->setSrc(absolute.string().c_str());
        transform->setInterpolation(OCIO::INTERP_TETRAHEDRAL);
        transform->setDirection(OCIO::TRANSFORM_DIR_FORWARD);
        OCIO::ConstProcessorRcPtr processor = config->getProcessor(transform);
        auto impl = std::make_shared<Impl>();
        // Lossless: the LUT's values must come out as written.
        impl->processor = processor->getOptimizedCPUProcessor(
            OCIO::BIT_DEPTH_F32, OCIO::BIT_DEPTH_F32, OCIO::OPTIMIZATION_LOSSLESS);
        return CubeFile(std::move(impl));
    } catch (const OCIO::Exception& e) {
        return Status(ErrorCode::BadData,
                      "'" + path + "' is not a LUT OpenColorIO can read: " + e.what());
    }
}

void CubeFile::apply(float* rgb, std::size_t pixels) const {
    if (pixels == 0) return;
    OCIO::PackedImageDesc image(rgb, static_cast<long>(pixels), 1, 3);
    m_impl->processor->apply(image);
}

}  // namespace huescope
