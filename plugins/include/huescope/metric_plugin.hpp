// Optional C++ helper for huescope metric plugins: write a class, get the C entry points.
// The class T is constructed in the host's private memory from the options JSON, so it needs:
//   explicit T(const char* options_json);                 // may throw: init fails cleanly
//   bool process(const hs_frame& frame, huescope::plugin::Reporter& out);
//   bool finish(huescope::plugin::Reporter& out);         // film-level values; may do nothing
// No exception crosses into the host: every trampoline catches and returns an error code.
#ifndef HUESCOPE_METRIC_PLUGIN_HPP
#define HUESCOPE_METRIC_PLUGIN_HPP

#include <exception>
#include <new>

#include "huescope/metric_plugin.h"

namespace huescope::plugin {

/// Reports values for the current frame (in process) or the film (in finish).
class Reporter {
  public:
    Reporter(const hs_host* host, hs_sink* sink) : m_host(host), m_sink(sink) {}
    bool scalar(const char* name, double value) {
        return m_host->scalar(m_sink, name, value) == HS_OK;
    }
    bool histogram(const char* name, const double* bins, int32_t count, double low, double high) {
        return m_host->histogram(m_sink, name, bins, count, low, high) == HS_OK;
    }
    void log(int32_t level, const char* message) { m_host->log(m_sink, level, message); }

  private:
    const hs_host* m_host;
    hs_sink* m_sink;
};

template <typename T>
struct Trampolines {
    static_assert(alignof(T) <= alignof(max_align_t),
                  "the host aligns private state to max_align_t");
    static int32_t init(void* priv, const char* options, const hs_host* host, hs_sink* sink) {
        try {
            new (priv) T(options != nullptr ? options : "{}");
            return HS_OK;
        } catch (const std::exception& e) {
            host->log(sink, 2, e.what());  // why the options were refused
            return HS_BAD_OPTIONS;
        } catch (...) {
            return HS_BAD_OPTIONS;
        }
    }
    static int32_t process(void* priv, const hs_frame* frame, const hs_host* host, hs_sink* sink) {
        try {
            Reporter out(host, sink);
            return static_cast<T*>(priv)->process(*frame, out) ? HS_OK : HS_ERROR;
        } catch (...) {
            return HS_ERROR;
        }
    }
    static int32_t finish(void* priv, const hs_host* host, hs_sink* sink) {
        try {
            Reporter out(host, sink);
            return static_cast<T*>(priv)->finish(out) ? HS_OK : HS_ERROR;
        } catch (...) {
            return HS_ERROR;
        }
    }
    static void destroy(void* priv) { static_cast<T*>(priv)->~T(); }
};

/// The hs_metric of class T (put it in a static and return its address from
/// huescope_metric_get).
template <typename T>
constexpr hs_metric describe(const char* id, const char* name, const char* description,
                             uint32_t major, uint32_t minor, uint32_t formats,
                             const hs_output* outputs, int32_t output_count) {
    return hs_metric{sizeof(hs_metric),
                     HS_METRIC_ABI,
                     id,
                     name,
                     description,
                     major,
                     minor,
                     formats,
                     outputs,
                     output_count,
                     sizeof(T),
                     &Trampolines<T>::init,
                     &Trampolines<T>::process,
                     &Trampolines<T>::finish,
                     &Trampolines<T>::destroy};
}

}  // namespace huescope::plugin

#endif  // HUESCOPE_METRIC_PLUGIN_HPP
