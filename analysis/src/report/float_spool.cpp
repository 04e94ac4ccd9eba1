#include "float_spool.hpp"

#include <cerrno>
#include <cstring>

#include "atomic_file.hpp"

namespace huescope {

FloatSpool::FloatSpool(std::string path, std::size_t record_floats)
    : m_path(std::move(path)), m_record_floats(record_floats) {}

FloatSpool::~FloatSpool() {
    if (m_file != nullptr) std::fclose(m_file);
    if (!m_keep) std::remove(m_path.c_str());
}

Status FloatSpool::create() {
    m_file = std::fopen(m_path.c_str(), "w+b");
    if (m_file == nullptr)
        return Status(ErrorCode::CannotCreate,
                      "cannot create '" + m_path + "': " + std::strerror(errno));
    m_records = 0;
    return Status::ok();
}

Status FloatSpool::reopen(int64_t records) {
    const uintmax_t bytes = static_cast<uintmax_t>(records) * m_record_floats * sizeof(float);
    if (Status s = cut_back_to(m_path, bytes); !s) return s;
    m_file = std::fopen(m_path.c_str(), "r+b");
    if (m_file == nullptr || std::fseek(m_file, 0, SEEK_END) != 0) {
        return Status(ErrorCode::Io, "cannot reopen '" + m_path + "': " + std::strerror(errno));
    }
    m_records = records;
    return Status::ok();
}

Status FloatSpool::append(const float* record) {
    if (std::fwrite(record, sizeof(float), m_record_floats, m_file) != m_record_floats) {
        return Status(ErrorCode::Io, "writing '" + m_path + "' failed (disk full?)");
    }
    ++m_records;
    return Status::ok();
}

Status FloatSpool::flush() {
    if (std::fflush(m_file) != 0) return Status(ErrorCode::Io, "writing '" + m_path + "' failed");
    return Status::ok();
}

Status FloatSpool::rewind() {
    if (std::fflush(m_file) != 0 || std::fseek(m_file, 0, SEEK_SET) != 0) {
        return Status(ErrorCode::Io, "re-reading '" + m_path + "' failed");
    }
    return Status::ok();
}

Status FloatSpool::read(float* records, std::size_t count) {
    const std::size_t floats = count * m_record_floats;
    if (std::fread(records, sizeof(float), floats, m_file) != floats) {
        return Status(ErrorCode::Io, "re-reading '" + m_path + "' failed");
    }
    return Status::ok();
}

}  // namespace huescope
