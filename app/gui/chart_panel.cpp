#include "chart_panel.hpp"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>

namespace huescope::gui {

ChartPanel::ChartPanel(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(200, 160);
}

void ChartPanel::show_chart(std::unique_ptr<QChart> chart) {
    QChart* old = this->chart();
    setChart(chart.release());  // the view owns the chart it shows
    if (old != nullptr && old != this->chart()) delete old;
}

QImage ChartPanel::image() {
    return grab().toImage();
}

void ChartPanel::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && chart() != nullptr) {
        emit clicked(chart()->mapToValue(chart()->mapFromScene(mapToScene(event->pos()))));
    }
    QChartView::mousePressEvent(event);
}

void ChartPanel::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Copy as image"), this,
                   [this] { QApplication::clipboard()->setImage(image()); });
    menu.exec(event->globalPos());
}

}  // namespace huescope::gui
