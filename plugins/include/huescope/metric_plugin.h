/* huescope metric plugin ABI, version 1. The only header a plugin needs; pure C, so plugins can
 * be written in C, C++, Rust or anything with a C FFI.
 *
 * A plugin is a shared library exporting huescope_metric_get(). The host calls it with its ABI
 * version and an index, 0, 1, 2, ... until it returns NULL, and gets one hs_metric per metric.
 * For each analysis the host allocates priv_size zeroed bytes (aligned for any type) per metric,
 * calls init() once, process() once per measured frame, finish() once at the end, and destroy()
 * once after a successful init() (or always when there is no init). A metric that returns an
 * error, reports NaN or an undeclared output is disabled for the rest of the analysis.
 *
 * Results go through the host's callbacks (hs_host) into a sink the host owns: values are
 * copied, so no memory allocated by the plugin ever crosses the boundary, and the plugin never
 * frees anything of the host's. Every call returns HS_OK or an error code; a C++ plugin must not
 * let an exception escape (the helper header huescope/metric_plugin.hpp catches them).
 *
 * Versioning rules (docs/plugin-api.md): every struct starts with its size, so a later minor
 * version can append fields; the host reads only fields that the given size covers and rejects a
 * struct smaller than the version-1 layout. HS_METRIC_ABI changes only when a field changes
 * meaning or is removed: the host then refuses plugins of another ABI with a clear message. */
#ifndef HUESCOPE_METRIC_PLUGIN_H
#define HUESCOPE_METRIC_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HS_METRIC_ABI 1u

enum hs_status {
    HS_OK = 0,
    HS_ERROR = 1,       /* the call failed; the host disables the metric and says so */
    HS_BAD_OPTIONS = 2, /* init(): the options JSON is not acceptable */
};

/* Pixel layouts a metric can ask for (accepted_formats is a bit set of these). */
enum hs_format {
    HS_FORMAT_LINEAR_RGB = 1u << 0, /* float R, G, B: linear light, BT.709 primaries, D65,
                                       1.0 = reference white (HDR above 1) */
    HS_FORMAT_OKLAB = 1u << 1,      /* float L, a, b (Ottosson's OKLab of the same pixels) */
};

/* How the host turns a scalar's per-frame values into one value per shot and per film. */
enum hs_aggregation {
    HS_AGG_MEAN = 0, /* mean over frames, weighted by weight_output's value when given */
    HS_AGG_SUM = 1,
    HS_AGG_MIN = 2,
    HS_AGG_MAX = 3,
};

/* One output a metric declares up front: the host makes its columns and JSON fields. */
typedef struct hs_output {
    size_t size;               /* sizeof(hs_output) */
    const char* name;          /* [a-z0-9_]+, unique within the metric */
    const char* description;   /* one sentence, with units */
    int32_t aggregation;       /* enum hs_aggregation */
    const char* weight_output; /* HS_AGG_MEAN: the output weighting each frame, or NULL */
} hs_output;

/* A frame: interleaved 3-float pixels, rows `stride_bytes` apart. The letterbox is already cut
 * away. A pointer is NULL when the metric did not ask for that format. */
typedef struct hs_frame {
    size_t size;
    int32_t width, height;
    ptrdiff_t stride_bytes;
    const float* linear_rgb;
    const float* oklab;
    double time_s;
    int64_t frame_index; /* 0-based among measured frames */
} hs_frame;

typedef struct hs_sink hs_sink; /* opaque, owned by the host */

typedef struct hs_host {
    size_t size;
    uint32_t abi;
    /* A value of a declared output for the current frame (in process) or for the film (in
     * finish, which overrides the aggregated film value). NaN or infinity is an error. */
    int32_t (*scalar)(hs_sink* sink, const char* name, double value);
    /* A histogram for the current frame: the host sums them per shot and film. */
    int32_t (*histogram)(hs_sink* sink, const char* name, const double* bins, int32_t count,
                         double low, double high);
    /* A message for the user: 0 info, 1 warning, 2 error. */
    void (*log)(hs_sink* sink, int32_t level, const char* message);
} hs_host;

typedef struct hs_metric {
    size_t size;      /* sizeof(hs_metric) as compiled into the plugin */
    uint32_t abi;     /* HS_METRIC_ABI */
    const char* id;   /* reverse DNS, e.g. "org.example.colorfulness" */
    const char* name; /* for people */
    const char* description;
    uint32_t version_major, version_minor;
    uint32_t accepted_formats; /* enum hs_format bits */
    const hs_output* outputs;
    int32_t output_count;
    size_t priv_size; /* bytes of private state the host allocates, zeroed */
    int32_t (*init)(void* priv, const char* options_json); /* may be NULL */
    int32_t (*process)(void* priv, const hs_frame* frame, const hs_host* host, hs_sink* sink);
    int32_t (*finish)(void* priv, const hs_host* host, hs_sink* sink); /* may be NULL */
    void (*destroy)(void* priv);                                       /* may be NULL */
} hs_metric;

/* The entry point every plugin exports. Returns NULL past the last metric, or when it cannot
 * serve a host of `host_abi`. */
typedef const hs_metric* (*hs_metric_get_fn)(uint32_t host_abi, int32_t index);

#if defined(_WIN32)
#define HS_EXPORT __declspec(dllexport)
#else
#define HS_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
}
#endif

#endif /* HUESCOPE_METRIC_PLUGIN_H */
