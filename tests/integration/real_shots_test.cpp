// Shots on real footage (issue 17): the excerpts in samples/real and Megamind.avi against their
// hand-checked boundaries, the edits cut from them at known frames, a slow hue drift that must
// stay one shot, shots.csv, and cut lists given with --shots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "huescope/analyze.hpp"
#include "huescope/cut_list.hpp"
#include "test_paths.hpp"

using namespace huescope;
using nlohmann::json;
using testing_support::media;
namespace fs = std::filesystem;

namespace {

const std::string kRealDir = std::string(HUESCOPE_SOURCE_DIR) + "/samples/real";

json read_json(const std::string& path) {
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    return json::parse(in, nullptr, false);
}

Result<AnalysisResult> run(const std::string& input, const fs::path& out,
                           std::optional<CutList> cuts = std::nullopt) {
    AnalyzeOptions o;
    o.input = input;
    o.output_dir = out.string();
    o.cut_list = std::move(cuts);
    return analyze(o);
}

// Start frames of every shot after the first, and their transitions.
std::vector<std::pair<int64_t, Transition>> boundaries(const AnalysisResult& r) {
    std::vector<std::pair<int64_t, Transition>> b;
    for (std::size_t i = 1; i < r.shots.size(); ++i) {
        b.emplace_back(r.shots[i].start_frame, r.shots[i].transition);
    }
    return b;
}

bool within(int64_t frame, const json& range) {
    return frame >= range[0].get<int64_t>() && frame <= range[1].get<int64_t>();
}

}  // namespace

// Every hand-checked cut found within one frame, nothing else, nothing in a no-cut range
// (the hologram's flicker, the cars passing in front of the lens).
TEST(RealFootage, ShotsMatchHandCheckedBoundaries) {
    const fs::path scratch = testing_support::scratch_dir();
    const json truth = read_json(kRealDir + "/SHOTS.json");
    ASSERT_TRUE(truth.is_object());
    for (const auto& [name, entry] : truth.items()) {
        const std::string path = entry.value("path", kRealDir + "/" + name);
        Result<AnalysisResult> r = run(path, scratch / name);
        ASSERT_TRUE(r) << name << ": " << r.status().message();
        const auto found = boundaries(*r);
        const std::vector<int64_t> cuts = entry["cuts"].get<std::vector<int64_t>>();
        ASSERT_EQ(found.size(), cuts.size()) << name << ": " << found.size() << " boundaries";
        for (std::size_t i = 0; i < cuts.size(); ++i) {
            EXPECT_LE(std::abs(found[i].first - cuts[i]), 1) << name << " cut " << cuts[i];
            EXPECT_EQ(found[i].second, Transition::Cut) << name << " at " << found[i].first;
        }
        for (const json& range : entry.value("no_cut_ranges", json::array())) {
            for (const auto& [frame, kind] : found) {
                EXPECT_FALSE(frame > range[0].get<int64_t>() && within(frame, range))
                    << name << ": a boundary at " << frame << " inside a no-cut range";
            }
        }
    }
}

