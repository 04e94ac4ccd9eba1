#include "image_ops.hpp"

#include <opencv2/core.hpp>
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

}  // namespace huescope
