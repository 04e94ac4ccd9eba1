#pragma once
// Metrics beyond the built-in ones, from plugins written against the C ABI in
// plugins/include/huescope/metric_plugin.h: discovery, checks, guarded calls, and the
// aggregation of their per-frame values into shot and film values. docs/plugin-api.md.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "huescope/image.hpp"
#include "huescope/rect.hpp"
#include "huescope/status.hpp"

namespace huescope {

enum class Aggregation { Mean, Sum, Min, Max };
const char* aggregation_name(Aggregation aggregation);

struct MetricOutput {
    std::string name, description;
    Aggregation aggregation = Aggregation::Mean;
    std::string weight_output;  ///< Mean: the output weighting each frame ("" = equal weights)
};

struct MetricInfo {
    std::string id, name, description, version;
    std::string origin;    ///< "built-in", or the plugin library's path
    bool builtin = false;  ///< computed in the core's single pass rather than through process()
    std::vector<MetricOutput> outputs;
};

/// The built-in metrics, in one explicit list (docs/plugin-api.md says why they are described
/// through the same table but computed in the core's own pass).
std::vector<MetricInfo> builtin_metrics();

struct PluginOptions {
    std::vector<std::string> dirs;  ///< searched for *.so, in order (--plugin-dir, then the path)
    bool use_environment = true;    ///< also HUESCOPE_PLUGIN_PATH (colon-separated)
    bool strict = false;            ///< a plugin problem stops the analysis instead of a warning
    std::map<std::string, std::string> options_json;  ///< per metric id, passed to init()
};

/// A per-frame histogram a plugin reported, or the sum of them over a shot or a film.
struct MetricHistogram {
    double low = 0.0, high = 0.0;
    std::vector<double> bins;
};

/// Values of every plugin output for one frame (or aggregated over a shot or film), in column
/// order; NaN where a metric gave none (disabled, or not reported).
struct MetricValues {
    std::vector<double> scalars;
    std::map<std::string, MetricHistogram> histograms;  ///< keyed "id:name"
};

/// Folds frames' values into a shot's or film's by each output's declared aggregation.
class MetricAggregate {
  public:
    struct Rule {
        Aggregation aggregation = Aggregation::Mean;
        int weight_column = -1;
    };
    explicit MetricAggregate(std::vector<Rule> rules = {});
    void add(const MetricValues& frame);
    MetricValues result() const;
    void clear();

  private:
    std::vector<Rule> m_rules;
    std::vector<double> m_sum, m_weight, m_min, m_max;
    std::vector<int64_t> m_count;
    std::map<std::string, MetricHistogram> m_histograms;
};

/// What became of a plugin metric during a run.
struct MetricStatus {
    std::string id, version, origin;
    bool active = true;
    std::string problem;  ///< why it was disabled
};

class MetricHost {
  public:
    /// Finds and checks plugins. Problems (not a library, no entry point, wrong ABI or struct
    /// size, duplicate id) are messages, or an error with `strict`.
    static Result<std::unique_ptr<MetricHost>> load(const PluginOptions& options);
    ~MetricHost();
    MetricHost(const MetricHost&) = delete;
    MetricHost& operator=(const MetricHost&) = delete;

    const std::vector<std::string>& messages() const;
    /// Built-in metrics, then every plugin metric found.
    std::vector<MetricInfo> metrics() const;
    bool empty() const;

    /// Columns of the plugin outputs ("id:output"), and how each aggregates.
    const std::vector<std::string>& columns() const;
    std::vector<MetricAggregate::Rule> rules() const;

    /// Calls every metric's init(). A metric whose init fails is disabled (or, strict, an error).
    Status start();
    /// Runs every active metric on the picture `area` of a frame; fills `values`. A metric that
    /// fails (an error code, NaN, an undeclared output, an exception) is disabled from then on,
    /// its values undefined; with `strict` the analysis stops with an error.
    Status process(const LinearImage& image, const Rect& area, double time_s, int64_t index,
                   MetricValues& values);
    /// Calls finish(): values a metric reports there replace its aggregated film values.
    Status finish(MetricValues& film);
    std::vector<MetricStatus> statuses() const;

  private:
    struct Impl;
    explicit MetricHost(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace huescope
