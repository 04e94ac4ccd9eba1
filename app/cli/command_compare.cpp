#include <cstdio>
#include <filesystem>
#include <memory>

#include "analysis_runner.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/compare.hpp"
#include "huescope/corpus.hpp"
#ifdef HUESCOPE_WITH_REPORT
#include "report_runner.hpp"
#endif

namespace huescope::cli {
namespace {

namespace fs = std::filesystem;

struct CompareArgs {
    std::vector<std::string> inputs;
    std::vector<std::string> references;
    std::string corpus;
    std::string reference_query;
    std::string output_dir = "huescope-compare";
    std::string units = "auto";
    std::string alternative = "two-sided";
    CompareOptions options;
    bool quiet = false;
    bool report = false;
    std::string charts_dir;
    std::string command_line;
};

/// The film of an analysis folder as given, or of a video analysed (with default settings) into
/// OUTDIR/films/NAME; an earlier analysis of the same input there is reused, not redone.
/// Folders are made absolute, so that compare.json finds each film's barcode from anywhere.
Result<FilmRecord> film_for(const std::string& input, const CompareArgs& args, std::size_t index) {
    if (is_analysis_folder(input)) return read_analysis_folder(fs::absolute(input).string());
    std::error_code ec;
    if (!fs::exists(input, ec)) {
        return Status(ErrorCode::NoInput, "'" + input + "' does not exist");
    }
    const std::string name = std::to_string(index + 1) + "-" + fs::path(input).stem().string();
    const std::string folder = fs::absolute(fs::path(args.output_dir) / "films" / name).string();
    if (Result<FilmRecord> earlier = read_analysis_folder(folder);
        earlier && fs::equivalent(earlier->input_path, input, ec)) {
        if (!args.quiet)
            std::fprintf(stderr, "huescope: reusing the analysis in '%s'\n", folder.c_str());
        return earlier;
    }
    AnalyzeOptions options;
    options.input = input;
    options.output_dir = folder;
    options.command_line = args.command_line;
    if (!args.quiet) std::fprintf(stderr, "huescope: analysing '%s'\n", input.c_str());
    Result<AnalysisResult> result = run_analysis(options, args.quiet);
    if (!result) return result.status();
    return read_analysis_folder(folder);
}

Status finish_options(CompareArgs& a) {
    if (!a.reference_query.empty()) {
        if (a.corpus.empty()) {
            return Status(ErrorCode::InvalidArgument, "--reference-query needs --corpus");
        }
        Result<std::vector<std::string>> folders = query_film_folders(a.corpus, a.reference_query);
        if (!folders) return folders.status();
        // The film compared is not its own reference.
        std::error_code ec;
        for (const std::string& folder : folders.value()) {
            const bool itself = a.inputs.size() == 1 && fs::exists(a.inputs[0], ec) &&
                                fs::equivalent(folder, a.inputs[0], ec);
            if (!itself) a.references.push_back(folder);
        }
        if (a.references.empty()) {
            return Status(ErrorCode::InvalidArgument, "the reference query found no other film");
        }
    }
    if (!parse_unit_mode(a.units, a.options.units.mode)) {
        return Status(ErrorCode::InvalidArgument,
                      "--units must be auto, shots or blocks, not '" + a.units + "'");
    }
    if (!parse_alternative(a.alternative.c_str(), a.options.inference.alternative)) {
        return Status(
            ErrorCode::InvalidArgument,
            "--alternative must be two-sided, less or greater, not '" + a.alternative + "'");
    }
    a.options.against_references = !a.references.empty();
    if (a.options.against_references && a.inputs.size() != 1) {
        return Status(ErrorCode::InvalidArgument, "with --reference, give exactly one film");
    }
    if (!a.options.against_references && a.inputs.size() < 2) {
        return Status(ErrorCode::InvalidArgument,
                      "give at least two films, or one film and --reference");
    }
    return Status::ok();
}

int run(CompareArgs& args) {
    if (Status s = finish_options(args); !s) return report_error(s);
    std::vector<std::string> inputs = args.inputs;
    inputs.insert(inputs.end(), args.references.begin(), args.references.end());
    std::vector<FilmRecord> films;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Result<FilmRecord> film = film_for(inputs[i], args, i);
        if (!film) return report_error(film.status());
        films.push_back(std::move(film.value()));
    }
    Result<Comparison> comparison = compare_films(std::move(films), args.options);
    if (!comparison) return report_error(comparison.status());
    std::error_code ec;
    fs::create_directories(args.output_dir, ec);
    if (ec) {
        return report_error(Status(ErrorCode::CannotCreate,
                                   "cannot create '" + args.output_dir + "': " + ec.message()));
    }
    const std::string json_path = (fs::path(args.output_dir) / "compare.json").string();
    if (Status s = write_compare_json(comparison.value(), json_path); !s) return report_error(s);
    for (const PairComparison& pair : comparison->pairs)
        std::printf("%s\n", pair_sentence(comparison.value(), pair).c_str());
    if (args.options.against_references)
        std::printf("%s\n", reference_sentence(comparison.value()).c_str());
#ifdef HUESCOPE_WITH_REPORT
    if (args.report || !args.charts_dir.empty()) {
        if (Status s = run_compare_report(args.output_dir, args.charts_dir); !s)
            return report_error(s);
    }
#endif
    if (!args.quiet) std::fprintf(stderr, "huescope: wrote %s\n", json_path.c_str());
    return kExitOk;
}

}  // namespace

