#include "logviewaccessible.h"

#include "logrowaccessible.h"
#include "logview.h"

#include <QScrollBar>

#include <algorithm>
#include <climits>
#include <vector>

namespace {

int clampedRow(qint64 row)
{
    return int(std::min<qint64>(row, INT_MAX - 1));
}

LogViewAccessible *accessibleOf(LogView *view)
{
    return dynamic_cast<LogViewAccessible *>(QAccessible::queryAccessibleInterface(view));
}

QAccessibleInterface *createLogViewAccessible(const QString &className, QObject *object)
{
    if (className != QLatin1String(LogView::staticMetaObject.className()))
        return nullptr;
    auto *view = qobject_cast<LogView *>(object);
    return view ? new LogViewAccessible(view) : nullptr;
}

void raiseModelChange(LogView *view, QAccessibleTableModelChangeEvent::ModelChangeType type, qint64 first, qint64 last)
{
    QAccessibleTableModelChangeEvent event(view, type);
    if (type != QAccessibleTableModelChangeEvent::ModelReset) {
        event.setFirstRow(clampedRow(first));
        event.setLastRow(clampedRow(last));
        event.setFirstColumn(0);
        event.setLastColumn(0);
    }
    QAccessible::updateAccessibility(&event); // Qt hands it to LogViewAccessible::modelChange() first
}

void raiseRowEvent(LogView *view, QAccessible::Event type, qint64 row)
{
    QAccessibleEvent event(view, type);
    if (row >= 0)
        event.setChild(clampedRow(row));
    QAccessible::updateAccessibility(&event);
}

} // namespace

LogViewAccessible::LogViewAccessible(LogView *view)
    : QAccessibleWidget(view, QAccessible::List)
    , m_toldFirst(view->selectionFirst())
    , m_toldLast(view->selectionLast())
    , m_toldCursor(view->selectionCursor())
{ }

LogViewAccessible::~LogViewAccessible()
{
    deleteAllRows();
}

LogView *LogViewAccessible::view() const
{
    return static_cast<LogView *>(widget());
}

void *LogViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TableInterface)
        return static_cast<QAccessibleTableInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QAccessible::State LogViewAccessible::state() const
{
    QAccessible::State state = QAccessibleWidget::state();
    state.multiSelectable = true; // one range of rows, extended with Shift+click
    state.extSelectable = true;
    return state;
}

QAccessibleInterface *LogViewAccessible::focusChild() const
{
    if (isValid() && view()->hasFocus()) {
        const qint64 cursor = view()->selectionCursor();
        if (cursor >= 0 && cursor < childCount())
            return child(int(cursor));
    }
    return QAccessibleWidget::focusChild();
}

QAccessibleInterface *LogViewAccessible::childAt(int x, int y) const
{
    if (!isValid())
        return nullptr;
    const QWidget *viewport = view()->viewport();
    const QPoint point = viewport->mapFromGlobal(QPoint(x, y));
    if (!viewport->rect().contains(point))
        return nullptr;
    const qint64 row = view()->verticalScrollBar()->value() + point.y() / view()->rowHeight();
    return row < childCount() ? child(int(row)) : nullptr;
}

int LogViewAccessible::childCount() const
{
    return isValid() ? int(std::min<qint64>(view()->rowCount(), INT_MAX)) : 0;
}

int LogViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *row = dynamic_cast<const LogRowAccessible *>(child);
    return row && row->parent() == this && row->isValid() ? row->row() : -1;
}

QAccessibleInterface *LogViewAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    const auto found = m_rows.find(index);
    if (found != m_rows.end()) {
        found->lastUsed = ++m_useClock;
        if (LogRowAccessible *row = cachedRow(*found))
            return row;
        m_rows.erase(found); // deleted behind our back (the accessibility cache is being torn down)
    }
    auto *row = new LogRowAccessible(const_cast<LogViewAccessible *>(this), index);
    m_rows.insert(index, {QAccessible::registerAccessibleInterface(row), ++m_useClock});
    if (m_rows.size() > MaxCachedRows)
        queueEviction();
    return row;
}

