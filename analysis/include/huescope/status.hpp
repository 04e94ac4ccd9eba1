#pragma once
// Errors in huescope are ordinary values: a missing file or a corrupt clip is input, not an
// exceptional state. Library adapters catch third-party exceptions and turn them into a Status.

#include <string>
#include <utility>
#include <variant>

namespace huescope {

/// What went wrong, coarse enough for a front end to map onto its own convention (exit codes).
enum class ErrorCode {
    Ok = 0,
    InvalidArgument,  ///< the caller asked for something meaningless (bad option value)
    NoInput,          ///< the input does not exist or cannot be opened
    BadData,          ///< the input exists but is not usable media
    Unsupported,      ///< valid media that huescope cannot measure correctly (yet)
    CannotCreate,     ///< an output could not be created
    Io,               ///< reading or writing failed midway
    Interrupted,      ///< the user asked to stop
    Busy,             ///< another run is writing the same output (try again when it is done)
    Internal,         ///< a bug: an invariant did not hold
};

/// Name of an error code, for messages and JSON.
const char* error_code_name(ErrorCode code);

/// An error code with a message that names the file and what was wrong.
class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    static Status ok() { return {}; }
    bool is_ok() const { return m_code == ErrorCode::Ok; }
    explicit operator bool() const { return is_ok(); }
    ErrorCode code() const { return m_code; }
    const std::string& message() const { return m_message; }

  private:
    ErrorCode m_code = ErrorCode::Ok;
    std::string m_message;
};

/// Either a value or a Status that is not ok.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::move(value)) {}  // NOLINT: implicit by design
    Result(Status status) : m_state(std::move(status)) {}

    bool is_ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return is_ok(); }
    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const Status& status() const { return std::get<Status>(m_state); }

  private:
    std::variant<T, Status> m_state;
};

}  // namespace huescope