Command register_compare(CLI::App& app, const std::string& command_line) {
    auto* cmd = app.add_subcommand(
        "compare",
        "Compare films: circular distances between hue distributions, palette matches, and a "
        "test of a hue family's share with shots as samples; writes compare.json");
    auto args = std::make_shared<CompareArgs>();
    args->command_line = command_line;
    CompareOptions& o = args->options;
    cmd->add_option("FILMS", args->inputs,
                    "analysis folders, or videos/sequences (analysed first with default "
                    "settings into OUTDIR/films)")
        ->required();
    cmd->add_option("--reference", args->references,
                    "compare the one FILM against these reference films instead of all pairs");
    cmd->add_option("--corpus", args->corpus, "a corpus folder made by huescope batch");
    cmd->add_option("--reference-query", args->reference_query,
                    "with --corpus: SQL on its index whose first column is film ids, e.g. "
                    "\"SELECT film_id FROM film_tags WHERE key='year' AND value LIKE '198%'\" "
                    "(docs/corpus.md)");
    cmd->add_option("-o,--output", args->output_dir, "output folder (default ./huescope-compare)");
    cmd->add_option("--family", o.family, "the hue family tested (default blue)");
    cmd->add_option("--units", args->units,
                    "sampling units: auto (shots, or blocks when a film has fewer than "
                    "--min-shots), shots, blocks");
    cmd->add_option("--min-shots", o.units.min_shots, "auto: fewest shots to use shots (default 8)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--block-seconds", o.units.block_seconds, "block length (default 10)")
        ->check(CLI::Range(0.04, 1e6));
    cmd->add_option("--bootstrap", o.inference.bootstrap_replicates,
                    "bootstrap replicates (default 10000)")
        ->check(CLI::Range(100, 10000000));
    cmd->add_option("--permutations", o.inference.permutations,
                    "permutations of the test (default 9999)")
        ->check(CLI::Range(99, 10000000));
    cmd->add_option("--confidence", o.inference.confidence, "interval level (default 0.95)")
        ->check(CLI::Range(0.5, 0.999));
    cmd->add_option("--alternative", args->alternative,
                    "two-sided (default), less (A's share lower) or greater");
    cmd->add_option("--seed", o.inference.seed, "random seed (default 20131218), reported");
    cmd->add_option("--palette-match", o.palette_match_delta_e_ok,
                    "OKLab distance of a close palette counterpart (default 0.05)")
        ->check(CLI::NonNegativeNumber);
#ifdef HUESCOPE_WITH_REPORT
    cmd->add_flag("--report", args->report, "also write compare.html and compare.pdf");
    cmd->add_option("--charts", args->charts_dir,
                    "also write the report, and every chart as PNG and SVG here");
#endif
    cmd->add_flag("-q,--quiet", args->quiet, "no progress on stderr");
    return [args]() { return run(*args); };
}

}  // namespace huescope::cli
