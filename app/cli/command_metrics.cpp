#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/metric_host.hpp"

namespace huescope::cli {
namespace {

struct MetricsArgs {
    PluginOptions plugins;
};

int run(const MetricsArgs& args) {
    Result<std::unique_ptr<MetricHost>> host = MetricHost::load(args.plugins);
    if (!host) return report_error(host.status());
    for (const std::string& message : host.value()->messages())
        std::fprintf(stderr, "huescope: warning: %s\n", message.c_str());
    for (const MetricInfo& m : host.value()->metrics()) {
        std::printf("%s %s  %s (%s)\n", m.id.c_str(), m.version.c_str(), m.name.c_str(),
                    m.origin.c_str());
        std::printf("    %s\n", m.description.c_str());
        for (const MetricOutput& o : m.outputs) {
            std::string how = aggregation_name(o.aggregation);
            if (!o.weight_output.empty()) how += " weighted by " + o.weight_output;
            std::printf("    - %s: %s [shot/film: %s]\n", o.name.c_str(), o.description.c_str(),
                        how.c_str());
        }
    }
    return kExitOk;
}

}  // namespace

Command register_metrics(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "metrics", "List every metric: the built-in ones and those of the plugins found");
    auto args = std::make_shared<MetricsArgs>();
    cmd->add_option("--plugin-dir", args->plugins.dirs,
                    "also look for plugins (*.so) here (repeatable; also HUESCOPE_PLUGIN_PATH)");
    cmd->add_flag("--strict-plugins", args->plugins.strict,
                  "fail when a plugin cannot be loaded (default: warn and skip it)");
    return [args]() { return run(*args); };
}

}  // namespace huescope::cli
