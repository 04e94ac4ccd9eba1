#include "checkpoint_state.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace huescope {
namespace {

constexpr std::string_view kMagic = "huescope checkpoint\n";
constexpr uint32_t kFormat = 2;  // bump when a field list below changes

class StateWriter {
  public:
    static constexpr bool kLoading = false;
    // One field list serves both directions; writing only reads the fields it is given.
    template <class... T>
    void operator()(const T&... values) {
        (item(const_cast<T&>(values)), ...);
    }
    void raw(const void* data, std::size_t size) {
        m_bytes.append(static_cast<const char*>(data), size);
    }
    void count(std::size_t& n) {
        const uint64_t v = n;
        raw(&v, sizeof v);
    }
    std::string take() { return std::move(m_bytes); }

  private:
    template <class T>
    void item(T& value);
    std::string m_bytes;
};

class StateReader {
  public:
    static constexpr bool kLoading = true;
    explicit StateReader(std::string_view bytes) : m_bytes(bytes) {}
    template <class... T>
    void operator()(T&... values) {
        (item(values), ...);
    }
    // Past the end, reads give zeros and the reader stays failed: no read runs off the buffer.
    void raw(void* data, std::size_t size) {
        if (!m_ok || size > m_bytes.size() - m_at) {
            m_ok = false;
            std::memset(data, 0, size);
            return;
        }
        std::memcpy(data, m_bytes.data() + m_at, size);
        m_at += size;
    }
    // Every element takes at least a byte: a count larger than what is left is damage, and is
    // refused before anything is allocated for it.
    void count(std::size_t& n) {
        uint64_t v = 0;
        raw(&v, sizeof v);
        if (v > m_bytes.size() - m_at) {
            m_ok = false;
            v = 0;
        }
        n = static_cast<std::size_t>(v);
    }
    bool ok() const { return m_ok; }
    bool at_end() const { return m_at == m_bytes.size(); }

  private:
    template <class T>
    void item(T& value);
    std::string_view m_bytes;
    std::size_t m_at = 0;
    bool m_ok = true;
};

template <class T>
struct is_sequence : std::false_type {};
template <class T>
struct is_sequence<std::vector<T>> : std::true_type {};
template <class T>
struct is_sequence<std::deque<T>> : std::true_type {};
template <>
struct is_sequence<std::string> : std::true_type {};
template <class T>
struct is_array : std::false_type {};
template <class T, std::size_t N>
struct is_array<std::array<T, N>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class K, class V>
struct is_map<std::map<K, V>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};

template <class Archive, class T>
void item_of(Archive& ar, T& value);

template <class Archive, class T>
void item_of(Archive& ar, T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
        ar.raw(&value, sizeof value);
    } else if constexpr (is_array<T>::value) {
        for (auto& element : value) item_of(ar, element);
    } else if constexpr (is_sequence<T>::value) {
        std::size_t n = value.size();
        ar.count(n);
        if constexpr (Archive::kLoading) value.resize(n);
        for (auto& element : value) item_of(ar, element);
    } else if constexpr (is_map<T>::value) {
        std::size_t n = value.size();
        ar.count(n);
        if constexpr (Archive::kLoading) {
            value.clear();
            for (std::size_t i = 0; i < n; ++i) {
                std::pair<typename T::key_type, typename T::mapped_type> entry;
                item_of(ar, entry);
                value.insert(std::move(entry));
            }
        } else {
            for (auto& [key, mapped] : value) {
                item_of(ar, const_cast<typename T::key_type&>(key));
                item_of(ar, mapped);
            }
        }
    } else if constexpr (is_pair<T>::value) {
        item_of(ar, value.first);
        item_of(ar, value.second);
    } else if constexpr (is_tuple<T>::value) {
        std::apply([&](auto&... parts) { (item_of(ar, parts), ...); }, value);
    } else {
        fields(ar, value);  // the type's field list, below
    }
}

template <class T>
void StateWriter::item(T& value) {
    item_of(*this, value);
}
template <class T>
void StateReader::item(T& value) {
    item_of(*this, value);
}

}  // namespace

// The field lists. Every member that changes while frames are measured is listed; members fixed
// at construction (parameters, references to the outputs) are not. Plugin metrics are not here:
// a run with plugins is never checkpointed (their state is their own).

template <class Ar>
void fields(Ar& ar, Rect& r) {
    ar(r.x, r.y, r.width, r.height);
}

