#include "ffmpeg_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

#include "frame_codes.hpp"
#include "huescope/code_decoder.hpp"
#include "huescope/encoding_resolver.hpp"
#include "libav_ptr.hpp"

extern "C" {
#include <libavutil/mastering_display_metadata.h>
#include <libavutil/pixdesc.h>
}

namespace huescope {
namespace {

std::string name_or_unknown(const char* name) {
    return name != nullptr ? name : "unknown";
}

// FFmpeg keeps these tags as enums but stores whatever a file says (a damaged file gave 100).
// In C++, loading an enum that holds a value outside its range is undefined (UBSan stopped on it
// while fuzzing), so the field's bytes are read as an int, checked, and only then converted.
template <typename Enum>
std::string tag_name(const Enum& field, Enum unspecified, Enum count, const char* (*name)(Enum)) {
    static_assert(sizeof(Enum) == sizeof(int));
    int value = 0;
    std::memcpy(&value, &field, sizeof value);
    if (value == static_cast<int>(unspecified) || value < 0 || value >= static_cast<int>(count)) {
        return "unknown";
    }
    return name_or_unknown(name(static_cast<Enum>(value)));
}

// Taken by reference: binding a reference loads nothing.
RawColorTags tags_of(const AVColorSpace& matrix, const AVColorRange& range,
                     const AVColorTransferCharacteristic& trc, const AVColorPrimaries& primaries) {
    RawColorTags tags;
    tags.matrix = tag_name(matrix, AVCOL_SPC_UNSPECIFIED, AVCOL_SPC_NB, av_color_space_name);
    tags.range = tag_name(range, AVCOL_RANGE_UNSPECIFIED, AVCOL_RANGE_NB, av_color_range_name);
    tags.transfer = tag_name(trc, AVCOL_TRC_UNSPECIFIED, AVCOL_TRC_NB, av_color_transfer_name);
    tags.primaries =
        tag_name(primaries, AVCOL_PRI_UNSPECIFIED, AVCOL_PRI_NB, av_color_primaries_name);
    return tags;
}

// The frame's own tags win where set (they come from the bitstream); the container fills the rest.
RawColorTags overlay(const RawColorTags& base, const RawColorTags& top) {
    RawColorTags out = base;
    if (top.matrix != "unknown") out.matrix = top.matrix;
    if (top.range != "unknown") out.range = top.range;
    if (top.transfer != "unknown") out.transfer = top.transfer;
    if (top.primaries != "unknown") out.primaries = top.primaries;
    return out;
}

bool same_tags(const RawColorTags& a, const RawColorTags& b) {
    return a.matrix == b.matrix && a.range == b.range && a.transfer == b.transfer &&
           a.primaries == b.primaries;
}

std::string subsampling_name(const AVPixFmtDescriptor* desc) {
    if (desc == nullptr || desc->nb_components < 3 || (desc->flags & AV_PIX_FMT_FLAG_RGB)) {
        return desc != nullptr && desc->nb_components < 3 ? "gray" : "4:4:4";
    }
    const int w = desc->log2_chroma_w, h = desc->log2_chroma_h;
    if (w == 0 && h == 0) return "4:4:4";
    if (w == 1 && h == 0) return "4:2:2";
    if (w == 1 && h == 1) return "4:2:0";
    if (w == 2 && h == 0) return "4:1:1";
    if (w == 2 && h == 2) return "4:1:0";
    return "2^" + std::to_string(w) + "x2^" + std::to_string(h);
}

// HDR10 static metadata from the first frame (bitstream SEI), or else the stream (container).
HdrMetadata hdr_metadata(const AVFrame& frame, const AVStream& stream) {
    HdrMetadata hdr;
    const AVMasteringDisplayMetadata* mastering = nullptr;
    const AVContentLightMetadata* light = nullptr;
    if (const AVFrameSideData* sd =
            av_frame_get_side_data(&frame, AV_FRAME_DATA_MASTERING_DISPLAY_METADATA)) {
        mastering = reinterpret_cast<const AVMasteringDisplayMetadata*>(sd->data);
    } else {
        mastering = reinterpret_cast<const AVMasteringDisplayMetadata*>(
            av_stream_get_side_data(&stream, AV_PKT_DATA_MASTERING_DISPLAY_METADATA, nullptr));
    }
    if (const AVFrameSideData* sd =
            av_frame_get_side_data(&frame, AV_FRAME_DATA_CONTENT_LIGHT_LEVEL)) {
        light = reinterpret_cast<const AVContentLightMetadata*>(sd->data);
    } else {
        light = reinterpret_cast<const AVContentLightMetadata*>(
            av_stream_get_side_data(&stream, AV_PKT_DATA_CONTENT_LIGHT_LEVEL, nullptr));
    }
    if (mastering != nullptr && mastering->has_primaries) {
        hdr.has_mastering_display = true;
        const auto xy = [](const AVRational* p) {
            return Chromaticity{av_q2d(p[0]), av_q2d(p[1])};
        };
        hdr.display_red = xy(mastering->display_primaries[0]);
        hdr.display_green = xy(mastering->display_primaries[1]);
        hdr.display_blue = xy(mastering->display_primaries[2]);
        hdr.display_white = xy(mastering->white_point);
        if (mastering->has_luminance) {
            hdr.display_min_nits = av_q2d(mastering->min_luminance);
            hdr.display_max_nits = av_q2d(mastering->max_luminance);
        }
    }
    if (light != nullptr) {
        hdr.has_light_level = true;
        hdr.max_cll = static_cast<int>(light->MaxCLL);
        hdr.max_fall = static_cast<int>(light->MaxFALL);
    }
    return hdr;
}

class FfmpegSource final : public FrameSource {
  public:
    Status open(const std::string& path, const SourceOptions& options);
    const SourceInfo& info() const override { return m_info; }
    Result<bool> next(Frame& frame) override;
    int64_t decode_errors() const override { return m_decode_errors; }
    int64_t concealed_frames() const override { return m_concealed; }
    Status seek(double time_s) override;
    Status resume_after(int64_t number, double time_s, int64_t decode_errors,
                        int64_t concealed_frames) override;

