#pragma once
// Where an interrupted analysis leaves what a resumed run needs (docs/robustness.md, "Resume"):
// a hidden folder in the output folder with the frames.csv written so far, the two spools and
// the state of the run. The output folder itself is locked while an analysis runs, so two
// analyses never write into it at once.

#include <memory>
#include <string>

#include "checkpoint_state.hpp"
#include "huescope/status.hpp"

namespace huescope {

inline constexpr const char* kCheckpointFolder = ".huescope-checkpoint";

class CheckpointFolder {
  public:
    /// Creates (or finds) the folder in `output_dir`.
    static Result<std::unique_ptr<CheckpointFolder>> claim(const std::string& output_dir);
    /// Without a state, nothing in the folder is worth keeping: it is removed.
    ~CheckpointFolder();
    CheckpointFolder(const CheckpointFolder&) = delete;
    CheckpointFolder& operator=(const CheckpointFolder&) = delete;

    /// The working file of that name (frames.csv, a spool) in the folder.
    std::string file(const std::string& name) const;
    bool has_state() const;
    /// Writes the state atomically: a crash while saving leaves the previous checkpoint.
    Status save(const CheckpointRecord& record, const RunState& state) const;
    /// Reads the state saved by the run named `key` (see decode_checkpoint).
    Result<CheckpointRecord> load(const std::string& key, RunState& state) const;
    /// Removes the state and the working files: after the outputs are committed, or when a run
    /// starts over.
    void discard() const;

  private:
    explicit CheckpointFolder(std::string path) : m_path(std::move(path)) {}
    std::string m_path;
};

/// An exclusive lock on an output folder (flock on the folder itself, so nothing is left to
/// clean up), held while an analysis writes into it.
class OutputFolderLock {
  public:
    /// InvalidArgument when another analysis holds it.
    static Result<std::unique_ptr<OutputFolderLock>> take(const std::string& output_dir);
    ~OutputFolderLock();
    OutputFolderLock(const OutputFolderLock&) = delete;
    OutputFolderLock& operator=(const OutputFolderLock&) = delete;

  private:
    explicit OutputFolderLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace huescope
