#include "plugin_library.hpp"

#include <dlfcn.h>

#include <cstring>

namespace huescope {

PluginLibrary::PluginLibrary(std::string path, void* handle, hs_metric_get_fn get)
    : m_path(std::move(path)), m_handle(handle), m_get(get) {}

PluginLibrary::~PluginLibrary() {
    if (m_handle != nullptr) dlclose(m_handle);
}

Result<std::shared_ptr<PluginLibrary>> PluginLibrary::open(const std::string& path) {
    dlerror();
    // RTLD_LOCAL: two plugins may use the same symbol names without meeting.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        return Status(ErrorCode::BadData, "plugin '" + path +
                                              "' is not a loadable shared library: " +
                                              (why != nullptr ? why : "unknown reason"));
    }
    void* symbol = dlsym(handle, "huescope_metric_get");
    if (symbol == nullptr) {
        dlclose(handle);
        return Status(ErrorCode::BadData,
                      "plugin '" + path + "' has no huescope_metric_get entry point");
    }
    hs_metric_get_fn get = nullptr;
    static_assert(sizeof(get) == sizeof(symbol), "function and object pointers differ in size");
    std::memcpy(&get, &symbol, sizeof get);  // POSIX: dlsym's object pointer is the function
    return std::shared_ptr<PluginLibrary>(new PluginLibrary(path, handle, get));
}

const hs_metric* PluginLibrary::metric(const hs_host* host, int32_t index) const {
    return m_get(host, index);
}

}  // namespace huescope
