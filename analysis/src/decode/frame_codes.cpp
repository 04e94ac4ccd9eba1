#include "frame_codes.hpp"

#include <algorithm>
#include <string>
#include <vector>

extern "C" {
#include <libavutil/imgutils.h>
}

namespace huescope::libav {

Status check_pixel_format(AVPixelFormat format, PixelModel& model) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    if (desc == nullptr) return Status(ErrorCode::BadData, "the stream has no pixel format");
    const uint64_t unsupported_flags = AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BAYER |
                                       AV_PIX_FMT_FLAG_FLOAT | AV_PIX_FMT_FLAG_PAL;
    const std::string name = desc->name;
    if ((desc->flags & unsupported_flags) != 0 || name.rfind("xyz", 0) == 0 ||
        desc->comp[0].depth > 16) {
        return Status(ErrorCode::Unsupported,
                      "pixel format '" + name + "' is not measured by huescope yet");
    }
    if (desc->flags & AV_PIX_FMT_FLAG_RGB) {
        model = PixelModel::Rgb;
    } else if (desc->nb_components <= 2) {
        model = PixelModel::Gray;  // gray or gray + alpha
    } else {
        model = PixelModel::YCbCr;
    }
    return Status::ok();
}

void analysis_grid(AVPixelFormat format, int width, int height, int& grid_width, int& grid_height) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    const bool subsampled =
        desc != nullptr && !(desc->flags & AV_PIX_FMT_FLAG_RGB) && desc->nb_components > 2;
    const int sx = subsampled ? desc->log2_chroma_w : 0;
    const int sy = subsampled ? desc->log2_chroma_h : 0;
    grid_width = AV_CEIL_RSHIFT(width, sx);
    grid_height = AV_CEIL_RSHIFT(height, sy);
}

namespace {

// One row of one component as code values. Planar little-endian components (nearly every
// decoder's output) are read directly; anything else (packed, big-endian, shifted) goes through
// libavutil's general reader, which was 5% of an analysis when used for every row.
void read_row(const AVFrame& frame, const AVPixFmtDescriptor* desc, int component, int row,
              int width, uint16_t* dst) {
    const AVComponentDescriptor& comp = desc->comp[component];
    const int bytes = comp.depth > 8 ? 2 : 1;
    // 8-bit reads take the whole byte, so they need exactly 8 bits (rgb8's components have 2 or
    // 3); wider reads are masked to the depth.
    const bool planar_native = comp.step == bytes && comp.shift == 0 && comp.offset == 0 &&
                               (bytes == 2 || comp.depth == 8) &&
                               (desc->flags & AV_PIX_FMT_FLAG_BE) == 0;
    if (!planar_native) {
        const uint8_t* data[4] = {frame.data[0], frame.data[1], frame.data[2], frame.data[3]};
        const int linesize[4] = {frame.linesize[0], frame.linesize[1], frame.linesize[2],
                                 frame.linesize[3]};
        av_read_image_line2(dst, data, linesize, desc, 0, row, component, width, 0, 2);
        return;
    }
    const uint8_t* src =
        frame.data[comp.plane] + static_cast<std::ptrdiff_t>(row) * frame.linesize[comp.plane];
    if (bytes == 1) {
        for (int x = 0; x < width; ++x) dst[x] = src[x];
        return;
    }
    const auto mask = static_cast<uint16_t>((1u << comp.depth) - 1u);
    for (int x = 0; x < width; ++x)  // little-endian, as the flag check made sure
        dst[x] = static_cast<uint16_t>((src[2 * x] | src[2 * x + 1] << 8) & mask);
}

}  // namespace

Status extract_codes(const AVFrame& frame, CodeImage& out) {
    const auto format = static_cast<AVPixelFormat>(frame.format);
    PixelModel model{};
    if (Status s = check_pixel_format(format, model); !s) return s;
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    const int sx = model == PixelModel::YCbCr ? desc->log2_chroma_w : 0;
    const int sy = model == PixelModel::YCbCr ? desc->log2_chroma_h : 0;

    out.model = model;
    out.bit_depth = desc->comp[0].depth;
    out.subsample_x = sx;
    out.subsample_y = sy;
    out.luma_width = frame.width;
    out.luma_height = frame.height;
    analysis_grid(format, frame.width, frame.height, out.width, out.height);
    const std::size_t grid = static_cast<std::size_t>(out.width) * out.height;
    const std::size_t luma = static_cast<std::size_t>(frame.width) * frame.height;
    const int planes = model == PixelModel::Gray ? 1 : 3;
    out.planes[0].resize(luma);
    for (int c = 1; c < 3; ++c) out.planes[c].assign(c < planes ? grid : 0, 0);

    for (int c = 1; c < planes; ++c) {
        for (int y = 0; y < out.height; ++y)
            read_row(frame, desc, c, y, out.width,
                     out.planes[c].data() + std::size_t(y) * out.width);
    }
    // Interlaced 4:2:0: chroma row gy belongs to field gy % 2, whose luma rows are every other
    // frame row: (gy / 2) * 4 + gy % 2 and the one two below it. Mixing the two fields (captured
    // at different times) would pair one field's chroma with the other's luma and invent colour
    // at moving edges, so those rows are brought together here.
    const bool field_rows = frame.interlaced_frame != 0 && sy == 1;
    for (int row = 0; row < frame.height; ++row) {
        int source = row;
        if (field_rows) {
            const int gy = row >> 1, k = row & 1;
            source = (gy / 2) * 4 + gy % 2 + 2 * k;
            if (source >= frame.height) source = row;  // odd-sized tail: nothing to pair with
        }
        read_row(frame, desc, 0, source, frame.width,
                 out.planes[0].data() + std::size_t(row) * frame.width);
    }
    return Status::ok();
}

}  // namespace huescope::libav
