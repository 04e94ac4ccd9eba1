// The plugin host: finds plugin libraries, checks what they declare, and calls them with every
// call guarded, so that a failing plugin is reported and disabled without touching the other
// metrics' results.
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "huescope/color_math.hpp"
#include "huescope/metric_host.hpp"
#include "plugin_library.hpp"

struct hs_sink {
    // What the current call may report into, and what went wrong if anything.
    std::vector<double>* scalars = nullptr;
    std::map<std::string, huescope::MetricHistogram>* histograms = nullptr;
    const std::map<std::string, std::size_t>* columns = nullptr;  // output name -> column
    std::string metric_id;
    std::string error;
    std::vector<std::string>* log = nullptr;
    // The metric's declared histograms and the layout each first came with (bins, low, high).
    std::map<std::string, std::tuple<int32_t, double, double>>* histogram_layouts = nullptr;
    int* logged = nullptr;  // messages kept so far for this metric
};

namespace huescope {
namespace {

namespace fs = std::filesystem;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int32_t sink_scalar(hs_sink* sink, const char* name, double value) {
    if (sink == nullptr || name == nullptr) return HS_ERROR;
    const auto column = sink->columns->find(name);
    if (column == sink->columns->end()) {
        sink->error = "reported '" + std::string(name) + "', which it did not declare";
        return HS_ERROR;
    }
    if (!std::isfinite(value)) {
        sink->error = "reported a non-finite value (" + std::to_string(value) + ") for '" +
                      std::string(name) + "'";
        return HS_ERROR;
    }
    (*sink->scalars)[column->second] = value;
    return HS_OK;
}

int32_t sink_histogram(hs_sink* sink, const char* name, const double* bins, int32_t count,
                       double low, double high) {
    if (sink == nullptr || name == nullptr || bins == nullptr || count <= 0 || count > 65536 ||
        !(high > low)) {
        if (sink != nullptr) sink->error = "reported a malformed histogram";
        return HS_ERROR;
    }
    const auto layout = sink->histogram_layouts->find(name);
    if (layout == sink->histogram_layouts->end()) {
        sink->error = "reported histogram '" + std::string(name) + "', which it did not declare";
        return HS_ERROR;
    }
    if (std::get<0>(layout->second) == 0) {
        layout->second = {count, low, high};  // the first report fixes the layout
    } else if (layout->second != std::make_tuple(count, low, high)) {
        sink->error = "changed the bins or range of histogram '" + std::string(name) + "'";
        return HS_ERROR;
    }
    MetricHistogram h{low, high, std::vector<double>(bins, bins + count)};
    for (double v : h.bins) {
        if (!std::isfinite(v)) {
            sink->error = "reported a non-finite bin in histogram '" + std::string(name) + "'";
            return HS_ERROR;
        }
    }
    (*sink->histograms)[sink->metric_id + ":" + name] = std::move(h);
    return HS_OK;
}

void sink_log(hs_sink* sink, int32_t level, const char* message) {
    if (sink == nullptr || sink->log == nullptr || message == nullptr) return;
    constexpr int kMaxMessages = 20;  // a message per frame would bury everything else
    const int n = (*sink->logged)++;
    if (n > kMaxMessages) return;
    if (n == kMaxMessages) {
        sink->log->push_back(sink->metric_id + ": further messages suppressed");
        return;
    }
    const char* kind = level >= 2 ? "error" : level == 1 ? "warning" : "info";
    sink->log->push_back(sink->metric_id + " (" + kind + "): " + message);
}

}  // namespace

const hs_host kPluginHost = {sizeof(hs_host), HS_METRIC_ABI, sink_scalar, sink_histogram, sink_log};

namespace {

bool valid_id(const char* id) {
    static const std::regex pattern(R"([a-z0-9-]+(\.[a-z0-9_-]+)+)");
    return id != nullptr && std::regex_match(id, pattern);
}

bool valid_output_name(const char* name) {
    static const std::regex pattern(R"([a-z0-9_]+)");
    return name != nullptr && std::regex_match(name, pattern);
}

std::string text(const char* s) {
    return s != nullptr ? s : "";
}

std::vector<std::string> search_dirs(const PluginOptions& options) {
    std::vector<std::string> dirs = options.dirs;
    if (options.use_environment) {
        if (const char* path = std::getenv("HUESCOPE_PLUGIN_PATH")) {
            std::stringstream list(path);
            std::string dir;
            while (std::getline(list, dir, ':'))
                if (!dir.empty()) dirs.push_back(dir);
        }
    }
    return dirs;
}

}  // namespace

struct MetricHost::Impl {
    struct Loaded {
        std::shared_ptr<PluginLibrary> library;
        const hs_metric* metric = nullptr;
        MetricInfo info;
        std::map<std::string, std::size_t> columns;  // scalar output name -> global column
        std::map<std::string, std::tuple<int32_t, double, double>> histograms;  // declared
        int logged = 0;
        std::vector<std::max_align_t> priv;  // the plugin's private state, zeroed
        bool started = false;
        MetricStatus status;
    };
    PluginOptions options;
    std::vector<Loaded> metrics;
    std::vector<std::string> messages;
    std::vector<std::string> column_names;
    std::vector<MetricAggregate::Rule> rules;
    std::vector<float> oklab;  // scratch for metrics that ask for OKLab

