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
#include "../report/shots_csv.hpp"
#include "checkpoint.hpp"
#include "completeness.hpp"
#include "file_identity.hpp"
#include "frame_pipeline.hpp"
#include "huescope/letterbox.hpp"
#include "run_state.hpp"
#include "segment_journal.hpp"
#include "segment_run.hpp"

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
    if (o.segment &&
        (o.segment->count < 1 || o.segment->index < 1 || o.segment->index > o.segment->count)) {
        return Status(ErrorCode::InvalidArgument, "--segment K/N needs 1 <= K <= N");
    }
    if (o.merge_segments < 0) {
        return Status(ErrorCode::InvalidArgument, "--merge-segments needs a positive count");
    }
    if ((o.segment || o.merge_segments > 0) &&
        (o.every != 1 || o.start_s != 0 || o.duration_s || o.source.keyframes_only)) {
        // Each segment would need the frames before it to know which of its own to take.
        return Status(ErrorCode::InvalidArgument,
                      "segments measure whole films: --every, --start, --duration and "
                      "--keyframes cannot be combined with them");
    }
    if (o.segment && o.merge_segments > 0) {
        return Status(ErrorCode::InvalidArgument,
                      "--segment and --merge-segments exclude each other");
    }
    if (o.resume && (o.segment || o.merge_segments > 0)) {
        return Status(ErrorCode::InvalidArgument,
                      "--resume continues a whole analysis, not a segment or a merge");
    }
    if (!(o.checkpoint_interval_s >= 0)) {
        return Status(ErrorCode::InvalidArgument, "--checkpoint-interval must not be negative");
    }
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
                             "barcode.exr", "hue_barcode.png", "vectorscope.exr", "shots.csv"}) {
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
    j["cutting"] = cutting_json(r.shots, r.source.frame_rate);
    j["shots_source"] = o.cut_list                ? nlohmann::json{{"kind", "file"},
                                                    {"path", o.cut_list->path},
                                                    {"format", o.cut_list->format},
                                                    {"cuts_listed", o.cut_list->cuts.size()},
                                                    {"cuts_after_end", r.given_cuts_after_end}}
                        : o.source.keyframes_only ? nlohmann::json{{"kind", "keyframes: one shot"}}
                                                  : nlohmann::json{{"kind", "detected"}};
    j["metrics"] = metrics_json(r);
    j["metric_messages"] = r.metric_messages;
    // Provenance: a resumed run's results are those of an uninterrupted one, and say so.
    if (!r.resumed_after.empty()) j["resumed_after_frames"] = r.resumed_after;
    return j.dump(2) + "\n";
}

}  // namespace

const char* version() {
    return HUESCOPE_VERSION;
}

std::string probe_json(const SourceInfo& info) {
    return source_json(info).dump(2) + "\n";
}

namespace {

// The output files of one run: written under temporary names, renamed together at the end. With a
// checkpoint, frames.csv and the spools are written in its folder, where a resumed run finds them.
struct Outputs {
    Outputs(const fs::path& dir, const CheckpointFolder* checkpoint)
        : csv((dir / "frames.csv").string(),
              checkpoint ? checkpoint->file("frames.csv.part")
                         : (dir / unique_temp_name("frames", ".csv")).string()),
          hue_time_exr((dir / "hue_time.exr").string()),
          barcode_png((dir / "barcode.png").string()),
          barcode_exr((dir / "barcode.exr").string()),
          hue_barcode_png((dir / "hue_barcode.png").string()),
          vectorscope_exr((dir / "vectorscope.exr").string()),
          shots_csv((dir / "shots.csv").string()),
          summary((dir / "summary.json").string()),
          hue_rows(checkpoint ? checkpoint->file("hue_time.spool")
                              : (dir / unique_temp_name("hue_time", ".spool")).string()),
          scopes(checkpoint ? checkpoint->file("vectorscope.spool")
                            : (dir / unique_temp_name("vectorscope", ".spool")).string()) {
        // A checkpoint's working files are its own: only CheckpointFolder::discard() removes
        // them, so a failed resume leaves the checkpoint whole.
        if (checkpoint) {
            csv.keep_temp();
            hue_rows.spool().keep();
            scopes.spool().keep();
        }
    }

