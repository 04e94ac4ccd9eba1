// run_batch (huescope/corpus.hpp): many films, several at once, none redone.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "../pipeline/checkpoint.hpp"
#include "../pipeline/file_identity.hpp"
#include "../report/atomic_file.hpp"
#include "../report/json_fields.hpp"
#include "hash_cache.hpp"
#include "huescope/corpus.hpp"
#include "huescope/parallel.hpp"
#include "memory_budget.hpp"

namespace huescope {
namespace fs = std::filesystem;
using json = nlohmann::json;
namespace {

constexpr const char* kFilmRecord = "film.json";  // what was analysed, and how

// A file named by what it is (an edited OCIO config changes the decode); "" for no file.
json identity_or_empty(const std::string& path) {
    return path.empty() ? json("") : file_identity_json(path);
}

// Everything that changes a film's results: the version, the parameters, the decode choices and
// the plugins.
json settings_json(const AnalyzeOptions& o) {
    const ColorOverrides& c = o.source.overrides;
    return {
        {"huescope", version()},
        {"parameters", parameters_json(o)},
        {"decode",
         {{"stream", o.source.stream_index},
          {"matrix", c.matrix},
          {"range", c.range},
          {"transfer", c.transfer},
          {"primaries", c.primaries},
          {"input_colorspace", c.input_colorspace},
          {"ocio_config", identity_or_empty(c.ocio_config)},
          {"frame_rate", o.source.frame_rate ? json(*o.source.frame_rate) : json(nullptr)}}},
        // Plugins add results (and change nothing else), but a film measured without them
        // lacks theirs.
        {"plugins",
         {{"dirs", o.plugins.dirs},
          {"path", std::getenv("HUESCOPE_PLUGIN_PATH") ? std::getenv("HUESCOPE_PLUGIN_PATH") : ""},
          {"options", o.plugins.options_json},
          {"strict", o.plugins.strict}}}};
}

Result<json> read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) return Status(ErrorCode::NoInput, "cannot read '" + path.string() + "'");
    try {
        return json::parse(in);
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData, "'" + path.string() + "' is damaged: " + e.what());
    }
}

Status write_json(const fs::path& path, const json& j) {
    return write_json_file(path.string(), j);
}

// The film's analysis is there, of these bytes, made with these settings.
bool up_to_date(const fs::path& dir, const std::string& sha, const json& settings,
                int64_t& frames) {
    Result<json> record = read_json(dir / kFilmRecord);
    if (!record || !fs::exists(dir / "summary.json")) return false;
    const json& r = record.value();
    if (r.value("sha256", "") != sha || r.value("settings", json()) != settings) return false;
    frames = r.value("frames_analyzed", int64_t{0});
    return true;
}

// film.json: what was analysed and how. `only_if_changed`: leaves an identical record alone.
Status write_film_record(const fs::path& dir, const std::string& sha, const CorpusFilm& film,
                         const json& settings, int64_t frames, bool only_if_changed) {
    std::error_code ec;
    const json record = {{"sha256", sha},
                         {"path", normalized_path(film.input)},
                         {"bytes", fs::file_size(film.input, ec)},
                         {"tags", film.tags},
                         {"settings", settings},
                         {"frames_analyzed", frames}};
    if (only_if_changed) {
        Result<json> old = read_json(dir / kFilmRecord);
        if (old && old.value() == record) return Status::ok();
    }
    return write_json(dir / kFilmRecord, record);
}

json outcome_json(const FilmOutcome& o) {
    return {{"input", o.input},   {"id", o.id},
            {"folder", o.folder}, {"state", outcome_name(o.state)},
            {"error", o.error},   {"code", error_code_name(o.code)},
            {"frames", o.frames}, {"seconds", o.seconds}};
}

