#include <algorithm>
#include <cmath>

#include "../image/image_ops.hpp"
#include "clamped_bin.hpp"
#include "huescope/color_math.hpp"
#include "huescope/shots.hpp"

namespace huescope {
namespace {

constexpr double kBlackLightness = 0.12;  // OKLab L of a thumbnail pixel that counts as black
constexpr double kBlackFraction = 0.98;   // ... in this share of the picture: a black frame
// Below this spatial variance of lightness a thumbnail is flat: it has no layout to correlate.
constexpr double kFlatVariance = 1e-6;
constexpr std::size_t kWindowFrames = 192;
constexpr int kFadeMargin = 8;  // frames around black where no dissolve is sought
// A window whose frame-to-frame changes motion explains to below this fraction is camera or
// subject motion, not a blend.
constexpr double kMotionExplained = 0.5;
// Least ratio of a window's change from end to end to the sum of its frame-to-frame changes
// (both OKLab L1, the steps motion-compensated): 1 for a clean blend, far less for an occlusion.
constexpr double kBlendPath = 0.4;
constexpr int kMinDissolveGroup = 3;  // frames in a row that must pass as a blend
// A change is a one-frame glitch's (or flash's) when the frames either side of it are closer
// than this fraction of it.
constexpr double kTransientReturn = 0.5;

int bin(double value, double low, double high) {
    return clamped_bin(value, low, high, 8);
}

}  // namespace

const char* transition_name(Transition transition) {
    switch (transition) {
        case Transition::Start:
            return "start";
        case Transition::Cut:
            return "cut";
        case Transition::Fade:
            return "fade";
        case Transition::Dissolve:
            return "dissolve";
    }
    return "?";
}

FrameSignature make_signature(const LinearImage& image, const Rect& roi) {
    std::vector<float> thumbnail;
    area_downsample(image, roi, kThumbWidth, kThumbHeight, thumbnail);
    std::vector<float> whole;
    if (roi.x != 0 || roi.y != 0 || roi.width != image.width || roi.height != image.height) {
        area_downsample(image, {0, 0, image.width, image.height}, kThumbWidth, kThumbHeight, whole);
    }
    return signature_from_thumbnail(std::move(thumbnail), std::move(whole));
}

namespace {
std::vector<float> to_oklab(const std::vector<float>& linear) {
    std::vector<float> lab(linear.size());
    for (std::size_t i = 0; i + 2 < linear.size(); i += 3) {
        const Vec3 v = xyz_to_oklab(working_rgb_to_xyz({linear[i], linear[i + 1], linear[i + 2]}));
        for (int c = 0; c < 3; ++c) lab[i + c] = static_cast<float>(v[c]);
    }
    return lab;
}
}  // namespace

const std::vector<float>& frame_oklab(const FrameSignature& s) {
    return s.whole_oklab.empty() ? s.oklab : s.whole_oklab;
}

FrameSignature signature_from_thumbnail(std::vector<float> thumbnail, std::vector<float> whole) {
    FrameSignature s;
    s.thumbnail = std::move(thumbnail);
    s.oklab = to_oklab(s.thumbnail);
    s.whole_thumbnail = std::move(whole);
    s.whole_oklab = to_oklab(s.whole_thumbnail);
    const std::size_t n = s.thumbnail.size() / 3;
    std::size_t black = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // In double precision, as the bins and the black test always were.
        const Vec3 lab = xyz_to_oklab(working_rgb_to_xyz(
            {s.thumbnail[i * 3], s.thumbnail[i * 3 + 1], s.thumbnail[i * 3 + 2]}));
        // Lightness 0..1 in 8 bins; a and b over -0.2..0.2, where almost every colour of a film
        // lies (the sRGB gamut reaches about 0.3 only at its primaries).
        const int index =
            (bin(lab[0], 0.0, 1.0) * 8 + bin(lab[1], -0.2, 0.2)) * 8 + bin(lab[2], -0.2, 0.2);
        s.histogram[index] += 1.0f;
        black += lab[0] < kBlackLightness ? 1 : 0;
    }
    for (float& v : s.histogram) v /= static_cast<float>(n);
    s.black = static_cast<double>(black) >= kBlackFraction * static_cast<double>(n);
    return s;
}

