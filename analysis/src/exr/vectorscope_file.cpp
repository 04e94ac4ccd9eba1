// vectorscope.exr, written and read with OpenEXR (the only place besides the other exr/ files).
#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfOutputFile.h>
#include <ImfStringAttribute.h>

#include <cstdio>
#include <exception>

#include "vectorscope_writer.hpp"

namespace huescope {
namespace {

constexpr int kBlock = Vectorscope::kSize * Vectorscope::kSize;

}  // namespace

VectorscopeWriter::VectorscopeWriter(std::string spool_path)
    : m_spool(std::move(spool_path), kBlock) {}

void VectorscopeWriter::add_shot(const Vectorscope& scope) {
    const std::vector<float> block = scope.fractions();
    if (m_error) m_error = m_spool.append(block.data());
}

Status VectorscopeWriter::write(const std::string& path, const Vectorscope& film) {
    if (!m_error) return m_error;
    const int width = Vectorscope::kSize;
    const int64_t shots = m_spool.records();
    const int height = Vectorscope::kSize * static_cast<int>(1 + shots);
    if (Status s = m_spool.rewind(); !s) return s;
    try {
        Imf::Header header(width, height);
        header.compression() = Imf::ZIP_COMPRESSION;
        header.channels().insert("Y", Imf::Channel(Imf::FLOAT));
        header.insert("huescope/layout",
                      Imf::StringAttribute("64x64 blocks stacked top to bottom: the film, then "
                                           "each shot; columns OKLab a, rows OKLab b (top = +b), "
                                           "both from -0.32 to 0.32"));
        header.insert("huescope/value",
                      Imf::StringAttribute("fraction of the scope's thumbnail pixels in the bin"));
        Imf::OutputFile file(path.c_str(), header);
        // One 64-row block at a time (the film's, then each shot's from the spool): memory stays
        // flat however many shots the film has.
        std::vector<float> block = film.fractions();
        for (int64_t b = 0; b <= shots; ++b) {
            if (b > 0) {
                if (Status s = m_spool.read(block.data(), 1); !s) return s;
            }
            // Slices address absolute rows: shift the base so that this block's first row lands
            // on block[0].
            const std::ptrdiff_t origin = static_cast<std::ptrdiff_t>(b) * kBlock;
            Imf::FrameBuffer buffer;
            buffer.insert("Y",
                          Imf::Slice(Imf::FLOAT, reinterpret_cast<char*>(block.data() - origin),
                                     sizeof(float), sizeof(float) * width));
            file.setFrameBuffer(buffer);
            file.writePixels(Vectorscope::kSize);
        }
    } catch (const std::exception& e) {
        return Status(ErrorCode::Io, "cannot write '" + path + "': " + e.what());
    }
    return Status::ok();
}

Result<std::vector<std::vector<float>>> read_vectorscopes(const std::string& path) {
    try {
        Imf::InputFile file(path.c_str());
        const Imath::Box2i window = file.header().dataWindow();
        const int width = window.max.x - window.min.x + 1;
        const int height = window.max.y - window.min.y + 1;
        if (width != Vectorscope::kSize || height % Vectorscope::kSize != 0) {
            return Status(ErrorCode::BadData, "'" + path + "' is not a huescope vectorscope file");
        }
        std::vector<float> pixels(static_cast<std::size_t>(width) * height);
        Imf::FrameBuffer buffer;
        buffer.insert("Y", Imf::Slice(Imf::FLOAT,
                                      reinterpret_cast<char*>(pixels.data() - window.min.x -
                                                              window.min.y * width),
                                      sizeof(float), sizeof(float) * width));
        file.setFrameBuffer(buffer);
        file.readPixels(window.min.y, window.max.y);
        std::vector<std::vector<float>> scopes;
        for (int block = 0; block < height / Vectorscope::kSize; ++block) {
            const auto begin = pixels.begin() + static_cast<std::ptrdiff_t>(block) * kBlock;
            scopes.emplace_back(begin, begin + kBlock);
        }
        return scopes;
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData, "cannot read '" + path + "': " + e.what());
    }
}

}  // namespace huescope
