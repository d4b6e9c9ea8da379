#pragma once

#include <QAccessibleWidget>
#include <QHash>

class LogView;
class LogRowAccessible;

// What assistive technology (a screen reader, UI Automation, AT-SPI tools) reads of the receive log.
//
// The role is List, its children ListItems, one per drawn row, named with the row's text exactly as copied
// (LogRenderer::rowText: time, direction, peer, then the data in the view's current mode and encoding; continuation
// rows indented). A list and not a Table/Row/Cell tree: a log row is one line of text, not a record of columns, and
// a screen reader announces a list item as "text, N of M" where a table cell would add column and header noise; it is
// also how Qt presents a QListView. The table interface Qt defines is still implemented (one column), because that
// is where Qt puts row counts, selection and the model-change events a list needs.
//
// Rows are virtual: an interface is created only for a row somebody asks about, cached by row position, and
// renumbered or deleted from the view's sync (LogViewAccessibility::rowsChanged) through the events Qt raises for
// item views (QAccessibleTableModelChangeEvent: RowsRemoved when old records are dropped, RowsInserted for new
// ones, ModelReset after a clear or a change of view, encoding or filter). The cache is bounded: past MaxCachedRows
// the least recently used row interfaces are deleted on the next event-loop turn, never while a caller may still hold
// one. Nothing here runs unless QAccessible::isActive(): the view reports only then.
class LogViewAccessible : public QAccessibleWidget, public QAccessibleTableInterface
{
public:
    static constexpr int MaxCachedRows = 1024;

    explicit LogViewAccessible(LogView *view);
    ~LogViewAccessible() override;

    LogView *view() const;
    int cachedRowCount() const { return int(m_rows.size()); } // row interfaces alive now

    void *interface_cast(QAccessible::InterfaceType type) override;
    QAccessible::State state() const override;
    QAccessibleInterface *focusChild() const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface *child) const override;

    QAccessibleInterface *caption() const override { return nullptr; }
    QAccessibleInterface *summary() const override { return nullptr; }
    QAccessibleInterface *cellAt(int row, int column) const override;
    int selectedCellCount() const override { return selectedRowCount(); }
    QList<QAccessibleInterface *> selectedCells() const override;
    QString columnDescription(int) const override { return {}; }
    QString rowDescription(int) const override { return {}; }
    int selectedColumnCount() const override { return 0; }
    int selectedRowCount() const override;
    int columnCount() const override { return 1; }
    int rowCount() const override { return childCount(); }
    QList<int> selectedColumns() const override { return {}; }
    QList<int> selectedRows() const override;
    bool isColumnSelected(int) const override { return false; }
    bool isRowSelected(int row) const override;
    bool selectRow(int row) override;
    bool selectColumn(int) override { return false; }
    bool unselectRow(int row) override;
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent *event) override;

    // After a sync has renumbered the rows (the first removedRows went, or all of them when reset): tells assistive
    // technology where the selection and the current row are now, if they moved.
    void reportSelection(qint64 removedRows, bool reset);

private:
    struct CachedRow
    {
        QAccessible::Id id = 0;
        quint64 lastUsed = 0;
    };
    LogRowAccessible *cachedRow(const CachedRow &entry) const;
    void deleteAllRows();
    void queueEviction() const;
    void evictLeastRecentlyUsed();

    mutable QHash<int, CachedRow> m_rows; // by row position
    mutable quint64 m_useClock = 0;
    mutable bool m_evictionQueued = false;
    // The selection and current row as assistive technology was last told (rows as of that time)
    qint64 m_toldFirst = -1;
    qint64 m_toldLast = -1;
    qint64 m_toldCursor = -1;
};

// The hooks LogView calls; each expects QAccessible::isActive() to have been checked by the caller.
namespace LogViewAccessibility {

void install(); // registers the interface factory, once per process

struct RowsChange
{
    bool reset = false; // every row is new (cleared, or the view/encoding/filters changed)
    qint64 removed = 0; // otherwise: rows [0, removed) went with dropped records...
    qint64 kept = 0; // ...the next ones are now rows [0, kept), and rows from kept on are new
};
void rowsChanged(LogView *view, const RowsChange &change);
void selectionChanged(LogView *view);

} // namespace LogViewAccessibility
