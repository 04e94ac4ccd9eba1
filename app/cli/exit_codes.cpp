#include "exit_codes.hpp"

#include <cstdio>

namespace huescope::cli {

int exit_code_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::Ok:
            return kExitOk;
        case ErrorCode::InvalidArgument:
        case ErrorCode::Busy:  // refused like a meaningless request: nothing was done
            return kExitUsage;
        case ErrorCode::NoInput:
            return kExitNoInput;
        case ErrorCode::BadData:
        case ErrorCode::Unsupported:
            return kExitDataError;
        case ErrorCode::CannotCreate:
            return kExitCannotCreate;
        case ErrorCode::Io:
            return kExitIoError;
        case ErrorCode::Interrupted:
            return kExitInterrupted;
        case ErrorCode::Internal:
            return kExitSoftware;
    }
    return kExitSoftware;
}

int report_error(const Status& status) {
    std::fprintf(stderr, "huescope: error: %s\n", status.message().c_str());
    return exit_code_for(status.code());
}

}  // namespace huescope::cli
