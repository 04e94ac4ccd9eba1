// The analysis pipeline hands frames back in source order whatever order the workers finish in,
// counts what it decoded, passes on the source's error after the frames before it, and stops
// cleanly when abandoned.
#include "pipeline/frame_pipeline.hpp"

#include "huescope/parallel.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

using namespace huescope;

namespace {

// Frames numbered 0..count-1 at 24 fps, a 2x1 picture whose red value is the frame number;
// reading frame `fail_at` fails.
class CountingSource : public FrameSource {
  public:
    CountingSource(int count, int fail_at) : m_count(count), m_fail_at(fail_at) {}
    const SourceInfo& info() const override { return m_info; }
    Result<bool> next(Frame& frame) override {
        if (m_next == m_fail_at) return Status(ErrorCode::BadData, "damaged at frame 7");
        if (m_next == m_count) return false;
        frame.number = m_next;
        frame.time_s = m_next / 24.0;
        frame.image.width = 2;
        frame.image.height = 1;
        frame.image.rgb.assign(6, static_cast<float>(m_next));
        ++m_next;
        return true;
    }
    Status seek(double) override { return Status::ok(); }
    Status resume_after(int64_t, double, int64_t, int64_t) override {
        return Status(ErrorCode::Unsupported, "no");
    }
    int frames_read() const { return m_next; }

  private:
    SourceInfo m_info;
    int m_count, m_fail_at, m_next = 0;
};

// Workers that take a random while, so that they finish out of order.
void slow_prepare(PreparedFrame& p) {
    thread_local std::mt19937 rng(std::hash<std::thread::id>()(std::this_thread::get_id()));
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
    p.area = Rect{0, 0, static_cast<int>(p.frame.image.rgb[0]), 1};  // marks the frame it saw
}

}  // namespace

TEST(FramePipeline, ReturnsFramesInSourceOrder) {
    CountingSource source(60, -1);
    int every = 0;
    FramePipeline pipeline(
        source,
        [&](const Frame& f) {
            if (f.number < 5) return FramePipeline::Take::Skip;    // a start time
            if (f.number >= 50) return FramePipeline::Take::Stop;  // an end time
            return every++ % 3 == 0 ? FramePipeline::Take::Measure : FramePipeline::Take::Skip;
        },
        slow_prepare);
    PreparedFrame p;
    std::vector<int64_t> numbers;
    while (true) {
        Result<bool> got = pipeline.next(p);
        ASSERT_TRUE(got);
        if (!got.value()) break;
        EXPECT_EQ(p.area.width, p.frame.number);  // prepared from its own frame
        numbers.push_back(p.frame.number);
        pipeline.recycle(std::move(p));
    }
    std::vector<int64_t> expected;
    for (int64_t n = 5; n < 50; n += 3) expected.push_back(n);
    EXPECT_EQ(numbers, expected);
    EXPECT_EQ(pipeline.frames_decoded(), 51);  // 0..50: the 51st showed the range had ended
}

TEST(FramePipeline, PassesOnTheSourceErrorAfterTheFramesBeforeIt) {
    CountingSource source(60, 7);
    FramePipeline pipeline(
        source, [](const Frame&) { return FramePipeline::Take::Measure; }, slow_prepare);
    PreparedFrame p;
    int frames = 0;
    Result<bool> got = pipeline.next(p);
    for (; got && got.value(); got = pipeline.next(p)) ++frames;
    EXPECT_EQ(frames, 7);
    ASSERT_FALSE(got);
    EXPECT_NE(got.status().message().find("damaged at frame 7"), std::string::npos);
}

TEST(FramePipeline, AbandonedPipelineStopsWithoutReadingToTheEnd) {
    CountingSource source(1000000, -1);
    {
        FramePipeline pipeline(
            source, [](const Frame&) { return FramePipeline::Take::Measure; }, slow_prepare);
        PreparedFrame p;
        ASSERT_TRUE(pipeline.next(p));
    }  // returns promptly: the reader is bounded by the frames in flight
    EXPECT_LE(source.frames_read(), static_cast<int>(parallel_chunks()) + 4);
}

// The pipeline's workers measure each frame on one thread (SerialScope); an analysis must not
// change with that: the same row bands, merged in the same order, give the same bits.
TEST(FramePipeline, OneThreadPerFrameMeasuresTheSameBits) {
    LinearImage image;
    image.width = 97;
    image.height = 61;
    std::mt19937 rng(4);
    std::uniform_real_distribution<float> u(-0.05f, 1.5f);
    image.rgb.resize(std::size_t(image.width) * image.height * 3);
    for (float& v : image.rgb) v = u(rng);
    const MeasureParams params;
    HueAccumulator split, serial;
    split.reset(params.families.size());
    serial.reset(params.families.size());
    accumulate(image, params, split);
    {
        const SerialScope one_thread;
        accumulate(image, params, serial);
    }
    EXPECT_EQ(split.pixels, serial.pixels);
    EXPECT_EQ(split.chromatic, serial.chromatic);
    EXPECT_EQ(split.sum_rgb, serial.sum_rgb);
    EXPECT_EQ(split.sum_lightness, serial.sum_lightness);
    EXPECT_EQ(split.ok_sum_a, serial.ok_sum_a);
    EXPECT_EQ(split.lab_sum_c, serial.lab_sum_c);
    EXPECT_EQ(split.ok_hue_hist, serial.ok_hue_hist);
    EXPECT_EQ(split.lab_hue_hist, serial.lab_hue_hist);
    EXPECT_EQ(split.chroma_hist, serial.chroma_hist);
    EXPECT_EQ(split.family_weight, serial.family_weight);
}
