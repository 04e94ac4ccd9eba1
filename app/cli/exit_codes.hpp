#pragma once

#include "huescope/status.hpp"

namespace huescope::cli {

// sysexits.h values, which scripts and batch runners understand.
inline constexpr int kExitOk = 0;
/// The analysis finished and wrote its outputs, but the source was damaged: summary.json's
/// "completeness" says what was lost (docs/robustness.md). Not a sysexits value: it is a
/// success with a caveat, which scripts must be able to tell from both 0 and failure.
inline constexpr int kExitPartial = 3;
/// `batch`: it finished, but some films failed; they are listed, and in the index's failures.
inline constexpr int kExitSomeFailed = 2;
inline constexpr int kExitUsage = 64;
inline constexpr int kExitDataError = 65;
inline constexpr int kExitNoInput = 66;
inline constexpr int kExitSoftware = 70;
inline constexpr int kExitCannotCreate = 73;
inline constexpr int kExitIoError = 74;
inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, the shell convention

int exit_code_for(ErrorCode code);

/// Prints "huescope: error: MESSAGE" on stderr and returns the exit code for the status.
int report_error(const Status& status);

}  // namespace huescope::cli
