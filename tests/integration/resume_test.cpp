// Interrupt and resume (docs/robustness.md, "Resume"): an analysis stopped after any frame and
// resumed from its checkpoint writes exactly the files an uninterrupted run writes. The stop is
// requested from the frame callback, so each case stops after a chosen frame: at the start, in
// the middle of a shot, on a cut, inside a fade or dissolve (where the shot detector is still
// deciding), and just before the end.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "huescope/analyze.hpp"
#include "output_files.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using huescope::AnalyzeHooks;
using huescope::AnalyzeOptions;
using huescope::ErrorCode;
using testing_support::media;
using testing_support::options_for;
using testing_support::single_pass;

namespace {

// Runs `o` and returns its warnings.
std::vector<std::string> warnings_of(const AnalyzeOptions& o) {
    std::vector<std::string> warnings;
    AnalyzeHooks hooks;
    hooks.on_warning = [&](const std::string& w) { warnings.push_back(w); };
    const auto r = huescope::analyze(o, hooks);
    EXPECT_TRUE(r) << r.status().message();
    if (r) {
        EXPECT_TRUE(r.value().resumed_after.empty());
    }
    return warnings;
}

// Runs until `stop_after` frames were measured, then asks it to stop; returns the status.
huescope::Status run_stopping_after(const AnalyzeOptions& o, int64_t stop_after) {
    std::atomic<bool> cancel{false};
    AnalyzeHooks hooks;
    hooks.cancel = &cancel;
    hooks.on_frame = [&](const huescope::FrameUpdate& f) {
        if (f.index + 1 >= stop_after) cancel = true;
    };
    return huescope::analyze(o, hooks).status();
}

// Stops `o` after each of `stops` frames in turn (resuming each time), then checks every output
// against `reference`, made in one go.
void expect_resumed_equals_uninterrupted(AnalyzeOptions o, const std::vector<int64_t>& stops,
                                         const fs::path& reference) {
    std::vector<int64_t> stopped_after;
    for (const int64_t stop : stops) {
        const huescope::Status s = run_stopping_after(o, stop);
        ASSERT_EQ(s.code(), ErrorCode::Interrupted) << s.message();
        EXPECT_NE(s.message().find("checkpoint was saved"), std::string::npos) << s.message();
        EXPECT_FALSE(fs::exists(fs::path(o.output_dir) / "summary.json"));
        EXPECT_TRUE(fs::exists(fs::path(o.output_dir) / ".huescope-checkpoint" / "state.bin"));
        o.resume = true;  // the next stop is in a resumed run
    }
    const huescope::Result<huescope::AnalysisResult> resumed = huescope::analyze(o);
    ASSERT_TRUE(resumed) << resumed.status().message();
    EXPECT_EQ(resumed.value().resumed_after.size(), stops.size());
    const fs::path dir(o.output_dir);
    testing_support::expect_same_analysis(dir, reference);
    EXPECT_FALSE(fs::exists(dir / ".huescope-checkpoint")) << "the checkpoint outlived the run";
}

}  // namespace

// shot_edit.mkv: 24 fps, cuts, fades through black, dissolves and a flash (make_shot_edit.sh).
TEST(Resume, StopsAnywhereInAnEditResumeToTheSameFiles) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    const fs::path reference = single_pass(o, dir / "reference");
    const int64_t frames = testing_support::comparable_summary(reference)["frames_analyzed"];
    // After the first frame; the last before a cut; inside a dissolve and a fade (boundaries
    // not settled yet); right after a flash; the last but one.
    for (const int64_t stop :
         {int64_t{1}, int64_t{48}, int64_t{130}, int64_t{210}, int64_t{289}, frames - 1}) {
        SCOPED_TRACE("stopped after " + std::to_string(stop) + " frames");
        fs::remove_all(dir / "out");
        expect_resumed_equals_uninterrupted(o, {stop}, reference);
    }
}

TEST(Resume, StoppedSeveralTimes) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    expect_resumed_equals_uninterrupted(o, {10, 125, 430}, single_pass(o, dir / "reference"));
}

// H.264 with B-frames and a keyframe every 250 frames: resuming seeks back to a keyframe and
// decodes forward; the frames' numbers must go on counting as in one straight read.
TEST(Resume, LongGopVideoResumesOnTheRightFrame) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("long_720.mp4"), dir / "out");
    expect_resumed_equals_uninterrupted(o, {37, 150}, single_pass(o, dir / "reference"));
}

