/* Plugins that misbehave, one per HOSTILE_KIND, for the host's tests:
 *   1 no entry point, 2 wrong ABI, 3 wrong struct size, 4 process() fails at frame 3,
 *   5 reports NaN at frame 2, 6 reports an output it never declared;
 * and histograms: 7 reports a well-formed one every frame (the one well-behaved plugin here),
 * 8 changes its bin count at frame 2. */
#include <math.h>

#include "huescope/metric_plugin.h"

#ifndef HOSTILE_KIND
#error "define HOSTILE_KIND"
#endif

static int32_t process(void* priv, const hs_frame* f, const hs_host* host, hs_sink* sink) {
    (void)priv;
    double value = (double)f->frame_index;
    if (HOSTILE_KIND == 4 && f->frame_index >= 3) return HS_ERROR;
    if (HOSTILE_KIND == 5 && f->frame_index == 2) value = NAN;
    if (HOSTILE_KIND == 6) return host->scalar(sink, "undeclared", value);
    if (HOSTILE_KIND == 7 || HOSTILE_KIND == 8) {
        double bins[5] = {0, 0, 0, 0, 0};
        bins[f->frame_index % 4] = 1.0;
        const int32_t count = HOSTILE_KIND == 8 && f->frame_index >= 2 ? 5 : 4;
        const int32_t status = host->histogram(sink, "hist", bins, count, 0.0, 4.0);
        if (status != HS_OK) return status;
    }
    return host->scalar(sink, "value", value);
}

static const hs_output outputs[] = {
    {sizeof(hs_output), "value", "the frame index", HS_AGG_MAX, NULL, HS_OUTPUT_SCALAR},
    {sizeof(hs_output), "hist", "frame index mod 4, one count a frame", HS_AGG_SUM, NULL,
     HS_OUTPUT_HISTOGRAM},
};

#define STRINGIFY2(x) #x
#define STRINGIFY(x) STRINGIFY2(x)

static const hs_metric metric = {HOSTILE_KIND == 3 ? 16 : sizeof(hs_metric),
                                 HOSTILE_KIND == 2 ? 99u : HS_METRIC_ABI,
                                 "org.huescope.test.hostile" STRINGIFY(HOSTILE_KIND),
                                 "Hostile",
                                 "misbehaves on purpose",
                                 1,
                                 0,
                                 HS_FORMAT_LINEAR_RGB,
                                 outputs,
                                 sizeof outputs / sizeof outputs[0],
                                 0,
                                 NULL,
                                 process,
                                 NULL,
                                 NULL};

#if HOSTILE_KIND == 1
HS_EXPORT const hs_metric* some_other_function(const hs_host* host, int32_t index) {
#else
HS_EXPORT const hs_metric* huescope_metric_get(const hs_host* host, int32_t index) {
#endif
    (void)host;
    return index == 0 ? &metric : NULL;
}