    Status create() {
        if (Status s = csv.open(); !s) return s;
        if (Status s = hue_rows.open(); !s) return s;
        return scopes.open();
    }
    Status reopen(const CheckpointRecord& record) {
        if (Status s = csv.reopen(record.csv_bytes); !s) return s;
        if (Status s = hue_rows.spool().reopen(record.hue_rows); !s) return s;
        return scopes.spool().reopen(record.scope_shots);
    }
    // Pushes everything written to the files and says how long they are, for a checkpoint.
    Status flush(CheckpointRecord& record) {
        csv.stream().flush();
        if (!csv.stream().good()) return Status(ErrorCode::Io, "writing frames.csv failed");
        std::error_code ec;
        record.csv_bytes = fs::file_size(csv.temp_path(), ec);
        if (ec) return Status(ErrorCode::Io, "cannot size '" + csv.temp_path() + "'");
        if (Status s = hue_rows.spool().flush(); !s) return s;
        if (!scopes.error()) return scopes.error();
        if (Status s = scopes.spool().flush(); !s) return s;
        record.hue_rows = hue_rows.rows();
        record.scope_shots = scopes.spool().records();
        return Status::ok();
    }
    // summary.json last: when it appears, the set is complete.
    Status commit() {
        for (AtomicFile* f : {&csv, &hue_time_exr, &barcode_png, &barcode_exr, &hue_barcode_png,
                              &vectorscope_exr, &shots_csv, &summary}) {
            if (Status s = f->commit(); !s) return s;
        }
        return Status::ok();
    }

    AtomicFile csv, hue_time_exr, barcode_png, barcode_exr, hue_barcode_png, vectorscope_exr,
        shots_csv, summary;
    HueTimeWriter hue_rows;
    VectorscopeWriter scopes;
};

}  // namespace

// What a checkpoint must match to be resumed: the same huescope, the same input file (path,
// size and modification time; for a sequence, its frame count and numbers), the same decode and
// the same parameters. The source's description is taken as it opens, before any frame is read.
std::string run_key(const AnalyzeOptions& o, const SourceInfo& opened) {
    nlohmann::json key;
    key["version"] = HUESCOPE_VERSION;
    key["parameters"] = parameters_json(o);
    key["source"] = source_json(opened);
    // The same file named another way (relative here, absolute on a cluster node) is the same run.
    key["source"]["path"] = normalized_path(o.input);
    std::error_code ec;
    if (fs::is_regular_file(o.input, ec)) key["file"] = file_identity_json(o.input);
    return key.dump();
}

void measure_independent(const AnalyzeOptions& o, PreparedFrame& p) {
    const LinearImage& image = p.frame.image;
    p.area = o.keep_letterbox ? Rect{0, 0, image.width, image.height} : detect_picture_area(image);
    p.acc.reset(o.measure.families.size());
    accumulate(image, p.area, o.measure, p.acc);
    p.signature = make_signature(image, p.area);
}

namespace {

// The earlier run's notes, then the ones this run added.
std::vector<std::string> merged_notes(std::vector<std::string> earlier,
                                      const std::vector<std::string>& now) {
    for (const std::string& note : now)
        if (std::find(earlier.begin(), earlier.end(), note) == earlier.end())
            earlier.push_back(note);
    return earlier;
}

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
    const auto warn = [&](const std::string& message) {
        if (hooks.on_warning) hooks.on_warning(message);
    };
    pass_on_warnings();
    if (o.resume && !metrics.empty()) {
        return Status(ErrorCode::InvalidArgument,
                      "--resume cannot be used with metric plugins: a plugin's state cannot be "
                      "saved, so such a run is never checkpointed");
    }
    if ((o.segment || o.merge_segments > 0) && !metrics.empty()) {
        return Status(ErrorCode::InvalidArgument,
                      "segments cannot be used with metric plugins: a plugin needs the pixels, "
                      "which a merge does not have");
    }
    SourceOptions source_options = o.source;
    if (source_options.cancel == nullptr)
        source_options.cancel = hooks.cancel;  // stalled reads too
    Result<std::unique_ptr<FrameSource>> opened = open_source(o.input, source_options);
    if (!opened) return opened.status();
    FrameSource& source = *opened.value();
    if (hooks.on_start) hooks.on_start(source.info());
    if (Status s = prepare_output_dir(o); !s) return s;
    const std::string key = run_key(o, source.info());
    if (o.segment) return measure_segment(o, hooks, source, key);

