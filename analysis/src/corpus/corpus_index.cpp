// CORPUS/corpus.sqlite (schema in docs/corpus.md): rebuilt from the analyses themselves, so it
// holds exactly what they hold, and queried read-only.
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "../report/atomic_file.hpp"
#include "../report/shots_csv.hpp"
#include "huescope/corpus.hpp"

namespace huescope {
namespace fs = std::filesystem;
using json = nlohmann::json;
namespace {

constexpr const char* kIndex = "corpus.sqlite";

constexpr const char* kSchema = R"sql(
CREATE TABLE films (
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, folder TEXT NOT NULL,
  title TEXT, path TEXT, bytes INTEGER,
  huescope_version TEXT, analysed_utc TEXT, parameters TEXT,
  container TEXT, codec TEXT, width INTEGER, height INTEGER, frame_rate REAL, duration_s REAL,
  frames_analyzed INTEGER, partial INTEGER, shots INTEGER, shots_source TEXT,
  average_shot_length_s REAL, median_shot_length_s REAL,
  chromatic_fraction REAL, mean_chroma REAL, mean_lightness REAL, hue_mean_deg REAL,
  hue_weight REAL);
CREATE TABLE film_tags (film_id TEXT NOT NULL REFERENCES films(id), key TEXT NOT NULL,
  value TEXT, PRIMARY KEY (film_id, key));
CREATE TABLE film_families (film_id TEXT NOT NULL REFERENCES films(id), family TEXT NOT NULL,
  share REAL, pixel_share REAL, PRIMARY KEY (film_id, family));
CREATE TABLE shots (film_id TEXT NOT NULL REFERENCES films(id), shot INTEGER NOT NULL,
  start_frame INTEGER, end_frame INTEGER, start_s REAL, end_s REAL, duration_s REAL,
  frames INTEGER, transition TEXT, palette TEXT, chromatic_fraction REAL, mean_chroma REAL, mean_lightness REAL,
  hue_mean_deg REAL, hue_weight REAL, PRIMARY KEY (film_id, shot));
CREATE TABLE shot_families (film_id TEXT NOT NULL, shot INTEGER NOT NULL, family TEXT NOT NULL,
  share REAL, pixel_share REAL, PRIMARY KEY (film_id, shot, family));
CREATE TABLE failures (path TEXT NOT NULL, id TEXT, error TEXT, code TEXT);
)sql";

using Database = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;
using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

Status sql_error(sqlite3* db, const std::string& what) {
    return Status(ErrorCode::Io, what + ": " + sqlite3_errmsg(db));
}

// Binds JSON values in order: numbers, strings, booleans (as 0/1) and null.
Status insert(sqlite3* db, const char* sql, const std::vector<json>& values) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
        return sql_error(db, "preparing the index");
    const Statement statement(raw, &sqlite3_finalize);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const json& v = values[i];
        const int at = static_cast<int>(i) + 1;
        if (v.is_number_integer() || v.is_boolean()) {
            sqlite3_bind_int64(raw, at, v.is_boolean() ? v.get<bool>() : v.get<int64_t>());
        } else if (v.is_number()) {
            sqlite3_bind_double(raw, at, v.get<double>());
        } else if (v.is_string()) {
            sqlite3_bind_text(raw, at, v.get_ref<const std::string&>().c_str(), -1,
                              SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_null(raw, at);
        }
    }
    if (sqlite3_step(raw) != SQLITE_DONE) return sql_error(db, "writing the index");
    return Status::ok();
}

json field(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? json(nullptr) : *it;
}

