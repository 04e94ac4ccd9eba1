#include "exr_source.hpp"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfStandardAttributes.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <exception>
#include <optional>

#include "exr_header_check.hpp"
#include "exr_sequence.hpp"
#include "huescope/code_decoder.hpp"
#include "huescope/color_math.hpp"

namespace huescope {
namespace {

// Names a chromaticities attribute after a standard space when it matches one.
Primaries primaries_from_header(const Imf::Chromaticities& c) {
    Primaries p{"custom",
                {c.red.x, c.red.y},
                {c.green.x, c.green.y},
                {c.blue.x, c.blue.y},
                {c.white.x, c.white.y}};
    for (const char* name : {"bt709", "bt2020", "dci-p3", "display-p3", "aces-ap0", "aces-ap1"}) {
        Primaries standard;
        standard_primaries(name, standard);
        auto near = [](const Chromaticity& a, const Chromaticity& b) {
            return std::fabs(a.x - b.x) < 1e-4 && std::fabs(a.y - b.y) < 1e-4;
        };
        if (near(p.red, standard.red) && near(p.green, standard.green) &&
            near(p.blue, standard.blue) && near(p.white, standard.white)) {
            return standard;
        }
    }
    return p;
}

// OpenEXR refuses a data window beyond Header::setMaxImageSize while it reads the header, before
// it allocates anything, with this message (OpenEXR 3.1, Debian 12; hostile_test.cpp checks it).
// That is a frame beyond the limit, which stops the analysis, not a damaged frame to skip.
bool is_size_limit(const std::exception& e) {
    return std::strstr(e.what(), "of the data window exceeds the maximum") != nullptr;
}

Status size_limit_status(const std::string& path, const SourceOptions& options) {
    return Status(ErrorCode::Unsupported,
                  "'" + path + "': the data window is beyond the limit of " +
                      std::to_string(options.max_frame_width) + "x" +
                      std::to_string(options.max_frame_height) + " (--max-frame-size)");
}

class ExrSource final : public FrameSource {
  public:
    Status open(const std::string& path, const SourceOptions& options);
    const SourceInfo& info() const override { return m_info; }
    Result<bool> next(Frame& frame) override;
    Status seek(double time_s) override;
    Status resume_after(int64_t number, double time_s, int64_t decode_errors,
                        int64_t concealed_frames) override;
    int64_t decode_errors() const override { return m_unreadable; }

  private:
    Status read_file(const SequenceFile& file, Frame& frame);

