#pragma once
// Comparing two analyses' files, for the tests that promise "byte for byte the files of a single,
// uninterrupted pass" (resume, segments, batches, Slurm).

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exr_writer.hpp"
#include "huescope/analyze.hpp"
#include "run_command.hpp"

namespace testing_support {

/// Every file an analysis writes but summary.json.
inline const std::vector<std::string>& analysis_files() {
    static const std::vector<std::string> files = {"frames.csv",      "hue_time.exr",
                                                   "barcode.png",     "barcode.exr",
                                                   "hue_barcode.png", "vectorscope.exr"};
    return files;
}

/// summary.json without what says when and how the run was made.
inline nlohmann::json comparable_summary(const std::filesystem::path& folder) {
    nlohmann::json j = nlohmann::json::parse(slurp(folder / "summary.json"));
    for (const char* key : {"generated_utc", "command_line", "resumed_after_frames"}) j.erase(key);
    return j;
}

/// Every output of `actual` is `expected`'s: the files byte for byte, summary.json but its
/// provenance.
inline void expect_same_analysis(const std::filesystem::path& actual,
                                 const std::filesystem::path& expected) {
    for (const std::string& name : analysis_files())
        EXPECT_EQ(slurp(actual / name), slurp(expected / name)) << name << " differs";
    EXPECT_EQ(comparable_summary(actual), comparable_summary(expected));
}

inline huescope::AnalyzeOptions options_for(const std::string& input,
                                            const std::filesystem::path& out) {
    huescope::AnalyzeOptions o;
    o.input = input;
    o.output_dir = out.string();
    return o;
}

/// `o` analysed in one uninterrupted pass into `folder`: the reference the others must equal.
inline std::filesystem::path single_pass(const huescope::AnalyzeOptions& o,
                                         const std::filesystem::path& folder) {
    huescope::AnalyzeOptions whole = o;
    whole.output_dir = folder.string();
    const auto r = huescope::analyze(whole);
    EXPECT_TRUE(r) << r.status().message();
    return folder;
}

/// f.0001.exr .. f.0030.exr (frame 12 missing), each split in two colours that change with the
/// frame number.
inline std::string write_exr_sequence_with_gap(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    for (int i = 1; i <= 30; ++i) {
        if (i == 12) continue;
        const float left[3] = {0.05f * float(i % 7), 0.02f, 0.3f};
        const float right[3] = {0.4f, 0.01f * float(i % 5), 0.1f};
        char name[32];
        std::snprintf(name, sizeof name, "f.%04d.exr", i);
        write_exr(folder / name, left, right, Imf::HALF);
    }
    return (folder / "f.%04d.exr").string();
}

}  // namespace testing_support
