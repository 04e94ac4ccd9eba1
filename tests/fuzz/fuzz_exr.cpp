// libFuzzer target: any bytes as an OpenEXR file, through OpenEXR's reader (with huescope's size
// limits set on it) and huescope's EXR source, colour decode and measurement.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    // The EXR source takes paths ending in .exr: one file per process, rewritten each time.
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("huescope-fuzz-" + std::to_string(getpid()) + ".exr"))
                                        .string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    fuzzing::measure_a_few_frames(path);
    std::remove(path.c_str());
    return 0;
}