    const bool merging = o.merge_segments > 0;
    std::unique_ptr<JournalFeed> journals;
    if (merging) {
        const bool renumber = source.info().kind == "video";
        Result<std::unique_ptr<JournalFeed>> feed =
            JournalFeed::open(o.output_dir, o.merge_segments, key, renumber);
        if (!feed) return feed.status();
        journals = std::move(feed).value();
    }
    // Segments of one film are written at once into one output folder (by design); any other
    // run has the folder to itself.
    Result<std::unique_ptr<OutputFolderLock>> lock = OutputFolderLock::take(o.output_dir);
    if (!lock) return lock.status();
    std::unique_ptr<CheckpointFolder> checkpoint;
    if (o.checkpoints && metrics.empty() && !merging) {
        Result<std::unique_ptr<CheckpointFolder>> claimed = CheckpointFolder::claim(o.output_dir);
        if (!claimed) return claimed.status();
        checkpoint = std::move(claimed).value();
    }
    Outputs out{fs::path(o.output_dir), checkpoint.get()};
    FramesCsvWriter csv(out.csv.stream(), o.measure.families, metrics.columns());
    RunState state(o, csv, out.scopes, metrics.rules());
    if (o.cut_list) state.given = GivenShots(*o.cut_list, source.info().frame_rate);

    // Resume, or start (over).
    int64_t decoded_before = 0;  // by the runs before a resumed one: its own count goes on
    std::vector<std::string> earlier_notes;
    bool resumed = false;
    if (o.resume && checkpoint && checkpoint->has_state()) {
        Result<CheckpointRecord> record = checkpoint->load(key, state);
        if (!record) {
            return Status(record.status().code(), "cannot resume in '" + o.output_dir +
                                                      "': " + record.status().message() +
                                                      "; run without --resume to start over");
        }
        if (Status s = out.reopen(record.value()); !s) return s;
        if (Status s = source.resume_after(state.last.number, state.last.time_s,
                                           state.last.decode_errors, state.last.concealed_frames);
            !s) {
            return s;
        }
        decoded_before = state.last.frames_decoded;
        earlier_notes = state.source_notes;
        // Once for each stop, even when a resumed run is stopped again before a new frame.
        if (state.resumed_after.empty() || state.resumed_after.back() != state.last.number)
            state.resumed_after.push_back(state.last.number);
        resumed = true;
    } else {
        if (o.resume) {
            warn("there is no checkpoint to resume in '" + o.output_dir +
                 "': the analysis starts from the beginning");
        } else if (checkpoint && checkpoint->has_state()) {
            warn("the interrupted analysis in '" + o.output_dir +
                 "' starts over (--resume would have continued it)");
        }
        if (checkpoint) checkpoint->discard();
        if (Status s = out.create(); !s) return s;
        csv.write_header();
    }
    if (Status s = metrics.start(); !s) return s;
    pass_on_warnings();

    AnalysisResult result;
    result.source = source.info();
    const double end_s = o.duration_s ? o.start_s + *o.duration_s : 0.0;
    const auto started = std::chrono::steady_clock::now();
    auto last_saved = started;
    bool checkpoint_failed = false;
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

