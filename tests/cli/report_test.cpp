// The palette report as a reader gets it: one self-contained HTML file and a PDF that renders,
// with its fonts embedded.
#include <gtest/gtest.h>

#include <QXmlStreamReader>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "run_command.hpp"
#include "test_paths.hpp"

using testing_support::CommandResult;
using testing_support::media;
namespace fs = std::filesystem;

namespace {

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t p = 0; (p = text.find(what, p)) != std::string::npos; p += what.size()) ++n;
    return n;
}

// A report page: well-formed (XML syntax of HTML), charts inline, no external asset.
void expect_self_contained_html(const std::string& html, int min_charts) {
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("</html>"), std::string::npos);
    EXPECT_GE(count(html, "<svg"), min_charts) << "every chart inline";
    EXPECT_EQ(count(html, "<svg"), count(html, "</svg>"));
    // The page is written in the XML-compatible syntax of HTML, so a strict parser must read it
    // to the end without an error.
    QXmlStreamReader xml(QByteArray::fromStdString(html));
    int elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) ++elements;
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString() << " at line "
                                 << xml.lineNumber();
    EXPECT_GT(elements, 100);
    // No external asset: every src is a data URI, no stylesheet or script is fetched, and the only
    // URLs are SVG namespace names, which are never fetched.
    const std::regex src(R"re(src="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), src);
         it != std::sregex_iterator(); ++it) {
        EXPECT_EQ((*it)[1].str().rfind("data:", 0), 0u) << (*it)[1].str().substr(0, 40);
    }
    EXPECT_EQ(count(html, "<link"), 0);
    EXPECT_EQ(count(html, "<script"), 0);
    const std::regex url(R"re((https?://[^"' )]+))re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), url);
         it != std::sregex_iterator(); ++it) {
        const std::string u = (*it)[1].str();
        EXPECT_TRUE(u.rfind("http://www.w3.org/", 0) == 0) << "external reference: " << u;
    }
}

// Every page of the PDF renders and every font is embedded; returns the page count.
int expect_pdf_renders(const fs::path& pdf, const fs::path& dir) {
    // The PDF: every page renders, and every font is embedded.
    const CommandResult info =
        testing_support::run_command("/usr/bin/pdfinfo", {pdf.string()}, dir);
    EXPECT_EQ(info.exit_code, 0) << info.err;
    std::smatch pages;
    if (!std::regex_search(info.out, pages, std::regex(R"(Pages:\s+(\d+))"))) {
        ADD_FAILURE() << "pdfinfo: " << info.out;
        return 0;
    }
    const int page_count = std::stoi(pages[1].str());
    const CommandResult render = testing_support::run_command(
        "/usr/bin/pdftoppm", {"-r", "30", "-png", pdf.string(), (dir / "page").string()}, dir);
    EXPECT_EQ(render.exit_code, 0) << render.err;
    int rendered = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        rendered += entry.path().filename().string().rfind("page", 0) == 0;
    EXPECT_EQ(rendered, page_count);
    const CommandResult fonts =
        testing_support::run_command("/usr/bin/pdffonts", {pdf.string()}, dir);
    EXPECT_EQ(fonts.exit_code, 0);
    EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        ++font_rows;
        EXPECT_NE(line.find(" yes "), std::string::npos) << "font not embedded: " << line;
    }
    EXPECT_GT(font_rows, 0);

    return page_count;
}

}  // namespace

TEST(Report, HtmlIsSelfContainedAndPdfRendersWithEmbeddedFonts) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path out = dir / "out";
    const CommandResult r =
        testing_support::run_huescope({"analyze", media("shot_edit.mkv"), "-o", out.string(), "-q",
                                       "--report", "--charts", (dir / "charts").string()},
                                      dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << "a quiet run prints nothing: " << r.err;

    const std::string html = testing_support::slurp(out / "report.html");
    ASSERT_FALSE(html.empty());
    expect_self_contained_html(html, 4);
    EXPECT_NE(html.find("Palette of the film"), std::string::npos);
    EXPECT_NE(html.find("How to read this"), std::string::npos);
    // The cutting as a film scholar reads it: the shot count and the average shot length, here
    // the clip's duration over its shots (its shots tile it).
    const nlohmann::json summary =
        nlohmann::json::parse(testing_support::slurp(out / "summary.json"));
    const std::size_t shots = summary["shots"].size();
    char expected[128];
    std::snprintf(expected, sizeof expected, "%zu shots, average shot length %.1f s", shots,
                  summary["input"]["duration_s"].get<double>() / double(shots));
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
    EXPECT_EQ(html.find("class=\"warning\""), std::string::npos) << "16 shots in 30 s is plausible";

    EXPECT_GE(expect_pdf_renders(out / "report.pdf", dir), 3);

    for (const char* chart :
         {"family_over_time", "families_stacked", "hue_histogram", "hue_wheel"}) {
        EXPECT_GT(fs::file_size(dir / "charts" / (std::string(chart) + ".png")), 1000u) << chart;
        EXPECT_GT(fs::file_size(dir / "charts" / (std::string(chart) + ".svg")), 1000u) << chart;
    }
}