Status add_film_unguarded(sqlite3* db, const fs::path& corpus, const fs::path& folder) {
    std::ifstream summary_in(folder / "summary.json"), record_in(folder / "film.json");
    if (!summary_in || !record_in) return Status::ok();  // not (yet) a finished analysis
    json summary, record;
    try {
        summary = json::parse(summary_in);
        record = json::parse(record_in);
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData, "'" + folder.string() + "': " + e.what());
    }
    const std::string sha = record.value("sha256", "");
    const std::string id = sha.substr(0, 16);
    const json input = summary.value("input", json::object());
    const json film = summary.value("film", json::object());
    const json no_shares = json::object();
    const json tags = record.value("tags", json::object());
    // shots.csv adds each shot's duration and palette; an analysis older than it has NULLs.
    std::vector<ShotRecord> shot_rows;
    if (fs::is_regular_file(folder / "shots.csv")) {
        Result<std::vector<ShotRecord>> rows = read_shots_csv((folder / "shots.csv").string());
        if (!rows) return Status(ErrorCode::BadData, rows.status().message());
        shot_rows = std::move(rows.value());
        if (shot_rows.size() != summary.at("shots").size()) {
            return Status(ErrorCode::BadData, "'" + folder.string() +
                                                  "': shots.csv and summary.json disagree on "
                                                  "the number of shots");
        }
    }
    std::vector<double> durations;
    for (const ShotRecord& row : shot_rows) durations.push_back(row.duration_s);
    const ShotLengths lengths = shot_lengths(durations);
    auto length_or_null = [&](double seconds) {
        return shot_rows.empty() ? json(nullptr) : json(seconds);
    };
    const std::string title = tags.contains("title")
                                  ? tags["title"].get<std::string>()
                                  : fs::path(record.value("path", "")).stem().string();
    if (Status s = insert(db,
                          "INSERT INTO films VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                          "?,?,?,?,?)",
                          {id,
                           sha,
                           fs::relative(folder, corpus).string(),
                           title,
                           field(record, "path"),
                           field(record, "bytes"),
                           summary["tool"]["version"],
                           field(summary, "generated_utc"),
                           summary["parameters"].dump(),
                           field(input, "container"),
                           field(input, "codec"),
                           field(input, "width"),
                           field(input, "height"),
                           field(input, "frame_rate"),
                           field(input, "duration_s"),
                           field(summary, "frames_analyzed"),
                           summary.at("completeness").value("partial", false),
                           static_cast<int64_t>(summary.at("shots").size()),
                           field(summary.value("shots_source", json::object()), "kind"),
                           length_or_null(lengths.average_s),
                           length_or_null(lengths.median_s),
                           field(film, "chromatic_fraction"),
                           field(film, "mean_chroma"),
                           field(film, "mean_lightness"),
                           field(film, "hue_mean_deg"),
                           field(film, "hue_weight")});
        !s) {
        return s;
    }
    for (const auto& [key, value] : tags.items()) {
        if (Status s = insert(db, "INSERT INTO film_tags VALUES (?,?,?)", {id, key, value}); !s)
            return s;
    }
    const json film_pixel_shares = film.value("pixel_shares", no_shares);
    const json film_shares = film.value("shares", no_shares);  // named: items() must not dangle
    for (const auto& [family, share] : film_shares.items()) {
        if (Status s = insert(db, "INSERT INTO film_families VALUES (?,?,?,?)",
                              {id, family, share, field(film_pixel_shares, family.c_str())});
            !s) {
            return s;
        }
    }
    int64_t number = 0;
    for (const json& shot : summary.at("shots")) {
        const ShotRecord* row = shot_rows.empty() ? nullptr : &shot_rows[std::size_t(number)];
        if (Status s = insert(db, "INSERT INTO shots VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                              {id, number, field(shot, "start_frame"), field(shot, "end_frame"),
                               field(shot, "start_s"), field(shot, "end_s"),
                               row ? json(row->duration_s) : json(nullptr), field(shot, "frames"),
                               field(shot, "transition"), row ? json(row->palette) : json(nullptr),
                               field(shot, "chromatic_fraction"), field(shot, "mean_chroma"),
                               field(shot, "mean_lightness"), field(shot, "hue_mean_deg"),
                               field(shot, "hue_weight")});
            !s) {
            return s;
        }
        const json shot_shares = shot.value("shares", no_shares);  // named: items() must not dangle
        const json shot_pixel_shares = shot.value("pixel_shares", no_shares);
        for (const auto& [family, share] : shot_shares.items()) {
            if (Status s =
                    insert(db, "INSERT INTO shot_families VALUES (?,?,?,?,?)",
                           {id, number, family, share, field(shot_pixel_shares, family.c_str())});
                !s) {
                return s;
            }
        }
        ++number;
    }
    return Status::ok();
}