    // Frames in the range read so far. The k-th measured frame is the (k * every)-th in the
    // range, so a resumed run knows the count from the frames measured.
    int64_t in_range = resumed ? (state.frames_analyzed - 1) * o.every + 1 : 0;
    const auto select = [&](const Frame& frame) {
        if (frame.time_s < o.start_s - 1e-9) return FramePipeline::Take::Skip;
        if (o.duration_s && frame.time_s >= end_s - 1e-9) return FramePipeline::Take::Stop;
        return in_range++ % o.every == 0 ? FramePipeline::Take::Measure : FramePipeline::Take::Skip;
    };
    // Everything a frame needs but itself runs on the pipeline's workers, several frames at once.
    const auto prepare = [&](PreparedFrame& p) { measure_independent(o, p); };
    const auto cancelled = [&] { return hooks.cancel != nullptr && hooks.cancel->load(); };
    std::unique_ptr<FrameFeed> live;
    if (!merging) live = std::make_unique<FramePipeline>(source, select, prepare);
    FrameFeed& pipeline = merging ? static_cast<FrameFeed&>(*journals) : *live;
    const auto save_checkpoint = [&]() -> Status {
        CheckpointRecord record;
        record.key = key;
        if (Status s = out.flush(record); !s) return s;
        state.source_notes = merged_notes(earlier_notes, pipeline.source_notes());
        return checkpoint->save(record, state);
    };
    // Stopped by the user: what was measured is kept for --resume, the outputs are untouched.
    const auto interrupted = [&]() -> Status {
        const std::string untouched = "earlier outputs were left as they were";
        if (!checkpoint || state.frames_analyzed == 0) {
            return Status(ErrorCode::Interrupted,
                          "interrupted; " + untouched +
                              (metrics.empty() ? std::string()
                                               : " (no checkpoint: runs with metric plugins "
                                                 "cannot be resumed)"));
        }
        if (Status s = save_checkpoint(); !s) {
            return Status(
                ErrorCode::Interrupted,
                "interrupted; " + untouched + "; the checkpoint could not be saved (" +
                    s.message() + ")" +
                    (checkpoint->has_state() ? ": --resume continues from the one before" : ""));
        }
        char where[96];
        std::snprintf(where, sizeof where, "interrupted after frame %lld (%.3f s); ",
                      static_cast<long long>(state.last.number), state.last.time_s);
        return Status(ErrorCode::Interrupted,
                      where + untouched +
                          ", and a checkpoint was saved: the same command with --resume "
                          "continues from there");
    };

    PreparedFrame prepared;
    while (true) {
        if (cancelled()) return interrupted();
        Result<bool> got = pipeline.next(prepared);
        if (!got) return cancelled() ? interrupted() : got.status();
        if (!got.value()) break;
        const Frame& frame = prepared.frame;
        const LinearImage& image = frame.image;
        state.last_width = image.width;
        state.last_height = image.height;
        state.letterbox.add(prepared.area, image.width, image.height);
        MeasuredFrame measured;
        measured.index = state.frames_analyzed;
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
            state.film_metrics.add(measured.metrics);
        }
        FrameSignature signature = std::move(prepared.signature);
        measured.thumbnail_oklab = signature.oklab;
        if (Status s = out.hue_rows.add_row(measured.acc); !s) return s;
        state.barcode.add(measured.acc.mean_rgb());
        state.film_cells.add(signature.oklab.data(), signature.oklab.size() / 3);
        state.film_scope.add(signature.oklab.data(), signature.oklab.size() / 3);
        state.film.merge(measured.acc);
        measured.summary = summarize(measured.acc, o.measure);
        if (hooks.on_frame) {
            hooks.on_frame(
                {measured.index, frame.number, frame.time_s, measured.summary, signature.oklab});
        }
        const int64_t measured_so_far = measured.index + 1;
        if (state.frames_analyzed == 0) state.first_time_s = frame.time_s;
        state.last_time_s = frame.time_s;
        state.shots.add(std::move(measured));
        if (o.cut_list) {
            state.given.push(frame.number, frame.time_s);
            state.shots.settle(state.given.boundaries(), state.given.count());
        } else if (keyframes) {
            state.shots.settle(one_shot, measured_so_far);
        } else {
            state.detector.push(std::move(signature));
            state.shots.settle(state.detector.boundaries(), state.detector.final_count());
        }
        ++state.frames_analyzed;
        state.last = prepared.read;
        state.last.frames_decoded += decoded_before;