QAccessibleInterface *LogViewAccessible::cellAt(int row, int column) const
{
    return column == 0 ? child(row) : nullptr;
}

int LogViewAccessible::selectedRowCount() const
{
    const qint64 first = view()->selectionFirst();
    return first < 0 ? 0 : int(std::min<qint64>(view()->selectionLast() - first + 1, INT_MAX));
}

// Capped: a Select All over a million rows must not create a million interfaces in one call. selectedRowCount() and
// selectedRows() still describe the whole selection.
QList<QAccessibleInterface *> LogViewAccessible::selectedCells() const
{
    constexpr qint64 MaxListed = MaxCachedRows / 4;
    QList<QAccessibleInterface *> cells;
    const qint64 first = view()->selectionFirst();
    if (first < 0)
        return cells;
    const qint64 last = std::min({view()->selectionLast(), first + MaxListed - 1, qint64(childCount()) - 1});
    for (qint64 row = first; row <= last; ++row)
        cells.append(child(int(row)));
    return cells;
}

QList<int> LogViewAccessible::selectedRows() const
{
    QList<int> rows;
    const qint64 first = view()->selectionFirst();
    if (first < 0)
        return rows;
    const qint64 last = std::min<qint64>(view()->selectionLast(), childCount() - 1);
    rows.reserve(qsizetype(std::max<qint64>(0, last - first + 1)));
    for (qint64 row = first; row <= last; ++row)
        rows.append(int(row));
    return rows;
}

bool LogViewAccessible::isRowSelected(int row) const
{
    const qint64 first = view()->selectionFirst();
    return first >= 0 && row >= first && row <= view()->selectionLast();
}

// The log's selection is one range (like QAbstractItemView::ContiguousSelection): a row next to it extends it,
// any other row replaces it.
bool LogViewAccessible::selectRow(int row)
{
    if (row < 0 || row >= childCount())
        return false;
    LogView *v = view();
    const qint64 first = v->selectionFirst();
    const qint64 last = v->selectionLast();
    if (first >= 0 && row == first - 1)
        v->selectRows(last, row);
    else if (first >= 0 && row == last + 1)
        v->selectRows(first, row);
    else if (!isRowSelected(row))
        v->selectRows(row, row);
    return true;
}

bool LogViewAccessible::unselectRow(int row)
{
    if (row < 0 || row >= childCount())
        return false;
    if (!isRowSelected(row))
        return true;
    LogView *v = view();
    const qint64 first = v->selectionFirst();
    const qint64 last = v->selectionLast();
    if (first == last)
        v->clearSelection();
    else if (row == first)
        v->selectRows(last, first + 1);
    else if (row == last)
        v->selectRows(first, last - 1);
    else
        return false; // one range cannot lose a row in its middle
    return true;
}

// Qt calls this for every QAccessibleTableModelChangeEvent raised on the view, before anyone hears of the event, so
// a listener that asks for a row is given an interface for that row as it is now. The same rules as Qt's own
// QAccessibleTable: removed rows' interfaces are deleted (their ids stop resolving), the rest are renumbered.
void LogViewAccessible::modelChange(QAccessibleTableModelChangeEvent *event)
{
    const int first = event->firstRow();
    const int count = event->lastRow() - first + 1;
    switch (event->modelChangeType()) {
    case QAccessibleTableModelChangeEvent::ModelReset:
        deleteAllRows();
        break;
    case QAccessibleTableModelChangeEvent::RowsRemoved:
    case QAccessibleTableModelChangeEvent::RowsInserted: {
        const bool removed = event->modelChangeType() == QAccessibleTableModelChangeEvent::RowsRemoved;
        QHash<int, CachedRow> renumbered;
        renumbered.reserve(m_rows.size());
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
            LogRowAccessible *row = cachedRow(*it);
            if (!row)
                continue;
            if (it.key() < first) {
                renumbered.insert(it.key(), *it);
            } else if (removed && it.key() < first + count) {
                QAccessible::deleteAccessibleInterface(it->id);
            } else {
                row->setRow(removed ? it.key() - count : it.key() + count);
                renumbered.insert(row->row(), *it);
            }
        }
        m_rows.swap(renumbered);
        break;
    }
    default:
        break;
    }
}

