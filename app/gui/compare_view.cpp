#include "compare_view.hpp"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "../charts/compare_charts.hpp"
#include "chart_panel.hpp"
#include "film_session.hpp"
#include "huescope/compare.hpp"

namespace huescope::gui {

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(tr("Open two or more films; once analysed, they are compared here."), this);
    m_text->setObjectName("compare_text");
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    for (int i = 0; i < 3; ++i) {
        auto* panel = new ChartPanel(this);
        panel->setMinimumHeight(220);
        m_panels.push_back(panel);
        layout->addWidget(panel, 1);
    }
}

QString CompareView::folder() const {
    return m_dir ? m_dir->path() : QString();
}

QString CompareView::sentences() const {
    return m_text->text();
}

void CompareView::compare(const std::vector<FilmSession*>& films, const QString& family) {
    // The same analysed films and family give the same comparison: keep the one shown (its
    // bootstrap and permutations take a moment, and the tab is opened often).
    QStringList key{family};
    for (FilmSession* film : films)
        if (film->state() == FilmSession::State::Ready) key << film->analysis_folder();
    if (m_dir && key == m_shown) return;
    std::vector<FilmRecord> records;
    for (FilmSession* film : films) {
        if (film->state() != FilmSession::State::Ready) continue;
        Result<FilmRecord> record = read_analysis_folder(film->analysis_folder().toStdString());
        if (record) records.push_back(std::move(record.value()));
    }
    if (records.size() < 2) {
        m_text->setText(tr("Compare needs two analysed films (%1 ready).").arg(records.size()));
        return;
    }
    CompareOptions options;
    options.family = family.toStdString();
    Result<Comparison> comparison = compare_films(std::move(records), options);
    if (!comparison) {
        m_text->setText(QString::fromStdString(comparison.status().message()));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->path() + "/compare.json";
    if (Status s = write_compare_json(comparison.value(), path.toStdString()); !s) {
        m_text->setText(QString::fromStdString(s.message()));
        return;
    }
    charts::CompareData compared;
    QString error;
    if (!charts::load_compare_data(m_dir->path(), compared, error)) {
        m_text->setText(error);
        return;
    }
    QStringList lines;
    for (const charts::ComparePairData& p : compared.pairs) lines << p.sentence;
    m_text->setText(lines.join("\n\n"));
    std::vector<charts::Chart> charts = charts::compare_charts(compared);
    for (std::size_t i = 0; i < charts.size() && i < m_panels.size(); ++i)
        m_panels[i]->show_chart(std::move(charts[i].chart));
    m_shown = key;
}

}  // namespace huescope::gui
