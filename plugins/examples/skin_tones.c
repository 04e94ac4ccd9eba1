/* Skin-tone share: the fraction of a frame's pixels whose OKLCh colour lies in the region
 *   35° <= h <= 90°,  0.005 <= C <= 0.090,  0.25 <= L <= 0.96,
 * which holds the ten swatches of the Monk Skin Tone Scale (Monk 2019; Google 2022: OKLCh from
 * L 0.26 to 0.95, C 0.011 to 0.070, h 44° to 85°) and the ColorChecker's dark and light skin
 * patches (h 44° and 46°, C 0.05 and 0.06), with margins (the darkest Monk swatch has C 0.0105, so
 * the lower chroma bound sits at half that). It is a colour region, not a skin
 * detector: sand, wood and beige walls are in it too. Options: {"hue_min":..,"hue_max":..,
 * "chroma_min":..,"chroma_max":..,"lightness_min":..,"lightness_max":..} override the bounds. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "huescope/metric_plugin.h"

typedef struct {
    double hue_min, hue_max, chroma_min, chroma_max, l_min, l_max;
} bounds;

/* Reads "key": number from a flat JSON object (enough for these six numbers). */
static int read_number(const char* json, const char* key, double* out) {
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char* at = strstr(json, quoted);
    if (at == NULL) return 1; /* absent: keep the default */
    at = strchr(at + strlen(quoted), ':');
    return at != NULL && sscanf(at + 1, "%lf", out) == 1;
}

/* Every key of a flat JSON object must be one of these: a misspelt option is an error, not a
 * silently kept default. */
static int known_keys_only(const char* json, const hs_host* host, hs_sink* sink) {
    static const char* const keys[] = {"hue_min",    "hue_max",       "chroma_min",
                                       "chroma_max", "lightness_min", "lightness_max"};
    for (const char* at = strchr(json, '"'); at != NULL; at = strchr(at + 1, '"')) {
        const char* end = strchr(at + 1, '"');
        if (end == NULL) return 0;
        int known = 0;
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; ++k)
            known |= strlen(keys[k]) == (size_t)(end - at - 1) &&
                     strncmp(keys[k], at + 1, (size_t)(end - at - 1)) == 0;
        if (!known) {
            char message[160];
            snprintf(message, sizeof message, "unknown option '%.*s'", (int)(end - at - 1), at + 1);
            host->log(sink, 2, message);
            return 0;
        }
        at = end;
    }
    return 1;
}

static int32_t init(void* priv, const char* options, const hs_host* host, hs_sink* sink) {
    bounds* b = (bounds*)priv;
    *b = (bounds){35.0, 90.0, 0.005, 0.090, 0.25, 0.96};
    if (options == NULL) return HS_OK;
    if (!known_keys_only(options, host, sink)) return HS_BAD_OPTIONS;
    if (!read_number(options, "hue_min", &b->hue_min) ||
        !read_number(options, "hue_max", &b->hue_max) ||
        !read_number(options, "chroma_min", &b->chroma_min) ||
        !read_number(options, "chroma_max", &b->chroma_max) ||
        !read_number(options, "lightness_min", &b->l_min) ||
        !read_number(options, "lightness_max", &b->l_max)) {
        return HS_BAD_OPTIONS;
    }
    return b->hue_min < b->hue_max && b->chroma_min < b->chroma_max && b->l_min < b->l_max
               ? HS_OK
               : HS_BAD_OPTIONS;
}

static int32_t process(void* priv, const hs_frame* f, const hs_host* host, hs_sink* sink) {
    const bounds* b = (const bounds*)priv;
    double n = 0, skin = 0;
    for (int32_t y = 0; y < f->height; ++y) {
        const float* row = (const float*)((const char*)f->oklab + y * f->stride_bytes);
        for (int32_t x = 0; x < f->width; ++x) {
            const float* p = row + 3 * x;
            if (!isfinite(p[0]) || !isfinite(p[1]) || !isfinite(p[2])) continue;
            n += 1;
            const double c = hypot(p[1], p[2]);
            double h = atan2(p[2], p[1]) * 180.0 / 3.14159265358979323846;
            if (h < 0) h += 360.0;
            skin += p[0] >= b->l_min && p[0] <= b->l_max && c >= b->chroma_min &&
                    c <= b->chroma_max && h >= b->hue_min && h <= b->hue_max;
        }
    }
    if (n == 0) return HS_OK;
    int32_t status = host->scalar(sink, "pixels", n);
    return status == HS_OK ? host->scalar(sink, "skin_share", skin / n) : status;
}

static const hs_output outputs[] = {
    {sizeof(hs_output), "skin_share", "pixels in the OKLCh skin-tone region / pixels", HS_AGG_MEAN,
     "pixels", HS_OUTPUT_SCALAR},
    {sizeof(hs_output), "pixels", "pixels measured", HS_AGG_SUM, NULL, HS_OUTPUT_SCALAR},
};

static const hs_metric metric = {
    sizeof(hs_metric),
    HS_METRIC_ABI,
    "org.huescope.example.skin-tones",
    "Skin-tone share",
    "Share of pixels in the OKLCh region of human skin tones (Monk scale, ColorChecker)",
    1,
    0,
    HS_FORMAT_OKLAB,
    outputs,
    2,
    sizeof(bounds),
    init,
    process,
    NULL,
    NULL};

HS_EXPORT const hs_metric* huescope_metric_get(const hs_host* host, int32_t index) {
    return host->abi == HS_METRIC_ABI && index == 0 ? &metric : NULL;
}
