#include "checkpoint.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "../report/atomic_file.hpp"

namespace huescope {
namespace fs = std::filesystem;
namespace {
constexpr const char* kStateFile = "state.bin";
}  // namespace

Result<std::unique_ptr<CheckpointFolder>> CheckpointFolder::claim(const std::string& output_dir) {
    const fs::path folder = fs::path(output_dir) / kCheckpointFolder;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        return Status(ErrorCode::CannotCreate,
                      "cannot create '" + folder.string() + "': " + ec.message());
    }
    return std::unique_ptr<CheckpointFolder>(new CheckpointFolder(folder.string()));
}

CheckpointFolder::~CheckpointFolder() {
    if (!has_state()) {
        discard();  // working files of a run that never saved a state
        std::error_code ec;
        fs::remove(m_path, ec);
    }
}

Result<std::unique_ptr<OutputFolderLock>> OutputFolderLock::take(const std::string& output_dir) {
    const int fd = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return Status(ErrorCode::CannotCreate,
                      "cannot open '" + output_dir + "': " + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Status(ErrorCode::Busy,
                      "another huescope analysis is writing to '" + output_dir + "'");
    }
    return std::unique_ptr<OutputFolderLock>(new OutputFolderLock(fd));
}

OutputFolderLock::~OutputFolderLock() {
    ::close(m_fd);  // releases the lock
}

std::string CheckpointFolder::file(const std::string& name) const {
    return (fs::path(m_path) / name).string();
}

bool CheckpointFolder::has_state() const {
    std::error_code ec;
    return fs::is_regular_file(file(kStateFile), ec);
}

Status CheckpointFolder::save(const CheckpointRecord& record, const RunState& state) const {
    AtomicFile out(file(kStateFile));
    if (Status s = out.open(); !s) return s;
    const std::string bytes = encode_checkpoint(record, state);
    out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out.commit();
}

Result<CheckpointRecord> CheckpointFolder::load(const std::string& key, RunState& state) const {
    std::ifstream in(file(kStateFile), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) {
        return Status(ErrorCode::Io, "cannot read '" + file(kStateFile) + "'");
    }
    CheckpointRecord record;
    if (Status s = decode_checkpoint(bytes, key, record, state); !s) return s;
    return record;
}

void CheckpointFolder::discard() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_path, ec)) fs::remove(entry.path(), ec);
}

}  // namespace huescope
