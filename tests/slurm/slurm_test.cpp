// huescope batch --slurm against a real Slurm (a one-node cluster that tests/slurm/cluster.sh
// starts for the test run, SLURM_CONF pointing at it): the array's results equal a local batch's
// byte for byte, whole films and films split into segments alike, and a failed task is named
// with the command that runs it again.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output_files.hpp"
#include "run_command.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using testing_support::CommandResult;
using testing_support::run_huescope;

namespace {

const fs::path kCorpus = HUESCOPE_TEST_CORPUS_DIR;

void expect_same_corpus(const fs::path& local, const fs::path& cluster) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(local / "films"))
        names.push_back(entry.path().filename());
    ASSERT_EQ(names.size(), 3u);
    for (const std::string& name : names) {
        SCOPED_TRACE(name);
        testing_support::expect_same_analysis(cluster / "films" / name, local / "films" / name);
        EXPECT_FALSE(fs::exists(cluster / "films" / name / "segments"));
    }
    EXPECT_TRUE(fs::exists(cluster / "corpus.sqlite"));
}

}  // namespace

TEST(Slurm, ArrayEqualsALocalBatch) {
    ASSERT_NE(std::getenv("SLURM_CONF"), nullptr) << "the test cluster is not running";
    const fs::path dir = testing_support::scratch_dir();
    // Three films, the damaged file and the copy of film 1 (Slurm's own latency is most of the
    // test's time: fewer tasks keep it short).
    const std::string list = (dir / "list.txt").string();
    {
        std::ofstream out(list);
        for (const char* name :
             {"film001.mp4", "film002.mp4", "film003.mp4", "damaged.mp4", "copy_of_film001.mp4"}) {
            out << (kCorpus / "films" / name).string() << "\n";
        }
    }
    ASSERT_EQ(run_huescope({"batch", list, "-o", (dir / "local").string(), "-q"}, dir).exit_code,
              2);

    const CommandResult whole = run_huescope({"batch", list, "-o", (dir / "cluster").string(),
                                              "--slurm", "--wait", "--max-parallel", "2"},
                                             dir);
    EXPECT_EQ(whole.exit_code, 2) << whole.err;  // the damaged film
    expect_same_corpus(dir / "local", dir / "cluster");
    // The damaged file is the 4th of the list: task 3, named with the command to run it again.
    EXPECT_NE(whole.err.find("tasks 3 failed"), std::string::npos) << whole.err;
    EXPECT_NE(whole.err.find("sbatch --wait --array=3"), std::string::npos) << whole.err;
    EXPECT_TRUE(fs::exists(dir / "cluster" / "slurm" / "logs" / "task-3.log"));

    const CommandResult split =
        run_huescope({"batch", list, "-o", (dir / "segments").string(), "--slurm", "--wait",
                      "--segments", "3", "--cpus-per-task", "1"},
                     dir);
    EXPECT_EQ(split.exit_code, 2) << split.err;
    expect_same_corpus(dir / "local", dir / "segments");
    // Segments 1-3 of the damaged film are tasks 9-11.
    EXPECT_NE(split.err.find("tasks 9,10,11 failed"), std::string::npos) << split.err;
}
