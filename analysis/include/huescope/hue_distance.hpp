#pragma once
// Distances between hue distributions that respect the circle: 350 degrees and 10 degrees are
// 20 degrees apart, not 340.

#include <array>

#include "huescope/measurement.hpp"

namespace huescope {

using HueHistogram = std::array<double, kHueBins>;

/// Earth mover's (Wasserstein-1) distance on the circle between two 1-degree hue histograms,
/// each normalised to sum 1: the least mean angle (degrees) mass must travel to turn one into the
/// other: 0 for equal distributions, at most 180 (two opposite point masses). NaN when either
/// histogram is empty.
///
/// On a circle of unit-width bins, with F the running sum of (p - q), the cost is
/// min over c of sum |F_i - c|, attained at c = median of F (Rabin, Delon & Gousseau 2011).
double circular_emd_deg(const HueHistogram& p, const HueHistogram& q);

/// Total variation distance, 0.5 * sum |p - q| (0 = same, 1 = disjoint), for contrast with EMD:
/// it ignores how far hues moved.
double total_variation(const HueHistogram& p, const HueHistogram& q);

}  // namespace huescope