// Films analysed at once never share an id: the second of two copies of one file waits, then
// finds the first's analysis up to date.
class IdsInUse {
  public:
    void acquire(const std::string& id) {
        std::unique_lock lock(m_mutex);
        m_free.wait(lock, [&] { return m_ids.count(id) == 0; });
        m_ids.insert(id);
    }
    void release(const std::string& id) {
        {
            std::lock_guard lock(m_mutex);
            m_ids.erase(id);
        }
        m_free.notify_all();
    }
    // A file listed twice is one film, whose path and tags are those of its first listing,
    // whichever copy ran first: true when `list_index` is the first listing seen so far.
    bool first_listing(const std::string& id, int list_index) {
        std::lock_guard lock(m_mutex);
        const auto [it, inserted] = m_first.emplace(id, list_index);
        if (!inserted && list_index > it->second) return false;
        it->second = list_index;
        return true;
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_free;
    std::set<std::string> m_ids;
    std::map<std::string, int> m_first;
};

struct BatchContext {
    const BatchOptions& options;
    const BatchHooks& hooks;
    json settings;
    HashCache& hashes;
    MemoryBudget& memory;
    IdsInUse& ids;
};

// Analyses one film into the corpus: whole, one segment of it, or (merge > 0) by merging the
// segments measured before.
FilmOutcome run_film(BatchContext& c, const CorpusFilm& film, int list_index,
                     std::optional<SegmentSpec> segment = std::nullopt, int merge = 0) {
    const auto started = std::chrono::steady_clock::now();
    FilmOutcome outcome;
    outcome.input = film.input;
    const auto fail = [&](const Status& s) {
        outcome.state = FilmOutcome::State::Failed;
        outcome.error = s.message();
        outcome.code = s.code();
        outcome.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return outcome;
    };
    Result<std::string> sha = c.hashes.sha256(film.input);
    if (!sha) return fail(sha.status());
    outcome.id = sha.value().substr(0, 16);
    outcome.folder = "films/" + outcome.id;
    const fs::path dir = fs::path(c.options.corpus_dir) / outcome.folder;
    c.ids.acquire(outcome.id);
    struct Release {  // by value: `outcome` may be moved from by the time this runs
        IdsInUse& ids;
        const std::string id;
        ~Release() { ids.release(id); }
    } release{c.ids, outcome.id};

    // Also for a segment (a cluster run submitted again) and a merge (--finish run again).
    if (up_to_date(dir, sha.value(), c.settings, outcome.frames)) {
        outcome.state = FilmOutcome::State::UpToDate;
        // The same film, perhaps moved or renamed, or with new tags: the index follows.
        if (!segment && c.ids.first_listing(outcome.id, list_index)) {
            if (Status s =
                    write_film_record(dir, sha.value(), film, c.settings, outcome.frames, true);
                !s)
                return fail(s);
        }
        return outcome;
    }
    AnalyzeOptions o = c.options.analysis;
    o.input = film.input;
    o.output_dir = dir.string();
    o.segment = segment;
    o.merge_segments = merge;
    // A batch stopped midway goes on where each film stopped.
    o.resume = !segment && merge == 0 && fs::exists(dir / kCheckpointFolder / "state.bin");
    Result<std::unique_ptr<FrameSource>> probe = open_source(film.input, o.source);
    if (!probe) return fail(probe.status());
    const MemoryBudget::Claim claim = c.memory.claim(estimated_bytes(probe.value()->info()));
    probe.value().reset();
    AnalyzeHooks hooks;
    hooks.cancel = c.hooks.cancel;
    hooks.on_warning = [&](const std::string& w) {
        if (c.hooks.on_warning) c.hooks.on_warning("'" + film.input + "': " + w);
    };
    Result<AnalysisResult> result = analyze(o, hooks);
    if (o.resume && !result &&
        (result.status().code() == ErrorCode::InvalidArgument ||
         result.status().code() == ErrorCode::BadData)) {
        // The checkpoint is another run's (other settings, a changed file, plugins) or damaged:
        // the film starts over, as a changed parameter promises.
        std::error_code ec;
        fs::remove_all(dir / kCheckpointFolder, ec);
        o.resume = false;
        result = analyze(o, hooks);
    }
    // Another process (a cluster task given a copy of the same file) is analysing this film:
    // wait for it; its result may be the one wanted.
    while (!result && result.status().code() == ErrorCode::Busy) {
        if (c.hooks.cancel != nullptr && c.hooks.cancel->load()) break;
        std::this_thread::sleep_for(std::chrono::seconds(2));
        if (up_to_date(dir, sha.value(), c.settings, outcome.frames)) {
            outcome.state = FilmOutcome::State::UpToDate;
            return outcome;
        }
        result = analyze(o, hooks);
    }
    if (!result) return fail(result.status());
    outcome.frames = result.value().frames_analyzed;
    outcome.state = result.value().completeness.partial ? FilmOutcome::State::Partial
                                                        : FilmOutcome::State::Analysed;
    if (!segment) {
        c.ids.first_listing(outcome.id, list_index);
        if (Status s = write_film_record(dir, sha.value(), film, c.settings, outcome.frames, false);
            !s)
            return fail(s);
    }
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

// run_film, with anything it throws (a damaged film.json, memory) a failure of that film only:
// the batch goes on.
FilmOutcome guarded_run_film(BatchContext& c, const CorpusFilm& film, int list_index,
                             std::optional<SegmentSpec> segment = std::nullopt, int merge = 0) {
    try {
        return run_film(c, film, list_index, segment, merge);
    } catch (const std::exception& e) {
        FilmOutcome outcome;
        outcome.input = film.input;
        outcome.state = FilmOutcome::State::Failed;
        outcome.code = ErrorCode::Internal;
        outcome.error = std::string("unexpected error: ") + e.what();
        return outcome;
    }
}

// When film `f` has the same bytes as one before it in the list: that film's folder, up to date
// (or about to be). Only files of equal size are hashed.
std::optional<FilmOutcome> copy_of_earlier(BatchContext& c, const std::vector<CorpusFilm>& films,
                                           std::size_t f) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(films[f].input, ec);
    if (ec) return std::nullopt;
    std::optional<std::string> sha;
    for (std::size_t g = 0; g < f; ++g) {
        if (fs::file_size(films[g].input, ec) != size || ec) continue;
        if (!sha) {
            Result<std::string> mine = c.hashes.sha256(films[f].input);
            if (!mine) return std::nullopt;
            sha = mine.value();
        }
        Result<std::string> theirs = c.hashes.sha256(films[g].input);
        if (!theirs || theirs.value() != *sha) continue;
        FilmOutcome outcome;
        outcome.input = films[f].input;
        outcome.id = sha->substr(0, 16);
        outcome.folder = "films/" + outcome.id;
        outcome.state = FilmOutcome::State::UpToDate;
        outcome.error = "the same file as " + films[g].input;
        return outcome;
    }
    return std::nullopt;
}

fs::path task_record(const std::string& corpus_dir, int task) {
    return fs::path(corpus_dir) / "tasks" / (std::to_string(task) + ".json");
}

}  // namespace

