#include "segment_run.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>

#include "segment_journal.hpp"

namespace huescope {
namespace fs = std::filesystem;

Result<AnalysisResult> measure_segment(const AnalyzeOptions& o, const AnalyzeHooks& hooks,
                                       FrameSource& source, const std::string& key) {
    const SegmentSpec spec = *o.segment;
    const double duration = source.info().duration_s;
    if (!(duration > 0)) {
        return Status(ErrorCode::Unsupported,
                      "'" + o.input + "' does not say how long it is, so it cannot be split");
    }
    // Equal time ranges. A frame belongs to the range its time falls in (with the same 1e-9
    // tolerance a single pass uses for --start), so every frame is in exactly one segment. The
    // first range also takes frames before 0, which a single pass decodes but does not measure.
    const double from = duration * (spec.index - 1) / spec.count;
    const double to = spec.index == spec.count ? std::numeric_limits<double>::infinity()
                                               : duration * spec.index / spec.count;
    if (spec.index > 1) {
        if (Status s = source.seek(from); !s) return s;
    }
    const std::string folder = segment_folder(o.output_dir, spec.index, spec.count);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return Status(ErrorCode::CannotCreate, "cannot create '" + folder + "'");
    JournalWriter journal(folder);
    if (Status s = journal.open(); !s) return s;

    // Read by the pipeline's reader thread, and by this one only once reading is done.
    int64_t in_range = 0;
    // The source's counts when the range's first frame arrived: damage before it belongs to the
    // segment before (which decoded it too). The first segment counts from the start.
    int64_t errors_before = spec.index == 1 ? 0 : -1, concealed_before = 0;
    const auto select = [&](const Frame& frame) {
        if (frame.time_s >= to - 1e-9) return FramePipeline::Take::Stop;
        if (spec.index > 1 && frame.time_s < from - 1e-9) return FramePipeline::Take::Skip;
        if (errors_before < 0) {
            errors_before = source.decode_errors();
            concealed_before = source.concealed_frames();
        }
        ++in_range;
        return frame.time_s < -1e-9 ? FramePipeline::Take::Skip : FramePipeline::Take::Measure;
    };
    const auto prepare = [&](PreparedFrame& p) { measure_independent(o, p); };
    FramePipeline pipeline(source, select, prepare);
    PreparedFrame prepared;
    AnalysisResult result;
    result.source = source.info();
    Progress progress;
    if (result.source.frame_rate > 0 && std::isfinite(to)) {
        progress.frames_expected = static_cast<int64_t>((to - from) * result.source.frame_rate);
    }
    const auto started = std::chrono::steady_clock::now();
    while (true) {
        if (hooks.cancel != nullptr && hooks.cancel->load()) {
            return Status(ErrorCode::Interrupted, "interrupted; the segment was not written");
        }
        Result<bool> got = pipeline.next(prepared);
        if (!got) return got.status();
        if (!got.value()) break;
        if (Status s = journal.add(prepared); !s) return s;
        if (result.frames_analyzed == 0) result.first_time_s = prepared.frame.time_s;
        result.last_time_s = prepared.frame.time_s;
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
    if (hooks.cancel != nullptr && hooks.cancel->load()) {
        return Status(ErrorCode::Interrupted, "interrupted; the segment was not written");
    }
    SegmentRecord record;
    record.key = key;
    record.index = spec.index;
    record.count = spec.count;
    record.start_s = from;
    if (std::isfinite(to)) record.end_s = to;
    record.frames = result.frames_analyzed;
    record.frames_decoded = in_range;
    if (errors_before >= 0) {  // else no frame of the source falls in the range
        record.decode_errors = source.decode_errors() - errors_before;
        record.concealed_frames = source.concealed_frames() - concealed_before;
    }
    record.notes = source.info().notes;
    record.arguments = o.arguments;
    if (Status s = journal.commit(record); !s) return s;
    result.frames_decoded = in_range;
    result.decode_errors = record.decode_errors;
    result.source = source.info();
    return result;
}

}  // namespace huescope