TEST(Report, AnImplausibleShotRateIsFlagged) {
    // One shot in a 30-s clip is plausible; the same analysis said to last ten minutes is not
    // (fewer than one shot a minute), and the report must say so before any number.
    const fs::path dir = testing_support::scratch_dir();
    const fs::path out = dir / "drift";
    ASSERT_EQ(testing_support::run_huescope(
                  {"analyze", media("hue_drift.mp4"), "-o", out.string(), "-q", "--report"}, dir)
                  .exit_code,
              0);
    EXPECT_EQ(testing_support::slurp(out / "report.html").find("Check the shots"),
              std::string::npos);
    nlohmann::json summary = nlohmann::json::parse(testing_support::slurp(out / "summary.json"));
    ASSERT_EQ(summary["shots"].size(), 1u);
    summary["input"]["duration_s"] = 600.0;
    std::ofstream(out / "summary.json", std::ios::binary) << summary.dump(2);
    const CommandResult r = testing_support::run_huescope({"report", out.string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = testing_support::slurp(out / "report.html");
    EXPECT_NE(html.find("Check the shots: 1 in 10.0 minutes"), std::string::npos);
}

TEST(Report, MissingAnalysisIsAClearError) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r =
        testing_support::run_huescope({"report", (dir / "nothing").string()}, dir);
    EXPECT_EQ(r.exit_code, 66) << r.err;
    EXPECT_NE(r.err.find("summary.json"), std::string::npos) << r.err;
}

TEST(Report, ComparisonReportFromCompareJson) {
    const fs::path dir = testing_support::scratch_dir();
    for (const char* clip : {"blue_edit", "blue_edit_orange"}) {
        const CommandResult r = testing_support::run_huescope(
            {"analyze", media(std::string(clip) + ".mp4"), "-o", (dir / clip).string(), "-q"}, dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const fs::path out = dir / "cmp";
    CommandResult r = testing_support::run_huescope(
        {"compare", (dir / "blue_edit_orange").string(), (dir / "blue_edit").string(), "-o",
         out.string(), "--report", "-q"},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = testing_support::slurp(out / "compare.html");
    expect_self_contained_html(html, 3);
    EXPECT_EQ(count(html, "alt=\"barcode of"), 2) << "both films' barcodes, stacked";
    const std::string sentence = r.out.substr(0, r.out.find('\n'));
    ASSERT_FALSE(sentence.empty());
    EXPECT_NE(html.find(QString::fromStdString(sentence).toHtmlEscaped().toStdString()),
              std::string::npos)
        << "the test result, quotable, on the page";
    EXPECT_GE(expect_pdf_renders(out / "compare.pdf", dir), 2);

    // `report` on a comparison folder redraws the comparison report.
    fs::remove(out / "compare.html");
    r = testing_support::run_huescope({"report", out.string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(out / "compare.html"));
}

// The grade report of a clip against its version with the blues regraded to orange.
TEST(Report, GradeReportShowsWhereTheBluesWent) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path out = dir / "grade";
    CommandResult r = testing_support::run_huescope(
        {"grade", media("blue_edit.mp4"), media("blue_edit_orange.mp4"), "-o", out.string(),
         "--report", "--charts", (dir / "charts").string()},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = testing_support::slurp(out / "grade.html");
    expect_self_contained_html(html, 6);  // matrix, two curves, shares, two wheels
    for (const char* id : {"grade_transfer_matrix", "grade_hue_shift", "grade_chroma_gain",
                           "hue_wheel_before", "hue_wheel_after"})
        EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
    EXPECT_EQ(count(html, "alt=\"barcode "), 2) << "both versions' barcodes";
    EXPECT_GE(count(html, "alt=\"before\""), 1) << "frames where blue changed most";
    EXPECT_NE(html.find("blue: "), std::string::npos) << "the blue sentence on the page";
    EXPECT_TRUE(fs::exists(dir / "charts" / "grade_transfer_matrix.png"));
    EXPECT_GE(expect_pdf_renders(out / "grade.pdf", dir), 2);

    // `report` on a grade folder redraws the grade report.
    fs::remove(out / "grade.html");
    r = testing_support::run_huescope({"report", out.string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(out / "grade.html"));
}
