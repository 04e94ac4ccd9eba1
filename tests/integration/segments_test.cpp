// Segments and merge (docs/corpus.md): a film measured as N segments, in any order, and merged
// gives the files a single pass gives, byte for byte, for any N.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "huescope/analyze.hpp"
#include "output_files.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using huescope::AnalyzeOptions;
using huescope::ErrorCode;
using testing_support::media;
using testing_support::options_for;
using testing_support::single_pass;

namespace {

// Measures the N segments last to first (the order must not matter), merges, and compares every
// output with `reference`.
void expect_merge_equals_single_pass(const AnalyzeOptions& base, int n, const fs::path& reference) {
    SCOPED_TRACE("N = " + std::to_string(n));
    fs::remove_all(base.output_dir);
    int64_t frames = 0;
    for (int k = n; k >= 1; --k) {
        AnalyzeOptions o = base;
        o.segment = huescope::SegmentSpec{k, n};
        const auto r = huescope::analyze(o);
        ASSERT_TRUE(r) << "segment " << k << ": " << r.status().message();
        frames += r.value().frames_analyzed;
        EXPECT_FALSE(fs::exists(fs::path(o.output_dir) / "summary.json"));
    }
    AnalyzeOptions merge = base;
    merge.merge_segments = n;
    const auto merged = huescope::analyze(merge);
    ASSERT_TRUE(merged) << merged.status().message();
    EXPECT_EQ(merged.value().frames_analyzed, frames);
    const fs::path dir(base.output_dir);
    testing_support::expect_same_analysis(dir, reference);
    EXPECT_FALSE(fs::exists(dir / "segments")) << "the segments outlived the merge";
}

}  // namespace

// shot_edit.mkv (29 s, 24 fps): with N = 2, 3 and 7 the boundaries fall inside a dissolve, next
// to cuts, a fade and the flash, so shots cross segment boundaries.
TEST(Segments, MergeEqualsASinglePassForAnyN) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    const fs::path reference = single_pass(o, dir / "single");
    for (const int n : {1, 2, 3, 7}) expect_merge_equals_single_pass(o, n, reference);
}

// H.264 with B-frames and long GOPs: a segment seeks to the keyframe before its start and decodes
// forward; the merge renumbers its frames in decode order.
TEST(Segments, LongGopVideo) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("long_720.mp4"), dir / "out");
    expect_merge_equals_single_pass(o, 3, single_pass(o, dir / "single"));
}

TEST(Segments, ExrSequenceWithAGap) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o =
        options_for(testing_support::write_exr_sequence_with_gap(dir / "seq"), dir / "out");
    expect_merge_equals_single_pass(o, 4, single_pass(o, dir / "single"));
}

TEST(Segments, AMissingSegmentIsNamed) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    for (const int k : {1, 3}) {
        o.segment = huescope::SegmentSpec{k, 3};
        ASSERT_TRUE(huescope::analyze(o));
    }
    o.segment.reset();
    o.merge_segments = 3;
    const auto r = huescope::analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::NoInput);
    EXPECT_NE(r.status().message().find("2-of-3"), std::string::npos) << r.status().message();
}

TEST(Segments, SegmentsOfOtherParametersAreRefused) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    o.segment = huescope::SegmentSpec{1, 2};
    ASSERT_TRUE(huescope::analyze(o));
    o.measure.min_chroma = 0.05;
    o.segment = huescope::SegmentSpec{2, 2};
    ASSERT_TRUE(huescope::analyze(o));
    o.segment.reset();
    o.merge_segments = 2;
    const auto r = huescope::analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
    EXPECT_NE(r.status().message().find("segment 1 of 2"), std::string::npos)
        << r.status().message();
}

TEST(Segments, OptionsThatNeedTheWholeFilmAreRefused) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    o.segment = huescope::SegmentSpec{1, 2};
    o.every = 2;
    auto r = huescope::analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
    o.every = 1;
    o.segment = huescope::SegmentSpec{3, 2};
    r = huescope::analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
}
