// The tutorial plugin (docs/plugin-api.md): the mean OKLab lightness of each frame.
#include <cmath>
#include <huescope/metric_plugin.hpp>

namespace {

class MeanLightness {
  public:
    explicit MeanLightness(const char* /*options_json*/) {}

    bool process(const hs_frame& frame, huescope::plugin::Reporter& out) {
        double sum = 0;
        long count = 0;
        for (int y = 0; y < frame.height; ++y) {
            const char* row = reinterpret_cast<const char*>(frame.oklab) + y * frame.stride_bytes;
            const float* pixel = reinterpret_cast<const float*>(row);
            for (int x = 0; x < frame.width; ++x, pixel += 3) {
                if (std::isfinite(pixel[0])) {
                    sum += pixel[0];
                    ++count;
                }
            }
        }
        return count == 0 || out.scalar("mean_lightness", sum / count);
    }

    bool finish(huescope::plugin::Reporter&) { return true; }  // the host's mean is right here
};

const hs_output outputs[] = {
    {sizeof(hs_output), "mean_lightness", "mean OKLab L of the frame's pixels", HS_AGG_MEAN,
     nullptr, HS_OUTPUT_SCALAR},
};

const hs_metric metric = huescope::plugin::describe<MeanLightness>(
    "org.example.mean-lightness", "Mean lightness", "Mean OKLab lightness of each frame", 1, 0,
    HS_FORMAT_OKLAB, outputs, 1);

}  // namespace

extern "C" HS_EXPORT const hs_metric* huescope_metric_get(const hs_host* host, int32_t index) {
    return host->abi == HS_METRIC_ABI && index == 0 ? &metric : nullptr;
}
