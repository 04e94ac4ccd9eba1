#include "slurm_job.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>

extern char** environ;

namespace huescope::cli {

std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string slurm_script(const SlurmJob& job) {
    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "# Written by huescope batch --slurm: task I analyses film I of the list";
    if (job.segments > 0)
        s << " (segment I % " << job.segments << " + 1 of film I / " << job.segments << ")";
    s << ".\n# Run one task again: sbatch --array=I "
      << shell_quote(job.corpus + "/slurm/batch.sbatch") << "\n"
      << "#SBATCH --job-name=huescope\n"
      << "#SBATCH --array=0-" << job.tasks - 1;
    if (job.max_parallel > 0) s << "%" << job.max_parallel;
    // Quoted for the spaces a path may have; its own '%' doubled, or Slurm reads a pattern.
    std::string logs;
    for (const char c : job.corpus + "/slurm/logs/")
        logs += c == '%' ? std::string("%%") : std::string(1, c);
    s << "\n#SBATCH --output=\"" << logs << "task-%a.log\"\n";
    if (job.cpus_per_task > 0) s << "#SBATCH --cpus-per-task=" << job.cpus_per_task << "\n";
    if (!job.partition.empty()) s << "#SBATCH --partition=" << job.partition << "\n";
    if (!job.time.empty()) s << "#SBATCH --time=" << job.time << "\n";
    if (!job.memory.empty()) s << "#SBATCH --mem=" << job.memory << "\n";
    for (const std::string& option : job.sbatch_options) s << "#SBATCH " << option << "\n";
    s << "exec " << shell_quote(job.huescope) << " batch " << shell_quote(job.list) << " -o "
      << shell_quote(job.corpus) << " --task \"$SLURM_ARRAY_TASK_ID\"";
    if (job.segments > 0) s << " --segments " << job.segments;
    for (const std::string& arg : job.measurement_arguments) s << " " << shell_quote(arg);
    s << " -q\n";
    return s.str();
}

Result<std::string> run_program(const std::vector<std::string>& argv, std::string* first_line) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return Status(ErrorCode::Internal, "cannot create a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (spawned != 0) {
        ::close(pipe_fds[0]);
        return Status(ErrorCode::NoInput, "cannot run '" + argv[0] + "' (is it installed?)");
    }
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (first_line != nullptr) *first_line = out.substr(0, out.find('\n'));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return Status(ErrorCode::Io,
                      "'" + argv[0] + "' failed (status " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    }
    return out;
}

}  // namespace huescope::cli
