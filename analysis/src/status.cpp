#include "huescope/status.hpp"

namespace huescope {

const char* error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::Ok:
            return "ok";
        case ErrorCode::InvalidArgument:
            return "invalid-argument";
        case ErrorCode::NoInput:
            return "no-input";
        case ErrorCode::BadData:
            return "bad-data";
        case ErrorCode::Unsupported:
            return "unsupported";
        case ErrorCode::CannotCreate:
            return "cannot-create";
        case ErrorCode::Io:
            return "io";
        case ErrorCode::Busy:
            return "busy";
        case ErrorCode::Interrupted:
            return "interrupted";
        case ErrorCode::Internal:
            return "internal";
    }
    return "?";
}

}  // namespace huescope
