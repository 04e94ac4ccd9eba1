#pragma once
// Each subcommand registers its options on the app and returns the function that runs it.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "huescope/source.hpp"

namespace huescope::cli {

using Command = std::function<int()>;

Command register_probe(CLI::App& app);
/// `command_line` is recorded in the outputs' provenance; `arguments` (those after "analyze")
/// with a segment, for `huescope merge` to repeat.
Command register_analyze(CLI::App& app, const std::string& command_line,
                         const std::vector<std::string>& arguments = {});
/// `huescope batch`: a corpus, locally or as a Slurm job array.
Command register_batch(CLI::App& app, const std::string& command_line);
/// `huescope merge OUTDIR`: repeats the segments' analyze command with --merge-segments.
Command register_merge(CLI::App& app, const std::string& command_line);

Command register_metrics(CLI::App& app);
/// `command_line` is recorded in analyses it runs.
Command register_compare(CLI::App& app, const std::string& command_line);

#ifdef HUESCOPE_WITH_REPORT
Command register_report(CLI::App& app);
#endif

/// Options every command that opens a source shares: stream choice and decode overrides.
void add_source_options(CLI::App& command, SourceOptions& options);

/// Parses "SECONDS", "MM:SS(.s)" or "HH:MM:SS(.s)".
bool parse_time(const std::string& text, double& seconds);

}  // namespace huescope::cli
