// The desktop app driven as a user would, under Qt Test: open, analyse to the end, compare what
// the window shows with the files, cancel, open a broken file, compare two films, export; and a
// real screenshot under Xvfb.
#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWindow>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtTest/QtTest>
#include <cmath>
#include <set>

#include "../charts/charts.hpp"
#include "chart_panel.hpp"
#include "compare_view.hpp"
#include "film_session.hpp"
#include "film_view.hpp"
#include "grade_view.hpp"
#include "gui_settings.hpp"
#include "huescope/analysis_folder.hpp"
#include "huescope/vectorscope.hpp"
#include "main_window.hpp"

using namespace huescope;
using namespace huescope::gui;

namespace {

QString media(const char* name) {
    return QString(HUESCOPE_TEST_MEDIA_DIR) + "/" + name;
}

bool wait_until_settled(FilmSession* s, int ms = 120000) {
    return QTest::qWaitFor([s] { return s->state() != FilmSession::State::Analysing; }, ms);
}

}  // namespace

class GuiTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        // A fresh cache per run (CTest gives each test its own XDG_CACHE_HOME): nothing from an
        // earlier run is reused.
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
    }

    void analysesToTheEndAndViewsMatchTheFiles() {
        MainWindow window;
        window.show();
        FilmSession* s = window.open_path(media("blue_edit.mp4"));
        QVERIFY(wait_until_settled(s));
        QCOMPARE(s->state(), FilmSession::State::Ready);
        FilmView* view = window.current_view();
        QVERIFY(view != nullptr);

        Result<FilmRecord> film = read_analysis_folder(s->analysis_folder().toStdString());
        QVERIFY(film.is_ok());
        const int blue = film->family_index("blue");
        QVERIFY(blue >= 0);
        // The share over time holds frames.csv's blue share, frame by frame.
        const QList<QPointF> points = view->share_series()->points();
        QCOMPARE(points.size(), static_cast<qsizetype>(film->frames.size()));
        for (qsizetype i = 0; i < points.size(); ++i) {
            const FrameRecord& f = film->frames[static_cast<std::size_t>(i)];
            QVERIFY(std::fabs(points[i].x() - f.time_s) < 1e-6);
            QVERIFY(std::fabs(points[i].y() - f.shares[static_cast<std::size_t>(blue)]) < 1e-6);
        }
        // The hue chart of the film draws summary.json's histogram, bar by bar.
        view->set_scope(FilmView::Scope::Film);
        const std::vector<double> expected_bars = charts::hue_bars(
            std::vector<double>(film->hue_histogram.begin(), film->hue_histogram.end()));
        const QList<QAbstractSeries*> series = view->hue_panel()->chart()->series();
        QCOMPARE(series.size(), static_cast<qsizetype>(expected_bars.size()));
        for (qsizetype i = 0; i < series.size(); ++i) {
            auto* area = qobject_cast<QAreaSeries*>(series[i]);
            QVERIFY(area != nullptr);
            QVERIFY(std::fabs(area->upperSeries()->at(0).y() -
                              expected_bars[static_cast<std::size_t>(i)]) < 1e-12);
        }
        // The headline share is summary.json's.
        const QString share =
            QString::number(100 * film->shares[static_cast<std::size_t>(blue)], 'f', 2);
        QVERIFY2(view->family_share_text().contains(share), qPrintable(view->family_share_text()));
        // The film's vectorscope is vectorscope.exr's first block and sums to 1.
        const std::vector<float>& scope = view->shown_scope();
        QCOMPARE(static_cast<int>(scope.size()), Vectorscope::kSize * Vectorscope::kSize);
        double total = 0;
        for (float v : scope) total += v;
        QVERIFY(std::fabs(total - 1.0) < 1e-3);
        QCOMPARE(scope, s->scopes().front());
        QCOMPARE(s->scopes().size(), film->shot_count + 1);

        // Seeking shows that frame and its own distribution.
        view->set_scope(FilmView::Scope::Frame);
        view->seek(2.03);  // between frames 48 (2.0 s) and 49: frame 48 is showing
        QVERIFY(
            QTest::qWaitFor([view] { return std::fabs(view->frame_time() - 2.0) < 1e-6; }, 20000));
        double frame_total = 0;
        for (double v : view->shown_histogram()) frame_total += v;
        QVERIFY(std::fabs(frame_total - 1.0) < 1e-9);  // the frame's own distribution
        view->seek(1e9);                               // past the end: the last frame
        QVERIFY(QTest::qWaitFor(
            [view] { return std::fabs(view->frame_time() - 119 / 24.0) < 1e-6; }, 20000));

        // Opened twice in one window: the open one is shown, not measured again beside it.
        QCOMPARE(window.open_path(media("blue_edit.mp4")), s);
        // Reopened in a new window: the results are loaded instead of measured again.
        MainWindow later;
        FilmSession* again = later.open_path(media("blue_edit.mp4"));
        QCOMPARE(again->state(), FilmSession::State::Ready);
        QCOMPARE(again->analysis_folder(), s->analysis_folder());
        // Its analysis folder opened directly: same results, with the folder's own settings.
        FilmSession* folder = later.open_path(s->analysis_folder());
        QCOMPARE(folder->state(), FilmSession::State::Ready);
        QCOMPARE(folder->media_path(), QFileInfo(media("blue_edit.mp4")).absoluteFilePath());
    }

    void cancelMidwayLeavesNoResult() {
        MainWindow window;
        FilmSession* s = window.open_path(media("long_720.mp4"));
        QVERIFY(QTest::qWaitFor([s] { return !s->live_times().empty(); }, 30000));
        QCOMPARE(s->state(), FilmSession::State::Analysing);
        s->cancel();
        QVERIFY(wait_until_settled(s));
        QCOMPARE(s->state(), FilmSession::State::Cancelled);
        QVERIFY(!QFile::exists(s->analysis_folder() + "/summary.json"));
        auto* error = window.current_view()->findChild<QLabel*>("error");
        QVERIFY(error != nullptr && !error->isHidden());
    }

    void brokenFileShowsAnErrorAndTheAppCarriesOn() {
        MainWindow window;
        window.show();
        FilmSession* bad = window.open_path(media("not_video.mp4"));
        QCOMPARE(bad->state(), FilmSession::State::Failed);
        auto* error = window.current_view()->findChild<QLabel*>("error");
        QVERIFY(error != nullptr);
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains("not_video.mp4"), qPrintable(error->text()));
        FilmSession* good = window.open_path(media("blue_edit_orange.mp4"));
        QVERIFY(wait_until_settled(good));
        QCOMPARE(good->state(), FilmSession::State::Ready);
    }

    void compareModeAndExports() {
        MainWindow window;
        FilmSession* a = window.open_path(media("blue_edit_orange.mp4"));
        FilmSession* b = window.open_path(media("blue_edit.mp4"));
        QVERIFY(wait_until_settled(a) && wait_until_settled(b));
        window.refresh_compare();
        const QString text = window.compare_view()->sentences();
        QVERIFY2(text.contains("points lower than blue_edit's"), qPrintable(text));
        QTemporaryDir out;
        QString error;
        QVERIFY2(window.export_comparison(out.path(), error), qPrintable(error));
        QVERIFY(QFileInfo(out.path() + "/compare.html").size() > 1000);
        QVERIFY(QFileInfo(out.path() + "/compare.pdf").size() > 1000);
        QVERIFY2(window.export_report(out.path(), error), qPrintable(error));
        QVERIFY(QFileInfo(out.path() + "/report.html").size() > 1000);
        // Every chart can be copied as an image.
        const QImage chart = window.current_view()->hue_panel()->image();
        QVERIFY(!chart.isNull() && chart.width() > 100);
    }

    // Grade mode: the original and its regraded version scrubbed together, then analysed.
    void gradeModeScrubsBothAndAnalyses() {
        MainWindow window;
        GradeView* grade = window.grade_view();
        QVERIFY(grade->set_pair(media("blue_edit.mp4"), media("blue_edit_orange.mp4")));
        grade->seek(2.0);
        QVERIFY(QTest::qWaitFor(
            [grade] {
                return std::fabs(grade->shown_before_s() - 2.0) < 0.05 &&
                       std::fabs(grade->shown_after_s() - 2.0) < 0.05;
            },
            20000));
        QVERIFY2(grade->before_caption().contains("blue"), qPrintable(grade->before_caption()));
        QVERIFY2(grade->after_caption().contains("blue"), qPrintable(grade->after_caption()));
        // An offset of 24 frames shows AFTER one second later.
        grade->set_offset(24);
        grade->seek(1.0);
        QVERIFY(QTest::qWaitFor(
            [grade] {
                return std::fabs(grade->shown_before_s() - 1.0) < 0.05 &&
                       std::fabs(grade->shown_after_s() - 2.0) < 0.05;
            },
            20000));
        grade->set_offset(0);
        QSignalSpy done(grade, &GradeView::finished);
        grade->analyse();
        QVERIFY(done.wait(120000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QVERIFY2(grade->summary().contains("blue: "), qPrintable(grade->summary()));
        QCOMPARE(grade->chart_count(), 4);
        QVERIFY(QFileInfo(grade->folder() + "/grade.cube").size() > 1000);
        // A picture of the view, to look at (docs/gui.md shows it).
        grade->resize(1300, 1000);
        QDir().mkpath(HUESCOPE_TEST_SCRATCH_DIR);
        QVERIFY(grade->grab().save(QString(HUESCOPE_TEST_SCRATCH_DIR) + "/gui-grade.png"));
    }

    void settingsAreRememberedAndSelectTheCache() {
        MeasureParams params = load_measure_params();
        params.min_chroma = 0.035;
        params.families.push_back({"teal", 180.0, 220.0});
        save_measure_params(params);
        const MeasureParams again = load_measure_params();
        QCOMPARE(again.min_chroma, 0.035);
        QCOMPARE(again.families.size(), params.families.size());
        QCOMPARE(again.families.back().name, std::string("teal"));
        QCOMPARE(again.families.back().to_deg, 220.0);
        // Other settings are another analysis: nothing measured differently is reused.
        QVERIFY(FilmSession::cache_folder(media("blue_edit.mp4"), again) !=
                FilmSession::cache_folder(media("blue_edit.mp4"), MeasureParams{}));
    }

    // Run by CTest under xvfb-run with the xcb platform: a real window on a real X server.
    void screenshotOfTheWindow() {
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        FilmSession* s = window.open_path(media("blue_edit.mp4"));
        QVERIFY(wait_until_settled(s));
        FilmView* view = window.current_view();
        view->seek(3.1);
        QVERIFY(QTest::qWaitFor([view] { return std::fabs(view->frame_time() - 3.0833) < 0.01; },
                                20000));  // frame 74 arrived
        QTest::qWait(200);                // and painted
        QScreen* screen = window.windowHandle()->screen();
        const QImage shot = screen->grabWindow(window.winId()).toImage();
        const QString path = QString(HUESCOPE_TEST_SCRATCH_DIR) + "/gui-screenshot-" +
                             QGuiApplication::platformName() + ".png";
        QDir().mkpath(HUESCOPE_TEST_SCRATCH_DIR);
        QVERIFY(shot.save(path));
        // Not blank: many distinct colours, and light and dark parts.
        std::set<QRgb> colours;
        int dark = 0, light = 0;
        for (int y = 0; y < shot.height(); y += 3) {
            for (int x = 0; x < shot.width(); x += 3) {
                const QRgb c = shot.pixel(x, y);
                colours.insert(c);
                dark += qGray(c) < 60;
                light += qGray(c) > 200;
            }
        }
        QVERIFY2(colours.size() > 500, qPrintable(QString::number(colours.size())));
        QVERIFY(dark > 100 && light > 100);
    }
};

QTEST_MAIN(GuiTest)
#include "gui_test.moc"
