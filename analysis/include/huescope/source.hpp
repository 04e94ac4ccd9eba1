#pragma once
// A source of frames: a video file (through FFmpeg) or an OpenEXR sequence. The rest of huescope
// sees only these types; the adapters live in src/decode and src/exr.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "huescope/color_encoding.hpp"
#include "huescope/image.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// The colour tags exactly as the stream states them (FFmpeg's names; "unknown" when absent).
struct RawColorTags {
    std::string matrix = "unknown";
    std::string range = "unknown";
    std::string transfer = "unknown";
    std::string primaries = "unknown";
};

/// HDR10 static metadata (SMPTE ST 2086 mastering display, CTA-861.3 content light level).
struct HdrMetadata {
    bool has_mastering_display = false;
    Chromaticity display_red, display_green, display_blue, display_white;
    double display_min_nits = 0.0, display_max_nits = 0.0;
    bool has_light_level = false;
    int max_cll = 0;   ///< brightest pixel of the programme, cd/m2
    int max_fall = 0;  ///< brightest frame average, cd/m2
};

/// What a source is, as `huescope probe` reports it.
struct SourceInfo {
    std::string path;
    std::string kind;       ///< "video" or "exr-sequence"
    std::string container;  ///< e.g. "matroska,webm", or "openexr"
    std::string codec;
    int stream_index = -1;
    int width = 0;
    int height = 0;
    int analysis_width = 0;  ///< the grid hue is measured on (the chroma grid for 4:2:0)
    int analysis_height = 0;
    double frame_rate = 0.0;
    std::string frame_rate_from;  ///< "stream", "header", "user" or "assumed"
    double duration_s = 0.0;      ///< 0 when unknown
    int64_t frame_count = 0;      ///< 0 when unknown
    bool frame_count_estimated = false;
    int64_t first_frame_number = 0;
    std::string pixel_format;
    int bit_depth = 0;
    std::string chroma_subsampling;  ///< "4:2:0", "4:2:2", "4:4:4", ...
    RawColorTags tags;               ///< container/codec parameters
    RawColorTags frame_tags;         ///< from the first decoded frame (bitstream), when it differs
    ColorEncoding color;             ///< the decode that will be used
    HdrMetadata hdr;                 ///< recorded as found; the decode does not depend on it
    std::vector<std::string> notes;  ///< other facts and assumptions (frame rate, gaps, ...)
};

/// One decoded picture in linear light, with its position in the source.
struct Frame {
    int64_t number = 0;  ///< 0-based decode order for video; the file's frame number for sequences
    double time_s = 0.0;
    LinearImage image;
    /// With SourceOptions::encoded_rgb: the same picture as normalised R'G'B' code values in the
    /// source's own encoding (not linear light; the type only shares the layout). Else empty.
    LinearImage encoded;
};

class FrameSource {
  public:
    virtual ~FrameSource() = default;
    virtual const SourceInfo& info() const = 0;
    /// Reads the next frame. Returns false at the end of the source.
    virtual Result<bool> next(Frame& frame) = 0;
    /// Damaged packets or frames skipped so far (the analysis continues past them).
    virtual int64_t decode_errors() const { return 0; }
    /// Frames delivered with damage the decoder concealed (they are measured as shown).
    virtual int64_t concealed_frames() const { return 0; }
    /// Positions the source so that the next frame read is the one showing at `time_s` (the last
    /// frame at or past the end; the first when before it). For viewers; an analysis reads
    /// straight through. After a seek, a video frame's `number` is its time × the frame rate.
    virtual Status seek(double time_s) = 0;
    /// Positions the source just after a frame that an earlier straight read delivered
    /// (`number`, `time_s`), as if that read had gone on: numbers continue its count, and the
    /// counts of decode errors and concealed frames go on from the ones it had by then. For
    /// resuming an interrupted analysis; an error when the frame is not found where it was.
    virtual Status resume_after(int64_t number, double time_s, int64_t decode_errors,
                                int64_t concealed_frames) = 0;
};

/// The largest frame side huescope accepts by default (docs/robustness.md): 16K, beyond any
/// camera or delivery format, and small enough that a frame's buffers stay allocatable.
inline constexpr int kDefaultMaxFrameSide = 16384;

struct SourceOptions {
    int stream_index = -1;  ///< -1: the first video stream
    /// Frames larger than this are refused before their pictures are allocated: the container's
    /// claim when the source opens, and every decoded frame again (a stream can change size).
    int max_frame_width = kDefaultMaxFrameSide;
    int max_frame_height = kDefaultMaxFrameSide;
    /// When this becomes true, reads that would block give up (Ctrl-C on a stalled input).
    const std::atomic<bool>* cancel = nullptr;
    ColorOverrides overrides;
    std::optional<double> frame_rate;  ///< image sequences without a rate; overrides a video's
    /// Video: decode keyframes only (non-key packets are never sent to the decoder). Image
    /// sequences have only complete frames: no effect.
    bool keyframes_only = false;
    /// Also deliver each frame's normalised R'G'B' code values (range and matrix undone, the
    /// transfer function and primaries not), in the source's own encoding, as Frame::encoded.
    /// For the grade analysis, which fits a LUT on the encoded values.
    bool encoded_rgb = false;
};

/// The error for a frame (or a container's claim of one) beyond the options' maximum size, or ok.
/// `what` says whose size it is ("the container claims frames of", "frame 12 is").
Status check_frame_size(const std::string& path, const std::string& what, int width, int height,
                        const SourceOptions& options);

/// Opens a video file, an EXR file, an EXR sequence pattern (`shot.%04d.exr`, `shot.####.exr`) or a
/// folder of EXR files.
Result<std::unique_ptr<FrameSource>> open_source(const std::string& path,
                                                 const SourceOptions& options);

}  // namespace huescope
