/* Colourfulness, after Hasler & Süsstrunk (2003), "Measuring colourfulness in natural images",
 * Proc. SPIE 5007: on sRGB-encoded values R, G, B in 0..255 (the paper's definition, so the
 * linear frame is encoded with the sRGB curve first),
 *   rg = R - G,  yb = (R + G) / 2 - B,
 *   M = sqrt(var(rg) + var(yb)) + 0.3 * sqrt(mean(rg)^2 + mean(yb)^2).
 * Their scale: 0 not colourful, 15 slightly, 33 moderately, 45 averagely, 59 quite, 82 highly,
 * 109 extremely. Per frame; the film value is M over all the film's pixels pooled (finish), a
 * shot's is the mean of its frames' values. */
#include <math.h>
#include <string.h>

#include "huescope/metric_plugin.h"

typedef struct {
    double n, rg, yb, rg2, yb2; /* pooled sums over the film */
} state;

static double encode(float linear) {
    double v = linear < 0.0f ? 0.0 : linear > 1.0f ? 1.0 : (double)linear;
    v = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1.0 / 2.4) - 0.055;
    return 255.0 * v;
}

static double colourfulness(double n, double rg, double yb, double rg2, double yb2) {
    const double mrg = rg / n, myb = yb / n;
    const double vrg = fmax(0.0, rg2 / n - mrg * mrg), vyb = fmax(0.0, yb2 / n - myb * myb);
    return sqrt(vrg + vyb) + 0.3 * sqrt(mrg * mrg + myb * myb);
}

static int32_t process(void* priv, const hs_frame* f, const hs_host* host, hs_sink* sink) {
    state* s = (state*)priv;
    double n = 0, rg = 0, yb = 0, rg2 = 0, yb2 = 0;
    for (int32_t y = 0; y < f->height; ++y) {
        const float* row = (const float*)((const char*)f->linear_rgb + y * f->stride_bytes);
        for (int32_t x = 0; x < f->width; ++x) {
            const float* p = row + 3 * x;
            if (!isfinite(p[0]) || !isfinite(p[1]) || !isfinite(p[2])) continue;
            const double r = encode(p[0]), g = encode(p[1]), b = encode(p[2]);
            const double a = r - g, c = 0.5 * (r + g) - b;
            n += 1;
            rg += a;
            yb += c;
            rg2 += a * a;
            yb2 += c * c;
        }
    }
    if (n == 0) return HS_OK; /* nothing to measure: the frame's value stays undefined */
    s->n += n;
    s->rg += rg;
    s->yb += yb;
    s->rg2 += rg2;
    s->yb2 += yb2;
    return host->scalar(sink, "colorfulness", colourfulness(n, rg, yb, rg2, yb2));
}

static int32_t finish(void* priv, const hs_host* host, hs_sink* sink) {
    const state* s = (const state*)priv;
    if (s->n == 0) return HS_OK;
    return host->scalar(sink, "colorfulness", colourfulness(s->n, s->rg, s->yb, s->rg2, s->yb2));
}

static const hs_output outputs[] = {
    {sizeof(hs_output), "colorfulness",
     "Hasler & Süsstrunk M on sRGB 0..255 (film: all pixels pooled; shot: mean of frames)",
     HS_AGG_MEAN, NULL, HS_OUTPUT_SCALAR},
};

static const hs_metric metric = {sizeof(hs_metric),
                                 HS_METRIC_ABI,
                                 "org.huescope.example.colorfulness",
                                 "Colourfulness",
                                 "Hasler & Süsstrunk (2003) colourfulness M",
                                 1,
                                 0,
                                 HS_FORMAT_LINEAR_RGB,
                                 outputs,
                                 1,
                                 sizeof(state),
                                 NULL,
                                 process,
                                 finish,
                                 NULL};

HS_EXPORT const hs_metric* huescope_metric_get(const hs_host* host, int32_t index) {
    return host->abi == HS_METRIC_ABI && index == 0 ? &metric : NULL;
}