  private:
    Result<bool> receive(AVFrame& frame);  // next decoded frame from libav, false at end
    Status resolve_color(const AVFrame* first_frame);
    /// Checks a decoded frame's size against the limit and notes changes of size, pixel format
    /// and timestamps going backwards (which a concatenated or spliced file has).
    Status check_frame(const AVFrame& frame, double time_s);
    double frame_time(const AVFrame& frame) const;

    SourceInfo m_info;
    SourceOptions m_options;
    libav::FormatContextPtr m_format;
    libav::CodecContextPtr m_codec;
    libav::PacketPtr m_packet;
    libav::FramePtr m_frame;
    AVStream* m_stream = nullptr;
    std::optional<CodeDecoder> m_decoder;
    CodeImage m_codes;
    bool m_have_pending = false;  // m_frame holds the first frame, read during open()
    bool m_flushing = false;
    bool m_finished = false;
    int64_t m_decoded = 0;
    int64_t m_decode_errors = 0;
    int64_t m_concealed = 0;
    int m_last_width = 0, m_last_height = 0, m_last_format = -1;
    double m_last_time = -1e300;
    int m_changes_noted = 0;
    bool m_backwards_noted = false;
    bool m_numbers_from_time = false;     // after a seek or with keyframes only: from timestamps
    std::optional<double> m_seek_target;  // set by seek(), settled by the next next()
    libav::FramePtr m_lookahead;          // the frame after the one a seek landed on
    bool m_have_lookahead = false;

    Result<bool> settle_seek();
};

Status FfmpegSource::open(const std::string& path, const SourceOptions& options) {
    m_options = options;
    m_info.path = path;
    m_info.kind = "video";

    AVFormatContext* raw = avformat_alloc_context();
    if (raw == nullptr) return Status(ErrorCode::Internal, "out of memory");
    if (options.cancel != nullptr) {
        // libavformat polls this during reads that wait: Ctrl-C ends them.
        raw->interrupt_callback.callback = [](void* flag) {
            return static_cast<const std::atomic<bool>*>(flag)->load() ? 1 : 0;
        };
        raw->interrupt_callback.opaque = const_cast<std::atomic<bool>*>(options.cancel);
    }
    if (int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr); err < 0) {
        // avformat_open_input frees the context on failure.
        const bool no_input = err == AVERROR(ENOENT) || err == AVERROR(EACCES);
        if (err == AVERROR_EXIT) return Status(ErrorCode::Interrupted, "interrupted");
        return Status(no_input ? ErrorCode::NoInput : ErrorCode::BadData,
                      "cannot open '" + path + "': " + libav::error_string(err));
    }
    m_format.reset(raw);
    if (int err = avformat_find_stream_info(m_format.get(), nullptr); err < 0) {
        return Status(ErrorCode::BadData,
                      "'" + path + "' is not readable media: " + libav::error_string(err));
    }

