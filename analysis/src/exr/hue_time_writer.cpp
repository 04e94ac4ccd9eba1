#include "hue_time_writer.hpp"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfOutputFile.h>
#include <ImfStringAttribute.h>

#include <exception>
#include <vector>

namespace huescope {
namespace {
constexpr int kRowFloats = 2 * kHueBins;  // OKLCh row, then CIELAB row
constexpr int64_t kRowsPerChunk = 256;
}  // namespace

HueTimeWriter::HueTimeWriter(std::string spool_path) : m_spool(std::move(spool_path), kRowFloats) {}

Status HueTimeWriter::add_row(const HueAccumulator& frame) {
    float row[kRowFloats];
    const double pixels = frame.pixels > 0 ? static_cast<double>(frame.pixels) : 1.0;
    for (int i = 0; i < kHueBins; ++i) {
        row[i] = static_cast<float>(frame.ok_hue_hist[i] / pixels);
        row[kHueBins + i] = static_cast<float>(frame.lab_hue_hist[i] / pixels);
    }
    return m_spool.append(row);
}

Status HueTimeWriter::for_each_row(const std::function<void(const float*)>& visit) {
    if (Status s = m_spool.rewind(); !s) return s;
    float row[kRowFloats];
    for (int64_t i = 0; i < rows(); ++i) {
        if (Status s = m_spool.read(row, 1); !s) return s;
        visit(row);
    }
    return Status::ok();
}

Status HueTimeWriter::write(const std::string& path,
                            const std::map<std::string, std::string>& attributes) {
    const int64_t total = rows();
    if (total == 0) return Status(ErrorCode::Internal, "hue_time.exr needs at least one row");
    if (Status s = m_spool.rewind(); !s) return s;
    try {
        Imf::Header header(kHueBins, static_cast<int>(total));
        header.compression() = Imf::ZIP_COMPRESSION;
        header.channels().insert("oklch.Y", Imf::Channel(Imf::FLOAT));
        header.channels().insert("cielab.Y", Imf::Channel(Imf::FLOAT));
        for (const auto& [key, value] : attributes) {
            header.insert(key, Imf::StringAttribute(value));
        }
        Imf::OutputFile file(path.c_str(), header);
        std::vector<float> chunk;
        for (int64_t y0 = 0; y0 < total; y0 += kRowsPerChunk) {
            const int64_t n = std::min(kRowsPerChunk, total - y0);
            chunk.resize(static_cast<std::size_t>(n * kRowFloats));
            if (Status s = m_spool.read(chunk.data(), static_cast<std::size_t>(n)); !s) return s;
            // Slices address absolute rows: shift the base so that row y0 lands on chunk[0].
            const std::ptrdiff_t origin = static_cast<std::ptrdiff_t>(y0 * kRowFloats);
            Imf::FrameBuffer buffer;
            const std::size_t xs = sizeof(float), ys = sizeof(float) * kRowFloats;
            buffer.insert(
                "oklch.Y",
                Imf::Slice(Imf::FLOAT, reinterpret_cast<char*>(chunk.data() - origin), xs, ys));
            buffer.insert(
                "cielab.Y",
                Imf::Slice(Imf::FLOAT, reinterpret_cast<char*>(chunk.data() - origin + kHueBins),
                           xs, ys));
            file.setFrameBuffer(buffer);
            file.writePixels(static_cast<int>(n));
        }
    } catch (const std::exception& e) {
        return Status(ErrorCode::Io, "writing '" + path + "' failed: " + e.what());
    }
    return Status::ok();
}

}  // namespace huescope
