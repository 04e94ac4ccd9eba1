#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "huescope/status.hpp"

namespace huescope {

/// Fixed-size records of floats, appended to a file while a film is measured (memory stays flat
/// however long the film is) and read back in order at the end. The file is removed when the
/// spool is destroyed, unless keep() was called: a checkpoint keeps it to resume from.
class FloatSpool {
  public:
    FloatSpool(std::string path, std::size_t record_floats);
    ~FloatSpool();
    FloatSpool(const FloatSpool&) = delete;
    FloatSpool& operator=(const FloatSpool&) = delete;

    /// A new, empty spool.
    Status create();
    /// Opens a kept spool again with its first `records` records; anything after them (written
    /// after the checkpoint that counted them) is dropped.
    Status reopen(int64_t records);
    Status append(const float* record);
    /// Makes every appended record reach the file (before a checkpoint counts them).
    Status flush();
    /// Reads the records back in order. Appending afterwards is not supported.
    Status rewind();
    Status read(float* records, std::size_t count);

    int64_t records() const { return m_records; }
    const std::string& path() const { return m_path; }
    void keep() { m_keep = true; }

  private:
    std::string m_path;
    std::size_t m_record_floats;
    std::FILE* m_file = nullptr;
    int64_t m_records = 0;
    bool m_keep = false;
};

}  // namespace huescope
