// huescope batch: a corpus of films, on this machine (several at once) or as a Slurm job array.
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "analysis_options.hpp"
#include "analysis_runner.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/corpus.hpp"
#include "slurm_job.hpp"

namespace huescope::cli {
namespace fs = std::filesystem;
namespace {

struct BatchArgs {
    AnalyzeArgs analysis;
    std::string list;
    std::string corpus;
    int jobs = 0;
    int task = -1;
    int segments = 0;
    bool finish = false;
    bool slurm = false;
    bool wait = false;
    bool quiet = false;
    SlurmJob job;
};

int batch_exit_code(const std::vector<FilmOutcome>& outcomes) {
    int code = kExitOk;
    for (const FilmOutcome& o : outcomes) {
        if (o.state == FilmOutcome::State::Failed) return kExitSomeFailed;
        if (o.state == FilmOutcome::State::Partial) code = kExitPartial;
    }
    return code;
}

void print_outcome(const FilmOutcome& o, int done, int total, bool quiet) {
    if (o.state == FilmOutcome::State::Failed) {
        std::fprintf(stderr, "huescope: [%d/%d] failed '%s': %s\n", done, total, o.input.c_str(),
                     o.error.c_str());
    } else if (!quiet) {
        std::fprintf(stderr, "huescope: [%d/%d] %s '%s' -> %s (%lld frames, %.1f s)\n", done, total,
                     outcome_name(o.state), o.input.c_str(), o.folder.c_str(),
                     static_cast<long long>(o.frames), o.seconds);
    }
}

void print_totals(const std::vector<FilmOutcome>& outcomes, const std::string& corpus) {
    int counts[4] = {0, 0, 0, 0};
    for (const FilmOutcome& o : outcomes) ++counts[static_cast<int>(o.state)];
    std::fprintf(stderr,
                 "huescope: %d analysed, %d up to date, %d partial, %d failed; index: "
                 "%s/corpus.sqlite\n",
                 counts[0], counts[1], counts[2], counts[3], corpus.c_str());
}

// The list the tasks read: absolute paths, so that any node's working folder will do.
Status write_task_list(const std::vector<CorpusFilm>& films, const std::string& path) {
    std::ofstream out(path);
    for (const CorpusFilm& f : films) {
        out << fs::absolute(f.input).lexically_normal().string();
        for (const auto& [key, value] : f.tags) out << '\t' << key << '=' << value;
        out << '\n';
    }
    out.close();
    if (!out) return Status(ErrorCode::CannotCreate, "cannot write '" + path + "'");
    return Status::ok();
}

int finish_cluster(const BatchOptions& options, const std::vector<CorpusFilm>& films, bool quiet) {
    std::vector<int> failed_tasks;
    Result<std::vector<FilmOutcome>> outcomes = finish_cluster_batch(options, films, failed_tasks);
    if (!outcomes) return report_error(outcomes.status());
    int done = 0;
    for (const FilmOutcome& o : outcomes.value())
        print_outcome(o, ++done, static_cast<int>(films.size()), quiet);
    print_totals(outcomes.value(), options.corpus_dir);
    if (!failed_tasks.empty()) {
        std::string array;
        for (const int t : failed_tasks) array += (array.empty() ? "" : ",") + std::to_string(t);
        std::fprintf(stderr,
                     "huescope: tasks %s failed or did not finish (logs in %s/slurm/logs). Run "
                     "them again with: sbatch --wait --array=%s %s/slurm/batch.sbatch, then: "
                     "huescope batch ... --finish\n",
                     array.c_str(), options.corpus_dir.c_str(), array.c_str(),
                     options.corpus_dir.c_str());
    }
    return batch_exit_code(outcomes.value());
}

// Slurm's largest array (MaxArraySize - 1 is the largest index); 0 when scontrol cannot say.
int max_array_size() {
    Result<std::string> config = run_program({"scontrol", "show", "config"});
    if (!config) return 0;
    const std::string key = "MaxArraySize";
    const std::size_t at = config.value().find(key);
    if (at == std::string::npos) return 0;
    const std::size_t eq = config.value().find('=', at);
    return eq == std::string::npos ? 0 : std::atoi(config.value().c_str() + eq + 1);
}

// What --finish must be told again: a finish with another list or --segments would read the tasks
// as other films.
std::string submission_text(const BatchArgs& a, std::size_t films) {
    return "films=" + std::to_string(films) + " segments=" + std::to_string(a.segments) + "\n";
}

Status check_submission(const BatchArgs& a, std::size_t films) {
    const fs::path path = fs::path(a.corpus) / "slurm" / "submission.txt";
    std::ifstream in(path);
    if (!in) return Status::ok();  // submitted by hand, or before this check existed
    const std::string recorded{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
    if (recorded != submission_text(a, films)) {
        return Status(ErrorCode::InvalidArgument,
                      "the array in '" + a.corpus + "' was submitted with " +
                          recorded.substr(0, recorded.size() - 1) +
                          "; --finish needs the same list and --segments");
    }
    return Status::ok();
}

int submit(BatchArgs& a, const BatchOptions& options, const std::vector<CorpusFilm>& films,
           const CLI::App& command) {
    if (a.segments > 0) {
        // Refused here, before the array runs, rather than by each of its tasks.
        const AnalyzeOptions& o = options.analysis;
        if (o.every != 1 || o.start_s != 0 || o.duration_s || o.source.keyframes_only ||
            !o.plugins.dirs.empty()) {
            return report_error(Status(ErrorCode::InvalidArgument,
                                       "--segments measure whole films: --every, --start, "
                                       "--duration, --keyframes and plugins cannot be combined "
                                       "with them"));
        }
    }
    const int tasks = static_cast<int>(films.size()) * std::max(1, a.segments);
    if (const int limit = max_array_size(); limit > 0 && tasks > limit - 1) {
        return report_error(
            Status(ErrorCode::InvalidArgument,
                   std::to_string(tasks) + " tasks are more than this cluster's largest array (" +
                       "MaxArraySize=" + std::to_string(limit) +
                       "): use fewer --segments, or split the list into several batches"));
    }
    const fs::path slurm = fs::absolute(a.corpus) / "slurm";
    std::error_code ec;
    fs::create_directories(slurm / "logs", ec);
    fs::remove_all(fs::absolute(a.corpus) / "tasks", ec);  // outcomes of an earlier submission
    SlurmJob& job = a.job;
    char self[PATH_MAX] = {};
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    job.huescope = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : "huescope";
    job.corpus = fs::absolute(a.corpus).lexically_normal().string();
    job.list = (slurm / "films.txt").string();
    job.segments = a.segments;
    job.tasks = static_cast<int>(films.size()) * std::max(1, a.segments);
    job.measurement_arguments = measurement_arguments(command);
    if (Status s = write_task_list(films, job.list); !s) return report_error(s);
    {
        std::ofstream record(slurm / "submission.txt");
        record << submission_text(a, films.size());
    }
    const std::string script = (slurm / "batch.sbatch").string();
    {
        std::ofstream out(script);
        out << slurm_script(job);
        if (!out) return report_error(Status(ErrorCode::CannotCreate, "cannot write " + script));
    }
    std::vector<std::string> sbatch = {"sbatch", "--parsable"};
    if (a.wait) sbatch.push_back("--wait");
    sbatch.push_back(script);
    if (!a.quiet) {
        std::fprintf(stderr, "huescope: submitting %d tasks (%s)%s\n", job.tasks, script.c_str(),
                     a.wait ? "; waiting for them" : "");
    }
    // With --wait, sbatch's status also says whether every task succeeded (the outcomes say
    // which); a job id on its output is what says the array was accepted.
    std::string job_id;
    Result<std::string> submitted = run_program(sbatch, &job_id);
    if (job_id.empty() || (!submitted && !a.wait)) {
        return report_error(submitted ? Status(ErrorCode::Io, "sbatch gave no job id")
                                      : submitted.status());
    }
    if (!a.wait) {
        std::printf("%s\n", job_id.c_str());
        std::fprintf(stderr,
                     "huescope: submitted job %s; when it has ended, collect the results with "
                     "the same command and --finish instead of --slurm\n",
                     job_id.c_str());
        return kExitOk;
    }
    return finish_cluster(options, films, a.quiet);
}

}  // namespace

Command register_batch(CLI::App& app, const std::string& command_line) {
    auto* cmd = app.add_subcommand(
        "batch",
        "Analyse many films into a corpus folder, several at once (or as a Slurm job array), "
        "skipping those already analysed with the same content and parameters; index them in "
        "CORPUS/corpus.sqlite");
    auto a = std::make_shared<BatchArgs>();
    a->analysis.options.command_line = command_line;
    cmd->add_option("LIST", a->list,
                    "a folder of videos, or a list file: one path per line, then optional "
                    "tab-separated key=value tags (year=1984, title=...)")
        ->required();
    cmd->add_option("-o,--output", a->corpus, "the corpus folder (created if missing)")->required();
    cmd->add_option("-j,--jobs", a->jobs,
                    "films analysed at once (default: one per core, within the memory)")
        ->check(CLI::PositiveNumber);
    add_measurement_options(*cmd, a->analysis);
    cmd->add_flag("--slurm", a->slurm, "submit a Slurm job array instead (docs/corpus.md)");
    cmd->add_flag("--wait", a->wait, "with --slurm: wait for the tasks, then merge and index");
    cmd->add_option("--segments", a->segments,
                    "with --slurm: split each film into N segments, one task each")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--partition", a->job.partition, "with --slurm: sbatch --partition");
    cmd->add_option("--time", a->job.time, "with --slurm: sbatch --time, per task");
    cmd->add_option("--mem", a->job.memory, "with --slurm: sbatch --mem, per task");
    cmd->add_option("--cpus-per-task", a->job.cpus_per_task, "with --slurm: sbatch --cpus-per-task")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--max-parallel", a->job.max_parallel,
                    "with --slurm: tasks running at once (the array's %K)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--sbatch-option", a->job.sbatch_options,
                    "with --slurm: another #SBATCH line, verbatim (repeatable)");
    cmd->add_option("--task", a->task, "run one task of a submitted array (the script's)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--finish", a->finish,
                  "after a Slurm run: merge the segments, index, report failed tasks");
    cmd->add_flag("-q,--quiet", a->quiet, "only failures on stderr");

