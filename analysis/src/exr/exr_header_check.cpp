#include "exr_header_check.hpp"

#include <cstdint>
#include <fstream>
#include <map>
#include <optional>

namespace huescope {
namespace {

constexpr uint32_t kMagic = 20000630;        // the first four bytes, little-endian
constexpr uint32_t kMultipartFlag = 0x1000;  // bit 12 of the version field
constexpr std::size_t kMaxNameLength = 255;  // OpenEXR's Name::MAX_LENGTH, a zero after it
constexpr int kMaxParts = 100000;
constexpr std::size_t kChannelFields = 16;  // pixel type, pLinear, 3 reserved, x and y sampling

// The attribute types OpenEXR 3.1 reads with a fixed number of bytes, whatever size the file
// declares for them. A file that declares another size would make our walk and OpenEXR's part
// ways: OpenEXR goes on reading from inside what we skipped, where any bytes may claim anything
// (the EXR fuzzer found a box2i declaring 2320 bytes, after whose 16 OpenEXR read a "size" of
// 1.6 GB and allocated it). Such a file is refused, so that where we accept, both walks agree.
const std::map<std::string, uint32_t>& fixed_sizes() {
    static const std::map<std::string, uint32_t> sizes = {
        {"box2i", 16},
        {"box2f", 16},
        {"chromaticities", 32},
        {"compression", 1},
        {"deepImageState", 1},
        {"double", 8},
        {"envmap", 1},
        {"float", 4},
        {"int", 4},
        {"keycode", 28},
        {"lineOrder", 1},
        {"m33f", 36},
        {"m33d", 72},
        {"m44f", 64},
        {"m44d", 128},
        {"rational", 8},
        {"tiledesc", 9},
        {"timecode", 8},
        {"v2i", 8},
        {"v2f", 8},
        {"v2d", 16},
        {"v3i", 12},
        {"v3f", 12},
        {"v3d", 24},
    };
    return sizes;
}

bool read_u32(std::istream& in, uint32_t& value) {
    unsigned char b[4];
    if (!in.read(reinterpret_cast<char*>(b), 4)) return false;
    value = uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
    return true;
}

enum class NameRead { Ok, TooLong, EndOfFile };

// A zero-terminated name of at most kMaxNameLength bytes, as OpenEXR reads names.
NameRead read_name(std::istream& in, std::string& name) {
    name.clear();
    for (char c = 0; in.get(c);) {
        if (c == '\0') return NameRead::Ok;
        if (name.size() == kMaxNameLength) return NameRead::TooLong;
        name.push_back(c);
    }
    return NameRead::EndOfFile;
}

// The bytes a channel list takes as OpenEXR reads it: each channel's name and 16 bytes of
// fields, then an empty name. OpenEXR reads until that empty name, not by the declared size.
// Nothing when the list is cut off or a name is too long (OpenEXR refuses those itself).
std::optional<std::streamoff> channel_list_length(std::istream& in) {
    const std::streamoff start = in.tellg();
    std::string name;
    while (read_name(in, name) == NameRead::Ok) {
        if (name.empty()) return in.tellg() - start;
        if (!in.seekg(kChannelFields, std::ios::cur)) return std::nullopt;
    }
    return std::nullopt;
}

Status damaged(const std::string& path, const std::string& why) {
    return Status(ErrorCode::BadData, "'" + path + "': " + why + " (a damaged file)");
}

}  // namespace

Status check_exr_attribute_sizes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::ok();
    in.seekg(0, std::ios::end);
    const std::streamoff file_size = in.tellg();
    in.seekg(0);
    uint32_t magic = 0, version = 0;
    if (!read_u32(in, magic) || magic != kMagic || !read_u32(in, version)) return Status::ok();
    const bool multipart = (version & kMultipartFlag) != 0;
    for (int part = 0; part < kMaxParts; ++part) {
        std::string name, type;
        for (NameRead got; (got = read_name(in, name)) != NameRead::EndOfFile && !name.empty();) {
            if (got == NameRead::TooLong || read_name(in, type) == NameRead::TooLong) {
                return damaged(path, "a header name is longer than OpenEXR's 255 bytes");
            }
            uint32_t size = 0;
            if (!in || !read_u32(in, size)) return Status::ok();  // cut off: OpenEXR says so
            const std::streamoff left = file_size - in.tellg();
            if (static_cast<std::streamoff>(size) > left) {
                return damaged(path, "the header's attribute '" + name + "' claims " +
                                         std::to_string(size) + " bytes, but the file has only " +
                                         std::to_string(left) + " left");
            }
            const auto fixed = fixed_sizes().find(type);
            std::optional<std::streamoff> read_length = std::streamoff(size);
            if (fixed != fixed_sizes().end()) read_length = fixed->second;
            if (type == "chlist") read_length = channel_list_length(in);
            if (!read_length) return Status::ok();  // cut off or a long name: OpenEXR refuses it
            if (*read_length != static_cast<std::streamoff>(size)) {
                return damaged(path, "the header's attribute '" + name + "' of type " + type +
                                         " declares " + std::to_string(size) +
                                         " bytes, but its value takes " +
                                         std::to_string(*read_length));
            }
            if (type == "chlist") continue;  // already read through
            in.seekg(size, std::ios::cur);
        }
        if (!multipart || in.peek() == 0 || !in) break;  // a zero byte ends the list of parts
    }
    return Status::ok();
}

}  // namespace huescope
