#include "ocio_stage.hpp"

#include <OpenColorIO/OpenColorIO.h>

#include <string>
#include <vector>

namespace OCIO = OCIO_NAMESPACE;

namespace huescope {

struct OcioStage::Impl {
    OCIO::ConstCPUProcessorRcPtr processor;
};

namespace {

Result<OCIO::ConstProcessorRcPtr> builtin_processor(const std::string& style) {
    OCIO::ConstConfigRcPtr config = OCIO::Config::CreateRaw();
    OCIO::BuiltinTransformRcPtr transform = OCIO::BuiltinTransform::Create();
    transform->setStyle(style.c_str());
    return config->getProcessor(transform);
}

Result<OCIO::ConstProcessorRcPtr> config_processor(const std::string& path,
                                                   const std::string& colorspace) {
    OCIO::ConstConfigRcPtr config = OCIO::Config::CreateFromFile(path.c_str());
    if (config->getColorSpace(colorspace.c_str()) == nullptr) {
        std::string known;
        for (int i = 0; i < config->getNumColorSpaces() && i < 12; ++i) {
            known += std::string(i ? ", " : "") + config->getColorSpaceNameByIndex(i);
        }
        return Status(ErrorCode::InvalidArgument, "the OCIO config '" + path +
                                                      "' has no colour space '" + colorspace +
                                                      "' (it has: " + known + ", ...)");
    }
    // huescope measures from ACES2065-1: the role every ACES-based studio config defines.
    const char* interchange = "aces_interchange";
    if (!config->hasRole(interchange)) {
        return Status(ErrorCode::Unsupported, "the OCIO config '" + path +
                                                  "' defines no 'aces_interchange' role, so "
                                                  "huescope cannot tell which light it produces");
    }
    return config->getProcessor(colorspace.c_str(), interchange);
}

}  // namespace

Result<std::shared_ptr<const OcioStage>> OcioStage::create(const ColorEncoding& encoding) {
    try {
        Result<OCIO::ConstProcessorRcPtr> processor =
            encoding.ocio_config.empty()
                ? builtin_processor(encoding.ocio_builtin)
                : config_processor(encoding.ocio_config, encoding.ocio_colorspace);
        if (!processor) return processor.status();
        auto impl = std::make_shared<Impl>();
        impl->processor = processor.value()->getOptimizedCPUProcessor(
            OCIO::BIT_DEPTH_F32, OCIO::BIT_DEPTH_F32, OCIO::OPTIMIZATION_DEFAULT);
        return std::make_shared<const OcioStage>(impl);
    } catch (const OCIO::Exception& e) {
        return Status(ErrorCode::InvalidArgument, std::string("OpenColorIO: ") + e.what());
    }
}

void OcioStage::apply(float* rgb, std::size_t count) const {
    OCIO::PackedImageDesc image(rgb, static_cast<long>(count), 1, 3);
    m_impl->processor->apply(image);
}

}  // namespace huescope
