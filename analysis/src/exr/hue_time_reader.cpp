#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>

#include <algorithm>
#include <exception>
#include <vector>

#include "huescope/hue_time.hpp"
#include "huescope/measurement.hpp"

namespace huescope {

Status read_hue_time(const std::string& path,
                     const std::function<void(int64_t, const float*)>& visit) {
    constexpr int kRowsPerChunk = 256;  // memory stays flat in film length
    try {
        Imf::InputFile file(path.c_str());
        const Imath::Box2i window = file.header().dataWindow();
        if (window.max.x - window.min.x + 1 != kHueBins) {
            return Status(ErrorCode::BadData, "'" + path + "' is not a huescope hue_time file");
        }
        std::vector<float> chunk;
        for (int y0 = window.min.y; y0 <= window.max.y; y0 += kRowsPerChunk) {
            const int y1 = std::min(window.max.y, y0 + kRowsPerChunk - 1);
            chunk.assign(static_cast<std::size_t>(y1 - y0 + 1) * kHueBins, 0.0f);
            // Slices address absolute pixels: shift the base so that (min.x, y0) is chunk[0].
            const std::ptrdiff_t origin = static_cast<std::ptrdiff_t>(y0) * kHueBins + window.min.x;
            Imf::FrameBuffer buffer;
            buffer.insert("oklch.Y",
                          Imf::Slice(Imf::FLOAT, reinterpret_cast<char*>(chunk.data() - origin),
                                     sizeof(float), sizeof(float) * kHueBins));
            file.setFrameBuffer(buffer);
            file.readPixels(y0, y1);
            for (int y = y0; y <= y1; ++y)
                visit(y - window.min.y, chunk.data() + static_cast<std::size_t>(y - y0) * kHueBins);
        }
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData, "cannot read '" + path + "': " + e.what());
    }
    return Status::ok();
}

}  // namespace huescope
