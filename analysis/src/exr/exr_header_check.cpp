#include "exr_header_check.hpp"

#include <cstdint>
#include <fstream>

namespace huescope {
namespace {

constexpr uint32_t kMagic = 20000630;        // the first four bytes, little-endian
constexpr uint32_t kMultipartFlag = 0x1000;  // bit 12 of the version field
constexpr std::size_t kMaxNameLength = 256;  // names and type names: 255 bytes and a zero
constexpr int kMaxParts = 100000;

bool read_u32(std::istream& in, uint32_t& value) {
    unsigned char b[4];
    if (!in.read(reinterpret_cast<char*>(b), 4)) return false;
    value = uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
    return true;
}

// A zero-terminated string of at most kMaxNameLength bytes; false if longer or cut off.
bool read_name(std::istream& in, std::string& name) {
    name.clear();
    for (char c = 0; in.get(c);) {
        if (c == '\0') return true;
        if (name.size() == kMaxNameLength) return false;
        name.push_back(c);
    }
    return false;
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
        while (read_name(in, name) && !name.empty()) {  // an empty name ends the header
            uint32_t size = 0;
            if (!read_name(in, type) || !read_u32(in, size)) return Status::ok();
            const std::streamoff left = file_size - in.tellg();
            if (static_cast<std::streamoff>(size) > left) {
                return Status(ErrorCode::BadData,
                              "'" + path + "': the header's attribute '" + name + "' claims " +
                                  std::to_string(size) + " bytes, but the file has only " +
                                  std::to_string(left) + " left (a damaged file)");
            }
            in.seekg(size, std::ios::cur);
        }
        if (!multipart || in.peek() == 0 || !in) break;  // a zero byte ends the list of parts
    }
    return Status::ok();
}

}  // namespace huescope