    Status problem(const std::string& message) {
        if (options.strict) return Status(ErrorCode::BadData, message);
        messages.push_back(message + "; skipped");
        return Status::ok();
    }

    // Checks one hs_metric against the version-1 layout and its own declarations.
    Status add(const std::shared_ptr<PluginLibrary>& library, const hs_metric* m) {
        const std::string where = "plugin '" + library->path() + "'";
        if (m->size < HS_METRIC_SIZE_V1) {
            return problem(where + " declares hs_metric of " + std::to_string(m->size) +
                           " bytes, smaller than ABI " + std::to_string(HS_METRIC_ABI) + "'s " +
                           std::to_string(HS_METRIC_SIZE_V1));
        }
        if (m->abi != HS_METRIC_ABI) {
            return problem(where + " was built for metric ABI " + std::to_string(m->abi) +
                           "; this huescope speaks ABI " + std::to_string(HS_METRIC_ABI));
        }
        if (!valid_id(m->id)) {
            return problem(where + " has an invalid id '" + text(m->id) +
                           "' (reverse DNS, lower case: org.example.metric)");
        }
        for (const Loaded& l : metrics) {
            if (l.info.id == m->id) {
                return problem(where + ": metric '" + text(m->id) + "' is already loaded from '" +
                               l.info.origin + "'");
            }
        }
        if (m->process == nullptr || m->output_count < 0 || m->output_count > 256 ||
            (m->output_count > 0 && m->outputs == nullptr) ||
            (m->accepted_formats & (HS_FORMAT_LINEAR_RGB | HS_FORMAT_OKLAB)) == 0 ||
            m->priv_size > (64u << 20)) {
            return problem(
                where + ": metric '" + text(m->id) +
                "' has no process function, no pixel format, or a malformed output list");
        }
        Loaded l;
        l.library = library;
        l.metric = m;
        l.info = {m->id,
                  text(m->name),
                  text(m->description),
                  std::to_string(m->version_major) + "." + std::to_string(m->version_minor),
                  library->path(),
                  false,
                  {}};
        // Outputs are stepped through with the plugin's own hs_output size, which a later
        // version of the header may have made larger than this host's.
        const std::size_t stride = m->output_count > 0 ? m->outputs[0].size : 0;
        std::set<std::string> names, scalars;
        for (int32_t i = 0; i < m->output_count; ++i) {
            const auto& o = *reinterpret_cast<const hs_output*>(
                reinterpret_cast<const char*>(m->outputs) + static_cast<std::size_t>(i) * stride);
            const bool scalar = o.kind == HS_OUTPUT_SCALAR;
            if (stride < HS_OUTPUT_SIZE_V1 || o.size != stride || !valid_output_name(o.name) ||
                !names.insert(o.name).second ||
                (o.kind != HS_OUTPUT_SCALAR && o.kind != HS_OUTPUT_HISTOGRAM) ||
                o.aggregation < HS_AGG_MEAN || o.aggregation > HS_AGG_MAX ||
                (o.weight_output != nullptr && (!scalar || o.aggregation != HS_AGG_MEAN))) {
                return problem(where + ": metric '" + l.info.id + "' output " + std::to_string(i) +
                               " is malformed (size, name [a-z0-9_]+, unique, kind, aggregation, "
                               "a weight only for a mean)");
            }
            if (!scalar) {
                l.histograms[o.name] = {0, 0.0, 0.0};
                continue;
            }
            scalars.insert(o.name);
            l.info.outputs.push_back({o.name, text(o.description),
                                      static_cast<Aggregation>(o.aggregation),
                                      text(o.weight_output)});
        }
        for (const MetricOutput& o : l.info.outputs) {
            if (!o.weight_output.empty() && scalars.count(o.weight_output) == 0) {
                return problem(where + ": output '" + o.name + "' is weighted by '" +
                               o.weight_output + "', which is not one of its scalar outputs");
            }
        }
        l.status = {l.info.id, l.info.version, l.info.origin, true, ""};
        metrics.push_back(std::move(l));
        return Status::ok();
    }