void LogViewAccessible::reportSelection(qint64 removedRows, bool reset)
{
    const auto moved = [&](qint64 row) { return reset || row < removedRows ? -1 : row - removedRows; };
    const qint64 oldFirst = moved(m_toldFirst);
    const qint64 oldLast = moved(m_toldLast);
    const qint64 oldCursor = moved(m_toldCursor);
    LogView *v = view();
    m_toldFirst = v->selectionFirst();
    m_toldLast = v->selectionLast();
    m_toldCursor = v->selectionCursor();
    const int rows = childCount();
    if (m_toldFirst != oldFirst || m_toldLast != oldLast) {
        // As QAbstractItemView does: one event, never one per row, whatever the size of the change.
        if (m_toldFirst >= 0 && m_toldFirst == m_toldLast && m_toldFirst < rows)
            raiseRowEvent(v, QAccessible::Selection, m_toldFirst);
        else if (m_toldFirst < 0 && oldFirst >= 0 && oldFirst == oldLast && oldFirst < rows)
            raiseRowEvent(v, QAccessible::SelectionRemove, oldFirst);
        else
            raiseRowEvent(v, QAccessible::SelectionWithin, -1);
    }
    if (m_toldCursor != oldCursor && m_toldCursor >= 0 && m_toldCursor < rows && v->hasFocus())
        raiseRowEvent(v, QAccessible::Focus, m_toldCursor);
}

LogRowAccessible *LogViewAccessible::cachedRow(const CachedRow &entry) const
{
    return static_cast<LogRowAccessible *>(QAccessible::accessibleInterface(entry.id));
}

void LogViewAccessible::deleteAllRows()
{
    for (const CachedRow &entry : std::as_const(m_rows))
        QAccessible::deleteAccessibleInterface(entry.id);
    m_rows.clear();
}

// Deferred to the event loop: whoever just got a row from child() or selectedCells() may still be using it.
void LogViewAccessible::queueEviction() const
{
    if (m_evictionQueued)
        return;
    m_evictionQueued = true;
    LogView *target = view();
    QMetaObject::invokeMethod(
        target,
        [target] {
            // Looked up again rather than captured: the view outlives its interface, not the other way round.
            if (LogViewAccessible *table = accessibleOf(target))
                table->evictLeastRecentlyUsed();
        },
        Qt::QueuedConnection);
}

void LogViewAccessible::evictLeastRecentlyUsed()
{
    m_evictionQueued = false;
    constexpr qsizetype Keep = MaxCachedRows / 2;
    if (m_rows.size() <= MaxCachedRows)
        return;
    std::vector<quint64> uses;
    uses.reserve(size_t(m_rows.size()));
    for (const CachedRow &entry : std::as_const(m_rows))
        uses.push_back(entry.lastUsed);
    const auto cut = uses.end() - Keep;
    std::nth_element(uses.begin(), cut, uses.end());
    const quint64 oldestKept = *cut;
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (it->lastUsed < oldestKept) {
            QAccessible::deleteAccessibleInterface(it->id);
            it = m_rows.erase(it);
        } else {
            ++it;
        }
    }
}

void LogViewAccessibility::install()
{
    static const bool installed = (QAccessible::installFactory(createLogViewAccessible), true);
    Q_UNUSED(installed);
}

void LogViewAccessibility::rowsChanged(LogView *view, const RowsChange &change)
{
    const qint64 rows = view->rowCount();
    if (change.reset) {
        raiseModelChange(view, QAccessibleTableModelChangeEvent::ModelReset, 0, 0);
    } else {
        if (change.removed > 0)
            raiseModelChange(view, QAccessibleTableModelChangeEvent::RowsRemoved, 0, change.removed - 1);
        if (rows > change.kept)
            raiseModelChange(view, QAccessibleTableModelChangeEvent::RowsInserted, change.kept, rows - 1);
    }
    if (LogViewAccessible *table = accessibleOf(view))
        table->reportSelection(change.removed, change.reset);
}

void LogViewAccessibility::selectionChanged(LogView *view)
{
    if (LogViewAccessible *table = accessibleOf(view))
        table->reportSelection(0, false);
}
