#pragma once

namespace huescope {

/// A rectangle of pixels: columns [x, x + width), rows [y, y + height).
struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
    bool contains(int px, int py) const {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
    bool operator==(const Rect&) const = default;
};

}  // namespace huescope