    void assign_columns() {
        column_names.clear();
        rules.clear();
        for (Loaded& l : metrics) {
            for (const MetricOutput& o : l.info.outputs) {
                l.columns[o.name] = column_names.size();
                column_names.push_back(l.info.id + ":" + o.name);
                rules.push_back({o.aggregation, -1});
            }
            for (const MetricOutput& o : l.info.outputs) {
                if (!o.weight_output.empty())
                    rules[l.columns[o.name]].weight_column =
                        static_cast<int>(l.columns[o.weight_output]);
            }
        }
    }

    // A guarded call: the plugin's return code, what it reported, and exceptions.
    template <typename Call>
    Status guarded(Loaded& l, const std::string& what, hs_sink& sink, Call call) {
        int32_t result = HS_ERROR;
        try {
            result = call();
        } catch (const std::exception& e) {
            sink.error = std::string("threw an exception: ") + e.what();
        } catch (...) {
            sink.error = "threw an exception";
        }
        if (result == HS_OK && sink.error.empty()) return Status::ok();
        const std::string reason =
            what +
            (sink.error.empty() ? " returned error " + std::to_string(result) : " " + sink.error);
        l.status.active = false;
        l.status.problem = reason;
        const std::string message = "metric '" + l.info.id + "' " + reason;
        if (options.strict) return Status(ErrorCode::Internal, message);
        messages.push_back(message + "; disabled for the rest of the analysis");
        return Status::ok();
    }

    hs_sink make_sink(Loaded& l, std::vector<double>& scalars,
                      std::map<std::string, MetricHistogram>& histograms) {
        hs_sink sink;
        sink.scalars = &scalars;
        sink.histograms = &histograms;
        sink.columns = &l.columns;
        sink.metric_id = l.info.id;
        sink.log = &messages;
        sink.histogram_layouts = &l.histograms;
        sink.logged = &l.logged;
        return sink;
    }

    // A failed call must not leave half-reported values: the metric's columns are cleared.
    void clear_columns(const Loaded& l, MetricValues& values) {
        for (const auto& [name, column] : l.columns) values.scalars[column] = kNaN;
        for (auto it = values.histograms.begin(); it != values.histograms.end();) {
            it = it->first.rfind(l.info.id + ":", 0) == 0 ? values.histograms.erase(it)
                                                          : std::next(it);
        }
    }
};

MetricHost::MetricHost(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

MetricHost::~MetricHost() {
    for (Impl::Loaded& l : m_impl->metrics) {
        if (l.started && l.metric->destroy != nullptr) {
            try {
                l.metric->destroy(l.priv.data());
            } catch (...) {  // nothing may escape a destructor; the plugin is going away anyway
            }
        }
    }
}

Result<std::unique_ptr<MetricHost>> MetricHost::load(const PluginOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    for (const std::string& dir : search_dirs(options)) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            if (Status s = impl->problem("plugin folder '" + dir + "' does not exist"); !s)
                return s;
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".so") files.push_back(entry.path());
        std::sort(files.begin(), files.end());  // the same order on every run
        for (const fs::path& file : files) {
            Result<std::shared_ptr<PluginLibrary>> library = PluginLibrary::open(file.string());
            if (!library) {
                if (Status s = impl->problem(library.status().message()); !s) return s;
                continue;
            }
            bool any = false;
            for (int32_t index = 0; index < 1024; ++index) {
                const hs_metric* metric = library.value()->metric(&kPluginHost, index);
                if (metric == nullptr) break;
                any = true;
                if (Status s = impl->add(library.value(), metric); !s) return s;
            }
            if (!any) {
                if (Status s =
                        impl->problem("plugin '" + file.string() + "' offers no metric for ABI " +
                                      std::to_string(HS_METRIC_ABI));
                    !s) {
                    return s;
                }
            }
        }
    }
    for (const auto& [id, json] : options.options_json) {
        bool known = false;
        for (const Impl::Loaded& l : impl->metrics) known = known || l.info.id == id;
        if (!known)
            return Status(ErrorCode::InvalidArgument,
                          "options given for unknown metric '" + id + "'");
    }
    impl->assign_columns();
    return std::unique_ptr<MetricHost>(new MetricHost(std::move(impl)));
}

const std::vector<std::string>& MetricHost::messages() const {
    return m_impl->messages;
}

std::vector<MetricInfo> MetricHost::metrics() const {
    std::vector<MetricInfo> all = builtin_metrics();
    for (const Impl::Loaded& l : m_impl->metrics) all.push_back(l.info);
    return all;
}

bool MetricHost::empty() const {
    return m_impl->metrics.empty();
}

const std::vector<std::string>& MetricHost::columns() const {
    return m_impl->column_names;
}

std::vector<MetricAggregate::Rule> MetricHost::rules() const {
    return m_impl->rules;
}

