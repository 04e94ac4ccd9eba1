#include "huescope/letterbox.hpp"

#include <algorithm>

namespace huescope {
namespace {

constexpr double kBarLuminance = 0.001;  // linear Y; BT.1886 code ~28 of 8-bit limited range
constexpr double kMinBarShare = 0.01;
constexpr double kMaxBarShare = 0.45;  // per side: beyond it the frame is dark, not letterboxed

double luminance(const float* rgb) {
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

bool row_is_bar(const LinearImage& img, int y, int x0, int x1) {
    const float* row = img.rgb.data() + static_cast<std::size_t>(y) * img.width * 3;
    for (int x = x0; x < x1; ++x) {
        if (luminance(row + x * 3) >= kBarLuminance) return false;
    }
    return true;
}

bool column_is_bar(const LinearImage& img, int x, int y0, int y1) {
    for (int y = y0; y < y1; ++y) {
        if (luminance(img.rgb.data() + (static_cast<std::size_t>(y) * img.width + x) * 3) >=
            kBarLuminance) {
            return false;
        }
    }
    return true;
}

// Keeps a bar only if it is thick enough to be one and thin enough not to be a dark picture.
int plausible(int bar, int extent) {
    if (bar < kMinBarShare * extent || bar > kMaxBarShare * extent) return 0;
    return bar;
}

}  // namespace

Rect detect_picture_area(const LinearImage& img) {
    const Rect whole{0, 0, img.width, img.height};
    if (img.width < 8 || img.height < 8) return whole;
    int top = 0, bottom = 0;
    while (top < img.height && row_is_bar(img, top, 0, img.width)) ++top;
    if (top == img.height) return whole;  // black all over: a fade, not a letterbox
    while (row_is_bar(img, img.height - 1 - bottom, 0, img.width)) ++bottom;
    top = plausible(top, img.height);
    bottom = plausible(bottom, img.height);
    int left = 0, right = 0;
    const int y0 = top, y1 = img.height - bottom;
    while (left < img.width && column_is_bar(img, left, y0, y1)) ++left;
    while (right < img.width - left && column_is_bar(img, img.width - 1 - right, y0, y1)) ++right;
    left = plausible(left, img.width);
    right = plausible(right, img.width);
    return {left, top, img.width - left - right, img.height - top - bottom};
}

}  // namespace huescope
