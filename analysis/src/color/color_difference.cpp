#include "huescope/color_difference.hpp"

#include <cmath>
#include <numbers>

namespace huescope {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

double pow7(double x) {
    const double x2 = x * x;
    return x2 * x2 * x2 * x;
}

}  // namespace

double delta_e_ok(const Vec3& p, const Vec3& q) {
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) +
                     (p[2] - q[2]) * (p[2] - q[2]));
}

double delta_e_2000(const Vec3& lab1, const Vec3& lab2) {
    const double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2];
    const double l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
    const double c_mean = (std::hypot(a1, b1) + std::hypot(a2, b2)) / 2.0;
    const double g = 0.5 * (1.0 - std::sqrt(pow7(c_mean) / (pow7(c_mean) + pow7(25.0))));
    const double a1p = (1.0 + g) * a1, a2p = (1.0 + g) * a2;
    const double c1p = std::hypot(a1p, b1), c2p = std::hypot(a2p, b2);
    const double h1p = hue_degrees(a1p, b1), h2p = hue_degrees(a2p, b2);  // 0 for a neutral

    const double dl = l2 - l1;
    const double dc = c2p - c1p;
    double dh_deg = 0.0;
    if (c1p * c2p != 0.0) {
        dh_deg = h2p - h1p;
        if (dh_deg > 180.0) dh_deg -= 360.0;
        if (dh_deg < -180.0) dh_deg += 360.0;
    }
    const double dh = 2.0 * std::sqrt(c1p * c2p) * std::sin(dh_deg * kDeg / 2.0);

    const double l_mean = (l1 + l2) / 2.0;
    const double cp_mean = (c1p + c2p) / 2.0;
    double h_mean = h1p + h2p;  // the mean hue, taken the short way round
    if (c1p * c2p != 0.0) {
        if (std::fabs(h1p - h2p) <= 180.0) {
            h_mean /= 2.0;
        } else {
            h_mean = h_mean < 360.0 ? (h_mean + 360.0) / 2.0 : (h_mean - 360.0) / 2.0;
        }
    }
    const double t = 1.0 - 0.17 * std::cos((h_mean - 30.0) * kDeg) +
                     0.24 * std::cos(2.0 * h_mean * kDeg) +
                     0.32 * std::cos((3.0 * h_mean + 6.0) * kDeg) -
                     0.20 * std::cos((4.0 * h_mean - 63.0) * kDeg);
    const double d_theta = 30.0 * std::exp(-std::pow((h_mean - 275.0) / 25.0, 2.0));
    const double rc = 2.0 * std::sqrt(pow7(cp_mean) / (pow7(cp_mean) + pow7(25.0)));
    const double l50 = (l_mean - 50.0) * (l_mean - 50.0);
    const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double sc = 1.0 + 0.045 * cp_mean;
    const double sh = 1.0 + 0.015 * cp_mean * t;
    const double rt = -std::sin(2.0 * d_theta * kDeg) * rc;
    const double tl = dl / sl, tc = dc / sc, th = dh / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

}  // namespace huescope