Status MetricHost::start() {
    for (Impl::Loaded& l : m_impl->metrics) {
        l.priv.resize(
            (l.metric->priv_size + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t) + 1);
        // Zeroed bytewise: a value-initialised max_align_t leaves its padding undefined, and
        // the ABI promises the plugin all-zero state.
        std::memset(static_cast<void*>(l.priv.data()), 0, l.priv.size() * sizeof(std::max_align_t));
        // destroy() pairs with a successful init(): a C++ plugin's object exists only then.
        l.started = l.metric->init == nullptr;
        if (l.metric->init == nullptr) continue;
        const auto found = m_impl->options.options_json.find(l.info.id);
        const std::string json = found != m_impl->options.options_json.end() ? found->second : "{}";
        // init() may log; values it reports go nowhere (there is no frame yet).
        std::vector<double> unused(m_impl->column_names.size(), kNaN);
        std::map<std::string, MetricHistogram> none;
        hs_sink sink = m_impl->make_sink(l, unused, none);
        if (Status s = m_impl->guarded(
                l, "init()", sink,
                [&] { return l.metric->init(l.priv.data(), json.c_str(), &kPluginHost, &sink); });
            !s) {
            return s;
        }
        l.started = l.status.active;
    }
    return Status::ok();
}

Status MetricHost::process(const LinearImage& image, const Rect& area, double time_s, int64_t index,
                           MetricValues& values) {
    values.scalars.assign(m_impl->column_names.size(), kNaN);
    values.histograms.clear();
    const std::size_t row = static_cast<std::size_t>(image.width) * 3;
    const float* rgb = image.rgb.data() + static_cast<std::size_t>(area.y) * row +
                       static_cast<std::size_t>(area.x) * 3;
    bool need_oklab = false;
    for (const Impl::Loaded& l : m_impl->metrics)
        need_oklab =
            need_oklab || (l.status.active && (l.metric->accepted_formats & HS_FORMAT_OKLAB));
    if (need_oklab) {  // converted once, shared by every metric that asks; laid out as the image
        m_impl->oklab.resize(image.rgb.size());
        for (int y = 0; y < area.height; ++y) {
            const std::size_t start = static_cast<std::size_t>(y) * row;
            for (int x = 0; x < area.width; ++x) {
                const float* p = rgb + start + static_cast<std::size_t>(x) * 3;
                const Vec3 ok = xyz_to_oklab(working_rgb_to_xyz({p[0], p[1], p[2]}));
                float* o = m_impl->oklab.data() + (p - image.rgb.data());
                for (int c = 0; c < 3; ++c)
                    o[c] = static_cast<float>(ok[static_cast<std::size_t>(c)]);
            }
        }
    }
    const float* oklab = need_oklab ? m_impl->oklab.data() + (rgb - image.rgb.data()) : nullptr;
    for (Impl::Loaded& l : m_impl->metrics) {
        if (!l.status.active) continue;
        hs_frame frame{};
        frame.size = sizeof(hs_frame);
        frame.width = area.width;
        frame.height = area.height;
        const bool wants_rgb = l.metric->accepted_formats & HS_FORMAT_LINEAR_RGB;
        const bool wants_oklab = l.metric->accepted_formats & HS_FORMAT_OKLAB;
        frame.stride_bytes = static_cast<ptrdiff_t>(row * sizeof(float));  // both layouts
        frame.linear_rgb = wants_rgb ? rgb : nullptr;
        frame.oklab = wants_oklab ? oklab : nullptr;
        frame.time_s = time_s;
        frame.frame_index = index;
        hs_sink sink = m_impl->make_sink(l, values.scalars, values.histograms);
        Status s = m_impl->guarded(l, "process() at frame " + std::to_string(index), sink, [&] {
            return l.metric->process(l.priv.data(), &frame, &kPluginHost, &sink);
        });
        if (!l.status.active) m_impl->clear_columns(l, values);
        if (!s) return s;
    }
    return Status::ok();
}

Status MetricHost::finish(MetricValues& film) {
    for (Impl::Loaded& l : m_impl->metrics) {
        if (!l.status.active || l.metric->finish == nullptr) continue;
        MetricValues reported;
        reported.scalars.assign(m_impl->column_names.size(), kNaN);
        hs_sink sink = m_impl->make_sink(l, reported.scalars, reported.histograms);
        Status s = m_impl->guarded(l, "finish()", sink, [&] {
            return l.metric->finish(l.priv.data(), &kPluginHost, &sink);
        });
        if (!s) return s;
        if (!l.status.active) continue;  // its aggregated film values stand
        for (const auto& [name, column] : l.columns)
            if (std::isfinite(reported.scalars[column]))
                film.scalars[column] = reported.scalars[column];
        for (auto& [key, h] : reported.histograms) film.histograms[key] = h;
    }
    return Status::ok();
}

std::vector<MetricStatus> MetricHost::statuses() const {
    std::vector<MetricStatus> out;
    for (const Impl::Loaded& l : m_impl->metrics) out.push_back(l.status);
    return out;
}

}  // namespace huescope