double histogram_distance(const FrameSignature& a, const FrameSignature& b) {
    double sum = 0.0;
    for (int i = 0; i < kSignatureBins; ++i) sum += std::fabs(a.histogram[i] - b.histogram[i]);
    return 0.5 * sum;
}

double thumbnail_distance(const FrameSignature& a, const FrameSignature& b) {
    double sum = 0.0;
    const std::size_t n = a.oklab.size() / 3;
    for (std::size_t i = 0; i < n; ++i) {
        const double dl = a.oklab[i * 3] - b.oklab[i * 3];
        const double da = a.oklab[i * 3 + 1] - b.oklab[i * 3 + 1];
        const double db = a.oklab[i * 3 + 2] - b.oklab[i * 3 + 2];
        sum += std::sqrt(dl * dl + da * da + db * db);
    }
    return n > 0 ? sum / static_cast<double>(n) : 0.0;
}

double exposure_residual(const FrameSignature& a, const FrameSignature& b) {
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (std::size_t i = 0; i < a.thumbnail.size(); ++i) {
        ab += double(a.thumbnail[i]) * b.thumbnail[i];
        aa += double(a.thumbnail[i]) * a.thumbnail[i];
        bb += double(b.thumbnail[i]) * b.thumbnail[i];
    }
    if (aa <= 0.0 || bb <= 0.0) return 0.0;  // black to black, or to and from black
    const double k = ab / aa;
    // |b - k a|^2 = bb - 2 k ab + k^2 aa, relative to |b|^2.
    return std::sqrt(std::max(bb - 2 * k * ab + k * k * aa, 0.0) / bb);
}

namespace {
double mean_lightness(const std::vector<float>& lab) {
    const std::size_t n = lab.size() / 3;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += lab[i * 3];
    return n > 0 ? sum / double(n) : 0.0;
}

// Spatial variance of a thumbnail's OKLab lightness.
double lightness_variance(const std::vector<float>& lab) {
    const std::size_t n = lab.size() / 3;
    const double mean = mean_lightness(lab);
    double sum2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = lab[i * 3] - mean;
        sum2 += d * d;
    }
    return n > 0 ? sum2 / double(n) : 0.0;
}

double lightness_variance(const FrameSignature& s) {
    return lightness_variance(s.oklab);
}

constexpr int kBlockWidth = 8;  // 8 x 6 blocks of the 64 x 36 thumbnail
constexpr int kBlockHeight = 6;
constexpr int kSearch = 8;  // thumbnail pixels (1/8 of the width) a block may move per frame

// Mean OKLab L1 distance between the block of `after` at (bx, by) and the block of `before`
// displaced by (dx, dy).
double block_distance(const float* before, const float* after, int bx, int by, int dx, int dy) {
    double sum = 0.0;
    for (int y = 0; y < kBlockHeight; ++y) {
        const float* p = after + ((by + y) * kThumbWidth + bx) * 3;
        const float* q = before + ((by + y + dy) * kThumbWidth + bx + dx) * 3;
        for (int k = 0; k < kBlockWidth * 3; ++k) sum += std::fabs(p[k] - q[k]);
    }
    return sum / (kBlockWidth * kBlockHeight);
}

bool block_is_black(const float* lab, int bx, int by) {
    for (int y = 0; y < kBlockHeight; ++y) {
        for (int x = 0; x < kBlockWidth; ++x) {
            if (lab[((by + y) * kThumbWidth + bx + x) * 3] >= kBlackLightness) return false;
        }
    }
    return true;
}
}  // namespace

