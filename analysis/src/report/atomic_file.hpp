#pragma once

#include <fstream>
#include <string>

#include "huescope/status.hpp"

namespace huescope {

/// A file written under a temporary name in the destination folder and renamed into place by
/// commit(). Destroyed without commit, it removes the temporary: the destination never holds a
/// half-written file, and an earlier version survives a failed run.
class AtomicFile {
  public:
    explicit AtomicFile(std::string destination);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    Status open();
    std::ofstream& stream() { return m_stream; }
    const std::string& temp_path() const { return m_temp; }
    /// Closes the stream (if open), checks that every write succeeded and renames into place.
    Status commit();

  private:
    std::string m_destination;
    std::string m_temp;
    std::ofstream m_stream;
    bool m_committed = false;
};

}  // namespace huescope