        const auto now = std::chrono::steady_clock::now();
        if (checkpoint &&
            std::chrono::duration<double>(now - last_saved).count() >= o.checkpoint_interval_s) {
            // A checkpoint that cannot be saved (a full disk?) costs only the safety net: the
            // analysis goes on, and the one before stays for --resume.
            if (Status s = save_checkpoint(); !s && !checkpoint_failed) {
                checkpoint_failed = true;
                warn("a checkpoint could not be saved (" + s.message() + "); the analysis goes on");
            }
            last_saved = now;
        }
        if (hooks.on_progress) {
            progress.frames_decoded = decoded_before + pipeline.frames_decoded();
            progress.frames_analyzed = state.frames_analyzed;
            progress.time_s = state.last_time_s;
            progress.elapsed_s = std::chrono::duration<double>(now - started).count();
            hooks.on_progress(progress);
        }
        pipeline.recycle(std::move(prepared));
    }
    // A stop requested while the last frames were read ends the run here too: outputs are never
    // committed for an analysis the user interrupted.
    if (cancelled()) return interrupted();
    if (state.frames_analyzed == 0) {
        return Status(ErrorCode::BadData,
                      "'" + o.input + "': no frame was analysed (is the time range past the end?)");
    }
    state.detector.finish();
    state.shots.finish(o.cut_list  ? state.given.boundaries()
                       : keyframes ? one_shot
                                   : state.detector.boundaries());
    result.given_cuts_after_end = o.cut_list ? state.given.unused() : 0;
    result.shots = std::move(state.shots.shots());
    result.frames_analyzed = state.frames_analyzed;
    result.frames_decoded = decoded_before + pipeline.frames_decoded();
    result.decode_errors = merging ? journals->decode_errors() : source.decode_errors();
    result.first_time_s = state.first_time_s;
    result.last_time_s = state.last_time_s;
    result.film = std::move(state.film);
    result.resumed_after = state.resumed_after;
    result.source = source.info();
    result.source.notes = merged_notes(earlier_notes, pipeline.source_notes());
    const bool whole_source = o.start_s == 0 && !o.duration_s && !keyframes;
    const int64_t concealed = merging ? journals->concealed_frames() : source.concealed_frames();
    result.completeness = assess_completeness(result, concealed, whole_source);
    // Damage and left-out pixels reach the user as they are known, whatever the front end.
    for (const std::string& reason : result.completeness.reasons) warn(reason);
    for (const std::string& note : result.completeness.notes) warn(note);
    result.film_summary = summarize(result.film, o.measure);
    result.film_palette = state.film_cells.palette(o.palette);
    result.letterbox = {!o.keep_letterbox, state.letterbox.most_common(), state.last_width,
                        state.last_height, state.letterbox.with_bars};
    result.film_metrics = state.film_metrics.result();
    if (Status s = metrics.finish(result.film_metrics); !s) return s;
    pass_on_warnings();
    result.metric_columns = metrics.columns();
    result.metric_statuses = metrics.statuses();
    result.metric_messages = metrics.messages();
    result.barcode_columns = state.barcode.columns();
    result.barcode_frames_per_column = state.barcode.frames_per_column();

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
    if (Status s =
            state.barcode.write_color(out.barcode_png.temp_path(), out.barcode_exr.temp_path());
        !s) {
        return s;
    }
    if (Status s = state.barcode.write_hue(out.hue_barcode_png.temp_path(), out.hue_rows); !s)
        return s;
    if (Status s = out.scopes.write(out.vectorscope_exr.temp_path(), state.film_scope); !s)
        return s;
    result.elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (Status s = out.shots_csv.open(); !s) return s;
    write_shots_csv(out.shots_csv.stream(), result.shots, o.measure.families,
                    result.source.frame_rate);
    if (Status s = out.summary.open(); !s) return s;
    out.summary.stream() << summary_text(o, result);
    if (Status s = out.commit(); !s) return s;
    if (checkpoint) checkpoint->discard();  // the outputs are in place: nothing to resume
    if (merging) {                          // the segments are in the outputs now
        std::error_code ec;
        fs::remove_all(segments_folder(o.output_dir), ec);
    }
    return result;
}

}  // namespace huescope