double moved_picture_distance(const FrameSignature& before, const FrameSignature& after,
                              double* in_place) {
    const float* a = frame_oklab(before).data();
    const float* b = frame_oklab(after).data();
    double total = 0.0, unmoved = 0.0;
    int blocks = 0;
    for (int by = 0; by + kBlockHeight <= kThumbHeight; by += kBlockHeight) {
        for (int bx = 0; bx + kBlockWidth <= kThumbWidth; bx += kBlockWidth) {
            if (block_is_black(a, bx, by) && block_is_black(b, bx, by)) continue;
            const double still = block_distance(a, b, bx, by, 0, 0);
            unmoved += still;
            double best = still;
            // Coarse to fine: every second displacement up to kSearch, then the eight around
            // the best of those (the thumbnail is smooth at this scale).
            int best_dx = 0, best_dy = 0;
            const auto consider = [&](int dx, int dy) {
                if (by + dy < 0 || bx + dx < 0 || by + dy + kBlockHeight > kThumbHeight ||
                    bx + dx + kBlockWidth > kThumbWidth) {
                    return;
                }
                const double d = block_distance(a, b, bx, by, dx, dy);
                if (d < best) {
                    best = d;
                    best_dx = dx;
                    best_dy = dy;
                }
            };
            for (int dy = -kSearch; dy <= kSearch; dy += 2) {
                for (int dx = -kSearch; dx <= kSearch; dx += 2) consider(dx, dy);
            }
            const int coarse_dx = best_dx, coarse_dy = best_dy;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) consider(coarse_dx + dx, coarse_dy + dy);
            }
            total += best;
            ++blocks;
        }
    }
    if (in_place != nullptr) *in_place = blocks > 0 ? unmoved / blocks : 0.0;
    return blocks > 0 ? total / blocks : 0.0;
}

double structure_distance(const FrameSignature& a, const FrameSignature& b) {
    const std::vector<float>& la = frame_oklab(a);
    const std::vector<float>& lb = frame_oklab(b);
    const double va = lightness_variance(la);
    const double vb = lightness_variance(lb);
    const bool flat_a = va < kFlatVariance;
    const bool flat_b = vb < kFlatVariance;
    if (flat_a || flat_b) return flat_a && flat_b ? 0.0 : 1.0;
    const double ma = mean_lightness(la);
    const double mb = mean_lightness(lb);
    const std::size_t n = la.size() / 3;
    double covariance = 0.0;
    for (std::size_t i = 0; i < n; ++i) covariance += (la[i * 3] - ma) * (lb[i * 3] - mb);
    covariance /= double(n);
    return 1.0 - covariance / std::sqrt(va * vb);
}

FrameChange frame_change(const FrameSignature& before, const FrameSignature& after) {
    FrameChange change;
    change.picture = moved_picture_distance(before, after, &change.in_place);
    change.structure = structure_distance(before, after);
    change.colour = histogram_distance(before, after);
    return change;
}

ShotDetector::ShotDetector(ShotDetectorParams params) : m_params(params) {
    m_boundaries.push_back({0, Transition::Start});
}

const FrameSignature& ShotDetector::at(int64_t index) const {
    return m_window[static_cast<std::size_t>(index - m_window_start)];
}

const FrameChange& ShotDetector::change(int64_t index) const {
    return m_changes[static_cast<std::size_t>(index - m_window_start)];
}

void ShotDetector::push(FrameSignature signature) {
    const int64_t index = m_count++;
    m_window.push_back(std::move(signature));
    const bool first = index == 0;
    m_changes.push_back(first ? FrameChange{} : frame_change(at(index - 1), at(index)));
    track_black(index);
    const int lookahead = std::max(m_params.flash_lookahead, m_params.cut_neighbours);
    while (m_cuts_examined + lookahead <= index) {
        examine_cut(m_cuts_examined++, index);
    }
    const int widest = m_params.dissolve_half_widths.back();
    while (m_dissolves_examined + widest + kFadeMargin <= index) {
        examine_dissolve(m_dissolves_examined++);
    }
    trim();
}

void ShotDetector::finish() {
    while (m_cuts_examined < m_count) examine_cut(m_cuts_examined++, m_count - 1);
    while (m_dissolves_examined < m_count) examine_dissolve(m_dissolves_examined++);
    close_dissolve();
    m_black_start = -1;  // a film that ends in black has no shot after it
    m_finished = true;
}

int64_t ShotDetector::final_count() const {
    if (m_finished) return m_count;
    int64_t settled = std::min(m_cuts_examined, m_dissolves_examined);
    if (m_group_start >= 0) settled = std::min(settled, m_group_start);
    if (m_black_start >= 0) settled = std::min(settled, m_black_start);
    return settled;
}

