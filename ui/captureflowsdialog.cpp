#include "captureflowsdialog.h"

#include "capturepage.h"
#include "widgetnames.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// Sorts numbers as numbers (the text is the locale's, with group separators).
class FlowItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, Qt::UserRole), b = other.data(column, Qt::UserRole);
        if (a.isValid() && b.isValid())
            return a.toLongLong() < b.toLongLong();
        return QTreeWidgetItem::operator<(other);
    }
};

} // namespace

CaptureFlowsDialog::CaptureFlowsDialog(
    const QString &file, const QList<FlowSummary> &flows, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_flows(flows)
{
    setObjectName(QStringLiteral("captureFlowsDialog"));
    setWindowTitle(tr("Capture: %1").arg(QFileInfo(file).fileName()));
    resize(900, 480);

    m_note = valueLabel(new QLabel(this), "captureNote", tr("About this capture"), QDir::toNativeSeparators(file));
    m_note->setWordWrap(true);
    const QLocale locale;
    QString text
        = tr("%n stream(s) and flow(s) in %1.", nullptr, int(flows.size())).arg(QDir::toNativeSeparators(file));
    if (!note.isEmpty())
        text += QLatin1Char(' ') + note;
    m_note->setText(text);
    m_note->setAccessibleName(text);

    m_list = named(new QTreeWidget(this), "captureFlows", tr("Streams and flows"),
        tr("The TCP streams and UDP flows of the capture; open one to read it in a tab"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Protocol"), tr("Stream"), tr("Endpoint A"), tr("Endpoint B"), tr("Packets"),
        tr("Bytes"), tr("A \u2192 B"), tr("B \u2192 A"), tr("First packet")});
    // Built apart and added at once: a capture may list many thousands of flows.
    QList<QTreeWidgetItem *> items;
    items.reserve(flows.size());
    for (int i = 0; i < flows.size(); ++i) {
        const FlowSummary &f = flows.at(i);
        auto *item = new FlowItem;
        items.append(item);
        item->setData(0, Qt::UserRole + 1, i);
        item->setText(0, f.protocol == FlowProtocol::Tcp ? tr("TCP") : tr("UDP"));
        const qint64 numbers[] = {f.streamNumber, f.packets(), f.bytes(), f.bytesAToB, f.bytesBToA};
        const int columns[] = {1, 4, 5, 6, 7};
        for (int k = 0; k < 5; ++k) {
            item->setText(columns[k], locale.toString(numbers[k]));
            item->setData(columns[k], Qt::UserRole, numbers[k]);
            item->setTextAlignment(columns[k], Qt::AlignRight | Qt::AlignVCenter);
        }
        item->setText(2, CapturePage::endpointA(f));
        item->setText(3, CapturePage::endpointB(f));
        item->setText(8,
            QDateTime::fromMSecsSinceEpoch(f.firstTimeUs / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        item->setData(8, Qt::UserRole, f.firstTimeUs);
    }
    m_list->addTopLevelItems(items);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(8, Qt::AscendingOrder);
    // Sized once from the first rows (QHeaderView::resizeContentsPrecision), not kept to the contents: that mode
    // measures again on every change.
    for (int column = 0; column < m_list->columnCount(); ++column)
        m_list->resizeColumnToContents(column);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = named(buttons->addButton(tr("&Open"), QDialogButtonBox::ActionRole), "captureOpenFlow", tr("Open"),
        tr("Show the selected streams and flows, each in a read-only tab"));
    m_open->setEnabled(!flows.isEmpty());
    m_open->setDefault(true);
    if (QPushButton *close = buttons->button(QDialogButtonBox::Close))
        close->setObjectName(QStringLiteral("captureFlowsClose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, &CaptureFlowsDialog::openSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &CaptureFlowsDialog::openSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

void CaptureFlowsDialog::setBusy(bool busy)
{
    m_open->setEnabled(!busy && !m_flows.isEmpty());
}

void CaptureFlowsDialog::openSelected()
{
    if (!m_open->isEnabled())
        return;
    QList<QTreeWidgetItem *> items = m_list->selectedItems();
    if (items.isEmpty() && m_list->currentItem())
        items.append(m_list->currentItem());
    for (QTreeWidgetItem *item : items) {
        const int index = item->data(0, Qt::UserRole + 1).toInt();
        if (index >= 0 && index < m_flows.size())
            Q_EMIT openRequested(m_flows.at(index));
    }
}
