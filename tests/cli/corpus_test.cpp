// huescope batch, the corpus index and reference queries (docs/corpus.md), on the corpus
// tests/corpus/make_corpus.sh writes: 8 films with years, a damaged file, a copy of film 1.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using testing_support::CommandResult;
using testing_support::run_huescope;

namespace {

const fs::path kCorpus = HUESCOPE_TEST_CORPUS_DIR;

std::string list() {
    return (kCorpus / "list.txt").string();
}

nlohmann::json summary_of(const fs::path& folder) {
    return nlohmann::json::parse(testing_support::slurp(folder / "summary.json"));
}

std::vector<fs::path> film_folders(const fs::path& corpus) {
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(corpus / "films")) folders.push_back(entry);
    std::sort(folders.begin(), folders.end());
    return folders;
}

// Rows of a query, each row its columns as text.
std::vector<std::vector<std::string>> query(const fs::path& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(raw);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            if (sqlite3_column_type(statement, c) == SQLITE_FLOAT) {  // every bit, not 15 digits
                char text[32];
                std::snprintf(text, sizeof text, "%.17g", sqlite3_column_double(statement, c));
                row.push_back(text);
                continue;
            }
            const unsigned char* text = sqlite3_column_text(statement, c);
            row.push_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    sqlite3_close(raw);
    return rows;
}

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST(Batch, EveryFilmOnceThenNoWorkAndTheDamagedOneReported) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string corpus = (dir / "corpus").string();
    const CommandResult first = run_huescope({"batch", list(), "-o", corpus, "-j", "2"}, dir);
    // The damaged file fails the batch's exit code, not the batch: the 8 films are analysed.
    EXPECT_EQ(first.exit_code, 2) << first.err;
    EXPECT_EQ(count_of(first.err, "] analysed "), 8) << first.err;
    EXPECT_EQ(count_of(first.err, "] failed "), 1) << first.err;
    EXPECT_NE(first.err.find("damaged.mp4"), std::string::npos) << first.err;
    // The copy of film 1 is film 1's analysis, not a second one.
    EXPECT_EQ(count_of(first.err, "] up to date "), 1) << first.err;
    const std::vector<fs::path> folders = film_folders(dir / "corpus");
    ASSERT_EQ(folders.size(), 8u);
    std::map<fs::path, fs::file_time_type> written;
    for (const fs::path& f : folders) written[f] = fs::last_write_time(f / "summary.json");

    const CommandResult second = run_huescope({"batch", list(), "-o", corpus}, dir);
    EXPECT_EQ(second.exit_code, 2) << second.err;
    EXPECT_EQ(count_of(second.err, "] up to date "), 9) << second.err;
    EXPECT_EQ(count_of(second.err, "] analysed "), 0) << second.err;
    for (const fs::path& f : folders)
        EXPECT_EQ(fs::last_write_time(f / "summary.json"), written[f]) << f << " was redone";
}

TEST(Batch, AChangedParameterAnalysesAgain) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string corpus = (dir / "corpus").string();
    ASSERT_EQ(run_huescope({"batch", list(), "-o", corpus, "-q"}, dir).exit_code, 2);
    const CommandResult changed =
        run_huescope({"batch", list(), "-o", corpus, "--band", "blue=200:260"}, dir);
    EXPECT_EQ(count_of(changed.err, "] analysed "), 8) << changed.err;
    for (const fs::path& f : film_folders(dir / "corpus")) {
        bool found = false;
        const nlohmann::json summary = summary_of(f);
        for (const auto& family : summary["parameters"]["families"]) {
            if (family["name"] == "blue") {
                EXPECT_EQ(family["from_deg"], 200);
                found = true;
            }
        }
        EXPECT_TRUE(found) << f;
    }
}

TEST(Index, HoldsWhatTheAnalysesHold) {
    const fs::path dir = testing_support::scratch_dir();
    ASSERT_EQ(run_huescope({"batch", list(), "-o", (dir / "corpus").string(), "-q"}, dir).exit_code,
              2);
    const fs::path db = dir / "corpus" / "corpus.sqlite";
    const auto films =
        query(db, "SELECT id, folder, frames_analyzed, shots FROM films ORDER BY id");
    ASSERT_EQ(films.size(), 8u);
    for (const auto& film : films) {
        SCOPED_TRACE(film[1]);
        const nlohmann::json summary = summary_of(dir / "corpus" / film[1]);
        EXPECT_EQ(std::stoll(film[2]), summary["frames_analyzed"].get<int64_t>());
        EXPECT_EQ(std::stoul(film[3]), summary["shots"].size());
        // Shares: the index's numbers are the summary's, to the last bit.
        for (const auto& row :
             query(db, "SELECT family, share FROM film_families WHERE film_id='" + film[0] + "'")) {
            EXPECT_EQ(std::stod(row[1]), summary["film"]["shares"][row[0]].get<double>()) << row[0];
        }
        const auto shot_rows = query(db,
                                     "SELECT shot, family, share FROM shot_families WHERE "
                                     "film_id='" +
                                         film[0] + "'");
        EXPECT_EQ(shot_rows.size(), summary["shots"].size() * summary["film"]["shares"].size());
        for (const auto& row : shot_rows) {
            const double expected =
                summary["shots"][std::stoul(row[0])]["shares"][row[1]].get<double>();
            EXPECT_EQ(std::stod(row[2]), expected);
        }
        // shots.csv read back: each shot lasts until the next one starts, and the film's
        // average shot length is their mean.
        const auto lengths = query(db,
                                   "SELECT start_s, duration_s, palette FROM shots WHERE "
                                   "film_id='" +
                                       film[0] + "' ORDER BY shot");
        ASSERT_EQ(lengths.size(), summary["shots"].size());
        double total = 0;
        for (std::size_t i = 0; i < lengths.size(); ++i) {
            total += std::stod(lengths[i][1]);
            EXPECT_FALSE(lengths[i][2].empty()) << "shot " << i << " has no palette";
            if (i + 1 < lengths.size()) {
                EXPECT_NEAR(std::stod(lengths[i][1]),
                            std::stod(lengths[i + 1][0]) - std::stod(lengths[i][0]), 1e-5);
            }
        }
        const auto asl = query(db,
                               "SELECT average_shot_length_s, shots_source FROM films WHERE "
                               "id='" +
                                   film[0] + "'");
        EXPECT_NEAR(std::stod(asl[0][0]), total / double(lengths.size()), 1e-9);
        EXPECT_EQ(asl[0][1], "detected");
    }
    const auto failures = query(db, "SELECT path FROM failures");
    ASSERT_EQ(failures.size(), 1u);
    EXPECT_NE(failures[0][0].find("damaged.mp4"), std::string::npos);
    const auto years = query(db, "SELECT value FROM film_tags WHERE key='year' ORDER BY value");
    EXPECT_EQ(years.size(), 8u);
}