void ShotDetector::examine_cut(int64_t c, int64_t last) {
    if (c < 1 || c - m_window_start < 1) return;
    const FrameChange& here = change(c);
    const double sensitivity = m_params.sensitivity;
    if (here.picture < m_params.cut_picture / sensitivity) return;
    // A new picture has a new layout or new colours; the same layout shifted a little (a jolt of
    // the camera) has neither.
    if (here.structure < m_params.cut_structure / sensitivity &&
        here.colour < m_params.cut_colour / sensitivity) {
        return;
    }
    if (at(c).black || at(c - 1).black) return;  // into or out of black: a fade, handled there
    if (c <= m_flash_until) return;              // the way back from a flash
    // ... or from something that crossed the lens for a few frames: the picture returns to the
    // one before it.
    for (int64_t k = 2; k <= m_params.flash_lookahead + 1 && c - k >= m_window_start; ++k) {
        if (moved_picture_distance(at(c - k), at(c)) < kTransientReturn * here.picture) return;
    }
    // The same picture, brighter or darker (a step of a fade, a light switched on): not a cut.
    if (exposure_residual(at(c - 1), at(c)) < m_params.exposure_residual) return;
    // A cut changes the picture at one frame; motion, flicker, a car crossing the lens and grain
    // change it over several. So a cut must stand well above its neighbours' changes: this is the
    // film's own rolling level, not a fixed threshold.
    // A neighbour's change into or out of a one-frame glitch or flash (a damaged frame two
    // frames after a cut) says nothing of the film's level, and is left out, unless the glitch
    // touches the candidate: then the candidate is the end of it (a car leaving the frame).
    double neighbours = 0.0;
    for (const int side : {-1, 1}) {
        bool adjacent_transient = false;
        for (int64_t j = 1; j <= m_params.cut_neighbours; ++j) {
            const int64_t i = c + side * j;
            if (i < m_window_start + 1 || i > last) break;
            const bool transient = is_transient(i, last);
            if (j == 1) adjacent_transient = transient;
            if (transient && !adjacent_transient) continue;
            neighbours = std::max(neighbours, change(i).picture);
        }
    }
    const double isolation = 1.0 + (m_params.cut_isolation - 1.0) / sensitivity;
    if (here.picture < isolation * neighbours) return;
    // A flash (or a glitch, or a few frames of lightning) changes the picture and changes it back.
    for (int64_t j = 1; j <= m_params.flash_lookahead && c + j <= last; ++j) {
        if (moved_picture_distance(at(c - 1), at(c + j)) < kTransientReturn * here.picture) {
            m_flash_until = c + j;
            return;
        }
    }
    add_boundary(c, Transition::Cut);
}

bool ShotDetector::is_transient(int64_t i, int64_t last) const {
    // Judged in place, with nothing moved: motion search would also match the frames around a
    // car crossing the lens, which is not a glitch.
    const double step = change(i).in_place;
    const auto in_place = [&](int64_t a, int64_t b) {
        double still = 0.0;
        moved_picture_distance(at(a), at(b), &still);
        return still;
    };
    // Frame i stands alone: the frames either side of it are alike.
    if (i + 1 <= last && in_place(i - 1, i + 1) < kTransientReturn * step) return true;
    // Frame i-1 stood alone: this is the way back from it.
    return i - 2 >= m_window_start && in_place(i - 2, i) < kTransientReturn * step;
}

