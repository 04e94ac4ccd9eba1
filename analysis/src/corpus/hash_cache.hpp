#pragma once
// Films are known by their content, but hashing a two-hour master takes a minute: the SHA-256 of
// each file is kept in CORPUS/.hash-cache.json with the size and modification time it was taken
// at, and taken again only when either changes.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "huescope/status.hpp"

namespace huescope {

class HashCache {
  public:
    /// `persist`: read and write the cache file (cluster tasks on shared storage do not).
    HashCache(const std::string& corpus_dir, bool persist);
    /// The file's SHA-256 (hex), from the cache when its size and time are unchanged.
    Result<std::string> sha256(const std::string& path);
    /// Writes the cache back (atomically).
    void save();

  private:
    struct Entry {
        uint64_t bytes = 0;
        int64_t modified = 0;
        std::string sha256;
    };
    std::string m_path;
    bool m_persist;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;  // by absolute path
};

}  // namespace huescope
