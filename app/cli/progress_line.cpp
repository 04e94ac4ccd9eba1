#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>

namespace huescope::cli {

ProgressLine::ProgressLine(bool enabled) : m_enabled(enabled && ::isatty(STDERR_FILENO) == 1) {}

void ProgressLine::update(const Progress& p) {
    if (!m_enabled || p.elapsed_s - m_last_draw < 0.25) return;
    m_last_draw = p.elapsed_s;
    const double fps = p.elapsed_s > 0 ? p.frames_analyzed / p.elapsed_s : 0.0;
    if (p.frames_expected > 0) {
        const double fraction = static_cast<double>(p.frames_analyzed) / p.frames_expected;
        const double left = fps > 0 ? (p.frames_expected - p.frames_analyzed) / fps : 0.0;
        std::fprintf(stderr, "\r  frame %lld / ~%lld  %5.1f%%  %6.1f fps  %5.0f s left   ",
                     static_cast<long long>(p.frames_analyzed),
                     static_cast<long long>(p.frames_expected),
                     fraction > 1.0 ? 100.0 : 100.0 * fraction, fps, left > 0 ? left : 0.0);
    } else {
        std::fprintf(stderr, "\r  frame %lld  at %.1f s  %6.1f fps   ",
                     static_cast<long long>(p.frames_analyzed), p.time_s, fps);
    }
    m_drawn = true;
}

void ProgressLine::finish() {
    if (m_drawn) std::fputs("\r\033[K", stderr);
}

}  // namespace huescope::cli