bool ShotDetector::looks_like_dissolve(int64_t t, int w, double& dip) const {
    if (t - w < m_window_start || t + w >= m_count) return false;
    // Near black, a darkening picture is a fade, which track_black() handles.
    const int64_t first = std::max(t - w - kFadeMargin, m_window_start);
    const int64_t last = std::min(t + w + kFadeMargin, m_count - 1);
    for (int64_t i = first; i <= last; ++i) {
        if (at(i).black) return false;
    }
    // A window across a hard cut compares two different shots' frames, not a blend. (Cuts up
    // to t + w are already decided: their lookahead is shorter.)
    for (const ShotBoundary& boundary : m_boundaries) {
        if (boundary.kind == Transition::Cut && boundary.index > t - w && boundary.index <= t + w) {
            return false;
        }
    }
    const FrameSignature& a = at(t - w);
    const FrameSignature& m = at(t);
    const FrameSignature& b = at(t + w);
    if (thumbnail_distance(a, b) < m_params.gradual_total) return false;  // no new picture
    // A blend's steps are changes in place; a pan's or a zoom's are mostly explained by motion.
    double moved = 0.0, still = 0.0;
    for (int64_t i = t - w + 1; i <= t + w; ++i) {
        moved += change(i).picture;
        still += change(i).in_place;
    }
    if (moved < kMotionExplained * still) return false;
    // A blend goes one way: its steps add up to the change from end to end. Something crossing
    // the lens (a car, a person) changes the picture and changes it back: its steps add up to
    // far more than the ends differ.
    double ends_in_place = 0.0;
    moved_picture_distance(a, b, &ends_in_place);
    if (ends_in_place < kBlendPath * moved) return false;
    // A dissolve is a blend: its middle frame lies near the midpoint of the frames around it,
    // pixel by pixel. Motion over the same span does not.
    double residual = 0.0, spread = 0.0;
    for (std::size_t i = 0; i < m.oklab.size(); ++i) {
        residual += std::fabs(m.oklab[i] - 0.5f * (a.oklab[i] + b.oklab[i]));
        spread += std::fabs(b.oklab[i] - a.oklab[i]);
    }
    if (spread <= 0.0 || residual / spread > m_params.dissolve_linearity) return false;
    // A blend of two unrelated pictures has less contrast than either (Alattar 1993): at the
    // middle, variance falls to about half the mean of the ends. Zooms and pans keep theirs.
    const double ends = 0.5 * (lightness_variance(a) + lightness_variance(b));
    dip = ends > 0.0 ? lightness_variance(m) / ends : 1.0;
    if (dip > m_params.dissolve_variance_dip) return false;
    // The end is the start made brighter or darker: an exposure change, not a new shot.
    return exposure_residual(a, b) >= m_params.exposure_residual;
}

void ShotDetector::examine_dissolve(int64_t t) {
    double best_dip = 1.0;
    bool found = false;
    for (int w : m_params.dissolve_half_widths) {
        double dip = 1.0;
        if (looks_like_dissolve(t, w, dip)) {
            found = true;
            best_dip = std::min(best_dip, dip);
        }
    }
    if (!found) {
        if (m_group_start >= 0 && t - m_group_end > 2) close_dissolve();
        return;
    }
    if (m_group_start < 0) {
        m_group_start = t;
        m_group_best = t;
        m_group_dip = best_dip;
    } else if (best_dip < m_group_dip) {
        m_group_best = t;
        m_group_dip = best_dip;
    }
    m_group_end = t;
}

void ShotDetector::close_dissolve() {
    // The frame with the deepest contrast dip is the middle of the blend: the new shot starts
    // there. A blend passes the test over several consecutive middles; a chance alignment of motion
    // passes it for one or two.
    if (m_group_start >= 0 && m_group_end - m_group_start + 1 >= kMinDissolveGroup) {
        add_boundary(m_group_best, Transition::Dissolve);
    }
    m_group_start = m_group_end = m_group_best = -1;
}

void ShotDetector::track_black(int64_t index) {
    if (at(index).black) {
        if (m_black_start < 0) m_black_start = index;
        return;
    }
    if (m_black_start >= 0) {
        // A fade out and in meet in the black frames: the new shot begins in their middle.
        if (m_black_start > 0) {
            add_boundary(m_black_start + (index - m_black_start) / 2, Transition::Fade);
        }
        m_black_start = -1;
    }
}

void ShotDetector::add_boundary(int64_t index, Transition kind) {
    auto pos = std::lower_bound(m_boundaries.begin(), m_boundaries.end(), index,
                                [](const ShotBoundary& b, int64_t i) { return b.index < i; });
    const bool near_before =
        pos != m_boundaries.begin() && index - std::prev(pos)->index < m_params.min_shot_frames;
    const bool near_after =
        pos != m_boundaries.end() && pos->index - index < m_params.min_shot_frames;
    if (near_before || near_after) return;
    m_boundaries.insert(pos, {index, kind});
}

void ShotDetector::trim() {
    while (m_window.size() > kWindowFrames) {
        m_window.pop_front();
        m_changes.pop_front();
        ++m_window_start;
    }
}

}  // namespace huescope
