// `huescope grade`: pairs BEFORE and AFTER, measures where the hues went per frame, folds frames
// into shots and the film, fits the grade as a 3D LUT and measures the fit on held-out frames.
#include <deque>

#include "frame_pairs.hpp"
#include "grade_json.hpp"
#include "grade_pictures.hpp"
#include "held_out.hpp"
#include "huescope/grade.hpp"
#include "huescope/rect.hpp"
#include "lut_fit.hpp"
#include "ocio/cube_file.hpp"
#include "pair_check.hpp"
#include "report/staging_folder.hpp"

namespace huescope {
namespace {

// Frames wait here until the shot detector has settled their shot, then join it.
class ShotFolder {
  public:
    ShotFolder(std::size_t families, std::vector<GradeShot>& shots)
        : m_families(families), m_shots(shots) {}

    void add(HueTransfer frame, double time_s) { m_pending.push_back({std::move(frame), time_s}); }

    /// Moves every frame below `settled` into its shot.
    void fold(const ShotDetector& detector, int64_t settled) {
        const std::vector<ShotBoundary>& bounds = detector.boundaries();
        while (m_next < settled && !m_pending.empty()) {
            if (m_boundary < bounds.size() && bounds[m_boundary].index <= m_next) {
                GradeShot shot;
                shot.first_pair = m_next;
                shot.start_s = m_pending.front().time_s;
                shot.transition = transition_name(bounds[m_boundary].kind);
                shot.transfer.reset(m_families);
                m_shots.push_back(std::move(shot));
                ++m_boundary;
            }
            GradeShot& shot = m_shots.back();
            shot.transfer.merge(m_pending.front().transfer);
            shot.end_s = m_pending.front().time_s;
            ++shot.pairs;
            m_pending.pop_front();
            ++m_next;
        }
    }

  private:
    struct Pending {
        HueTransfer transfer;
        double time_s;
    };
    std::size_t m_families;
    std::vector<GradeShot>& m_shots;
    std::deque<Pending> m_pending;
    int64_t m_next = 0;          // the pair index of m_pending.front()
    std::size_t m_boundary = 0;  // the next boundary to open a shot
};

double outside_unit_share(const LinearImage& encoded) {
    std::size_t outside = 0;
    for (float v : encoded.rgb) outside += (v < 0.0f || v > 1.0f) ? 1 : 0;
    return encoded.rgb.empty() ? 0.0 : double(outside) / encoded.rgb.size();
}

// Ranges of consecutive flagged nodes, for grade.json.
std::vector<std::pair<int64_t, int64_t>> ranges_of(const std::vector<uint8_t>& flags) {
    std::vector<std::pair<int64_t, int64_t>> ranges;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (!flags[i]) continue;
        if (!ranges.empty() && ranges.back().second == int64_t(i) - 1) {
            ranges.back().second = int64_t(i);
        } else {
            ranges.emplace_back(int64_t(i), int64_t(i));
        }
    }
    return ranges;
}

Status check_options(const GradeOptions& o) {
    // 65 points per side already need about 1.3 GB for the fit; the usual sizes are 17 to 65.
    if (o.lut_size < 2 || o.lut_size > 65)
        return Status(ErrorCode::InvalidArgument, "the LUT size must be 2..65");
    if (o.holdout_every < 2 || o.holdout_block < 1) {
        return Status(ErrorCode::InvalidArgument,
                      "--holdout-every must be 2 or more, and --holdout-block 1 or more");
    }
    if (o.max_width < 16) return Status(ErrorCode::InvalidArgument, "--max-width is too small");
    if (o.output_dir.empty()) return Status(ErrorCode::InvalidArgument, "no output folder");
    return Status::ok();
}

}  // namespace

