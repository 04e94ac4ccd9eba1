#include "staging_folder.hpp"

#include <filesystem>
#include <vector>

#include "atomic_file.hpp"

namespace huescope {

namespace fs = std::filesystem;

Result<StagingFolder> StagingFolder::create(const std::string& destination) {
    std::error_code ec;
    fs::create_directories(destination, ec);
    const fs::path stage = fs::path(destination) / unique_temp_name("staging", "");
    if (!ec) fs::create_directories(stage, ec);
    if (ec) {
        return Status(ErrorCode::CannotCreate,
                      "cannot create '" + stage.string() + "': " + ec.message());
    }
    return StagingFolder(destination, stage.string());
}

StagingFolder::StagingFolder(StagingFolder&& other) noexcept
    : m_destination(std::move(other.m_destination)), m_stage(std::move(other.m_stage)) {
    other.m_stage.clear();
}

StagingFolder::~StagingFolder() {
    if (m_stage.empty()) return;
    std::error_code ec;
    fs::remove_all(m_stage, ec);
}

std::string StagingFolder::path(const std::string& relative) const {
    return (fs::path(m_stage) / relative).string();
}

Status StagingFolder::commit() {
    std::error_code ec;
    std::vector<fs::path> files;  // listed first: the folder is not changed while it is read
    for (auto it = fs::recursive_directory_iterator(m_stage, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) return Status(ErrorCode::Io, "cannot list '" + m_stage + "': " + ec.message());
    for (const fs::path& file : files) {
        const fs::path target = fs::path(m_destination) / fs::relative(file, m_stage, ec);
        if (!ec) fs::create_directories(target.parent_path(), ec);
        if (!ec) fs::rename(file, target, ec);
        if (ec) {
            return Status(ErrorCode::Io, "cannot move '" + file.string() + "' to '" +
                                             target.string() + "': " + ec.message());
        }
    }
    fs::remove_all(m_stage, ec);
    m_stage.clear();
    return Status::ok();
}

}  // namespace huescope
