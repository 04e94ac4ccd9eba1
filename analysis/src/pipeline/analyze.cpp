#include "huescope/analyze.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <tuple>

#include "../exr/hue_time_writer.hpp"
#include "../report/atomic_file.hpp"
#include "../report/barcode.hpp"
#include "../report/frames_csv.hpp"
#include "../report/json_fields.hpp"
#include "frame_pipeline.hpp"
#include "huescope/letterbox.hpp"
#include "huescope/vectorscope.hpp"
#include "shot_tracker.hpp"

#ifndef HUESCOPE_VERSION
#define HUESCOPE_VERSION "unknown"
#endif

namespace huescope {
namespace fs = std::filesystem;
namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

Status validate(const AnalyzeOptions& o) {
    if (o.every < 1) return Status(ErrorCode::InvalidArgument, "--every must be 1 or more");
    if (o.start_s < 0) return Status(ErrorCode::InvalidArgument, "--start must not be negative");
    if (o.duration_s && !(*o.duration_s > 0)) {
        return Status(ErrorCode::InvalidArgument, "--duration must be positive");
    }
    const MeasureParams& m = o.measure;
    if (!(m.min_chroma >= 0) || !(m.near_black_l >= 0) || !(m.near_white_l > m.near_black_l)) {
        return Status(ErrorCode::InvalidArgument,
                      "thresholds must satisfy min_chroma >= 0 and 0 <= near_black < near_white");
    }
    if (m.families.empty()) return Status(ErrorCode::InvalidArgument, "no hue family to measure");
    return Status::ok();
}

Status prepare_output_dir(const AnalyzeOptions& o) {
    std::error_code ec;
    fs::create_directories(o.output_dir, ec);
    if (ec || !fs::is_directory(o.output_dir)) {
        return Status(ErrorCode::CannotCreate, "cannot create the output folder '" + o.output_dir +
                                                   "'" +
                                                   (ec ? ": " + ec.message() : std::string()));
    }
    // An output must never overwrite its own input.
    for (const char* name : {"summary.json", "frames.csv", "hue_time.exr", "barcode.png",
                             "barcode.exr", "hue_barcode.png", "vectorscope.exr"}) {
        if (fs::exists(o.input, ec) && fs::equivalent(o.input, fs::path(o.output_dir) / name, ec)) {
            return Status(ErrorCode::InvalidArgument,
                          "the output '" + std::string(name) + "' would overwrite the input");
        }
    }
    return Status::ok();
}

std::string summary_text(const AnalyzeOptions& o, const AnalysisResult& r) {
    nlohmann::json j;
    j["tool"] = {{"name", "huescope"}, {"version", HUESCOPE_VERSION}};
    j["generated_utc"] = utc_now();
    j["command_line"] = o.command_line;
    j["input"] = source_json(r.source);
    j["parameters"] = parameters_json(o);
    j["frames_decoded"] = r.frames_decoded;
    j["frames_analyzed"] = r.frames_analyzed;
    j["decode_errors"] = r.decode_errors;
    j["completeness"] = completeness_json(r.completeness);
    j["analyzed_time_range_s"] = {r.first_time_s, r.last_time_s};
    j["measurement_grid"] = {{"width", r.source.analysis_width},
                             {"height", r.source.analysis_height},
                             {"note",
                              "hue is measured on the chroma grid; luma is averaged "
                              "over the samples that share a chroma sample"}};
    j["film"] = hue_summary_json(r.film_summary);
    j["palette"] = palette_json(r.film_palette);
    j["letterbox"] = letterbox_json(r.letterbox);
    j["barcode"] = {{"columns", r.barcode_columns},
                    {"frames_per_column", r.barcode_frames_per_column}};
    nlohmann::json shots = nlohmann::json::array();
    for (const ShotResult& shot : r.shots) shots.push_back(shot_json(shot, r.metric_columns));
    j["shots"] = shots;
    j["metrics"] = metrics_json(r);
    j["metric_messages"] = r.metric_messages;
    return j.dump(2) + "\n";
}

// How much of the source was read (docs/robustness.md).
Completeness assess_completeness(const AnalysisResult& r, int64_t concealed, bool whole_source) {
    Completeness c;
    c.decode_errors = r.decode_errors;
    c.concealed_frames = concealed;
    // Only the source's own count can show a loss: an estimate from a rate the user gave or
    // huescope assumed says nothing about what the file holds.
    const bool own_count = !r.source.frame_count_estimated ||
                           r.source.frame_rate_from == "stream" ||
                           r.source.frame_rate_from == "header";
    if (whole_source && r.source.frame_count > 0 && own_count) {
        c.frames_expected = r.source.frame_count;
        c.expected_is_estimate = r.source.frame_count_estimated;
        // An estimate (duration x rate) can be a frame or two off in either direction.
        const int64_t slack =
            c.expected_is_estimate ? std::max<int64_t>(2, c.frames_expected / 200) : 0;
        // Frames that failed to decode are counted as such, not again as lost.
        const int64_t accounted = r.frames_decoded + r.decode_errors;
        if (accounted + slack < c.frames_expected) {
            c.frames_lost = c.frames_expected - accounted;
        }
    }
    const auto count = [](int64_t n, const char* what) { return std::to_string(n) + " " + what; };
    if (c.frames_lost > 0) {
        c.reasons.push_back(count(c.frames_lost, "frames were lost: the file promised ") +
                            std::to_string(c.frames_expected) +
                            (c.expected_is_estimate ? " (from its duration)" : "") + " and gave " +
                            std::to_string(r.frames_decoded) +
                            (r.decode_errors > 0 ? ", and " + std::to_string(r.decode_errors) +
                                                       " more that could not be decoded"
                                                 : std::string()));
    }
    if (c.decode_errors > 0) {
        c.reasons.push_back(count(c.decode_errors, "packets or frames could not be decoded") +
                            " and were skipped");
    }
    if (c.concealed_frames > 0) {
        c.reasons.push_back(count(c.concealed_frames, "frames were damaged") +
                            "; the decoder concealed it and they were measured as shown");
    }
    c.partial = !c.reasons.empty();
    const auto share = [&](uint64_t n) {
        const double all = static_cast<double>(r.film.pixels + r.film.invalid);
        char text[32];
        std::snprintf(text, sizeof text, "%.3g%%", all > 0 ? 100.0 * double(n) / all : 0.0);
        return std::string(text);
    };
    if (r.film.invalid > 0) {
        c.notes.push_back(std::to_string(r.film.invalid) + " pixels had NaN or infinite values (" +
                          share(r.film.invalid) + "): they were left out of every statistic");
    }
    if (r.film.negative > 0) {
        c.notes.push_back(std::to_string(r.film.negative) + " pixels (" + share(r.film.negative) +
                          ") lie outside the BT.709 gamut (a negative linear component); they "
                          "are legal colours and were measured");
    }
    return c;
}

}  // namespace

