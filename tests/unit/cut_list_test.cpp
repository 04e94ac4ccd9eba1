// Cut lists and timecodes (docs/shots.md, "Given shots"): known answers computed by hand.
#include <gtest/gtest.h>

#include "huescope/cut_list.hpp"
#include "huescope/time_text.hpp"

using namespace huescope;

namespace {
int64_t frames_of(const char* text, double rate) {
    Timecode tc;
    EXPECT_TRUE(parse_timecode(text, tc)) << text;
    return timecode_frame_count(tc, rate);
}
}  // namespace

TEST(Timecode, NonDropFrameCountsNominalFrames) {
    EXPECT_EQ(frames_of("00:00:04:02", 24.0), 98);
    EXPECT_EQ(frames_of("01:00:00:00", 25.0), 90000);
    // 23.976 counts 24 frames a labelled second.
    EXPECT_EQ(frames_of("00:01:00:00", 24000.0 / 1001.0), 1440);
}

TEST(Timecode, DropFrameSkipsTwoLabelsAMinuteButEachTenth) {
    // 29.97 drop frame: an hour is 107892 frames (30 * 3600 - 2 * (60 - 6)); ten minutes 17982.
    EXPECT_EQ(frames_of("01:00:00;00", 30000.0 / 1001.0), 107892);
    EXPECT_EQ(frames_of("00:10:00;00", 30000.0 / 1001.0), 17982);
    // The first label of minute 1 is ;02: it is frame 1800 (00:00:59;29 is 1799).
    EXPECT_EQ(frames_of("00:01:00;02", 30000.0 / 1001.0), 1800);
    EXPECT_EQ(frames_of("00:00:59;29", 30000.0 / 1001.0), 1799);
    // 59.94 drops four labels.
    EXPECT_EQ(frames_of("00:01:00;04", 60000.0 / 1001.0), 3600);
}

TEST(Timecode, NotATimecode) {
    Timecode tc;
    EXPECT_FALSE(parse_timecode("00:00:04", tc));
    EXPECT_FALSE(parse_timecode("00:61:00:00", tc));
    EXPECT_FALSE(parse_timecode("12", tc));
    EXPECT_FALSE(parse_timecode("00:00:04:x2", tc));
    EXPECT_FALSE(parse_timecode("0:00:05.5", tc));  // a clock time with a fraction
}

TEST(ClockTime, SecondsMinutesHours) {
    double s = 0;
    ASSERT_TRUE(parse_clock_time("01:02:03.5", s));
    EXPECT_DOUBLE_EQ(s, 3723.5);
    ASSERT_TRUE(parse_clock_time("2:30", s));
    EXPECT_DOUBLE_EQ(s, 150.0);
    EXPECT_FALSE(parse_clock_time("-1", s));
    EXPECT_FALSE(parse_clock_time("1:2:3:4", s));
}

TEST(CutListFormats, EdlDissolveStartsItsShotAtItsMiddle) {
    // Event 002 dissolves over 24 frames from record-in 01:00:10:00: one boundary, 12 frames on.
    const char* edl =
        "TITLE: X\nFCM: NON-DROP FRAME\n"
        "001  A  V  C        00:00:00:00 00:00:10:00 01:00:00:00 01:00:10:00\n"
        "002  A  V  C        00:00:10:00 00:00:10:00 01:00:10:00 01:00:10:00\n"
        "002  B  V  D    024 00:05:00:00 00:05:05:00 01:00:10:00 01:00:15:00\n";
    Result<CutList> list = parse_cut_list(edl, "x.edl");
    ASSERT_TRUE(list) << list.status().message();
    EXPECT_EQ(list->format, "edl");
    ASSERT_EQ(list->cuts.size(), 2u);
    EXPECT_EQ(list->cuts[1].kind, Transition::Dissolve);
    GivenShots shots(*list, 24.0);
    for (int64_t f = 0; f < 400; ++f) shots.push(f, f / 24.0);
    ASSERT_EQ(shots.boundaries().size(), 2u);
    EXPECT_EQ(shots.boundaries()[1].index, 10 * 24 + 12);
    EXPECT_EQ(shots.boundaries()[1].kind, Transition::Dissolve);
}

TEST(CutListFormats, PlainListInAnyOrderWithSparseFrames) {
    Result<CutList> list = parse_cut_list("40\n20\n20\n500\n", "l.txt");
    ASSERT_TRUE(list);
    GivenShots shots(*list, 24.0);
    // Every fifth frame analysed (--every 5): a shot starts at the first analysed frame at or
    // after its cut; the cut at 500 falls after the last frame.
    for (int64_t k = 0; k < 20; ++k) shots.push(k * 5 + 2, (k * 5 + 2) / 24.0);
    ASSERT_EQ(shots.boundaries().size(), 3u);
    EXPECT_EQ(shots.boundaries()[1].index, 4);  // frame 22
    EXPECT_EQ(shots.boundaries()[2].index, 8);  // frame 42
    EXPECT_EQ(shots.unused(), 1);
}
