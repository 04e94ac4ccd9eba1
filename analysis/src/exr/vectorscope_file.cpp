// vectorscope.exr, written and read with OpenEXR (the only place besides the other exr/ files).
#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfOutputFile.h>
#include <ImfStringAttribute.h>

#include <cstdio>
#include <exception>

#include "huescope/vectorscope.hpp"

namespace huescope {
namespace {

constexpr int kBlock = Vectorscope::kSize * Vectorscope::kSize;

}  // namespace

VectorscopeWriter::VectorscopeWriter(std::string spool_path)
    : m_spool_path(std::move(spool_path)) {}

VectorscopeWriter::~VectorscopeWriter() {
    if (m_spool != nullptr) std::fclose(m_spool);
    std::remove(m_spool_path.c_str());
}

Status VectorscopeWriter::open() {
    m_spool = std::fopen(m_spool_path.c_str(), "w+b");
    if (m_spool == nullptr)
        return Status(ErrorCode::CannotCreate, "cannot create '" + m_spool_path + "'");
    return Status::ok();
}

void VectorscopeWriter::add_shot(const Vectorscope& scope) {
    const std::vector<float> block = scope.fractions();
    if (m_error && std::fwrite(block.data(), sizeof(float), kBlock, m_spool) != kBlock) {
        m_error = Status(ErrorCode::Io, "writing '" + m_spool_path + "' failed (disk full?)");
    }
    ++m_shots;
}

Status VectorscopeWriter::write(const std::string& path, const Vectorscope& film) {
    if (!m_error) return m_error;
    const int width = Vectorscope::kSize;
    const int height = Vectorscope::kSize * static_cast<int>(1 + m_shots);
    if (std::fflush(m_spool) != 0 || std::fseek(m_spool, 0, SEEK_SET) != 0) {
        return Status(ErrorCode::Io, "re-reading '" + m_spool_path + "' failed");
    }
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
        for (int64_t b = 0; b <= m_shots; ++b) {
            if (b > 0 && std::fread(block.data(), sizeof(float), kBlock, m_spool) != kBlock) {
                return Status(ErrorCode::Io, "re-reading '" + m_spool_path + "' failed");
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