template <class Ar>
void fields(Ar& ar, HueAccumulator& a) {
    ar(a.pixels, a.invalid, a.negative, a.near_black, a.near_white, a.low_chroma, a.chromatic);
    ar(a.sum_rgb, a.sum_lightness, a.sum_chroma);
    ar(a.ok_sum_a, a.ok_sum_b, a.ok_sum_c, a.lab_sum_a, a.lab_sum_b, a.lab_sum_c);
    ar(a.ok_hue_hist, a.lab_hue_hist, a.chroma_hist, a.lightness_hist);
    ar(a.family_weight, a.family_count);
}

template <class Ar>
void fields(Ar& ar, HueSummary& s) {
    ar(s.pixels, s.invalid_pixels, s.negative_pixels);
    ar(s.chromatic_fraction, s.near_black_fraction, s.near_white_fraction);
    ar(s.shares, s.hue_weight, s.pixel_shares);
    ar(s.hue_mean_deg, s.hue_mean_lab_deg, s.hue_circular_variance, s.hue_circular_variance_lab);
    ar(s.mean_chroma, s.chroma_p50, s.chroma_p90, s.chroma_p99, s.mean_chroma_chromatic);
    ar(s.mean_lightness, s.mean_rgb, s.lightness_p50, s.hue_histogram, s.hue_histogram_lab);
}

template <class Ar>
void fields(Ar& ar, FrameSignature& s) {
    ar(s.thumbnail, s.oklab, s.histogram, s.black, s.whole_thumbnail, s.whole_oklab);
}

template <class Ar>
void fields(Ar& ar, FrameChange& c) {
    ar(c.picture, c.in_place, c.structure, c.colour);
}

template <class Ar>
void fields(Ar& ar, ShotBoundary& b) {
    ar(b.index, b.kind);
}

template <class Ar>
void fields(Ar& ar, PaletteColor& c) {
    ar(c.weight, c.oklab, c.oklch, c.cielab, c.hex);
}

template <class Ar>
void fields(Ar& ar, ShotResult& s) {
    ar(s.start_frame, s.end_frame, s.start_s, s.end_s, s.frames, s.transition, s.summary,
       s.palette);
}

template <class Ar>
void fields(Ar& ar, MeasuredFrame& f) {
    ar(f.index, f.number, f.time_s, f.acc, f.summary, f.thumbnail_oklab);
}

template <class Ar>
void fields(Ar& ar, Vectorscope& v) {
    ar(v.counts, v.samples);
}

template <class Ar>
void fields(Ar& ar, LetterboxTally& t) {
    ar(t.areas, t.with_bars);
}

template <class Ar>
void fields(Ar& ar, ReadPosition& p) {
    ar(p.number, p.time_s, p.frames_decoded, p.decode_errors, p.concealed_frames);
}

struct StateAccess {
    template <class Ar>
    static void fields(Ar& ar, ShotDetector& d) {
        ar(d.m_window, d.m_changes, d.m_window_start, d.m_count, d.m_cuts_examined,
           d.m_dissolves_examined, d.m_group_start, d.m_group_end, d.m_group_best, d.m_group_dip,
           d.m_black_start, d.m_flash_until, d.m_finished, d.m_boundaries);
    }
    // The marks themselves follow from the options: only the placing is state.
    template <class Ar>
    static void fields(Ar& ar, GivenShots& g) {
        ar(g.m_next, g.m_count, g.m_boundaries);
    }
    template <class Ar>
    static void fields(Ar& ar, ColorCells::Cell& c) {
        ar(c.count, c.l, c.a, c.b);
    }
    template <class Ar>
    static void fields(Ar& ar, ColorCells& c) {
        ar(c.m_cells, c.m_pixels);
    }
    template <class Ar>
    static void fields(Ar& ar, Barcode& b) {
        ar(b.m_means);
    }
    template <class Ar>
    static void fields(Ar& ar, ShotTracker& t) {
        ar(t.m_scope, t.m_pending, t.m_shots, t.m_acc, t.m_cells, t.m_next_boundary, t.m_open);
    }
    // The fixed-size tables a loaded state must have before anything indexes them.
    static bool sizes_ok(const RunState& s) {
        const ColorCells empty;
        const auto scope_ok = [](const Vectorscope& v) {
            return v.counts.size() == std::size_t{Vectorscope::kSize} * Vectorscope::kSize;
        };
        // The detector indexes its thumbnails as 64 x 36 pictures.
        const std::size_t floats = std::size_t{kThumbWidth} * kThumbHeight * 3;
        const auto signature_ok = [&](const FrameSignature& f) {
            return f.thumbnail.size() == floats && f.oklab.size() == floats &&
                   f.whole_thumbnail.size() == f.whole_oklab.size() &&
                   (f.whole_oklab.empty() || f.whole_oklab.size() == floats);
        };
        const std::deque<FrameSignature>& window = s.detector.m_window;
        return scope_ok(s.film_scope) && scope_ok(s.shots.m_scope) &&
               s.film_cells.m_cells.size() == empty.m_cells.size() &&
               s.shots.m_cells.m_cells.size() == empty.m_cells.size() &&
               std::all_of(window.begin(), window.end(), signature_ok) &&
               window.size() == s.detector.m_changes.size();
    }
};

