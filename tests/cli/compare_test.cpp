// `huescope compare` end to end on generated edits: a film against itself, and an edit against
// its copy with the blues regraded toward orange.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "test_paths.hpp"

using nlohmann::json;
using testing_support::CommandResult;
using testing_support::media;
using testing_support::run_huescope;
namespace fs = std::filesystem;

namespace {

std::string analysed(const fs::path& dir, const std::string& clip,
                     std::vector<std::string> extra = {}) {
    const std::string out = (dir / clip).string();
    std::vector<std::string> args = {"analyze", media(clip + ".mp4"), "-o", out, "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult r = run_huescope(args, dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
}

json read_json(const fs::path& path) {
    return json::parse(testing_support::slurp(path));
}

}  // namespace

TEST(CompareCli, FilmAgainstItselfIsNoDifference) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string film = analysed(dir, "blue_edit");
    const CommandResult r =
        run_huescope({"compare", film, film, "-o", (dir / "cmp").string(), "-q"}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json c = read_json(dir / "cmp" / "compare.json");
    ASSERT_EQ(c["pairs"].size(), 1u);
    const json& pair = c["pairs"][0];
    EXPECT_EQ(pair["hue_distance"]["emd_oklch_deg"].get<double>(), 0.0);
    EXPECT_EQ(pair["hue_distance"]["emd_cielab_deg"].get<double>(), 0.0);
    for (const auto& [family, difference] : pair["share_differences"].items())
        EXPECT_EQ(difference.get<double>(), 0.0) << family;
    const json& t = pair["test"];
    EXPECT_EQ(t["difference"].get<double>(), 0.0);
    EXPECT_LE(t["ci_low"].get<double>(), 0.0);
    EXPECT_GE(t["ci_high"].get<double>(), 0.0);
    EXPECT_GT(t["p_value"].get<double>(), 0.05);
    EXPECT_EQ(pair["palette"]["a_weight_with_close_match"].get<double>(), 1.0);
    EXPECT_EQ(c["films"][1]["label"], "blue_edit (2)");
    EXPECT_NE(r.out.find("the same as"), std::string::npos) << r.out;
}

TEST(CompareCli, BluesRegradedToOrangeAreLowerInBlueAndHigherInOrange) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string original = analysed(dir, "blue_edit");
    const std::string regraded = analysed(dir, "blue_edit_orange");
    CommandResult r =
        run_huescope({"compare", regraded, original, "-o", (dir / "blue").string(), "-q"}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json c = read_json(dir / "blue" / "compare.json");
    const json& t = c["pairs"][0]["test"];
    EXPECT_EQ(c["films"][0]["units"]["kind"], "shots");
    EXPECT_GE(t["units_a"].get<int>(), 8);
    EXPECT_LT(t["difference"].get<double>(), -0.2);
    EXPECT_LT(t["ci_high"].get<double>(), 0.0);
    EXPECT_LT(t["p_value"].get<double>(), 0.01);
    EXPECT_LT(t["cliffs_delta"].get<double>(), 0.0);
    EXPECT_GT(c["pairs"][0]["hue_distance"]["emd_oklch_deg"].get<double>(), 10.0);
    EXPECT_NE(r.out.find("points lower than blue_edit's"), std::string::npos) << r.out;
    // The pooled share over shots is the film share analyze reported.
    const json summary = read_json(fs::path(original) / "summary.json");
    EXPECT_NEAR(c["films"][1]["family_share"].get<double>(),
                summary["film"]["shares"]["blue"].get<double>(), 1e-6);
    // Shots read back from shots.csv: as many as summary.json holds, and their mean length
    // is the clip's duration over the count (the shots tile the clip).
    EXPECT_EQ(c["films"][1]["shots"].get<std::size_t>(), summary["shots"].size());
    EXPECT_NEAR(c["films"][1]["average_shot_length_s"].get<double>(),
                summary["input"]["duration_s"].get<double>() / double(summary["shots"].size()),
                0.05);
    EXPECT_EQ(c["films"][1]["average_shot_length_s"], summary["cutting"]["average_shot_length_s"]);

    r = run_huescope({"compare", regraded, original, "--family", "orange", "--alternative",
                      "greater", "-o", (dir / "orange").string(), "-q"},
                     dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    c = read_json(dir / "orange" / "compare.json");
    EXPECT_GT(c["pairs"][0]["test"]["difference"].get<double>(), 0.1);
    EXPECT_LT(c["pairs"][0]["test"]["p_value"].get<double>(), 0.01);
    EXPECT_EQ(c["parameters"]["alternative"], "greater");
    EXPECT_EQ(c["parameters"]["seed"].get<long long>(), 20131218);

    // Reproducible: the same inputs and seed give the same file.
    r = run_huescope({"compare", regraded, original, "--family", "orange", "--alternative",
                      "greater", "-o", (dir / "again").string(), "-q"},
                     dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(testing_support::slurp(dir / "orange" / "compare.json"),
              testing_support::slurp(dir / "again" / "compare.json"));
}

TEST(CompareCli, VideosAreAnalysedFirstAndReused) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string out = (dir / "cmp").string();
    CommandResult r = run_huescope(
        {"compare", media("blue_edit.mp4"), media("blue_edit_orange.mp4"), "-o", out}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir / "cmp" / "films" / "1-blue_edit" / "summary.json"));
    EXPECT_TRUE(fs::exists(dir / "cmp" / "films" / "2-blue_edit_orange" / "frames.csv"));
    EXPECT_TRUE(fs::exists(dir / "cmp" / "compare.json"));
    r = run_huescope({"compare", media("blue_edit.mp4"), media("blue_edit_orange.mp4"), "-o", out},
                     dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("reusing"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("analysing"), std::string::npos) << r.err;
}

TEST(CompareCli, FilmAgainstReferenceSet) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string regraded = analysed(dir, "blue_edit_orange");
    const std::string original = analysed(dir, "blue_edit");
    const CommandResult r = run_huescope({"compare", regraded, "--reference", original, original,
                                          original, "-o", (dir / "ref").string(), "-q"},
                                         dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json c = read_json(dir / "ref" / "compare.json");
    EXPECT_EQ(c["parameters"]["mode"], "reference");
    EXPECT_EQ(c["pairs"].size(), 3u);  // the film against each reference, Holm-adjusted
    const json& ref = c["reference"];
    EXPECT_EQ(ref["references"].get<int>(), 3);
    EXPECT_EQ(ref["percentile"].get<double>(), 0.0);
    EXPECT_DOUBLE_EQ(ref["p_lower"].get<double>(), 0.25);  // 1 / (3 + 1): all it can say
    for (const json& pair : c["pairs"])
        EXPECT_GE(pair["test"]["p_holm"].get<double>(), pair["test"]["p_value"].get<double>());
    EXPECT_NE(r.out.find("percentile of 3 reference films"), std::string::npos) << r.out;
}

TEST(CompareCli, RefusesWhatWouldNotCompareAndKeepsEarlierResults) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string a = analysed(dir, "blue_edit");
    const fs::path other = dir / "other";
    fs::create_directories(other);
    const CommandResult moved =
        run_huescope({"analyze", media("blue_edit_orange.mp4"), "-o", (other / "narrow").string(),
                      "-q", "--band", "blue=230:280"},
                     dir);
    ASSERT_EQ(moved.exit_code, 0) << moved.err;
    const std::string out = (dir / "cmp").string();
    ASSERT_EQ(run_huescope({"compare", a, a, "-o", out, "-q"}, dir).exit_code, 0);
    const std::string earlier = testing_support::slurp(dir / "cmp" / "compare.json");

    CommandResult r =
        run_huescope({"compare", a, (other / "narrow").string(), "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("band differs"), std::string::npos) << r.err;
    r = run_huescope({"compare", a, "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 64);
    r = run_huescope({"compare", a, (dir / "missing").string(), "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 66);
    r = run_huescope({"compare", a, a, "--family", "teal", "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("teal"), std::string::npos) << r.err;
    const CommandResult strict =
        run_huescope({"analyze", media("blue_edit.mp4"), "-o", (other / "strict").string(), "-q",
                      "--min-chroma", "0.05"},
                     dir);
    ASSERT_EQ(strict.exit_code, 0) << strict.err;
    r = run_huescope({"compare", a, (other / "strict").string(), "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("chromatic"), std::string::npos) << r.err;
    r = run_huescope({"compare", a, a, "--units", "scenes", "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_EQ(testing_support::slurp(dir / "cmp" / "compare.json"), earlier);
}

TEST(CompareCli, TooFewShotsFallBackToBlocksAndSayWhy) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string a = analysed(dir, "blue_edit");
    const CommandResult r = run_huescope({"compare", a, a, "--min-shots", "20", "--block-seconds",
                                          "1", "-o", (dir / "cmp").string(), "-q"},
                                         dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json c = read_json(dir / "cmp" / "compare.json");
    const json& units = c["films"][0]["units"];
    EXPECT_EQ(units["kind"], "blocks");
    EXPECT_EQ(units["count"].get<int>(), 5);  // 5 s of footage in 1-s blocks
    EXPECT_NE(units["reason"].get<std::string>().find("fewer than 20"), std::string::npos);
    EXPECT_NE(r.out.find("1-s blocks as samples"), std::string::npos) << r.out;
}