Result<GradeResult> run_grade(const GradeOptions& o) {
    if (Status s = check_options(o); !s) return s;
    Result<std::unique_ptr<FramePairs>> opened = FramePairs::open(o);
    if (!opened) return opened.status();
    FramePairs& pairs = *opened.value();

    GradeResult result;
    result.before = pairs.before_info();
    result.after = pairs.after_info();
    result.grid_width = pairs.grid_width();
    result.grid_height = pairs.grid_height();
    const std::size_t families = o.measure.families.size();
    result.film.reset(families);

    ShotDetector detector;
    ShotFolder folder(families, result.shots);
    PairCheck check;
    LutFitter fitter(o.lut_size);
    HeldOutPixels held_out;
    GradePictures pictures(o);
    if (pictures.focus() < 0 && o.focus_frames > 0) {
        result.notes.push_back("no hue family is named '" + o.focus_family +
                               "': no frames are shown for it");
    }
    double outside_sum = 0.0;
    FramePair pair;
    const int64_t expected = result.before.frame_count;
    while (true) {
        if (o.cancel && o.cancel->load())
            return Status(ErrorCode::Interrupted, "stopped before the end: nothing written");
        Result<bool> got = pairs.next(pair);
        if (!got) return got.status();
        if (!got.value()) break;
        const Rect whole{0, 0, pair.before_linear.width, pair.before_linear.height};
        FrameSignature before_signature = make_signature(pair.before_linear, whole);
        const FrameSignature after_signature = make_signature(pair.after_linear, whole);
        bool same = true;
        if (Status s =
                check.add(before_signature, after_signature, pair.before_s, pair.after_s, same);
            !s) {
            return s;
        }
        result.pairs = pair.index + 1;
        if (o.progress) o.progress(result.pairs, expected);
        if (!same) continue;  // not the same picture: it would only falsify the statistics
        HueTransfer frame;
        frame.reset(families);
        accumulate_transfer(pair.before_linear, pair.after_linear, o.measure, frame);
        result.film.merge(frame);
        pictures.add(pair, frame);
        folder.add(std::move(frame), pair.before_s);
        detector.push(std::move(before_signature));
        folder.fold(detector, detector.final_count());

        outside_sum += outside_unit_share(pair.before_encoded);
        if ((pair.index / o.holdout_block) % o.holdout_every == o.holdout_every - 1) {
            held_out.add(pair.before_encoded, pair.after_encoded);
            ++result.lut.held_out_frames;
        } else {
            fitter.add(pair.before_encoded.rgb.data(), pair.after_encoded.rgb.data(),
                       pair.before_encoded.pixel_count());
        }
    }
    const Status interrupted(ErrorCode::Interrupted, "stopped before the end: nothing written");
    if (o.cancel && o.cancel->load()) return interrupted;
    if (result.pairs == 0) {
        return Status(ErrorCode::BadData,
                      "no frame of BEFORE has a frame of AFTER at its time: nothing to compare "
                      "(is --offset right?)");
    }
    if (Status s = check.verdict(); !s) return s;
    detector.finish();
    folder.fold(detector, result.pairs);
    result.verified_pairs = check.verified();
    result.mismatched_pairs = check.mismatched();
    if (result.mismatched_pairs > 0) {
        result.notes.push_back(std::to_string(result.mismatched_pairs) +
                               " pairs did not show the same picture and were left out");
    }
    result.unpaired_before = pairs.unpaired_before();
    result.unpaired_after = pairs.unpaired_after();
    if (const int64_t left = pairs.frames_left_after_end(); left > 0) {
        result.notes.push_back("one version ends first: about " + std::to_string(left) +
                               " frames of the other have no pair");
    }
    if (result.lut.held_out_frames == 0) {
        result.notes.push_back("too few frames to hold any out: the fit error is not measured");
    }

    Result<Lut3D> lut = fitter.solve();
    if (!lut) return lut.status();
    if (o.cancel && o.cancel->load()) return interrupted;
    // Everything is written into a staging folder and moved into OUTDIR only when all of it is
    // complete: a failure or Ctrl-C from here on leaves an earlier result as it was.
    Result<StagingFolder> staged = StagingFolder::create(o.output_dir);
    if (!staged) return staged.status();
    StagingFolder& stage = staged.value();
    const std::string cube_path = stage.path("grade.cube");
    if (Status s = write_cube(lut.value(), cube_path); !s) return s;
    if (Status s = pictures.write(stage.path(""), result.frames); !s) return s;
    LutFitReport& report = result.lut;
    report.size = lut->size;
    report.samples = lut->samples;
    report.cells_with_data = lut->cells_with_data;
    for (uint8_t f : lut->filled) report.nodes_filled += f;
    report.filled_ranges = ranges_of(lut->filled);
    report.before_outside_unit = outside_sum / double(result.pairs);
    if (report.before_outside_unit > 0.01) {
        result.notes.push_back(
            "BEFORE has values outside 0..1 (scene-linear light?): the LUT's domain is 0..1, so "
            "they were clamped; a log encoding (--before-colorspace) fits such footage better");
    }
    if (held_out.kept() > 0) {
        // Measured through the file just written, as any other tool will read it.
        Result<CubeFile> written = CubeFile::load(cube_path);
        if (!written) return written.status();
        const HeldOutPixels::Error error = held_out.error(written.value(), pairs.after_decoder());
        report.held_out_pixels = static_cast<int64_t>(held_out.kept());
        report.mean_delta_e = error.mean;
        report.p95_delta_e = error.p95;
    }
    if (Status s = write_grade_json(result, o, stage.path("grade.json")); !s) return s;
    if (o.cancel && o.cancel->load()) return interrupted;
    if (Status s = stage.commit(); !s) return s;
    return result;
}

}  // namespace huescope
