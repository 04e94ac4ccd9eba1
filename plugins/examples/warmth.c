/* Warm and cool colour. Per pixel, in CIELAB (D65) from the linear BT.709 frame:
 *   - the warm-cool index of Ou, Luo, Woodcock & Wright (2004), "A study of colour emotion and
 *     colour preference. Part I", Color Res. Appl. 29(3): WC = -0.5 + 0.02 C*^1.07 cos(h - 50°);
 *   - whether the hue lies within 90° of 50° (cos(h - 50°) > 0: the warm half of the circle,
 *     bounded by the 140°-320° line),
 *     weighted by chroma: warm_fraction = warm chroma / (warm + cool chroma), so that the warm/cool
 *     ratio of a frame, shot or film is warm_fraction / (1 - warm_fraction).
 * Pixels with C* < 5 (about one OKLab JND of 0.02) count for the index but not for the sides. */
#include <math.h>

#include "huescope/metric_plugin.h"

static double f_lab(double t) {
    const double d = 6.0 / 29.0;
    return t > d * d * d ? cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
}

static int32_t process(void* priv, const hs_frame* f, const hs_host* host, hs_sink* sink) {
    (void)priv;
    double n = 0, index = 0, warm = 0, cool = 0;
    const double pi = 3.14159265358979323846;
    for (int32_t y = 0; y < f->height; ++y) {
        const float* row = (const float*)((const char*)f->linear_rgb + y * f->stride_bytes);
        for (int32_t x = 0; x < f->width; ++x) {
            const double r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
            if (!isfinite(r) || !isfinite(g) || !isfinite(b)) continue;
            /* IEC 61966-2-1 matrix (BT.709 primaries, D65), then CIELAB with the D65 white. */
            const double X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
            const double Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            const double Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
            const double fx = f_lab(X / 0.95047), fy = f_lab(Y), fz = f_lab(Z / 1.08883);
            const double a = 500 * (fx - fy), bb = 200 * (fy - fz);
            const double c = hypot(a, bb);
            const double side = c > 0 ? cos(atan2(bb, a) - 50.0 * pi / 180.0) : 0.0;
            n += 1;
            index += -0.5 + 0.02 * pow(c, 1.07) * side;
            if (c >= 5.0) {
                if (side > 0) warm += c;
                if (side < 0) cool += c;
            }
        }
    }
    if (n == 0) return HS_OK;
    int32_t status = host->scalar(sink, "warm_cool_index", index / n);
    if (status == HS_OK) status = host->scalar(sink, "chroma_sum", warm + cool);
    if (status == HS_OK && warm + cool > 0)
        status = host->scalar(sink, "warm_fraction", warm / (warm + cool));
    return status;
}

static const hs_output outputs[] = {
    {sizeof(hs_output), "warm_cool_index", "Ou et al. (2004) WC, mean over pixels (-0.5 neutral)",
     HS_AGG_MEAN, NULL, HS_OUTPUT_SCALAR},
    {sizeof(hs_output), "warm_fraction",
     "chroma with CIELAB hue within 90 degrees of 50 / all chroma with C* >= 5", HS_AGG_MEAN,
     "chroma_sum", HS_OUTPUT_SCALAR},
    {sizeof(hs_output), "chroma_sum", "CIELAB C* summed over pixels with C* >= 5", HS_AGG_SUM, NULL,
     HS_OUTPUT_SCALAR},
};

static const hs_metric metric = {
    sizeof(hs_metric),
    HS_METRIC_ABI,
    "org.huescope.example.warmth",
    "Warm and cool",
    "Warm-cool index (Ou et al. 2004) and the chroma-weighted warm fraction",
    1,
    0,
    HS_FORMAT_LINEAR_RGB,
    outputs,
    3,
    0,
    NULL,
    process,
    NULL,
    NULL};

HS_EXPORT const hs_metric* huescope_metric_get(const hs_host* host, int32_t index) {
    return host->abi == HS_METRIC_ABI && index == 0 ? &metric : NULL;
}