// A folder whose files are damaged is not the index's to fix: it is listed as a failure (its
// rows so far are rolled back) and the rest of the corpus is indexed.
Status add_film(sqlite3* db, const fs::path& corpus, const fs::path& folder) {
    sqlite3_exec(db, "SAVEPOINT film", nullptr, nullptr, nullptr);
    std::string damage;
    try {
        if (Status s = add_film_unguarded(db, corpus, folder); !s) {
            if (s.code() != ErrorCode::BadData) return s;
            damage = s.message();
        }
    } catch (const std::exception& e) {
        damage = "'" + folder.string() + "': " + e.what();
    }
    if (damage.empty()) {
        sqlite3_exec(db, "RELEASE film", nullptr, nullptr, nullptr);
        return Status::ok();
    }
    sqlite3_exec(db, "ROLLBACK TO film", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "RELEASE film", nullptr, nullptr, nullptr);
    return insert(db, "INSERT INTO failures VALUES (?,?,?,?)",
                  {folder.string(), nullptr, "its analysis could not be read: " + damage,
                   error_code_name(ErrorCode::BadData)});
}

}  // namespace

Status rebuild_index(const std::string& corpus_dir, const std::vector<FilmOutcome>& failures) {
    const fs::path corpus(corpus_dir);
    // Its own temporary: two batches on one corpus never write into each other's.
    const fs::path temp = corpus / unique_temp_name("corpus", ".sqlite");
    std::error_code ec;
    struct RemoveUnlessRenamed {
        const fs::path& path;
        ~RemoveUnlessRenamed() {
            std::error_code ignored;
            fs::remove(path, ignored);  // nothing left once renamed
        }
    } cleanup{temp};
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open(temp.c_str(), &raw);
    const Database db(raw, &sqlite3_close);
    if (opened != SQLITE_OK) return sql_error(raw, "creating the index");
    if (sqlite3_exec(raw, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        return sql_error(raw, "creating the index");
    }
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(corpus / "films", ec))
        if (entry.is_directory(ec)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const fs::path& folder : folders) {
        if (Status s = add_film(raw, corpus, folder); !s) return s;
    }
    for (const FilmOutcome& f : failures) {
        if (Status s = insert(raw, "INSERT INTO failures VALUES (?,?,?,?)",
                              {f.input, f.id.empty() ? json(nullptr) : json(f.id), f.error,
                               error_code_name(f.code)});
            !s) {
            return s;
        }
    }
    if (sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return sql_error(raw, "writing the index");
    fs::rename(temp, corpus / kIndex, ec);
    if (ec) {
        fs::remove(temp, ec);
        return Status(ErrorCode::Io, "cannot replace the index: " + ec.message());
    }
    return Status::ok();
}

Result<std::vector<std::string>> query_film_folders(const std::string& corpus_dir,
                                                    const std::string& sql) {
    const fs::path corpus(corpus_dir);
    const fs::path path = corpus / kIndex;
    if (!fs::exists(path)) {
        return Status(ErrorCode::NoInput, "'" + corpus_dir + "' has no index (corpus.sqlite)");
    }
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const Database db(raw, &sqlite3_close);
    if (opened != SQLITE_OK) return sql_error(raw, "opening the index");
    sqlite3_stmt* statement_raw = nullptr;
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement_raw, nullptr) != SQLITE_OK) {
        return Status(ErrorCode::InvalidArgument,
                      std::string("the reference query is not valid SQL: ") + sqlite3_errmsg(raw));
    }
    const Statement statement(statement_raw, &sqlite3_finalize);
    // A read-only connection still lets VACUUM INTO write elsewhere: only queries are run.
    if (!sqlite3_stmt_readonly(statement_raw)) {
        return Status(ErrorCode::InvalidArgument, "the reference query must only read");
    }
    std::vector<std::string> folders;
    int step = 0;
    while ((step = sqlite3_step(statement_raw)) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(statement_raw, 0);
        const std::string id = text ? reinterpret_cast<const char*>(text) : "";
        if (id.size() < 16) {
            return Status(ErrorCode::InvalidArgument,
                          "the reference query's first column must be a film id, not '" + id + "'");
        }
        const fs::path folder = corpus / "films" / id.substr(0, 16);
        if (!fs::is_directory(folder)) {
            return Status(ErrorCode::NoInput,
                          "the index names film " + id + ", whose analysis is not in the corpus");
        }
        // A join may name a film twice: it is one reference, not two.
        if (std::find(folders.begin(), folders.end(), folder.string()) == folders.end())
            folders.push_back(folder.string());
    }
    if (step != SQLITE_DONE) return sql_error(raw, "running the reference query");
    return folders;
}

}  // namespace huescope
