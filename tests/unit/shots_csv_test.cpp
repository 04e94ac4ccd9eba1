// shots.csv read back and the film-studies lengths (docs/shots.md, "Shot lengths").
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "huescope/shots.hpp"
#include "report/shots_csv.hpp"
#include "test_paths.hpp"

using namespace huescope;
namespace fs = std::filesystem;

TEST(ShotLengths, AverageIsTotalOverCountAndMedianTheMiddle) {
    // 2 + 4 + 9 = 15 s in 3 shots: ASL 5 s, median 4 s (an even count averages the middle two).
    ShotLengths odd = shot_lengths({9.0, 2.0, 4.0});
    EXPECT_EQ(odd.count, 3u);
    EXPECT_DOUBLE_EQ(odd.average_s, 5.0);
    EXPECT_DOUBLE_EQ(odd.median_s, 4.0);
    ShotLengths even = shot_lengths({1.0, 10.0, 3.0, 2.0});
    EXPECT_DOUBLE_EQ(even.average_s, 4.0);
    EXPECT_DOUBLE_EQ(even.median_s, 2.5);
    EXPECT_TRUE(std::isnan(shot_lengths({}).average_s));
}

namespace {
ShotResult shot_at(long long first, long long last, double rate) {
    ShotResult s;
    s.start_frame = first;
    s.end_frame = last;
    s.frames = last - first + 1;
    s.start_s = double(first) / rate;
    s.end_s = double(last) / rate;
    return s;
}
}  // namespace

TEST(ShotsCsv, WhatIsWrittenIsReadBack) {
    const fs::path dir = testing_support::scratch_dir();
    const std::vector<HueBand> families = {{"blue", 220, 300}, {"orange", 30, 80}};
    std::vector<ShotResult> shots = {shot_at(0, 47, 24), shot_at(48, 119, 24)};
    shots[0].summary.shares = {{"blue", 0.25}, {"orange", std::nan("")}};
    shots[1].summary.shares = {{"blue", 0.5}, {"orange", 0.125}};
    shots[1].transition = Transition::Dissolve;
    {
        std::ofstream out(dir / "shots.csv", std::ios::binary);
        write_shots_csv(out, shots, families, 24.0);
    }
    Result<std::vector<ShotRecord>> back = read_shots_csv((dir / "shots.csv").string());
    ASSERT_TRUE(back) << back.status().message();
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[1].start_frame, 48);
    EXPECT_EQ((*back)[1].transition, "dissolve");
    // 48 frames at 24 fps; the last shot to its last frame's end: 72 frames.
    EXPECT_NEAR((*back)[0].duration_s, 2.0, 1e-6);
    EXPECT_NEAR((*back)[1].duration_s, 3.0, 1e-6);
    EXPECT_EQ((*back)[1].shares[1].first, "orange");
    EXPECT_DOUBLE_EQ((*back)[1].shares[1].second, 0.125);
    EXPECT_TRUE(std::isnan((*back)[0].shares[1].second));
}

TEST(ShotsCsv, ADamagedFileNamesItsRow) {
    const fs::path dir = testing_support::scratch_dir();
    std::ofstream(dir / "shots.csv", std::ios::binary)
        << "shot,start_frame,end_frame,start_s,end_s,duration_s,frames,transition\r\n"
           "0,0,9,0,0.4,0.5,10,cut\r\n"
           "1,10,x,0.5,1,0.5,10,cut\r\n";
    Result<std::vector<ShotRecord>> back = read_shots_csv((dir / "shots.csv").string());
    ASSERT_FALSE(back);
    EXPECT_NE(back.status().message().find("row 3"), std::string::npos) << back.status().message();
    std::ofstream(dir / "no_frames.csv", std::ios::binary) << "shot,start_s\r\n0,0\r\n";
    Result<std::vector<ShotRecord>> missing = read_shots_csv((dir / "no_frames.csv").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.status().message().find("no start_frame column"), std::string::npos);
}