// The classes above keep their state private; their field lists are StateAccess's.
template <class Ar, class T>
auto fields(Ar& ar, T& value) -> decltype(StateAccess::fields(ar, value)) {
    StateAccess::fields(ar, value);
}

template <class Ar>
void fields(Ar& ar, RunState& s) {
    ar(s.detector, s.given, s.shots, s.film_cells, s.film_scope, s.barcode, s.letterbox, s.film);
    ar(s.frames_analyzed, s.first_time_s, s.last_time_s, s.last_width, s.last_height, s.last);
    ar(s.source_notes, s.resumed_after);
}

template <class Ar>
void fields(Ar& ar, CheckpointRecord& r) {
    ar(r.key, r.csv_bytes, r.hue_rows, r.scope_shots);
}

namespace {

// FNV-1a: any damaged byte of a checkpoint is caught before its contents are believed.
uint64_t checksum(std::string_view bytes) {
    uint64_t h = 1469598103934665603ull;
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

}  // namespace

std::string encode_checkpoint(const CheckpointRecord& record, const RunState& state) {
    StateWriter out;
    out.raw(kMagic.data(), kMagic.size());
    out(kFormat, record, state);
    std::string bytes = out.take();
    const uint64_t sum = checksum(std::string_view(bytes).substr(kMagic.size()));
    bytes.append(reinterpret_cast<const char*>(&sum), sizeof sum);
    return bytes;
}

Status decode_checkpoint(std::string_view bytes, const std::string& expected_key,
                         CheckpointRecord& record, RunState& state) {
    if (bytes.size() < kMagic.size() + sizeof(uint64_t) ||
        bytes.substr(0, kMagic.size()) != kMagic) {
        return Status(ErrorCode::BadData, "the checkpoint is damaged (not a huescope checkpoint)");
    }
    const std::string_view payload =
        bytes.substr(kMagic.size(), bytes.size() - kMagic.size() - sizeof(uint64_t));
    uint64_t sum = 0;
    std::memcpy(&sum, bytes.data() + bytes.size() - sizeof sum, sizeof sum);
    if (sum != checksum(payload)) return Status(ErrorCode::BadData, "the checkpoint is damaged");
    StateReader in(payload);
    uint32_t format = 0;
    in(format);
    if (format != kFormat) {
        return Status(ErrorCode::InvalidArgument,
                      "the checkpoint was written by another version of huescope");
    }
    in(record);
    if (!in.ok()) return Status(ErrorCode::BadData, "the checkpoint is damaged");
    if (record.key != expected_key) {
        return Status(ErrorCode::InvalidArgument,
                      "the checkpoint belongs to another input or other parameters");
    }
    try {
        in(state);
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::BadData, "the checkpoint is damaged (implausible sizes)");
    }
    if (!in.ok() || !in.at_end() || !StateAccess::sizes_ok(state)) {
        return Status(ErrorCode::BadData, "the checkpoint is damaged");
    }
    return Status::ok();
}

std::string encode_frame_record(const PreparedFrame& frame) {
    StateWriter out;
    out(frame.read, frame.frame.image.width, frame.frame.image.height, frame.area, frame.acc,
        frame.signature.thumbnail, frame.signature.whole_thumbnail);
    return out.take();
}

Status decode_frame_record(std::string_view bytes, PreparedFrame& frame) {
    StateReader in(bytes);
    std::vector<float> thumbnail, whole;
    try {
        in(frame.read, frame.frame.image.width, frame.frame.image.height, frame.area, frame.acc,
           thumbnail, whole);
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::BadData, "a frame record of the journal is damaged");
    }
    const std::size_t thumbnail_floats = static_cast<std::size_t>(kThumbWidth) * kThumbHeight * 3;
    if (!in.ok() || !in.at_end() || thumbnail.size() != thumbnail_floats ||
        (!whole.empty() && whole.size() != thumbnail_floats)) {
        return Status(ErrorCode::BadData, "a frame record of the journal is damaged");
    }
    frame.frame.image.rgb.clear();  // a replayed frame has no pixels
    frame.frame.number = frame.read.number;
    frame.frame.time_s = frame.read.time_s;
    frame.signature = signature_from_thumbnail(std::move(thumbnail), std::move(whole));
    return Status::ok();
}

}  // namespace huescope
