#include "atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>

namespace huescope {

std::string unique_temp_name(const std::string& stem, const std::string& extension) {
    static std::atomic<unsigned> counter{0};
    return "." + stem + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter.fetch_add(1)) + extension;
}

AtomicFile::AtomicFile(std::string destination) : m_destination(std::move(destination)) {
    const std::filesystem::path dest(m_destination);
    // Hidden, unique, and with the destination's extension kept last, so that any writer that
    // chooses the format by extension still sees the right one.
    m_temp =
        (dest.parent_path() / unique_temp_name(dest.stem().string(), dest.extension().string()))
            .string();
}

AtomicFile::AtomicFile(std::string destination, std::string temp)
    : m_destination(std::move(destination)), m_temp(std::move(temp)) {}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        if (m_stream.is_open()) m_stream.close();
        if (!m_keep) std::remove(m_temp.c_str());
    }
}

Status AtomicFile::open() {
    m_stream.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_stream) return Status(ErrorCode::CannotCreate, "cannot create '" + m_temp + "'");
    return Status::ok();
}

Status cut_back_to(const std::string& path, uintmax_t length) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    if (ec || size < length) {
        return Status(ErrorCode::BadData, "'" + path + "' is shorter than its checkpoint says");
    }
    fs::resize_file(path, length, ec);
    if (ec) return Status(ErrorCode::Io, "cannot truncate '" + path + "': " + ec.message());
    return Status::ok();
}

Status AtomicFile::reopen(uintmax_t length) {
    if (Status s = cut_back_to(m_temp, length); !s) return s;
    m_stream.open(m_temp, std::ios::binary | std::ios::app);
    if (!m_stream) return Status(ErrorCode::Io, "cannot reopen '" + m_temp + "'");
    return Status::ok();
}

Status AtomicFile::commit() {
    if (m_stream.is_open()) {
        m_stream.flush();
        const bool good = m_stream.good();
        m_stream.close();
        if (!good) return Status(ErrorCode::Io, "writing '" + m_temp + "' failed");
    }
    if (std::rename(m_temp.c_str(), m_destination.c_str()) != 0) {
        return Status(ErrorCode::Io, "cannot move '" + m_temp + "' to '" + m_destination + "'");
    }
    m_committed = true;
    return Status::ok();
}

}  // namespace huescope