const char* version() {
    return HUESCOPE_VERSION;
}

std::string probe_json(const SourceInfo& info) {
    return source_json(info).dump(2) + "\n";
}

namespace {

// The output files of one run: written under temporary names, renamed together at the end.
struct Outputs {
    explicit Outputs(const fs::path& dir)
        : csv((dir / "frames.csv").string()),
          hue_time_exr((dir / "hue_time.exr").string()),
          barcode_png((dir / "barcode.png").string()),
          barcode_exr((dir / "barcode.exr").string()),
          hue_barcode_png((dir / "hue_barcode.png").string()),
          vectorscope_exr((dir / "vectorscope.exr").string()),
          summary((dir / "summary.json").string()),
          hue_rows((dir / unique_temp_name("hue_time", ".spool")).string()),
          scopes((dir / unique_temp_name("vectorscope", ".spool")).string()) {}

    // summary.json last: when it appears, the set is complete.
    Status commit() {
        for (AtomicFile* f : {&csv, &hue_time_exr, &barcode_png, &barcode_exr, &hue_barcode_png,
                              &vectorscope_exr, &summary}) {
            if (Status s = f->commit(); !s) return s;
        }
        return Status::ok();
    }

    AtomicFile csv, hue_time_exr, barcode_png, barcode_exr, hue_barcode_png, vectorscope_exr,
        summary;
    HueTimeWriter hue_rows;
    VectorscopeWriter scopes;
};

// The picture area most frames had, and how many frames had bars at all.
struct LetterboxTally {
    std::map<std::tuple<int, int, int, int>, int64_t> areas;
    int64_t with_bars = 0;

