// libFuzzer target: any bytes as a video file, through FFmpeg's probing and decoding, huescope's
// code extraction, colour decode and measurement. docs/robustness.md says how to run it.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    // An anonymous in-memory file: nothing touches the disk, and /proc/self/fd/N is a path
    // FFmpeg opens like any other.
    const int fd = memfd_create("huescope-fuzz", 0);
    if (fd < 0) return 0;
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = write(fd, data + written, size - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    fuzzing::measure_a_few_frames("/proc/self/fd/" + std::to_string(fd));
    close(fd);
    return 0;
}