TEST(Resume, EveryNthFrameAndATimeRange) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    o.every = 3;
    o.start_s = 1.5;
    o.duration_s = 6.0;
    expect_resumed_equals_uninterrupted(o, {5, 33}, single_pass(o, dir / "reference"));
}

TEST(Resume, ExrSequenceWithAGap) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o =
        options_for(testing_support::write_exr_sequence_with_gap(dir / "seq"), dir / "out");
    expect_resumed_equals_uninterrupted(o, {4, 11, 20}, single_pass(o, dir / "reference"));
}

TEST(Resume, NothingToResumeStartsFromTheBeginning) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    o.resume = true;
    const std::vector<std::string> warnings = warnings_of(o);
    ASSERT_FALSE(warnings.empty());
    EXPECT_NE(warnings.front().find("no checkpoint"), std::string::npos) << warnings.front();
}

TEST(Resume, OtherParametersOrAnotherInputAreRefused) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    ASSERT_EQ(run_stopping_after(o, 20).code(), ErrorCode::Interrupted);
    const std::string state =
        testing_support::slurp(dir / "out" / ".huescope-checkpoint" / "state.bin");

    AnalyzeOptions changed = o;
    changed.resume = true;
    changed.measure.min_chroma = 0.03;
    auto r = huescope::analyze(changed);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
    EXPECT_NE(r.status().message().find("other parameters"), std::string::npos);

    AnalyzeOptions other_input = o;
    other_input.resume = true;
    other_input.input = media("shot_edit_b.mkv");
    r = huescope::analyze(other_input);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
    // A refused resume leaves the checkpoint as it was.
    EXPECT_EQ(testing_support::slurp(dir / "out" / ".huescope-checkpoint" / "state.bin"), state);
}

TEST(Resume, DamagedCheckpointIsAClearError) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    ASSERT_EQ(run_stopping_after(o, 20).code(), ErrorCode::Interrupted);
    const fs::path state = dir / "out" / ".huescope-checkpoint" / "state.bin";
    const std::string whole = testing_support::slurp(state);
    o.resume = true;
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{10}, whole.size() / 2, whole.size() - 1}) {
        std::ofstream(state, std::ios::binary | std::ios::trunc) << whole.substr(0, keep);
        const auto r = huescope::analyze(o);
        ASSERT_FALSE(r) << "resumed from " << keep << " bytes";
        EXPECT_EQ(r.status().code(), ErrorCode::BadData) << r.status().message();
    }
    // One byte changed anywhere is caught by the checksum.
    std::string flipped = whole;
    flipped[flipped.size() / 3] = static_cast<char>(flipped[flipped.size() / 3] ^ 0x10);
    std::ofstream(state, std::ios::binary | std::ios::trunc) << flipped;
    {
        const auto r = huescope::analyze(o);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.status().code(), ErrorCode::BadData) << r.status().message();
    }
    // Its frames.csv cut short (a crash between writing it and the state) is refused too.
    std::ofstream(state, std::ios::binary | std::ios::trunc) << whole;
    fs::resize_file(dir / "out" / ".huescope-checkpoint" / "frames.csv.part", 10);
    const auto r = huescope::analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::BadData) << r.status().message();
}

TEST(Resume, AFreshRunStartsOverAndLeavesNoCheckpoint) {
    const fs::path dir = testing_support::scratch_dir();
    AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    ASSERT_EQ(run_stopping_after(o, 20).code(), ErrorCode::Interrupted);
    const std::vector<std::string> warnings = warnings_of(o);
    ASSERT_FALSE(warnings.empty());
    EXPECT_NE(warnings.front().find("starts over"), std::string::npos) << warnings.front();
    EXPECT_FALSE(fs::exists(dir / "out" / ".huescope-checkpoint"));
}

// Two analyses never write into one folder at once: the checkpoint folder is locked.
TEST(Resume, ASecondAnalysisIntoTheSameFolderIsRefused) {
    const fs::path dir = testing_support::scratch_dir();
    const AnalyzeOptions o = options_for(media("shot_edit.mkv"), dir / "out");
    huescope::Status second = huescope::Status::ok();
    bool ran_second = false;
    AnalyzeHooks hooks;
    hooks.on_frame = [&](const huescope::FrameUpdate& f) {
        if (f.index != 5) return;
        ran_second = true;
        second = huescope::analyze(o).status();
    };
    const auto first = huescope::analyze(o, hooks);
    ASSERT_TRUE(first) << first.status().message();
    ASSERT_TRUE(ran_second);
    ASSERT_FALSE(second);
    EXPECT_NE(second.message().find("another huescope analysis"), std::string::npos)
        << second.message();
}
