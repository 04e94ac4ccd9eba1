#pragma once
// `huescope batch --slurm` (docs/corpus.md): a Slurm job array with one task per film (or per
// segment of a film). Each task runs `huescope batch --task I` on the same list; the submitter
// merges and indexes once every task has ended.

#include <string>
#include <vector>

#include "huescope/status.hpp"

namespace huescope::cli {

struct SlurmJob {
    std::string huescope;  ///< absolute path of this program
    std::string corpus;    ///< absolute
    std::string list;      ///< the film list the tasks read (absolute)
    int tasks = 0;
    int segments = 0;      ///< 0: a task per film
    int max_parallel = 0;  ///< 0: no limit (Slurm's %K)
    int cpus_per_task = 0;
    std::string partition, time, memory;
    std::vector<std::string> sbatch_options;  ///< verbatim "#SBATCH" lines
    std::vector<std::string> measurement_arguments;
};

/// The sbatch script's text.
std::string slurm_script(const SlurmJob& job);

/// Quotes a word for a POSIX shell.
std::string shell_quote(const std::string& word);

/// Runs `program args...` and returns its standard output; an error with its exit status. With
/// `first_line`, the output's first line is given there whatever the status.
Result<std::string> run_program(const std::vector<std::string>& argv,
                                std::string* first_line = nullptr);

}  // namespace huescope::cli
