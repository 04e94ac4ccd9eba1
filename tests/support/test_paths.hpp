#pragma once
// Where the tests find generated media and the built tool, and a fresh scratch folder per test.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace testing_support {

inline std::string media(const std::string& name) {
    return std::string(HUESCOPE_TEST_MEDIA_DIR) + "/" + name;
}

/// An empty folder unique to the running test, removed and recreated on each call.
inline std::filesystem::path scratch_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::filesystem::path dir = std::filesystem::path(HUESCOPE_TEST_SCRATCH_DIR) /
                                      (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace testing_support
