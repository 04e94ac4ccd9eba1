#include "grade_pictures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "huescope/color_math.hpp"
#include "image/png_file.hpp"
#include "report/atomic_file.hpp"

namespace huescope {
namespace {

namespace fs = std::filesystem;

// Frames shown side by side are at least this far apart, so that one long shot does not fill
// every place.
constexpr double kMinGapSeconds = 2.0;

std::array<double, 3> mean_light(const LinearImage& image) {
    std::array<double, 3> sum{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < image.pixel_count(); ++i) {
        const float* p = image.rgb.data() + i * 3;
        if (!std::isfinite(p[0] + p[1] + p[2])) continue;
        for (int c = 0; c < 3; ++c) sum[c] += p[c];
        ++n;
    }
    for (double& v : sum) v = n > 0 ? v / n : 0.0;
    return sum;
}

std::vector<uint8_t> srgb_pixels(const LinearImage& image) {
    std::vector<uint8_t> out(image.rgb.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = srgb8(std::isfinite(image.rgb[i]) ? image.rgb[i] : 0.0);
    return out;
}

Status write_atomically(const std::string& path,
                        const std::function<Status(const std::string&)>& write) {
    AtomicFile file(path);
    if (Status s = write(file.temp_path()); !s) return s;
    return file.commit();
}

}  // namespace

GradePictures::GradePictures(const GradeOptions& o)
    : m_count(std::size_t(std::max(0, o.focus_frames))) {
    for (std::size_t f = 0; f < o.measure.families.size(); ++f)
        if (o.measure.families[f].name == o.focus_family) m_focus = static_cast<int>(f);
}

void GradePictures::add(const FramePair& pair, const HueTransfer& measured) {
    m_before.add(mean_light(pair.before_linear));
    m_after.add(mean_light(pair.after_linear));
    if (m_focus < 0 || measured.pixels == 0) return;
    const double removed =
        (measured.family_chroma_before[m_focus] - measured.family_chroma_after[m_focus]) /
        double(measured.pixels);
    consider(pair, removed);
}

void GradePictures::consider(const FramePair& pair, double removed) {
    const double score = std::fabs(removed);
    if (m_count == 0 || !(score > 0.0)) return;
    // A candidate near in time is this one's rival: the larger change keeps the place.
    auto slot = std::find_if(m_best.begin(), m_best.end(), [&](const Candidate& c) {
        return std::fabs(c.frame.before_s - pair.before_s) < kMinGapSeconds;
    });
    if (slot == m_best.end() && m_best.size() < m_count) {
        slot = m_best.insert(m_best.end(), Candidate());
    } else if (slot == m_best.end()) {
        slot = std::min_element(m_best.begin(), m_best.end(), [](const auto& a, const auto& b) {
            return std::fabs(a.frame.chroma_removed) < std::fabs(b.frame.chroma_removed);
        });
        if (std::fabs(slot->frame.chroma_removed) >= score) return;
    } else if (std::fabs(slot->frame.chroma_removed) >= score) {
        return;
    }
    Candidate& c = *slot;
    c.frame = GradeFrame{pair.index, pair.before_s, pair.after_s, removed, "", ""};
    c.width = pair.before_linear.width;
    c.height = pair.before_linear.height;
    c.before = srgb_pixels(pair.before_linear);
    c.after = srgb_pixels(pair.after_linear);
}

Status GradePictures::write(const std::string& dir, std::vector<GradeFrame>& frames) const {
    const fs::path out(dir);
    if (m_before.columns() > 0) {
        for (auto [barcode, name] :
             {std::pair{&m_before, "barcode_before"}, std::pair{&m_after, "barcode_after"}}) {
            AtomicFile png((out / (std::string(name) + ".png")).string());
            AtomicFile exr((out / (std::string(name) + ".exr")).string());
            if (Status s = barcode->write_color(png.temp_path(), exr.temp_path()); !s) return s;
            if (Status s = png.commit(); !s) return s;
            if (Status s = exr.commit(); !s) return s;
        }
    }
    std::vector<Candidate> best = m_best;
    std::sort(best.begin(), best.end(),
              [](const Candidate& a, const Candidate& b) { return a.frame.pair < b.frame.pair; });
    frames.clear();
    if (best.empty()) return Status::ok();
    std::error_code ec;
    fs::create_directories(out / "frames", ec);
    if (ec) {
        return Status(ErrorCode::CannotCreate,
                      "cannot create '" + (out / "frames").string() + "': " + ec.message());
    }
    for (const Candidate& c : best) {
        GradeFrame frame = c.frame;
        char stem[32];
        std::snprintf(stem, sizeof stem, "frames/%06lld", static_cast<long long>(frame.pair));
        frame.before_png = std::string(stem) + "_before.png";
        frame.after_png = std::string(stem) + "_after.png";
        for (const auto& side :
             {std::pair{&frame.before_png, &c.before}, std::pair{&frame.after_png, &c.after}}) {
            const std::vector<uint8_t>& pixels = *side.second;
            const auto write = [&](const std::string& path) {
                return write_png_rgb8(path, c.width, c.height, pixels);
            };
            if (Status s = write_atomically((out / *side.first).string(), write); !s) return s;
        }
        frames.push_back(frame);
    }
    return Status::ok();
}

}  // namespace huescope
