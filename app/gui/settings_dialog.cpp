#include "settings_dialog.hpp"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huescope::gui {
namespace {

QDoubleSpinBox* spin(double value, double max, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(3);
    box->setRange(0.0, max);
    box->setSingleStep(0.005);
    box->setValue(value);
    return box;
}

}  // namespace

SettingsDialog::SettingsDialog(const MeasureParams& params, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Measurement settings"));
    m_bands = new QTableWidget(0, 3, this);
    m_bands->setHorizontalHeaderLabels({tr("family"), tr("from (°)"), tr("to (°)")});
    m_bands->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    fill_bands(params.families);
    auto* add = new QPushButton(tr("Add family"), this);
    connect(add, &QPushButton::clicked, this, [this] { m_bands->insertRow(m_bands->rowCount()); });
    auto* defaults = new QPushButton(tr("Default bands"), this);
    connect(defaults, &QPushButton::clicked, this,
            [this] { fill_bands(default_hue_families(HueSpace::Oklch)); });
    m_min_chroma = spin(params.min_chroma, 0.4, this);
    m_near_black = spin(params.near_black_l, 1.0, this);
    m_near_white = spin(params.near_white_l, 1.0, this);
    auto* form = new QFormLayout;
    form->addRow(tr("OKLab chroma below which a pixel is grey"), m_min_chroma);
    form->addRow(tr("OKLab lightness below which a hue needs more chroma"), m_near_black);
    form->addRow(tr("OKLab lightness above which a grey pixel is near-white"), m_near_white);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Hue families (OKLCh degrees; a band wraps through 0 when "
                                    "from > to). Films opened from now on are measured with "
                                    "these settings."),
                                 this));
    layout->addWidget(m_bands);
    auto* row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(defaults);
    row->addStretch();
    layout->addLayout(row);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::fill_bands(const std::vector<HueBand>& families) {
    m_bands->setRowCount(static_cast<int>(families.size()));
    for (std::size_t i = 0; i < families.size(); ++i) {
        const int row = static_cast<int>(i);
        m_bands->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(families[i].name)));
        m_bands->setItem(row, 1, new QTableWidgetItem(QString::number(families[i].from_deg)));
        m_bands->setItem(row, 2, new QTableWidgetItem(QString::number(families[i].to_deg)));
    }
}

MeasureParams SettingsDialog::params() const {
    MeasureParams p;
    p.min_chroma = m_min_chroma->value();
    p.near_black_l = m_near_black->value();
    p.near_white_l = m_near_white->value();
    p.families.clear();
    for (int row = 0; row < m_bands->rowCount(); ++row) {
        const QTableWidgetItem* name = m_bands->item(row, 0);
        if (name == nullptr || name->text().trimmed().isEmpty()) continue;
        const auto number = [&](int col) {
            const QTableWidgetItem* item = m_bands->item(row, col);
            return item != nullptr ? std::clamp(item->text().toDouble(), 0.0, 360.0) : 0.0;
        };
        p.families.push_back({name->text().trimmed().toStdString(), number(1), number(2)});
    }
    if (p.families.empty()) p.families = default_hue_families(HueSpace::Oklch);
    return p;
}

}  // namespace huescope::gui