    int index = options.stream_index;
    if (index < 0) {
        index = av_find_best_stream(m_format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (index < 0) return Status(ErrorCode::BadData, "'" + path + "' has no video stream");
    } else if (index >= static_cast<int>(m_format->nb_streams) ||
               m_format->streams[index]->codecpar->codec_type != AVMEDIA_TYPE_VIDEO) {
        return Status(ErrorCode::InvalidArgument,
                      "'" + path + "' has no video stream with index " + std::to_string(index));
    }
    m_stream = m_format->streams[index];
    for (unsigned i = 0; i < m_format->nb_streams; ++i) {
        if (static_cast<int>(i) != index) m_format->streams[i]->discard = AVDISCARD_ALL;
    }
    const AVCodecParameters* par = m_stream->codecpar;
    if (Status s = check_frame_size(path, "the container claims frames of", par->width, par->height,
                                    options);
        !s) {
        return s;
    }
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    if (codec == nullptr) {
        return Status(ErrorCode::Unsupported, "'" + path + "': no decoder for codec '" +
                                                  avcodec_get_name(par->codec_id) + "'");
    }
    m_codec.reset(avcodec_alloc_context3(codec));
    if (!m_codec) return Status(ErrorCode::Internal, "out of memory allocating a decoder");
    if (int err = avcodec_parameters_to_context(m_codec.get(), par); err < 0) {
        return Status(ErrorCode::BadData, "'" + path + "': " + libav::error_string(err));
    }
    m_codec->thread_count = 0;  // let libavcodec pick frame/slice threads for the machine
    // The decoder refuses larger pictures itself, before allocating them.
    m_codec->max_pixels = static_cast<int64_t>(options.max_frame_width) * options.max_frame_height;
    if (options.keyframes_only) {
        m_codec->skip_frame = AVDISCARD_NONKEY;
        m_numbers_from_time = true;  // decode order no longer counts the source's frames
    }
    m_codec->pkt_timebase = m_stream->time_base;
    if (int err = avcodec_open2(m_codec.get(), codec, nullptr); err < 0) {
        return Status(ErrorCode::BadData,
                      "'" + path + "': cannot open the decoder: " + libav::error_string(err));
    }
    m_packet.reset(av_packet_alloc());
    m_frame.reset(av_frame_alloc());
    if (!m_packet || !m_frame) return Status(ErrorCode::Internal, "out of memory");

    m_info.container = m_format->iformat->name;
    m_info.codec = avcodec_get_name(par->codec_id);
    m_info.stream_index = index;
    m_info.width = par->width;
    m_info.height = par->height;
    const AVRational rate =
        m_stream->avg_frame_rate.num > 0 ? m_stream->avg_frame_rate : m_stream->r_frame_rate;
    m_info.frame_rate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    m_info.frame_rate_from = "stream";
    // A rate no camera or display uses (a damaged or hostile header) would place every frame
    // without a timestamp absurdly and steer the colour assumptions made from the rate.
    constexpr double kMinPlausibleFps = 1.0 / 60.0, kMaxPlausibleFps = 1000.0;
    if (options.frame_rate) {
        m_info.frame_rate = *options.frame_rate;
        m_info.frame_rate_from = "user";
    } else if (!(m_info.frame_rate >= kMinPlausibleFps && m_info.frame_rate <= kMaxPlausibleFps)) {
        char claimed[64];
        std::snprintf(claimed, sizeof claimed, "%g", m_info.frame_rate);
        m_info.notes.push_back(std::string("the stream claims ") + claimed +
                               " frames per second, which no camera or display uses: assumed "
                               "24 (use --fps)");
        m_info.frame_rate = 24.0;
        m_info.frame_rate_from = "assumed";
    }
    if (m_stream->duration != AV_NOPTS_VALUE) {
        m_info.duration_s = m_stream->duration * av_q2d(m_stream->time_base);
    } else if (m_format->duration != AV_NOPTS_VALUE) {
        m_info.duration_s = m_format->duration / double(AV_TIME_BASE);
    }
    if (m_stream->nb_frames > 0) {
        m_info.frame_count = m_stream->nb_frames;
    } else if (m_info.duration_s > 0 && m_info.frame_rate > 0) {
        m_info.frame_count = std::llround(m_info.duration_s * m_info.frame_rate);
        m_info.frame_count_estimated = true;
    }
    m_info.tags = tags_of(par->color_space, par->color_range, par->color_trc, par->color_primaries);

    // Decode the first frame now: its bitstream tags and pixel format are the truth for the stream.
    Result<bool> got = receive(*m_frame);
    if (!got) return got.status();
    if (!got.value())
        return Status(ErrorCode::BadData, "'" + path + "' has no decodable video frame");
    m_have_pending = true;
    return resolve_color(m_frame.get());
}

Status FfmpegSource::resolve_color(const AVFrame* first) {
    const auto format = static_cast<AVPixelFormat>(first->format);
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    m_info.pixel_format = name_or_unknown(av_get_pix_fmt_name(format));
    m_info.bit_depth = desc != nullptr ? desc->comp[0].depth : 0;
    m_info.chroma_subsampling = subsampling_name(desc);
    m_info.width = first->width;
    m_info.height = first->height;
    libav::analysis_grid(format, first->width, first->height, m_info.analysis_width,
                         m_info.analysis_height);

    PixelModel model{};
    if (Status s = libav::check_pixel_format(format, model); !s) {
        return Status(s.code(), "'" + m_info.path + "': " + s.message());
    }
    const RawColorTags frame_tags =
        tags_of(first->colorspace, first->color_range, first->color_trc, first->color_primaries);
    const RawColorTags used = overlay(m_info.tags, frame_tags);
    if (!same_tags(used, m_info.tags)) m_info.frame_tags = frame_tags;

    StreamShape shape;
    shape.width = first->width;
    shape.height = first->height;
    shape.frame_rate = m_info.frame_rate;
    shape.rgb = model == PixelModel::Rgb;
    shape.gray = model == PixelModel::Gray;
    shape.full_range_pixel_format = m_info.pixel_format.rfind("yuvj", 0) == 0;
    Result<ColorEncoding> enc = resolve_encoding(used, shape, m_options.overrides);
    if (!enc)
        return Status(enc.status().code(), "'" + m_info.path + "': " + enc.status().message());
    m_info.color = enc.value();
    m_info.hdr = hdr_metadata(*first, *m_stream);
    if (desc != nullptr && (desc->flags & AV_PIX_FMT_FLAG_ALPHA)) {
        m_info.notes.push_back("the picture has an alpha channel: it is ignored for colour");
    }
    if (first->interlaced_frame) {
        m_info.notes.push_back(
            std::string("interlaced (") + (first->top_field_first ? "top" : "bottom") +
            " field first): measured as frames, luma averaged within each field");
    }
    if (!same_tags(used, m_info.tags)) {
        m_info.color.notes.push_back(
            "the bitstream's colour tags differ from the container's; "
            "the bitstream's were used");
    }
    return Status::ok();
}

Result<bool> FfmpegSource::receive(AVFrame& frame) {
    while (!m_finished) {
        const int got = avcodec_receive_frame(m_codec.get(), &frame);
        if (got == 0) {
            ++m_decoded;
            if (frame.decode_error_flags != 0 || (frame.flags & AV_FRAME_FLAG_CORRUPT) != 0) {
                ++m_concealed;
            }
            return true;
        }
        if (got == AVERROR_EOF) {
            m_finished = true;
            break;
        }
        if (got != AVERROR(EAGAIN)) {
            ++m_decode_errors;  // a damaged frame: count it and carry on
            continue;
        }
        if (m_flushing) {
            m_finished = true;
            break;
        }
        const int read = av_read_frame(m_format.get(), m_packet.get());
        if (read == AVERROR_EXIT) {  // the interrupt callback: the user asked to stop
            return Status(ErrorCode::Interrupted,
                          "interrupted; earlier outputs were left as they were");
        }
        if (read < 0) {
            // End of file, or a read error: either way, drain what the decoder holds.
            if (read != AVERROR_EOF) ++m_decode_errors;
            m_flushing = true;
            avcodec_send_packet(m_codec.get(), nullptr);
            continue;
        }
        const bool wanted = !m_options.keyframes_only || (m_packet->flags & AV_PKT_FLAG_KEY);
        if (m_packet->stream_index == m_stream->index && wanted) {
            if (avcodec_send_packet(m_codec.get(), m_packet.get()) < 0) ++m_decode_errors;
        }
        av_packet_unref(m_packet.get());
    }
    return false;
}

double FfmpegSource::frame_time(const AVFrame& frame) const {
    const int64_t pts = frame.best_effort_timestamp;
    if (pts == AV_NOPTS_VALUE) {
        return m_info.frame_rate > 0 ? double(m_decoded - 1) / m_info.frame_rate : 0.0;
    }
    const int64_t start = m_stream->start_time != AV_NOPTS_VALUE ? m_stream->start_time : 0;
    return double(pts - start) * av_q2d(m_stream->time_base);
}

Status FfmpegSource::check_frame(const AVFrame& frame, double time_s) {
    const std::string which = "frame " + std::to_string(m_decoded - 1);
    if (Status s =
            check_frame_size(m_info.path, which + " is", frame.width, frame.height, m_options);
        !s) {
        return s;
    }
    const bool changed =
        m_last_format >= 0 && (frame.width != m_last_width || frame.height != m_last_height ||
                               frame.format != m_last_format);
    constexpr int kChangesNoted = 5;  // a stream that changes every frame must not flood the notes
    if (changed && m_changes_noted++ < kChangesNoted) {
        const auto format_name = [](int f) {
            const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(f));
            return std::string(name != nullptr ? name : "unknown");
        };
        m_info.notes.push_back(
            which + " changes the picture from " + std::to_string(m_last_width) + "x" +
            std::to_string(m_last_height) + " " + format_name(m_last_format) + " to " +
            std::to_string(frame.width) + "x" + std::to_string(frame.height) + " " +
            format_name(frame.format) + "; every frame is measured on its own grid");
    }
    if (time_s < m_last_time && !m_backwards_noted) {
        m_backwards_noted = true;
        m_info.notes.push_back(which +
                               "'s timestamp goes back in time (a splice or a "
                               "concatenation?): times in frames.csv are the file's own");
    }
    m_last_width = frame.width;
    m_last_height = frame.height;
    m_last_format = frame.format;
    m_last_time = time_s;
    return Status::ok();
}

Status FfmpegSource::seek(double time_s) {
    // A second early: MP4 indexes keyframes by decode time, so a keyframe found for the time
    // itself can show later than it when B-frames reorder. Then decode forward to the time.
    const int64_t start = m_stream->start_time != AV_NOPTS_VALUE ? m_stream->start_time : 0;
    const int64_t target =
        start + static_cast<int64_t>((time_s - 1.0) / av_q2d(m_stream->time_base));
    if (int err = av_seek_frame(m_format.get(), m_stream->index, std::max(start, target),
                                AVSEEK_FLAG_BACKWARD);
        err < 0) {
        return Status(ErrorCode::Unsupported,
                      "'" + m_info.path + "': cannot seek: " + libav::error_string(err));
    }
    avcodec_flush_buffers(m_codec.get());
    m_have_pending = m_have_lookahead = false;
    m_flushing = m_finished = false;
    m_numbers_from_time = true;
    m_seek_target = time_s;
    m_last_time = -1e300;  // going back is what a seek does
    return Status::ok();
}

Status FfmpegSource::resume_after(int64_t number, double time_s, int64_t decode_errors,
                                  int64_t concealed_frames) {
    if (Status s = seek(time_s); !s) return s;
    m_seek_target.reset();  // found exactly below, and nothing decoded past it
    // The same packet decodes to the same timestamp, bit for bit: a frame past it, or none, means
    // another file or a seek that missed.
    while (true) {
        av_frame_unref(m_frame.get());
        Result<bool> got = receive(*m_frame);
        if (!got) return got.status();
        const double time = got.value() ? frame_time(*m_frame) : HUGE_VAL;
        if (time == time_s) break;
        if (time > time_s) {
            return Status(ErrorCode::BadData,
                          "'" + m_info.path + "': frame " + std::to_string(number) +
                              ", where the analysis stopped, cannot be found again");
        }
    }
    // The earlier run measured this frame: go on after it, counting as a straight read would
    // (keyframes-only numbers stay from time), with its counts of damage.
    m_have_pending = false;
    m_numbers_from_time = m_options.keyframes_only;
    m_decoded = number + 1;
    m_decode_errors = decode_errors;
    m_concealed = concealed_frames;
    m_last_width = m_frame->width;
    m_last_height = m_frame->height;
    m_last_format = m_frame->format;
    m_last_time = time_s;
    return Status::ok();
}

// Decodes forward to the frame showing at the seek target: the last one starting at or before
// it (the next one is kept as the lookahead), or the last frame of the file when the target is
// past it, or the first one after when the target is before the first.
Result<bool> FfmpegSource::settle_seek() {
    const double target = *m_seek_target;
    m_seek_target.reset();
    const double slack = m_info.frame_rate > 0 ? 0.25 / m_info.frame_rate : 1e-6;
    if (!m_lookahead) m_lookahead.reset(av_frame_alloc());
    if (!m_lookahead) return Status(ErrorCode::Internal, "out of memory");
    bool have_shown = false;  // m_lookahead holds the latest frame at or before the target
    while (true) {
        av_frame_unref(m_frame.get());
        Result<bool> got = receive(*m_frame);
        if (!got) return got;
        if (!got.value()) {
            if (!have_shown) return false;
            av_frame_move_ref(m_frame.get(), m_lookahead.get());
            m_have_pending = true;
            return true;
        }
        if (frame_time(*m_frame) <= target + slack) {
            av_frame_unref(m_lookahead.get());
            av_frame_move_ref(m_lookahead.get(), m_frame.get());
            have_shown = true;
            continue;
        }
        if (have_shown) {  // m_frame is the next one: swap so the shown frame comes first
            std::swap(m_frame, m_lookahead);
            m_have_lookahead = true;
        }
        m_have_pending = true;
        return true;
    }
}

Result<bool> FfmpegSource::next(Frame& out) {
    if (m_seek_target) {
        Result<bool> settled = settle_seek();
        if (!settled || !settled.value()) return settled;
    }
    if (!m_have_pending && m_have_lookahead) {
        std::swap(m_frame, m_lookahead);
        m_have_lookahead = false;
        m_have_pending = true;
    }
    if (!m_have_pending) {
        av_frame_unref(m_frame.get());
        Result<bool> got = receive(*m_frame);
        if (!got || !got.value()) return got;
    }
    m_have_pending = false;
    if (!m_decoder) {
        Result<CodeDecoder> decoder = CodeDecoder::create(m_info.color);
        if (!decoder) {
            return Status(decoder.status().code(),
                          "'" + m_info.path + "': " + decoder.status().message());
        }
        m_decoder.emplace(std::move(decoder).value());
    }
    // The size is checked before extract_codes() allocates anything for the frame.
    if (Status s = check_frame(*m_frame, frame_time(*m_frame)); !s) return s;
    if (Status s = libav::extract_codes(*m_frame, m_codes); !s) {
        return Status(s.code(), "'" + m_info.path + "', frame " + std::to_string(m_decoded - 1) +
                                    ": " + s.message());
    }
    if (m_numbers_from_time && m_frame->best_effort_timestamp == AV_NOPTS_VALUE) {
        // Counting decoded frames no longer counts the source's frames: without a timestamp
        // there is no telling which frame this is.
        return Status(ErrorCode::Unsupported,
                      "'" + m_info.path +
                          "': a frame has no timestamp, so keyframes or a seek cannot be placed");
    }
    out.time_s = frame_time(*m_frame);
    out.number = m_numbers_from_time && m_info.frame_rate > 0
                     ? std::llround(out.time_s * m_info.frame_rate)
                     : m_decoded - 1;
    m_decoder->decode(m_codes, out.image);
    if (m_options.encoded_rgb) m_decoder->decode_encoded(m_codes, out.encoded);
    return true;
}

}  // namespace

Result<std::unique_ptr<FrameSource>> open_ffmpeg_source(const std::string& path,
                                                        const SourceOptions& options) {
    av_log_set_level(AV_LOG_FATAL);  // our own messages name the file and problem
    auto source = std::make_unique<FfmpegSource>();
    if (Status s = source->open(path, options); !s) return s;
    return std::unique_ptr<FrameSource>(std::move(source));
}

}  // namespace huescope
