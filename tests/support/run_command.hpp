#pragma once
// Runs a program with arguments (no shell), capturing its exit code, stdout and stderr.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace testing_support {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
    long max_rss_kib = 0;    ///< the program's peak resident memory
    bool timed_out = false;  ///< killed after the time limit
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// With `signal_after_ms` > 0, SIGINT is sent to the program after that many milliseconds. With
/// `kill_after_ms` > 0, the program is killed (SIGKILL) if it runs longer: a hang fails the
/// test instead of stopping the suite.
inline CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& scratch, int signal_after_ms = 0,
                                 int kill_after_ms = 0) {
    const auto out_path = scratch / "stdout.txt", err_path = scratch / "stderr.txt";
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int in = open("/dev/null", O_RDONLY);
        dup2(out, 1);
        dup2(err, 2);
        dup2(in, 0);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    if (signal_after_ms > 0) {
        usleep(static_cast<useconds_t>(signal_after_ms) * 1000);
        kill(pid, SIGINT);
    }
    int status = 0;
    struct rusage usage {};
    CommandResult r;
    if (kill_after_ms > 0) {
        int waited_ms = 0;
        while (wait4(pid, &status, WNOHANG, &usage) == 0) {
            if (waited_ms >= kill_after_ms) {
                kill(pid, SIGKILL);
                r.timed_out = true;
                wait4(pid, &status, 0, &usage);
                break;
            }
            usleep(10000);
            waited_ms += 10;
        }
    } else {
        wait4(pid, &status, 0, &usage);
    }
    r.max_rss_kib = usage.ru_maxrss;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

#ifdef HUESCOPE_CLI_PATH
/// Runs the built `huescope` with these arguments.
inline CommandResult run_huescope(const std::vector<std::string>& args,
                                  const std::filesystem::path& scratch) {
    return run_command(HUESCOPE_CLI_PATH, args, scratch);
}
#endif

}  // namespace testing_support
