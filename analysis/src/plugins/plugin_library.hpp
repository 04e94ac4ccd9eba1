#pragma once
// A plugin shared library, opened with dlopen and closed when the last user lets go.

#include <memory>
#include <string>

#include "huescope/metric_plugin.h"
#include "huescope/status.hpp"

namespace huescope {

/// The callbacks every plugin call gets (defined with the host).
extern const hs_host kPluginHost;

class PluginLibrary {
  public:
    /// Opens `path` and finds huescope_metric_get; BadData names the file and what is wrong.
    static Result<std::shared_ptr<PluginLibrary>> open(const std::string& path);
    ~PluginLibrary();
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    const std::string& path() const { return m_path; }
    /// The library's index-th metric for `host`, or nullptr past the last.
    const hs_metric* metric(const hs_host* host, int32_t index) const;

  private:
    PluginLibrary(std::string path, void* handle, hs_metric_get_fn get);
    std::string m_path;
    void* m_handle = nullptr;
    hs_metric_get_fn m_get = nullptr;
};

}  // namespace huescope
