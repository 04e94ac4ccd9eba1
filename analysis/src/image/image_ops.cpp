#include "image_ops.hpp"

#include <cmath>

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
    if (cv::checkRange(region, true)) {
        cv::resize(region, result, result.size(), 0, 0, cv::INTER_AREA);
        return;
    }
    // NaN or infinite pixels (damaged EXR frames): each cell is the mean of its finite pixels,
    // as the measurement leaves such pixels out; a cell with none is black. A single NaN would
    // otherwise spread to its whole cell, and on to shots, palettes and vectorscopes.
    cv::Mat clean(region.size(), CV_32FC3), weight(region.size(), CV_32FC1);
    for (int y = 0; y < region.rows; ++y) {
        const float* src = region.ptr<float>(y);
        float* dst = clean.ptr<float>(y);
        float* w = weight.ptr<float>(y);
        for (int x = 0; x < region.cols; ++x) {
            const bool finite = std::isfinite(src[3 * x]) && std::isfinite(src[3 * x + 1]) &&
                                std::isfinite(src[3 * x + 2]);
            for (int c = 0; c < 3; ++c) dst[3 * x + c] = finite ? src[3 * x + c] : 0.0f;
            w[x] = finite ? 1.0f : 0.0f;
        }
    }
    cv::Mat small_clean, small_weight;
    cv::resize(clean, small_clean, result.size(), 0, 0, cv::INTER_AREA);
    cv::resize(weight, small_weight, result.size(), 0, 0, cv::INTER_AREA);
    for (int y = 0; y < height; ++y) {
        const float* sum = small_clean.ptr<float>(y);
        const float* w = small_weight.ptr<float>(y);
        float* dst = result.ptr<float>(y);
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) dst[3 * x + c] = w[x] > 0.0f ? sum[3 * x + c] / w[x] : 0.0f;
    }
}

}  // namespace huescope
