// huescope-gui: the desktop app. Files given on the command line are opened at start.
// `--screenshot FILE` saves the window as PNG once every opened film is analysed, then quits;
// with `--seek`, `--highlight` and `--compare` it shows what the documentation pictures show.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFont>
#include <QTimer>
#include <cmath>

#include "film_session.hpp"
#include "film_view.hpp"
#include "main_window.hpp"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("huescope");
    QApplication::setApplicationName("huescope-gui");
    QApplication::setFont(QFont("DejaVu Sans", 9));
    QCommandLineParser parser;
    parser.setApplicationDescription("huescope: look at a film's colour");
    parser.addHelpOption();
    QCommandLineOption screenshot("screenshot", "Save the window to FILE when ready, then quit.",
                                  "FILE");
    parser.addOption(screenshot);
    QCommandLineOption seek("seek", "Go to SECONDS in the current film once it is analysed.",
                            "SECONDS");
    QCommandLineOption highlight("highlight", "Highlight the blue family's pixels.");
    QCommandLineOption compare("compare", "Show compare mode once the films are analysed.");
    parser.addOption(seek);
    parser.addOption(highlight);
    parser.addOption(compare);
    parser.addPositionalArgument("files", "Films, EXR sequences or analysis folders to open.");
    parser.process(app);

    huescope::gui::MainWindow window;
    std::vector<huescope::gui::FilmSession*> sessions;
    for (const QString& path : parser.positionalArguments())
        sessions.push_back(window.open_path(path));
    window.show();
    const QString file = parser.value(screenshot);
    const bool to_compare = parser.isSet(compare), to_highlight = parser.isSet(highlight);
    const double seconds = parser.value(seek).toDouble();
    const bool to_seek = parser.isSet(seek);
    auto* timer = new QTimer(&window);
    timer->start(200);
    QObject::connect(
        timer, &QTimer::timeout, &window,
        [&window, sessions, file, timer, to_compare, to_highlight, to_seek, seconds] {
            for (auto* s : sessions)
                if (s->state() == huescope::gui::FilmSession::State::Analysing) return;
            timer->stop();
            if (auto* view = window.current_view()) {
                if (to_seek) view->seek(seconds);
                if (to_highlight) view->set_overlay(true);
            }
            if (to_compare) window.show_compare();
            if (file.isEmpty()) return;
            // Once the frame is on screen (or after ten seconds without it).
            auto* wait = new QTimer(&window);
            auto* waited = new QElapsedTimer;
            waited->start();
            wait->start(100);
            QObject::connect(wait, &QTimer::timeout, &window, [&window, file, wait, waited] {
                auto* view = window.current_view();
                if (view != nullptr && std::isnan(view->frame_time()) && waited->elapsed() < 10000)
                    return;
                wait->stop();
                delete waited;
                QTimer::singleShot(300, &window, [&window, file] {
                    QApplication::exit(window.grab().save(file) ? 0 : 1);
                });
            });
        });
    return app.exec();
}
