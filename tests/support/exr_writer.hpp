#pragma once
// Writes small EXR files with known linear values for the tests.

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfOutputFile.h>
#include <ImfStandardAttributes.h>
#include <half.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace testing_support {

/// Writes a 16x8 EXR whose left half is `left` and right half `right` (linear RGB), stored as
/// `type` (HALF or FLOAT), with an optional chromaticities attribute.
inline void write_exr(const std::filesystem::path& path, const float left[3], const float right[3],
                      Imf::PixelType type,
                      std::optional<Imf::Chromaticities> chromaticities = std::nullopt) {
    const int w = 16, h = 8;
    Imf::Header header(w, h);
    for (const char* c : {"R", "G", "B"}) header.channels().insert(c, Imf::Channel(type));
    if (chromaticities) Imf::addChromaticities(header, *chromaticities);
    std::vector<float> pixels(w * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                pixels[(y * w + x) * 3 + c] = x < w / 2 ? left[c] : right[c];
    const std::vector<Imath::half> halves(pixels.begin(), pixels.end());
    Imf::OutputFile file(path.c_str(), header);
    Imf::FrameBuffer buffer;
    const char* names[3] = {"R", "G", "B"};
    for (int c = 0; c < 3; ++c) {
        char* base = type == Imf::HALF ? (char*)(halves.data() + c) : (char*)(pixels.data() + c);
        const std::size_t size = type == Imf::HALF ? sizeof(Imath::half) : sizeof(float);
        buffer.insert(names[c], Imf::Slice(type, base, size * 3, size * 3 * w));
    }
    file.setFrameBuffer(buffer);
    file.writePixels(h);
}

}  // namespace testing_support
