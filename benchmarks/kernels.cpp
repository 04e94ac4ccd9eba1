// Google Benchmark for huescope's per-pixel kernels: samples per second (the frame kernels use
// every core, as an analysis does; CubeRoot and ToOklab are one core). Not part of the test
// suite. Build: cmake -DHUESCOPE_BUILD_BENCHMARKS=ON, then
// build/benchmarks/huescope_kernels.
#include <benchmark/benchmark.h>

#include <cmath>
#include <optional>
#include <random>

#include "huescope/code_decoder.hpp"
#include "huescope/color_encoding.hpp"
#include "huescope/color_math.hpp"
#include "huescope/measurement.hpp"
#include "huescope/parallel.hpp"
#include "huescope/shots.hpp"

namespace {

using namespace huescope;

// The chroma grid of a 1080p 4:2:0 frame, filled with colours from the whole sRGB cube.
LinearImage test_image(int width = 960, int height = 540) {
    LinearImage image;
    image.width = width;
    image.height = height;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    image.rgb.resize(static_cast<std::size_t>(width) * height * 3);
    for (float& v : image.rgb) v = u(rng);
    return image;
}

// Arg 0: every core, as one frame is split when measured alone. Arg 1: one core, as each of the
// analysis pipeline's workers measures its own frame (the per-core throughput).
void Measure(benchmark::State& state) {
    const LinearImage image = test_image();
    const MeasureParams params;
    const std::optional<SerialScope> one_core =
        state.range(0) == 1 ? std::make_optional<SerialScope>() : std::nullopt;
    for (auto _ : state) {
        HueAccumulator acc;
        acc.reset(params.families.size());
        accumulate(image, params, acc);
        benchmark::DoNotOptimize(acc.ok_sum_c);
    }
    state.SetItemsProcessed(state.iterations() * image.width * image.height);
    state.SetLabel(state.range(0) == 1 ? "chroma samples (accumulate, one core)"
                                       : "chroma samples (accumulate, all cores)");
}
BENCHMARK(Measure)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void CubeRoot(benchmark::State& state) {
    double x = 0.1, sum = 0.0;
    for (auto _ : state) {
        sum += cube_root(x);
        x += 1e-7;
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(CubeRoot);

void ToOklab(benchmark::State& state) {
    Vec3 rgb{0.2, 0.4, 0.6};
    double sum = 0.0;
    for (auto _ : state) {
        sum += xyz_to_oklab(working_rgb_to_xyz(rgb))[1];
        rgb[0] += 1e-7;
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ToOklab);

void Decode420(benchmark::State& state) {
    CodeImage codes;
    codes.model = PixelModel::YCbCr;
    codes.bit_depth = 8;
    codes.luma_width = 1920;
    codes.luma_height = 1080;
    codes.subsample_x = codes.subsample_y = 1;
    codes.width = 960;
    codes.height = 540;
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> u(16, 235);
    codes.planes[0].resize(1920 * 1080);
    codes.planes[1].resize(960 * 540);
    codes.planes[2].resize(960 * 540);
    for (auto& plane : codes.planes)
        for (uint16_t& v : plane) v = static_cast<uint16_t>(u(rng));
    ColorEncoding encoding;  // BT.709 limited range, BT.1886
    standard_primaries("bt709", encoding.primaries);
    Result<CodeDecoder> decoder = CodeDecoder::create(encoding);
    if (!decoder) {
        state.SkipWithError(decoder.status().message().c_str());
        return;
    }
    LinearImage out;
    const std::optional<SerialScope> one_core =
        state.range(0) == 1 ? std::make_optional<SerialScope>() : std::nullopt;
    for (auto _ : state) {
        decoder->decode(codes, out);
        benchmark::DoNotOptimize(out.rgb.data());
    }
    state.SetItemsProcessed(state.iterations() * 1920 * 1080);
    state.SetLabel(state.range(0) == 1 ? "luma samples (decode to linear, one core)"
                                       : "luma samples (decode to linear, all cores)");
}
BENCHMARK(Decode420)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void Signature(benchmark::State& state) {
    const LinearImage image = test_image();
    for (auto _ : state) benchmark::DoNotOptimize(make_signature(image, {0, 0, 960, 540}));
    state.SetItemsProcessed(state.iterations() * 960 * 540);
}
BENCHMARK(Signature)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
