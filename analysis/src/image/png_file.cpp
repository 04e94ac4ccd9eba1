#include "png_file.hpp"

#include <png.h>

namespace huescope {

Status write_png_rgb8(const std::string& path, int width, int height,
                      const std::vector<uint8_t>& rgb) {
    if (width <= 0 || height <= 0 ||
        rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {
        return Status(ErrorCode::Internal, "'" + path + "': image size and pixels disagree");
    }
    // libpng's simplified API: no setjmp, errors come back in image.message.
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = PNG_FORMAT_RGB;
    if (png_image_write_to_file(&image, path.c_str(), 0, rgb.data(), 0, nullptr) == 0) {
        return Status(ErrorCode::Io, "cannot write '" + path + "': " + image.message);
    }
    return Status::ok();
}

}  // namespace huescope