const char* outcome_name(FilmOutcome::State state) {
    switch (state) {
        case FilmOutcome::State::Analysed:
            return "analysed";
        case FilmOutcome::State::UpToDate:
            return "up to date";
        case FilmOutcome::State::Partial:
            return "partial";
        case FilmOutcome::State::Failed:
            return "failed";
    }
    return "?";
}

Result<std::vector<FilmOutcome>> run_batch(const BatchOptions& b,
                                           const std::vector<CorpusFilm>& films,
                                           const BatchHooks& hooks) {
    std::error_code ec;
    fs::create_directories(fs::path(b.corpus_dir) / "films", ec);
    if (ec) return Status(ErrorCode::CannotCreate, "cannot create '" + b.corpus_dir + "'");
    HashCache hashes(b.corpus_dir, /*persist=*/!b.task);
    MemoryBudget memory;
    IdsInUse ids;
    BatchContext context{b, hooks, settings_json(b.analysis), hashes, memory, ids};

    if (b.task) {  // one cluster task: one film, or one segment of one
        const int per_film = std::max(1, b.segments);
        const int film = *b.task / per_film;
        if (*b.task < 0 || film >= static_cast<int>(films.size())) {
            return Status(ErrorCode::InvalidArgument,
                          "task " + std::to_string(*b.task) + " is beyond the list");
        }
        std::optional<SegmentSpec> segment;
        if (b.segments > 0) segment = SegmentSpec{*b.task % per_film + 1, b.segments};
        // A second copy of a film earlier in the list is that film's analysis: its tasks would
        // only race the first copy's for the same folder.
        FilmOutcome outcome;
        if (std::optional<FilmOutcome> copy = copy_of_earlier(context, films, film)) {
            outcome = *copy;
        } else {
            outcome = guarded_run_film(context, films[film], film, segment);
        }
        fs::create_directories(task_record(b.corpus_dir, *b.task).parent_path(), ec);
        if (Status s = write_json(task_record(b.corpus_dir, *b.task), outcome_json(outcome)); !s)
            return s;
        if (hooks.on_film_done) hooks.on_film_done(outcome, 1, 1);
        return std::vector<FilmOutcome>{outcome};
    }

    std::vector<FilmOutcome> outcomes(films.size());
    std::mutex mutex;
    std::size_t next = 0;
    int done = 0;
    const auto work = [&] {
        while (true) {
            std::size_t i;
            {
                std::lock_guard lock(mutex);
                if (next >= films.size() || (hooks.cancel != nullptr && hooks.cancel->load()))
                    return;
                i = next++;
            }
            if (hooks.on_film_start) hooks.on_film_start(films[i].input);
            FilmOutcome outcome = guarded_run_film(context, films[i], static_cast<int>(i));
            std::lock_guard lock(mutex);
            outcomes[i] = std::move(outcome);
            ++done;
            if (hooks.on_film_done)
                hooks.on_film_done(outcomes[i], done, static_cast<int>(films.size()));
        }
    };
    const int jobs = std::clamp(b.jobs > 0 ? b.jobs : static_cast<int>(parallel_chunks()), 1,
                                static_cast<int>(films.size()));
    std::vector<std::thread> threads;
    for (int j = 1; j < jobs; ++j) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    hashes.save();

    if (hooks.cancel != nullptr && hooks.cancel->load()) {
        return Status(ErrorCode::Interrupted,
                      "interrupted; the films analysed so far are kept, and the next batch run "
                      "goes on from there");
    }
    std::vector<FilmOutcome> failures;
    for (const FilmOutcome& o : outcomes)
        if (o.state == FilmOutcome::State::Failed) failures.push_back(o);
    if (Status s = rebuild_index(b.corpus_dir, failures); !s) return s;
    return outcomes;
}