// The edits tests/media/make_real_edits.sh cuts from real footage: similar-palette cuts, cuts
// between films, dissolves, a fade, flashes, slow changes, fast pans and zooms.
TEST(RealFootage, EditsCutAtKnownFrames) {
    const fs::path scratch = testing_support::scratch_dir();
    const std::string dir = media("real_edits");
    const json truth = read_json(dir + "/edits_truth.json");
    ASSERT_TRUE(truth.is_object());
    int items = 0, matched = 0, detections = 0;
    for (const auto& [name, entry] : truth.items()) {
        Result<AnalysisResult> r = run(dir + "/" + name, scratch / name);
        ASSERT_TRUE(r) << name << ": " << r.status().message();
        auto found = boundaries(*r);
        detections += static_cast<int>(found.size());
        std::vector<bool> used(found.size(), false);
        const auto take = [&](int64_t first, int64_t last) {
            for (std::size_t d = 0; d < found.size(); ++d) {
                if (!used[d] && found[d].first >= first && found[d].first <= last) {
                    used[d] = true;
                    return true;
                }
            }
            return false;
        };
        for (const json& cut : entry["cuts"]) {
            ++items;
            const int64_t c = cut.get<int64_t>();
            const bool hit = take(c - 1, c + 1);
            matched += hit ? 1 : 0;
            EXPECT_TRUE(hit) << name << ": the cut at " << c << " was missed";  // every cut
        }
        for (const json& span : entry["gradual"]) {
            ++items;
            matched += take(span[0].get<int64_t>() - 1, span[1].get<int64_t>() + 1) ? 1 : 0;
        }
        // No boundary of any kind where there is none (a car crossing the lens in a hue drift
        // is neither a cut nor a dissolve).
        for (std::size_t d = 0; d < found.size(); ++d) {
            if (!used[d]) {
                ADD_FAILURE() << name << ": a false " << transition_name(found[d].second) << " at "
                              << found[d].first;
            }
        }
    }
    const double precision = detections > 0 ? double(matched) / detections : 1.0;
    const double recall = double(matched) / items;
    const double f1 = 2 * precision * recall / (precision + recall);
    std::printf("real edits: %d/%d found, %d detections, precision %.3f recall %.3f F1 %.3f\n",
                matched, items, detections, precision, recall, f1);
    EXPECT_GE(f1, 0.95);
}

// 30 s of testsrc2 whose hue turns continuously, with grain: one shot.
TEST(RealFootage, SlowHueDriftIsOneShot) {
    Result<AnalysisResult> r = run(media("hue_drift.mp4"), testing_support::scratch_dir());
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->shots.size(), 1u);
    for (const auto& [frame, kind] : boundaries(*r)) {
        ADD_FAILURE() << "a " << transition_name(kind) << " at " << frame;
    }
}

// shots.csv: a row per shot, the same shots as summary.json.
TEST(ShotsCsv, OneRowPerShotAsInSummary) {
    const std::string clip = kRealDir + "/tears_of_steel_excerpt.mp4";
    const fs::path out = testing_support::scratch_dir() / "tos";
    Result<AnalysisResult> r = run(clip, out);
    ASSERT_TRUE(r) << r.status().message();
    std::ifstream csv(out / "shots.csv");
    ASSERT_TRUE(csv.good());
    std::string line;
    std::getline(csv, line);
    EXPECT_EQ(line.rfind("shot,start_frame,end_frame,start_s,end_s,duration_s,frames,transition,"
                         "share_red,",
                         0),
              0u)
        << line;
    EXPECT_NE(line.find(",palette\r"), std::string::npos);
    const json summary = read_json((out / "summary.json").string());
    std::size_t rows = 0;
    double total = 0.0;
    while (std::getline(csv, line)) {
        ASSERT_LT(rows, summary["shots"].size());
        const json& shot = summary["shots"][rows];
        std::istringstream fields(line);
        std::string index, start, end, start_s, end_s, duration;
        std::getline(fields, index, ',');
        std::getline(fields, start, ',');
        std::getline(fields, end, ',');
        std::getline(fields, start_s, ',');
        std::getline(fields, end_s, ',');
        std::getline(fields, duration, ',');
        EXPECT_EQ(std::stoll(index), static_cast<long long>(rows));
        EXPECT_EQ(std::stoll(start), shot["start_frame"].get<long long>());
        EXPECT_EQ(std::stoll(end), shot["end_frame"].get<long long>());
        EXPECT_NEAR(std::stod(start_s), shot["start_s"].get<double>(), 1e-6);
        total += std::stod(duration);
        // The palette's hex codes, heaviest first.
        const std::string palette = line.substr(line.rfind(',') + 1);
        EXPECT_EQ(palette.substr(0, 7), shot["palette"][0]["hex"].get<std::string>());
        ++rows;
    }
    EXPECT_EQ(rows, summary["shots"].size());
    EXPECT_EQ(rows, 4u);
    // 240 frames at 24 fps: the shots' durations add up to the clip's 10 s.
    EXPECT_NEAR(total, 10.0, 1e-3);
    EXPECT_EQ(summary["shots_source"]["kind"], "detected");
}

