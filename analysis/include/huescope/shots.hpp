#pragma once
// Shot boundaries from frame-difference signals computed in the analysis pass (no second decode).
// Method and measured precision/recall: docs/shots.md.

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "huescope/image.hpp"
#include "huescope/rect.hpp"

namespace huescope {

struct StateAccess;

enum class Transition { Start, Cut, Fade, Dissolve };
const char* transition_name(Transition transition);

/// A shot starts at `index` (position in the sequence of analysed frames).
struct ShotBoundary {
    int64_t index = 0;
    Transition kind = Transition::Start;
};

inline constexpr int kThumbWidth = 64;
inline constexpr int kThumbHeight = 36;
inline constexpr int kSignatureBins = 8 * 8 * 8;

/// What the detector (and the palette) needs of a frame: an area-averaged 64x36 thumbnail of the
/// picture (letterbox excluded) in linear light and in OKLab, and its OKLab colour histogram.
struct FrameSignature {
    std::vector<float> thumbnail;                   ///< linear RGB, interleaved
    std::vector<float> oklab;                       ///< the thumbnail in OKLab, interleaved L, a, b
    std::array<float, kSignatureBins> histogram{};  ///< 8 L x 8 a x 8 b bins, sums to 1
    bool black = false;  ///< (almost) entirely near-black: the middle of a fade
    /// The whole frame, bars included (linear RGB, and OKLab), when the picture area is not the
    /// whole frame; else empty. Cuts are judged on it: the picture area found in dark frames
    /// moves from frame to frame, the frame does not.
    std::vector<float> whole_thumbnail;
    std::vector<float> whole_oklab;
};

FrameSignature make_signature(const LinearImage& image, const Rect& roi);
/// The signature of thumbnails already made (kThumbWidth x kThumbHeight, linear RGB; `whole`
/// empty when the picture area is the whole frame): what make_signature() computes after
/// downsampling, bit for bit.
FrameSignature signature_from_thumbnail(std::vector<float> thumbnail,
                                        std::vector<float> whole = {});

/// The whole frame's OKLab thumbnail: what cuts are judged on.
const std::vector<float>& frame_oklab(const FrameSignature& s);

/// Half the L1 distance between two signature histograms: 0 = same colours, 1 = disjoint.
double histogram_distance(const FrameSignature& a, const FrameSignature& b);

/// Mean OKLab distance between corresponding thumbnail pixels (the picture's change in place).
double thumbnail_distance(const FrameSignature& a, const FrameSignature& b);

/// How much of `after` cannot be explained as `before` moved: each 8x6 block of the whole-frame
/// thumbnail is matched to the closest block of `before` within 8 thumbnail pixels (1/8 of the
/// frame's width), and the mean OKLab L1 distance of the best matches is averaged over
/// blocks (blocks black in both frames, such as bars, are left out). A pan, a zoom or people
/// moving leave it small; a new picture does not.
/// `in_place`, if given, receives the same distance with no block moved.
double moved_picture_distance(const FrameSignature& before, const FrameSignature& after,
                              double* in_place = nullptr);

/// 1 - the normalised cross-correlation of the two whole-frame thumbnails' OKLab lightness: 0 for
/// the same layout (whatever its brightness or contrast), about 1 for unrelated pictures. Two flat
/// pictures have the same (empty) layout: 0; a flat and a textured one: 1.
double structure_distance(const FrameSignature& a, const FrameSignature& b);

/// How a frame differs from the one before it: the signals a cut is judged on.
struct FrameChange {
    double picture = 0.0;    ///< moved_picture_distance(): what motion does not explain
    double in_place = 0.0;   ///< ... and the change with nothing moved
    double structure = 0.0;  ///< structure_distance(): the layout's change
    double colour = 0.0;     ///< histogram_distance(): the colours' change
};
FrameChange frame_change(const FrameSignature& before, const FrameSignature& after);

/// How far `b` is from the best uniform scaling k * `a` of its light (relative RMS residual):
/// near 0 when b is a's picture made brighter or darker, as in a fade or an exposure change.
double exposure_residual(const FrameSignature& a, const FrameSignature& b);

struct ShotDetectorParams {
    /// Scales every cut threshold below: 2 finds cuts that change the picture half as much, 0.5
    /// only those that change it twice as much (--shot-sensitivity).
    double sensitivity = 1.0;
    double cut_picture = 0.05;        ///< least picture change (mean OKLab dE) of a cut
    double cut_structure = 0.25;      ///< ... with at least this layout change
    double cut_colour = 0.30;         ///< ... or at least this colour change
    double cut_isolation = 3.0;       ///< and this many times the largest change of its neighbours
    int cut_neighbours = 2;           ///< frames on each side whose change a cut must stand above
    int flash_lookahead = 3;          ///< a change undone within this many frames is a flash
    double gradual_total = 0.06;      ///< thumbnail change across a transition (mean OKLab dE)
    double dissolve_linearity = 0.5;  ///< max deviation of the middle frame from the blend
    double dissolve_variance_dip = 0.8;  ///< max middle-frame variance / mean of the ends'
    double exposure_residual = 0.1;      ///< below it, a change is a uniform scaling of the light
    std::array<int, 3> dissolve_half_widths{6, 12, 24};  ///< windows tested around each frame
    int min_shot_frames = 6;
};

/// An online detector with a bounded delay: frames are pushed as they are measured, and a frame's
/// shot is settled once no later evidence can move a boundary before it (final_count()).
class ShotDetector {
  public:
    explicit ShotDetector(ShotDetectorParams params = {});
    void push(FrameSignature signature);
    /// No more frames: settles everything.
    void finish();
    /// Frames with a sequence index below this have their shot settled.
    int64_t final_count() const;
    /// Every boundary found so far, in order; the first is {0, Start}.
    const std::vector<ShotBoundary>& boundaries() const { return m_boundaries; }

    friend struct StateAccess;  // a checkpoint saves and restores the state below

  private:
    const FrameSignature& at(int64_t index) const;
    const FrameChange& change(int64_t index) const;  // from frame index-1 to frame index
    void examine_cut(int64_t candidate, int64_t last);
    bool is_transient(int64_t index, int64_t last) const;
    bool looks_like_dissolve(int64_t middle, int half_width, double& dip) const;
    void examine_dissolve(int64_t middle);
    void close_dissolve();
    void track_black(int64_t index);
    void add_boundary(int64_t index, Transition kind);
    void trim();

    ShotDetectorParams m_params;
    std::deque<FrameSignature> m_window;  // the recent frames, m_window_start .. count-1
    std::deque<FrameChange> m_changes;    // change(i) for the same frames
    int64_t m_window_start = 0;
    int64_t m_count = 0;
    int64_t m_cuts_examined = 1;       // next candidate for a cut
    int64_t m_dissolves_examined = 1;  // next frame to test as the middle of a dissolve
    int64_t m_group_start = -1;        // frames that passed the dissolve test, as a group
    int64_t m_group_end = -1;
    int64_t m_group_best = -1;  // ... and the one with the deepest contrast dip
    double m_group_dip = 0.0;
    int64_t m_black_start = -1;
    int64_t m_flash_until = -1;  // last frame of a flash just rejected (and its way back)
    bool m_finished = false;
    std::vector<ShotBoundary> m_boundaries;
};

/// The film-studies summary of a film's cutting: how many shots, their average length (ASL,
/// total duration over shot count) and median length, in seconds; NaN lengths without shots.
struct ShotLengths {
    std::size_t count = 0;
    double average_s = 0, median_s = 0;
};
ShotLengths shot_lengths(std::vector<double> durations);

}  // namespace huescope