TEST(Index, AReferenceQueryPicksTheFilmsCompareUses) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string corpus = (dir / "corpus").string();
    ASSERT_EQ(run_huescope({"batch", list(), "-o", corpus, "-q"}, dir).exit_code, 2);
    const auto film = query(dir / "corpus" / "corpus.sqlite",
                            "SELECT folder FROM films f JOIN film_tags t ON t.film_id = f.id "
                            "WHERE t.key='year' AND t.value='2003'");
    ASSERT_EQ(film.size(), 1u);
    const CommandResult r = run_huescope(
        {"compare", (dir / "corpus" / film[0][0]).string(), "--corpus", corpus, "--reference-query",
         "SELECT film_id FROM film_tags WHERE key='year' AND value LIKE '198%'", "-o",
         (dir / "compare").string(), "--bootstrap", "200", "--permutations", "200", "-q"},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json compare =
        nlohmann::json::parse(testing_support::slurp(dir / "compare" / "compare.json"));
    // The 1980s films of the list: 1982, 1989 and 1984; the film itself is the fourth.
    EXPECT_EQ(compare["films"].size(), 4u) << compare["films"].dump();
    const CommandResult bad =
        run_huescope({"compare", (dir / "corpus" / film[0][0]).string(), "--corpus", corpus,
                      "--reference-query", "DELETE FROM films", "-o", (dir / "c2").string()},
                     dir);
    EXPECT_NE(bad.exit_code, 0);  // the index is opened read-only
    EXPECT_EQ(query(dir / "corpus" / "corpus.sqlite", "SELECT id FROM films").size(), 8u);
    // Nor can a query write elsewhere (SQLite lets VACUUM INTO do that on a read-only index).
    const CommandResult vacuum = run_huescope(
        {"compare", (dir / "corpus" / film[0][0]).string(), "--corpus", corpus, "--reference-query",
         "VACUUM INTO '" + (dir / "copy.sqlite").string() + "'", "-o", (dir / "c3").string()},
        dir);
    EXPECT_EQ(vacuum.exit_code, 64) << vacuum.err;
    EXPECT_FALSE(fs::exists(dir / "copy.sqlite"));
}

TEST(Index, TheFilmComparedIsNotItsOwnReference) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string corpus = (dir / "corpus").string();
    ASSERT_EQ(run_huescope({"batch", list(), "-o", corpus, "-q"}, dir).exit_code, 2);
    const auto film = query(dir / "corpus" / "corpus.sqlite",
                            "SELECT folder FROM films f JOIN film_tags t ON t.film_id = f.id "
                            "WHERE t.key='year' AND t.value='1982'");
    ASSERT_EQ(film.size(), 1u);
    // The query names the film itself, and (through the join) every film twice.
    const CommandResult r = run_huescope(
        {"compare", (dir / "corpus" / film[0][0]).string(), "--corpus", corpus, "--reference-query",
         "SELECT f.id FROM films f JOIN film_families ff ON ff.film_id = f.id JOIN film_tags t "
         "ON t.film_id = f.id WHERE t.key='year' AND t.value LIKE '198%' AND ff.family IN "
         "('blue','red')",
         "-o", (dir / "compare").string(), "--bootstrap", "200", "--permutations", "200", "-q"},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json compare =
        nlohmann::json::parse(testing_support::slurp(dir / "compare" / "compare.json"));
    EXPECT_EQ(compare["films"].size(), 3u) << compare["films"].dump();  // 1982 + 1989 and 1984
}

TEST(Batch, NewTagsReachTheIndexWithoutAnalysingAgain) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string corpus = (dir / "corpus").string();
    ASSERT_EQ(run_huescope({"batch", list(), "-o", corpus, "-q"}, dir).exit_code, 2);
    // The same films, listed from elsewhere, film001 with a title.
    std::ofstream retagged(dir / "retagged.txt");
    retagged << (kCorpus / "films" / "film001.mp4").string() << "\tyear=1982\ttitle=Her\n";
    retagged.close();
    const CommandResult r =
        run_huescope({"batch", (dir / "retagged.txt").string(), "-o", corpus}, dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(count_of(r.err, "] up to date "), 1) << r.err;
    const auto titles =
        query(dir / "corpus" / "corpus.sqlite", "SELECT value FROM film_tags WHERE key='title'");
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0][0], "Her");
}