Result<std::vector<FilmOutcome>> finish_cluster_batch(const BatchOptions& b,
                                                      const std::vector<CorpusFilm>& films,
                                                      std::vector<int>& failed_tasks) {
    HashCache hashes(b.corpus_dir, /*persist=*/true);
    MemoryBudget memory;
    IdsInUse ids;
    BatchHooks no_hooks;
    BatchContext context{b, no_hooks, settings_json(b.analysis), hashes, memory, ids};
    const int per_film = std::max(1, b.segments);
    std::vector<FilmOutcome> outcomes, failures;
    for (std::size_t f = 0; f < films.size(); ++f) {
        FilmOutcome film_outcome;
        film_outcome.input = films[f].input;
        std::vector<int> failed;
        for (int k = 0; k < per_film; ++k) {
            const int task = static_cast<int>(f) * per_film + k;
            Result<FilmOutcome> t = read_task_outcome(b.corpus_dir, task);
            const std::string expected = normalized_path(films[f].input);
            if (t && normalized_path(t.value().input) != expected) {
                t = Status(ErrorCode::InvalidArgument,
                           "task " + std::to_string(task) + " analysed '" + t.value().input +
                               "', not this film: was the array submitted with another list "
                               "or --segments?");
            }
            if (!t || t.value().state == FilmOutcome::State::Failed) {
                failed.push_back(task);
                if (film_outcome.error.empty()) {  // the first cause is the one to read
                    film_outcome.error =
                        t ? t.value().error
                        : t.status().code() == ErrorCode::NoInput
                            ? "task " + std::to_string(task) +
                                  " did not finish (see its log in the slurm folder)"
                            : t.status().message();
                    film_outcome.code = t ? t.value().code : t.status().code();
                }
            } else if (failed.empty()) {
                film_outcome = t.value();
            }
        }
        const bool copy = film_outcome.state == FilmOutcome::State::UpToDate;  // of an earlier film
        if (failed.empty() && b.segments > 0 && !copy)
            film_outcome = guarded_run_film(context, films[f], static_cast<int>(f), {}, b.segments);
        if (!failed.empty() || film_outcome.state == FilmOutcome::State::Failed) {
            film_outcome.state = FilmOutcome::State::Failed;
            failures.push_back(film_outcome);
            failed_tasks.insert(failed_tasks.end(), failed.begin(), failed.end());
        }
        outcomes.push_back(film_outcome);
    }
    hashes.save();
    if (Status s = rebuild_index(b.corpus_dir, failures); !s) return s;
    return outcomes;
}

Result<FilmOutcome> read_task_outcome(const std::string& corpus_dir, int task) {
    Result<json> j = read_json(task_record(corpus_dir, task));
    if (!j) return j.status();
    try {
        const json& r = j.value();
        FilmOutcome o;
        o.input = r.at("input").get<std::string>();
        o.id = r.at("id").get<std::string>();
        o.folder = r.at("folder").get<std::string>();
        const std::string state = r.at("state").get<std::string>();
        for (const auto s : {FilmOutcome::State::Analysed, FilmOutcome::State::UpToDate,
                             FilmOutcome::State::Partial, FilmOutcome::State::Failed}) {
            if (state == outcome_name(s)) o.state = s;
        }
        o.error = r.at("error").get<std::string>();
        const std::string code = r.at("code").get<std::string>();
        for (int k = 0; k <= static_cast<int>(ErrorCode::Internal); ++k) {
            if (code == error_code_name(static_cast<ErrorCode>(k)))
                o.code = static_cast<ErrorCode>(k);
        }
        o.frames = r.at("frames").get<int64_t>();
        o.seconds = r.at("seconds").get<double>();
        return o;
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData,
                      "task " + std::to_string(task) + "'s record: " + e.what());
    }
}

}  // namespace huescope
