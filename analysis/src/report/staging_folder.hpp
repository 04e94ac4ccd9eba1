#pragma once
// A set of output files written into a hidden folder beside their destination and moved into
// place together once all are complete, so a run that fails halfway (an error, Ctrl-C, a full
// disk) leaves the earlier outputs as they were, not a mix of old and new.

#include <string>

#include "huescope/status.hpp"

namespace huescope {

class StagingFolder {
  public:
    /// Stages files for `destination` (created if missing) in a hidden folder inside it.
    static Result<StagingFolder> create(const std::string& destination);
    StagingFolder(StagingFolder&& other) noexcept;
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;
    StagingFolder& operator=(StagingFolder&&) = delete;
    /// Removes whatever was staged and not committed.
    ~StagingFolder();

    /// Where to write the file that will be DESTINATION/relative.
    std::string path(const std::string& relative) const;
    /// Moves every staged file (and subfolder's files) to its place in the destination, then
    /// removes the staging folder. Renames within one file system: each is atomic.
    Status commit();

  private:
    StagingFolder(std::string destination, std::string stage)
        : m_destination(std::move(destination)), m_stage(std::move(stage)) {}
    std::string m_destination;
    std::string m_stage;  // empty once committed or moved from
};

}  // namespace huescope
