#pragma once
// Corpora (docs/corpus.md): many films analysed into one folder, CORPUS/films/ID (ID: the first
// 16 hex digits of the file's SHA-256), and indexed in CORPUS/corpus.sqlite. A batch never redoes
// work: a film whose content and parameters match its analysis is skipped.

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "huescope/analyze.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// One film of a list, with the tags the list gives it (year, title, ...).
struct CorpusFilm {
    std::string input;
    std::map<std::string, std::string> tags;
};

/// A folder (its video files, by extension, sorted) or a list file: one path per line (relative
/// to the list's folder), then optional tab-separated key=value tags; blank lines and lines
/// starting with '#' are skipped.
Result<std::vector<CorpusFilm>> read_film_list(const std::string& list_or_folder);

/// The SHA-256 of a file's bytes, as 64 hex digits.
Result<std::string> file_sha256(const std::string& path);

struct BatchOptions {
    AnalyzeOptions analysis;  ///< how every film is measured; input and output are set per film
    std::string corpus_dir;
    int jobs = 0;  ///< films analysed at once; 0: one per core. Memory bounds it further.
    /// Run only the film with this index in the list (a cluster task): the index is not
    /// touched, the outcome is written to CORPUS/tasks/INDEX.json for the submitter.
    std::optional<int> task;
    /// With `task`: films are split into this many segments, and task i measures segment
    /// i % segments + 1 of film i / segments (merged by the submitter).
    int segments = 0;
};

struct FilmOutcome {
    enum class State { Analysed, UpToDate, Partial, Failed };
    std::string input;
    std::string id;      ///< empty when the file could not even be read
    std::string folder;  ///< CORPUS-relative, e.g. "films/0123456789abcdef"
    State state = State::Failed;
    std::string error;  ///< for Failed
    ErrorCode code = ErrorCode::Ok;
    int64_t frames = 0;
    double seconds = 0.0;
};
const char* outcome_name(FilmOutcome::State state);

struct BatchHooks {
    std::function<void(const std::string& input)> on_film_start;
    /// After each film, with how many are done of how many.
    std::function<void(const FilmOutcome& outcome, int done, int total)> on_film_done;
    std::function<void(const std::string&)> on_warning;
    const std::atomic<bool>* cancel = nullptr;
};

/// Analyses the films of the list into the corpus, several at once, and rebuilds the index.
/// A film that fails is recorded and the batch goes on; the outcomes are in list order.
Result<std::vector<FilmOutcome>> run_batch(const BatchOptions& options,
                                           const std::vector<CorpusFilm>& films,
                                           const BatchHooks& hooks = {});

/// After every task of a cluster run has ended (BatchOptions::task, one per film or per
/// segment): merges the films measured in segments, and rebuilds the index. The outcomes are per
/// film, in list order; the tasks that failed or never finished are added to `failed_tasks`
/// (they can be run again alone).
Result<std::vector<FilmOutcome>> finish_cluster_batch(const BatchOptions& options,
                                                      const std::vector<CorpusFilm>& films,
                                                      std::vector<int>& failed_tasks);

/// The outcome a cluster task wrote (BatchOptions::task), if it finished.
Result<FilmOutcome> read_task_outcome(const std::string& corpus_dir, int task);

/// Rebuilds CORPUS/corpus.sqlite from the analyses in CORPUS/films and `failures` (schema in
/// docs/corpus.md). The new index replaces the old one at once: readers never see half of it.
Status rebuild_index(const std::string& corpus_dir, const std::vector<FilmOutcome>& failures);

/// Runs a read-only SQL query on the index; the first column of each row is a film's id (16 hex
/// digits; a full SHA-256 will do): returns the films' analysis folders, each once, in the order
/// the query gives them.
Result<std::vector<std::string>> query_film_folders(const std::string& corpus_dir,
                                                    const std::string& sql);

}  // namespace huescope
