#include "image_ops.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace huescope {

void area_downsample(const LinearImage& image, const Rect& roi, int width, int height,
                     std::vector<float>& out) {
    // A header over the caller's pixels: no copy. INTER_AREA is an exact box filter when shrinking.
    const cv::Mat whole(image.height, image.width, CV_32FC3, const_cast<float*>(image.rgb.data()));
    const cv::Mat region = whole(cv::Rect(roi.x, roi.y, roi.width, roi.height));
    out.resize(static_cast<std::size_t>(width) * height * 3);
    cv::Mat result(height, width, CV_32FC3, out.data());
    cv::resize(region, result, result.size(), 0, 0, cv::INTER_AREA);
}

Status write_png_rgb8(const std::string& path, int width, int height,
                      const std::vector<uint8_t>& rgb) {
    try {
        const cv::Mat image(height, width, CV_8UC3, const_cast<uint8_t*>(rgb.data()));
        cv::Mat bgr;
        cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);  // OpenCV files are BGR
        if (!cv::imwrite(path, bgr)) return Status(ErrorCode::Io, "cannot write '" + path + "'");
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Io, "cannot write '" + path + "': " + e.what());
    }
    return Status::ok();
}

}  // namespace huescope