    SourceInfo m_info;
    SourceOptions m_options;
    int64_t m_unreadable = 0;  // frames of the sequence that could not be read, skipped
    std::vector<SequenceFile> m_files;
    std::size_t m_next = 0;
    std::string m_primaries_signature;
    std::optional<CodeDecoder> m_decoder;
    std::vector<float> m_planes;
};

Status ExrSource::open(const std::string& path, const SourceOptions& options) {
    Result<std::vector<SequenceFile>> files = list_sequence(path);
    if (!files) return files.status();
    m_files = std::move(files).value();
    m_info.path = path;
    m_options = options;
    // OpenEXR's own guard, checked while it reads a header: the data window must fit the limit
    // before any pixel memory is allocated (a damaged header can claim anything).
    Imf::Header::setMaxImageSize(options.max_frame_width, options.max_frame_height);
    Imf::Header::setMaxTileSize(options.max_frame_width, options.max_frame_height);
    m_info.kind = "exr-sequence";
    m_info.container = "openexr";
    m_info.codec = "exr";
    m_info.frame_count = static_cast<int64_t>(m_files.size());
    m_info.first_frame_number = m_files.front().number;
    m_info.pixel_format = "linear float RGB";
    m_info.chroma_subsampling = "4:4:4";
    try {
        if (Status s = check_exr_attribute_sizes(m_files.front().path); !s) return s;
        Imf::InputFile first(m_files.front().path.c_str());
        const Imf::Header& header = first.header();
        const Imath::Box2i window = header.dataWindow();
        m_info.width = m_info.analysis_width = window.max.x - window.min.x + 1;
        m_info.height = m_info.analysis_height = window.max.y - window.min.y + 1;
        if (Status s = check_frame_size(m_files.front().path, "the first frame is", m_info.width,
                                        m_info.height, options);
            !s) {
            return s;
        }
        const Imf::ChannelList& channels = header.channels();
        const Imf::Channel* red = channels.findChannel("R");
        m_info.bit_depth = red != nullptr && red->type == Imf::FLOAT ? 32 : 16;
        m_info.pixel_format = m_info.bit_depth == 32 ? "float RGB" : "half RGB";

        ColorEncoding& color = m_info.color;
        color.matrix = Matrix::Identity;
        color.range = Range::Full;
        color.transfer = Transfer::Linear;
        color.matrix_from = color.range_from = color.transfer_from = Provenance::Inherent;
        if (Imf::hasChromaticities(header)) {
            color.primaries = primaries_from_header(Imf::chromaticities(header));
            color.primaries_from = Provenance::Tag;
            m_info.tags.primaries = color.primaries.name;
        } else {
            standard_primaries("bt709", color.primaries);
            color.primaries_from = Provenance::Assumed;
            color.notes.push_back(
                "no chromaticities attribute: BT.709 primaries and D65 white, "
                "the OpenEXR default");
        }
        m_info.tags.transfer = "linear";
        if (!options.overrides.input_colorspace.empty() || !options.overrides.ocio_config.empty()) {
            std::string error;
            color.notes.clear();
            if (!apply_input_colorspace(options.overrides, true, color, error)) {
                return Status(ErrorCode::InvalidArgument, error);
            }
        }
        if (!options.overrides.primaries.empty()) {
            if (!standard_primaries(options.overrides.primaries, color.primaries)) {
                return Status(ErrorCode::InvalidArgument,
                              "unknown primaries '" + options.overrides.primaries + "'");
            }
            color.primaries_from = Provenance::User;
            color.notes.clear();
        }
        if (options.frame_rate) {
            m_info.frame_rate = *options.frame_rate;
            m_info.frame_rate_from = "user";
        } else if (Imf::hasFramesPerSecond(header)) {
            const Imf::Rational fps = Imf::framesPerSecond(header);
            m_info.frame_rate = fps.d != 0 ? double(fps.n) / fps.d : 0.0;
            m_info.frame_rate_from = "header";
        }
        if (!(m_info.frame_rate > 0)) {
            m_info.frame_rate = 24.0;
            m_info.frame_rate_from = "assumed";
            m_info.notes.push_back("no frame rate in the sequence: assumed 24 fps (use --fps)");
        }
        const int64_t span = m_files.back().number - m_files.front().number + 1;
        m_info.duration_s = span / m_info.frame_rate;
        if (span != m_info.frame_count) {
            m_info.notes.push_back(
                "the sequence has gaps: " + std::to_string(span - m_info.frame_count) +
                " frame numbers between the first and last are missing");
        }
    } catch (const std::exception& e) {
        if (is_size_limit(e)) return size_limit_status(m_files.front().path, options);
        return Status(ErrorCode::BadData,
                      "'" + m_files.front().path + "' is not a readable EXR file: " + e.what());
    }
    Result<CodeDecoder> decoder = CodeDecoder::create(m_info.color);
    if (!decoder) return decoder.status();
    m_decoder.emplace(std::move(decoder).value());
    return Status::ok();
}

Status ExrSource::read_file(const SequenceFile& file, Frame& frame) {
    if (Status s = check_exr_attribute_sizes(file.path); !s) return s;
    try {
        Imf::InputFile input(file.path.c_str());
        const Imf::Header& header = input.header();
        const Imath::Box2i window = header.dataWindow();
        const int64_t width = int64_t(window.max.x) - window.min.x + 1;
        const int64_t height = int64_t(window.max.y) - window.min.y + 1;
        if (width > INT32_MAX || height > INT32_MAX) {
            return Status(ErrorCode::BadData, "'" + file.path + "': the data window is absurd");
        }
        if (Status s = check_frame_size(file.path, "the data window is", int(width), int(height),
                                        m_options);
            !s) {
            return s;
        }
        const Imf::ChannelList& channels = header.channels();
        const bool rgb =
            channels.findChannel("R") && channels.findChannel("G") && channels.findChannel("B");
        const bool luma = channels.findChannel("Y") != nullptr;
        if (!rgb && !luma) {
            return Status(ErrorCode::Unsupported,
                          "'" + file.path + "' has neither R, G, B nor Y channels");
        }
        const std::size_t n = static_cast<std::size_t>(width * height);
        m_planes.assign(n * 3, 0.0f);
        Imf::FrameBuffer buffer;
        const std::size_t xstride = sizeof(float) * 3;
        const std::size_t ystride = xstride * static_cast<std::size_t>(width);
        // OpenEXR addresses the buffer by absolute pixel coordinates of the data window.
        const std::ptrdiff_t origin = (std::ptrdiff_t(window.min.y) * width + window.min.x) * 3;
        const char* names[3] = {"R", "G", "B"};
        for (int c = 0; c < (rgb ? 3 : 1); ++c) {
            char* base = reinterpret_cast<char*>(m_planes.data() - origin + c);
            buffer.insert(rgb ? names[c] : "Y", Imf::Slice(Imf::FLOAT, base, xstride, ystride));
        }
        input.setFrameBuffer(buffer);
        input.readPixels(window.min.y, window.max.y);
        if (!rgb) {  // luminance-only image: neutral, R = G = B = Y
            for (std::size_t i = 0; i < n; ++i)
                m_planes[i * 3 + 1] = m_planes[i * 3 + 2] = m_planes[i * 3];
        }

        frame.number = file.number;
        frame.time_s = double(file.number - m_info.first_frame_number) / m_info.frame_rate;
        m_decoder->decode_float(m_planes, static_cast<int>(width), static_cast<int>(height),
                                frame.image);
        if (m_options.encoded_rgb) {
            frame.encoded.width = static_cast<int>(width);
            frame.encoded.height = static_cast<int>(height);
            frame.encoded.rgb = m_planes;
        }
    } catch (const std::exception& e) {
        if (is_size_limit(e)) return size_limit_status(file.path, m_options);
        return Status(ErrorCode::BadData, "'" + file.path + "' could not be read: " + e.what());
    }
    return Status::ok();
}

Status ExrSource::seek(double time_s) {
    // Frame numbers may have gaps: the frame showing at time_s is the last one starting by then.
    const double wanted = m_info.first_frame_number + time_s * m_info.frame_rate + 1e-6;
    m_next = 0;
    while (m_next + 1 < m_files.size() && double(m_files[m_next + 1].number) <= wanted) ++m_next;
    return Status::ok();
}

Status ExrSource::resume_after(int64_t number, double /*time_s: follows from the number*/,
                               int64_t decode_errors, int64_t /*concealed: never, for EXR*/) {
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        if (m_files[i].number == number) {
            m_next = i + 1;
            m_unreadable = decode_errors;  // also keeps the cap on notes where it was
            return Status::ok();
        }
    }
    return Status(ErrorCode::BadData, "'" + m_info.path + "': frame " + std::to_string(number) +
                                          ", where the analysis stopped, is no longer there");
}

Result<bool> ExrSource::next(Frame& frame) {
    // A frame that cannot be read (truncated, damaged) is counted and skipped, as a video's
    // damaged packet is: the rest of the sequence is still measured, and the result is marked
    // partial. Too big a frame or no colour channels are not damage: they stop the analysis.
    while (m_next < m_files.size()) {
        const SequenceFile& file = m_files[m_next++];
        Status s = read_file(file, frame);
        if (s) return true;
        if (s.code() != ErrorCode::BadData) return s;
        constexpr int kUnreadableNoted = 5;
        if (m_unreadable++ < kUnreadableNoted) m_info.notes.push_back(s.message() + "; skipped");
    }
    return false;
}

}  // namespace

Result<std::unique_ptr<FrameSource>> open_exr_source(const std::string& path,
                                                     const SourceOptions& options) {
    auto source = std::make_unique<ExrSource>();
    if (Status s = source->open(path, options); !s) return s;
    return std::unique_ptr<FrameSource>(std::move(source));
}

}  // namespace huescope