// --shots: the analysis uses exactly the given shots, in each format, and says where they came
// from. Megamind's true cuts given three ways, and a list that disagrees with the detector.
TEST(GivenShots, PlainListScenesCsvAndEdlGiveTheirShots) {
    const std::string megamind = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";
    const std::vector<int64_t> expected = {98, 154, 200};
    struct Case {
        const char* name;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"list", "frame\n154\n98\n# a comment\n200\n"},
        // PySceneDetect numbers scenes' start frames from 1.
        {"scenes",
         "Timecode List:,00:00:04.087,00:00:06.423,00:00:08.342\n"
         "Scene Number,Start Frame,Start Timecode,Start Time (seconds),End Frame,End "
         "Timecode,End Time (seconds),Length (frames),Length (timecode),Length (seconds)\n"
         "1,1,00:00:00.000,0.000,98,00:00:04.087,4.087,98,00:00:04.087,4.087\n"
         "2,99,00:00:04.087,4.087,154,00:00:06.423,6.423,56,00:00:02.336,2.336\n"
         "3,155,00:00:06.423,6.423,200,00:00:08.342,8.342,46,00:00:01.919,1.919\n"
         "4,201,00:00:08.342,8.342,270,00:00:11.261,11.261,70,00:00:02.920,2.920\n"},
        // Record-in timecodes at 24 (23.976) fps from the first event's 01:00:00:00:
        // 98 = 4 s 2 frames, 154 = 6 s 10 frames, 200 = 8 s 8 frames.
        {"edl",
         "TITLE: MEGAMIND\nFCM: NON-DROP FRAME\n\n"
         "001  AX       V     C        00:00:00:00 00:00:04:02 01:00:00:00 01:00:04:02\n"
         "* FROM CLIP NAME: A\n"
         "002  AX       V     C        00:10:00:00 00:10:02:08 01:00:04:02 01:00:06:10\n"
         "002  AX       A     C        00:10:00:00 00:10:02:08 01:00:04:02 01:00:06:10\n"
         "003  AX       V     C        00:20:00:00 00:20:01:22 01:00:06:10 01:00:08:08\n"
         "004  AX       V     C        00:30:00:00 00:30:02:22 01:00:08:08 01:00:11:06\n"},
        {"other", "10\n0:00:05.5\n"},
    };
    const fs::path scratch = testing_support::scratch_dir();
    for (const Case& c : cases) {
        Result<CutList> list = parse_cut_list(c.text, c.name);
        ASSERT_TRUE(list) << c.name << ": " << list.status().message();
        const fs::path out = scratch / c.name;
        Result<AnalysisResult> r = run(megamind, out, list.value());
        ASSERT_TRUE(r) << c.name << ": " << r.status().message();
        std::vector<int64_t> starts;
        for (const auto& [frame, kind] : boundaries(*r)) starts.push_back(frame);
        if (std::string(c.name) == "other") {
            // Frame 10, and the first frame at 5.5 s on the file's clock (frame 131 starts at
            // 132 / 23.976 = 5.506 s: within half a frame).
            EXPECT_EQ(starts, (std::vector<int64_t>{10, 131})) << c.name;
        } else {
            EXPECT_EQ(starts, expected) << c.name;
        }
        const json summary = read_json((out / "summary.json").string());
        EXPECT_EQ(summary["shots_source"]["kind"], "file") << c.name;
        EXPECT_EQ(summary["shots_source"]["path"], c.name);
        EXPECT_EQ(summary["parameters"]["shots"]["source"], "file");
    }
}

// A cut list that is not one is refused with the line that is wrong.
TEST(GivenShots, ABadListNamesItsLine) {
    Result<CutList> list = parse_cut_list("start\n12\nsoon\n", "cuts.txt");
    ASSERT_FALSE(list);
    EXPECT_NE(list.status().message().find("line 3"), std::string::npos) << list.status().message();
    EXPECT_FALSE(parse_cut_list("", "empty.txt"));
    EXPECT_FALSE(parse_cut_list("TITLE: nothing\n", "empty.edl"));
}