    return [cmd, a]() {
        if (Status s = finish_options(a->analysis); !s) return report_error(s);
        Result<std::vector<CorpusFilm>> films = read_film_list(a->list);
        if (!films) return report_error(films.status());
        BatchOptions options;
        options.analysis = a->analysis.options;
        options.corpus_dir = a->corpus;
        options.jobs = a->jobs;
        options.segments = a->segments;
        if (a->task >= 0) options.task = a->task;
        if (a->slurm) return submit(*a, options, films.value(), *cmd);
        if (a->finish) {
            if (Status s = check_submission(*a, films.value().size()); !s) return report_error(s);
            return finish_cluster(options, films.value(), a->quiet);
        }

        BatchHooks hooks;
        hooks.cancel = stop_on_signals();
        hooks.on_warning = [](const std::string& w) {
            std::fprintf(stderr, "huescope: warning: %s\n", w.c_str());
        };
        const bool quiet = a->quiet;
        hooks.on_film_done = [quiet](const FilmOutcome& o, int done, int total) {
            print_outcome(o, done, total, quiet);
        };
        Result<std::vector<FilmOutcome>> outcomes = run_batch(options, films.value(), hooks);
        if (!outcomes) return report_error(outcomes.status());
        if (!options.task) print_totals(outcomes.value(), options.corpus_dir);
        return batch_exit_code(outcomes.value());
    };
}

}  // namespace huescope::cli
