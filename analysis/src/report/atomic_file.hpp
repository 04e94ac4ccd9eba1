#pragma once

#include <cstdint>
#include <fstream>
#include <string>

#include "huescope/status.hpp"

namespace huescope {

/// A file written under a temporary name in the destination folder and renamed into place by
/// commit(). Destroyed without commit, it removes the temporary: the destination never holds a
/// half-written file, and an earlier version survives a failed run.
/// A name for a temporary file that no other writer uses, even in the same process (the desktop
/// app can analyse two films at once): ".STEM.tmp-PID-N" plus `extension`.
std::string unique_temp_name(const std::string& stem, const std::string& extension);

/// Cuts a file that a checkpoint kept back to the `length` it recorded (what was written after
/// the checkpoint goes); BadData when the file is shorter than that.
Status cut_back_to(const std::string& path, uintmax_t length);

class AtomicFile {
  public:
    explicit AtomicFile(std::string destination);
    /// The same with the temporary at a path the caller chose (a checkpoint's folder).
    AtomicFile(std::string destination, std::string temp);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    Status open();
    /// Opens a temporary that a checkpoint kept: its first `length` bytes stay, writing goes on
    /// after them (anything written after the checkpoint is dropped).
    Status reopen(uintmax_t length);
    /// Leaves the temporary in place when the file is never committed (for a checkpoint).
    void keep_temp() { m_keep = true; }
    std::ofstream& stream() { return m_stream; }
    const std::string& temp_path() const { return m_temp; }
    /// Closes the stream (if open), checks that every write succeeded and renames into place.
    Status commit();

  private:
    std::string m_destination;
    std::string m_temp;
    std::ofstream m_stream;
    bool m_committed = false;
    bool m_keep = false;
};

}  // namespace huescope
