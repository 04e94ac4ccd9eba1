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
/// The stream, decode overrides and frame rate of one side of a comparison: `side` "before"
/// gives --before-stream, --before-matrix, ..., --before-colorspace, --before-fps.
void add_decode_options(CLI::App& command, SourceOptions& options, const std::string& side);
/// --max-frame-size WIDTHxHEIGHT.
void add_max_frame_size_option(CLI::App& command, SourceOptions& options);

/// `huescope grade BEFORE AFTER`: what a grade did to each hue, and the grade as a 3D LUT.
Command register_grade(CLI::App& app, const std::string& command_line);

}  // namespace huescope::cli
