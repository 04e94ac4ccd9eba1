#pragma once
// The one way to put a value into one of `bins` equal cells over [low, high): values outside go
// to the edge cells, and the clamp happens in floating point, before the conversion to int, so
// that huge values (a damaged EXR's 1e30) and NaN stay defined (NaN goes to cell 0). Found by
// fuzzing: the conversion of an out-of-range double to int is undefined behaviour.

namespace huescope {

inline int clamped_bin(double value, double low, double high, int bins) {
    const double position = (value - low) / (high - low) * bins;
    if (!(position > 0.0)) return 0;  // also NaN
    return position < bins - 1 ? static_cast<int>(position) : bins - 1;
}

}  // namespace huescope
