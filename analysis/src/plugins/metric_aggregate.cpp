#include <algorithm>
#include <cmath>
#include <limits>

#include "huescope/metric_host.hpp"

namespace huescope {

const char* aggregation_name(Aggregation aggregation) {
    switch (aggregation) {
        case Aggregation::Mean:
            return "mean";
        case Aggregation::Sum:
            return "sum";
        case Aggregation::Min:
            return "min";
        case Aggregation::Max:
            return "max";
    }
    return "mean";
}

MetricAggregate::MetricAggregate(std::vector<Rule> rules) : m_rules(std::move(rules)) {
    clear();
}

void MetricAggregate::clear() {
    const std::size_t n = m_rules.size();
    m_sum.assign(n, 0.0);
    m_weight.assign(n, 0.0);
    m_min.assign(n, std::numeric_limits<double>::infinity());
    m_max.assign(n, -std::numeric_limits<double>::infinity());
    m_count.assign(n, 0);
    m_histograms.clear();
}

void MetricAggregate::add(const MetricValues& frame) {
    for (std::size_t c = 0; c < m_rules.size() && c < frame.scalars.size(); ++c) {
        const double v = frame.scalars[c];
        if (!std::isfinite(v)) continue;  // undefined for this frame: left out, not zero
        double w = 1.0;
        const int wc = m_rules[c].weight_column;
        if (wc >= 0) {
            w = static_cast<std::size_t>(wc) < frame.scalars.size() ? frame.scalars[wc] : NAN;
            if (!std::isfinite(w) || w < 0) continue;
        }
        m_sum[c] += m_rules[c].aggregation == Aggregation::Mean ? v * w : v;
        m_weight[c] += w;
        m_min[c] = std::min(m_min[c], v);
        m_max[c] = std::max(m_max[c], v);
        ++m_count[c];
    }
    for (const auto& [key, h] : frame.histograms) {
        MetricHistogram& total = m_histograms[key];
        if (total.bins.empty()) {
            total = h;
            continue;
        }
        if (total.bins.size() != h.bins.size() || total.low != h.low || total.high != h.high)
            continue;  // a histogram must keep its layout; a changed one is not summed
        for (std::size_t i = 0; i < h.bins.size(); ++i) total.bins[i] += h.bins[i];
    }
}

MetricValues MetricAggregate::result() const {
    MetricValues out;
    out.scalars.assign(m_rules.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t c = 0; c < m_rules.size(); ++c) {
        if (m_count[c] == 0) continue;
        switch (m_rules[c].aggregation) {
            case Aggregation::Mean:
                if (m_weight[c] > 0) out.scalars[c] = m_sum[c] / m_weight[c];
                break;
            case Aggregation::Sum:
                out.scalars[c] = m_sum[c];
                break;
            case Aggregation::Min:
                out.scalars[c] = m_min[c];
                break;
            case Aggregation::Max:
                out.scalars[c] = m_max[c];
                break;
        }
    }
    out.histograms = m_histograms;
    return out;
}

}  // namespace huescope
