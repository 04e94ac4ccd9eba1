#pragma once
// Where an interrupted analysis leaves what a resumed run needs (docs/robustness.md, "Resume"):
// a hidden folder in the output folder with the frames.csv written so far, the two spools and
// the state of the run. It is held under an exclusive lock while an analysis runs, so two
// analyses never write into the same output folder at once.

#include <memory>
#include <string>

#include "checkpoint_state.hpp"
#include "huescope/status.hpp"

namespace huescope {

inline constexpr const char* kCheckpointFolder = ".huescope-checkpoint";

class CheckpointFolder {
  public:
    /// Creates (or finds) the folder in `output_dir` and locks it.
    static Result<std::unique_ptr<CheckpointFolder>> claim(const std::string& output_dir);
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
    /// starts over. The folder itself goes when the lock is released.
    void discard() const;

  private:
    CheckpointFolder(std::string path, int lock_fd) : m_path(std::move(path)), m_lock_fd(lock_fd) {}
    std::string m_path;
    int m_lock_fd = -1;
};

}  // namespace huescope
