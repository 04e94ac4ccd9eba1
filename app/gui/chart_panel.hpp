#pragma once
// A chart on screen: takes ownership of a QChart from the chart module, copies itself to the
// clipboard as an image (context menu), and reports clicks in chart coordinates.

#include <QtCharts/QChartView>
#include <memory>

namespace huescope::gui {

class ChartPanel : public QChartView {
    Q_OBJECT
  public:
    explicit ChartPanel(QWidget* parent = nullptr);
    /// Shows `chart` (owned from now on), replacing the one shown before.
    void show_chart(std::unique_ptr<QChart> chart);
    /// The chart as an image, as "Copy as image" puts it on the clipboard.
    QImage image();

  signals:
    void clicked(QPointF value);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
};

}  // namespace huescope::gui
