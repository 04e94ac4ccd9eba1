#include "hash_cache.hpp"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../pipeline/file_identity.hpp"
#include "../report/json_fields.hpp"
#include "huescope/corpus.hpp"

namespace huescope {
namespace fs = std::filesystem;

HashCache::HashCache(const std::string& corpus_dir, bool persist)
    : m_path((fs::path(corpus_dir) / ".hash-cache.json").string()), m_persist(persist) {
    if (!m_persist) return;
    std::ifstream in(m_path);
    if (!in) return;
    try {  // a damaged cache is only a slower run: it is rebuilt
        const nlohmann::json cached = nlohmann::json::parse(in);
        for (const auto& [path, e] : cached.items()) {
            m_entries[path] = {e.at("bytes").get<uint64_t>(), e.at("modified").get<int64_t>(),
                               e.at("sha256").get<std::string>()};
        }
    } catch (const std::exception&) {
        m_entries.clear();
    }
}

Result<std::string> HashCache::sha256(const std::string& path) {
    std::error_code ec;
    const FileIdentity id = file_identity(path, ec);
    if (ec) return Status(ErrorCode::NoInput, "cannot read '" + path + "': " + ec.message());
    const std::string& key = id.path;
    const uint64_t bytes = id.bytes;
    const int64_t modified = id.modified;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it != m_entries.end() && it->second.bytes == bytes && it->second.modified == modified)
            return it->second.sha256;
    }
    Result<std::string> sha = file_sha256(path);  // outside the lock: it is the slow part
    if (!sha) return sha;
    std::lock_guard lock(m_mutex);
    m_entries[key] = {bytes, modified, sha.value()};
    return sha;
}

void HashCache::save() {
    if (!m_persist) return;
    nlohmann::json j = nlohmann::json::object();
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [path, e] : m_entries)
            j[path] = {{"bytes", e.bytes}, {"modified", e.modified}, {"sha256", e.sha256}};
    }
    // The cache is an optimisation: failing to keep it loses nothing.
    (void)write_json_file(m_path, j, 1);
}

}  // namespace huescope
