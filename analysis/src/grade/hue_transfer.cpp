// Where each hue went: the sums of a hue transfer over paired pixels (docs/grade.md).
#include <algorithm>
#include <cmath>

#include "huescope/grade.hpp"
#include "metrics/pixel_lab.hpp"

namespace huescope {
namespace {

int transfer_bin(float hue_deg) {
    return std::clamp(static_cast<int>(hue_deg / (360.0f / kTransferBins)), 0, kTransferBins - 1);
}

int hue_bin(double hue_deg) {
    return std::clamp(static_cast<int>(hue_deg), 0, kHueBins - 1);
}

// The family a hue belongs to (the first that contains it), or -1.
int family_of(double hue_deg, const std::vector<HueBand>& families) {
    for (std::size_t f = 0; f < families.size(); ++f)
        if (families[f].contains(hue_deg)) return static_cast<int>(f);
    return -1;
}

// The signed change from one hue to another the short way round, in degrees.
double hue_change(double from_deg, double to_deg) {
    double d = std::fmod(to_deg - from_deg, 360.0);
    if (d > 180.0) d -= 360.0;
    if (d < -180.0) d += 360.0;
    return d;
}

template <std::size_t N>
void add_into(std::array<double, N>& to, const std::array<double, N>& from) {
    for (std::size_t i = 0; i < N; ++i) to[i] += from[i];
}

void add_into(std::vector<double>& to, const std::vector<double>& from) {
    for (std::size_t i = 0; i < to.size() && i < from.size(); ++i) to[i] += from[i];
}

}  // namespace

void HueTransfer::reset(std::size_t families) {
    *this = HueTransfer();
    family_moves.assign(families, std::vector<double>(families + 1, 0.0));
    for (std::vector<double>* v : {&family_chroma_before, &family_chroma_after, &family_shift,
                                   &family_shift_weight, &family_share_before, &family_share_after})
        v->assign(families, 0.0);
}

void HueTransfer::merge(const HueTransfer& o) {
    pixels += o.pixels;
    chromatic_before += o.chromatic_before;
    chromatic_after += o.chromatic_after;
    chroma_before += o.chroma_before;
    chroma_after += o.chroma_after;
    lightness_before += o.lightness_before;
    lightness_after += o.lightness_after;
    for (int i = 0; i < kTransferBins; ++i) add_into(matrix[i], o.matrix[i]);
    add_into(bin_chroma_before, o.bin_chroma_before);
    add_into(bin_chroma_after, o.bin_chroma_after);
    add_into(bin_shift, o.bin_shift);
    add_into(bin_shift_weight, o.bin_shift_weight);
    add_into(bin_gained, o.bin_gained);
    for (std::size_t f = 0; f < family_moves.size() && f < o.family_moves.size(); ++f)
        add_into(family_moves[f], o.family_moves[f]);
    add_into(family_chroma_before, o.family_chroma_before);
    add_into(family_chroma_after, o.family_chroma_after);
    add_into(family_shift, o.family_shift);
    add_into(family_shift_weight, o.family_shift_weight);
    add_into(family_share_before, o.family_share_before);
    add_into(family_share_after, o.family_share_after);
    add_into(hue_hist_before, o.hue_hist_before);
    add_into(hue_hist_after, o.hue_hist_after);
    chromatic_chroma_before += o.chromatic_chroma_before;
    chromatic_chroma_after += o.chromatic_chroma_after;
}

void accumulate_transfer(const LinearImage& before, const LinearImage& after,
                         const MeasureParams& params, HueTransfer& out) {
    const PixelRules rules = PixelRules::from(params);
    const bool lab = params.hue_space == HueSpace::Cielab;
    const std::size_t n = std::min(before.pixel_count(), after.pixel_count());
    const std::size_t achromatic_family = params.families.size();
    PixelLabRun b, a;  // large: two runs of 256 pixels' quantities
    for (std::size_t start = 0; start < n; start += PixelLabRun::kMaxPixels) {
        const int count =
            static_cast<int>(std::min<std::size_t>(PixelLabRun::kMaxPixels, n - start));
        pixel_lab(before.rgb.data() + start * 3, count, rules, b);
        pixel_lab(after.rgb.data() + start * 3, count, rules, a);
        for (int i = 0; i < count; ++i) {
            if (b.code[i] == kInvalidPixel || a.code[i] == kInvalidPixel) continue;
            const double cb = lab ? b.lab_c[i] : b.ok_c[i];
            const double ca = lab ? a.lab_c[i] : a.ok_c[i];
            const double hb = lab ? b.lab_h[i] : b.ok_h[i];
            const double ha = lab ? a.lab_h[i] : a.ok_h[i];
            const bool chromatic_b = b.code[i] == kChromaticPixel;
            const bool chromatic_a = a.code[i] == kChromaticPixel;
            ++out.pixels;
            out.chroma_before += cb;
            out.chroma_after += ca;
            out.lightness_before += b.ok_l[i];
            out.lightness_after += a.ok_l[i];
            const int fam_a = chromatic_a ? family_of(ha, params.families) : -1;
            if (chromatic_a) {
                ++out.chromatic_after;
                out.chromatic_chroma_after += ca;
                if (fam_a >= 0) out.family_share_after[fam_a] += ca;
                out.hue_hist_after[hue_bin(ha)] += ca;
            }
            if (!chromatic_b) {
                if (chromatic_a) out.bin_gained[transfer_bin(float(ha))] += ca;
                continue;
            }
            ++out.chromatic_before;
            out.chromatic_chroma_before += cb;
            out.hue_hist_before[hue_bin(hb)] += cb;
            const int bin_b = transfer_bin(float(hb));
            out.matrix[bin_b][chromatic_a ? transfer_bin(float(ha)) : kAchromaticColumn] += cb;
            out.bin_chroma_before[bin_b] += cb;
            out.bin_chroma_after[bin_b] += ca;
            const double change = hue_change(hb, ha);
            if (chromatic_a) {
                out.bin_shift[bin_b] += cb * change;
                out.bin_shift_weight[bin_b] += cb;
            }
            const int fam_b = family_of(hb, params.families);
            if (fam_b < 0) continue;
            out.family_share_before[fam_b] += cb;
            out.family_chroma_before[fam_b] += cb;
            out.family_chroma_after[fam_b] += ca;
            if (chromatic_a) {
                out.family_shift[fam_b] += cb * change;
                out.family_shift_weight[fam_b] += cb;
            }
            if (chromatic_a && fam_a < 0) continue;  // a hue outside every family: no column
            out.family_moves[fam_b][chromatic_a ? std::size_t(fam_a) : achromatic_family] += cb;
        }
    }
}

}  // namespace huescope
