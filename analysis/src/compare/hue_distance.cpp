#include "huescope/hue_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace huescope {
namespace {

double sum(const HueHistogram& h) {
    return std::accumulate(h.begin(), h.end(), 0.0);
}

}  // namespace

double circular_emd_deg(const HueHistogram& p, const HueHistogram& q) {
    const double sp = sum(p), sq = sum(q);
    if (!(sp > 0.0) || !(sq > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    // F_i: mass that must cross the edge after bin i, going up the circle. Adding a constant c to
    // every F_i is the circulation round the circle; the cheapest one is the median.
    std::vector<double> flow(kHueBins);
    double running = 0.0;
    for (int i = 0; i < kHueBins; ++i) {
        running += p[i] / sp - q[i] / sq;
        flow[i] = running;
    }
    std::vector<double> sorted(flow);
    std::nth_element(sorted.begin(), sorted.begin() + kHueBins / 2, sorted.end());
    const double median = sorted[kHueBins / 2];
    double cost = 0.0;
    for (double f : flow) cost += std::fabs(f - median);
    return cost * (360.0 / kHueBins);
}

double total_variation(const HueHistogram& p, const HueHistogram& q) {
    const double sp = sum(p), sq = sum(q);
    if (!(sp > 0.0) || !(sq > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    double d = 0.0;
    for (int i = 0; i < kHueBins; ++i) d += std::fabs(p[i] / sp - q[i] / sq);
    return 0.5 * d;
}

}  // namespace huescope