    void add(const Rect& area, int width, int height) {
        ++areas[{area.x, area.y, area.width, area.height}];
        if (area.width != width || area.height != height) ++with_bars;
    }
    Rect most_common() const {
        const auto best =
            std::max_element(areas.begin(), areas.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        const auto& [x, y, w, h] = best->first;
        return {x, y, w, h};
    }
};

}  // namespace

Result<AnalysisResult> analyze(const AnalyzeOptions& o, const AnalyzeHooks& hooks) {
    if (Status s = validate(o); !s) return s;
    Result<std::unique_ptr<MetricHost>> loaded = MetricHost::load(o.plugins);
    if (!loaded) return loaded.status();
    MetricHost& metrics = *loaded.value();
    std::size_t messages_seen = 0;
    const auto pass_on_warnings = [&] {  // plugin problems reach the user as they happen
        for (; messages_seen < metrics.messages().size(); ++messages_seen)
            if (hooks.on_warning) hooks.on_warning(metrics.messages()[messages_seen]);
    };
    pass_on_warnings();
    SourceOptions source_options = o.source;
    if (source_options.cancel == nullptr)
        source_options.cancel = hooks.cancel;  // stalled reads too
    Result<std::unique_ptr<FrameSource>> opened = open_source(o.input, source_options);
    if (!opened) return opened.status();
    FrameSource& source = *opened.value();
    if (hooks.on_start) hooks.on_start(source.info());
    if (Status s = prepare_output_dir(o); !s) return s;

    Outputs out{fs::path(o.output_dir)};
    if (Status s = out.csv.open(); !s) return s;
    if (Status s = out.hue_rows.open(); !s) return s;
    if (Status s = out.scopes.open(); !s) return s;
    if (Status s = metrics.start(); !s) return s;
    pass_on_warnings();
    FramesCsvWriter csv(out.csv.stream(), o.measure.families, metrics.columns());
    csv.write_header();
    ShotDetector detector(o.shots);
    ShotTracker shots(o.measure, o.palette, csv, out.scopes, metrics.rules());
    MetricAggregate film_metrics(metrics.rules());
    ColorCells film_cells;
    Vectorscope film_scope;
    Barcode barcode;
    LetterboxTally letterbox;

    AnalysisResult result;
    result.source = source.info();
    result.film.reset(o.measure.families.size());
    const double end_s = o.duration_s ? o.start_s + *o.duration_s : 0.0;
    const auto started = std::chrono::steady_clock::now();
    Progress progress;
    if (result.source.frame_rate > 0) {
        const double span =
            o.duration_s ? *o.duration_s : std::max(0.0, result.source.duration_s - o.start_s);
        progress.frames_expected = static_cast<int64_t>(span * result.source.frame_rate / o.every);
    }
    // Keyframes are seconds apart: comparing neighbours would call nearly every one a cut, so
    // the range is one shot (said in summary.json).
    const bool keyframes = o.source.keyframes_only && result.source.kind == "video";
    if (keyframes) progress.frames_expected = 0;  // unknown until the file is read
    const std::vector<ShotBoundary> one_shot = {{0, Transition::Start}};

    int64_t in_range = 0;
    const auto select = [&](const Frame& frame) {
        if (frame.time_s < o.start_s - 1e-9) return FramePipeline::Take::Skip;
        if (o.duration_s && frame.time_s >= end_s - 1e-9) return FramePipeline::Take::Stop;
        return in_range++ % o.every == 0 ? FramePipeline::Take::Measure : FramePipeline::Take::Skip;
    };
    // Everything a frame needs but itself runs on the pipeline's workers, several frames at once.
    const auto prepare = [&](PreparedFrame& p) {
        const LinearImage& image = p.frame.image;
        p.area =
            o.keep_letterbox ? Rect{0, 0, image.width, image.height} : detect_picture_area(image);
        p.acc.reset(o.measure.families.size());
        accumulate(image, p.area, o.measure, p.acc);
        p.signature = make_signature(image, p.area);
    };
    FramePipeline pipeline(source, select, prepare);
    PreparedFrame prepared;
    int last_width = 0, last_height = 0;
    while (true) {
        if (hooks.cancel != nullptr && hooks.cancel->load()) {
            return Status(ErrorCode::Interrupted,
                          "interrupted; earlier outputs were left as they were");
        }
        Result<bool> got = pipeline.next(prepared);
        if (!got) return got.status();
        if (!got.value()) break;
        const Frame& frame = prepared.frame;
        const LinearImage& image = frame.image;
        last_width = image.width;
        last_height = image.height;
        letterbox.add(prepared.area, image.width, image.height);
        MeasuredFrame measured;
        measured.index = result.frames_analyzed;
        measured.number = frame.number;
        measured.time_s = frame.time_s;
        measured.acc = std::move(prepared.acc);
        if (!metrics.empty()) {
            if (Status s = metrics.process(image, prepared.area, frame.time_s, measured.index,
                                           measured.metrics);
                !s) {
                return s;
            }
            pass_on_warnings();
            film_metrics.add(measured.metrics);
        }
        FrameSignature signature = std::move(prepared.signature);
        measured.thumbnail_oklab = signature.oklab;
        if (Status s = out.hue_rows.add_row(measured.acc); !s) return s;
        barcode.add(measured.acc.mean_rgb());
        film_cells.add(signature.oklab.data(), signature.oklab.size() / 3);
        film_scope.add(signature.oklab.data(), signature.oklab.size() / 3);
        result.film.merge(measured.acc);
        measured.summary = summarize(measured.acc, o.measure);
        if (hooks.on_frame) {
            hooks.on_frame(
                {measured.index, frame.number, frame.time_s, measured.summary, signature.oklab});
        }
        const int64_t measured_so_far = measured.index + 1;
        if (result.frames_analyzed == 0) result.first_time_s = frame.time_s;
        result.last_time_s = frame.time_s;
        shots.add(std::move(measured));
        if (keyframes) {
            shots.settle(one_shot, measured_so_far);
        } else {
            detector.push(std::move(signature));
            shots.settle(detector.boundaries(), detector.final_count());
        }

        ++result.frames_analyzed;
        if (hooks.on_progress) {
            progress.frames_decoded = pipeline.frames_decoded();
            progress.frames_analyzed = result.frames_analyzed;
            progress.time_s = result.last_time_s;
            progress.elapsed_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            hooks.on_progress(progress);
        }
        pipeline.recycle(std::move(prepared));
    }
    result.frames_decoded = pipeline.frames_decoded();
    // A stop requested while the last frames were read ends the run here too: outputs are never
    // committed for an analysis the user interrupted.
    if (hooks.cancel != nullptr && hooks.cancel->load()) {
        return Status(ErrorCode::Interrupted,
                      "interrupted; earlier outputs were left as they were");
    }
    if (result.frames_analyzed == 0) {
        return Status(ErrorCode::BadData,
                      "'" + o.input + "': no frame was analysed (is the time range past the end?)");
    }
    detector.finish();
    shots.finish(keyframes ? one_shot : detector.boundaries());
    result.shots = std::move(shots.shots());
    result.decode_errors = source.decode_errors();
    result.source = source.info();
    const bool whole_source = o.start_s == 0 && !o.duration_s && !keyframes;
    result.completeness = assess_completeness(result, source.concealed_frames(), whole_source);
    // Damage and left-out pixels reach the user as they are known, whatever the front end.
    if (hooks.on_warning) {
        for (const std::string& reason : result.completeness.reasons) hooks.on_warning(reason);
        for (const std::string& note : result.completeness.notes) hooks.on_warning(note);
    }
    result.film_summary = summarize(result.film, o.measure);
    result.film_palette = film_cells.palette(o.palette);
    result.letterbox = {!o.keep_letterbox, letterbox.most_common(), last_width, last_height,
                        letterbox.with_bars};
    result.film_metrics = film_metrics.result();
    if (Status s = metrics.finish(result.film_metrics); !s) return s;
    pass_on_warnings();
    result.metric_columns = metrics.columns();
    result.metric_statuses = metrics.statuses();
    result.metric_messages = metrics.messages();
    result.barcode_columns = barcode.columns();
    result.barcode_frames_per_column = barcode.frames_per_column();

    const std::map<std::string, std::string> attributes = {
        {"huescope/version", HUESCOPE_VERSION},
        {"huescope/input", o.input},
        {"huescope/layout",
         "one row per analysed frame (frames.csv order), one column per "
         "1-degree hue bin from 0 to 359"},
        {"huescope/value",
         "chroma of the pixels in the hue bin divided by the frame's pixel "
         "count (oklch: OKLab C; cielab: C*ab)"},
        {"huescope/hue_space_families", hue_space_name(o.measure.hue_space)},
    };
    if (Status s = out.hue_rows.write(out.hue_time_exr.temp_path(), attributes); !s) return s;
    if (Status s = barcode.write_color(out.barcode_png.temp_path(), out.barcode_exr.temp_path());
        !s) {
        return s;
    }
    if (Status s = barcode.write_hue(out.hue_barcode_png.temp_path(), out.hue_rows); !s) return s;
    if (Status s = out.scopes.write(out.vectorscope_exr.temp_path(), film_scope); !s) return s;
    result.elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (Status s = out.summary.open(); !s) return s;
    out.summary.stream() << summary_text(o, result);
    if (Status s = out.commit(); !s) return s;
    return result;
}

}  // namespace huescope
