/* huescope metric plugin ABI, version 1. The only header a plugin needs; pure C, so plugins can
 * be written in C, C++, Rust or anything with a C FFI.
 *
 * A plugin is a shared library exporting huescope_metric_get(). The host calls it with its
 * hs_host (ABI version, struct size, callbacks) and an index, 0, 1, 2, ... until it returns NULL,
 * and gets one hs_metric per metric. Calls to one metric never overlap (they come from one thread
 * at a time), and the sink passed to a call is valid only during that call.
 * For each analysis the host allocates priv_size zeroed bytes (16-byte aligned) per metric,
 * calls init() once, process() once per measured frame, finish() once at the end, and destroy()
 * once after a successful init() (or always when there is no init). A metric that returns an
 * error, reports NaN or an undeclared output is disabled for the rest of the analysis.
 *
 * Results go through the host's callbacks (hs_host) into a sink the host owns: values are
 * copied, so no memory allocated by the plugin ever crosses the boundary, and the plugin never
 * frees anything of the host's. Every call returns HS_OK or an error code; a C++ plugin must not
 * let an exception escape (the helper header huescope/metric_plugin.hpp catches them).
 *
 * Versioning rules (docs/plugin-api.md): every struct starts with its size, so a later version
 * can append fields; each side reads a field only when the other side's size covers it
 * (HS_HAS_FIELD), and a struct smaller than its version-1 size (HS_*_SIZE_V1) is refused.
 * HS_METRIC_ABI changes only when a field changes meaning or is removed: the host then refuses
 * plugins of another ABI with a clear message. */
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

/* What an output is. */
enum hs_output_kind {
    HS_OUTPUT_SCALAR = 0,    /* one number per frame: a column of frames.csv */
    HS_OUTPUT_HISTOGRAM = 1, /* bins per frame, summed over shots and the film (same layout) */
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
    int32_t aggregation;       /* enum hs_aggregation (scalars) */
    const char* weight_output; /* HS_AGG_MEAN only: the scalar weighting each frame, or NULL */
    int32_t kind;              /* enum hs_output_kind */
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

typedef struct hs_sink hs_sink; /* opaque, owned by the host, valid during one call only */

typedef struct hs_host {
    size_t size;
    uint32_t abi;
    /* A value of a declared output for the current frame (in process) or for the film (in
     * finish, which overrides the aggregated film value). NaN or infinity is an error. */
    int32_t (*scalar)(hs_sink* sink, const char* name, double value);
    /* A declared histogram for the current frame (or the film, in finish): the host sums them
     * per shot and film, so its bin count and range must not change during an analysis. */
    int32_t (*histogram)(hs_sink* sink, const char* name, const double* bins, int32_t count,
                         double low, double high);
    /* A message for the user: 0 info, 1 warning, 2 error (the first 20 per metric are kept). */
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
    /* May be NULL; may log (through host and sink) why it refuses the options. */
    int32_t (*init)(void* priv, const char* options_json, const hs_host* host, hs_sink* sink);
    int32_t (*process)(void* priv, const hs_frame* frame, const hs_host* host, hs_sink* sink);
    int32_t (*finish)(void* priv, const hs_host* host, hs_sink* sink); /* may be NULL */
    void (*destroy)(void* priv);                                       /* may be NULL */
} hs_metric;

/* The sizes of the version-1 structs: a struct reporting less is refused. */
#define HS_END_OF(type, field) (offsetof(type, field) + sizeof(((type*)0)->field))
#define HS_OUTPUT_SIZE_V1 HS_END_OF(hs_output, kind)
#define HS_FRAME_SIZE_V1 HS_END_OF(hs_frame, frame_index)
#define HS_HOST_SIZE_V1 HS_END_OF(hs_host, log)
#define HS_METRIC_SIZE_V1 HS_END_OF(hs_metric, destroy)
/* Whether a struct whose `size` the other side set holds `field`. */
#define HS_HAS_FIELD(pointer, type, field) ((pointer)->size >= HS_END_OF(type, field))

/* The entry point every plugin exports. Returns NULL past the last metric, or when it cannot
 * serve this host (host->abi, host->size). */
typedef const hs_metric* (*hs_metric_get_fn)(const hs_host* host, int32_t index);

#if defined(_WIN32)
#define HS_EXPORT __declspec(dllexport)
#else
#define HS_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
}
#endif

#endif /* HUESCOPE_METRIC_PLUGIN_H */
