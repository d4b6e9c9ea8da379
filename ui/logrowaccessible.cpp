#include "logrowaccessible.h"

#include "logview.h"
#include "logviewaccessible.h"

#include <QScrollBar>

bool LogRowAccessible::isValid() const
{
    return m_table->isValid() && m_row < m_table->childCount();
}

QWindow *LogRowAccessible::window() const
{
    return m_table->window();
}

QAccessibleInterface *LogRowAccessible::parent() const
{
    return m_table;
}

QAccessibleInterface *LogRowAccessible::table() const
{
    return m_table;
}

QString LogRowAccessible::text(QAccessible::Text type) const
{
    return type == QAccessible::Name && isValid() ? m_table->view()->shownRowText(m_row) : QString();
}

bool LogRowAccessible::isSelected() const
{
    return m_table->isRowSelected(m_row);
}

QRect LogRowAccessible::rect() const
{
    if (!isValid())
        return {};
    const LogView *view = m_table->view();
    const QWidget *viewport = view->viewport();
    const qint64 top = view->verticalScrollBar()->value();
    if (!view->isVisible() || m_row < top || (m_row - top) * view->rowHeight() >= viewport->height())
        return {}; // scrolled out of view
    const QPoint origin = viewport->mapToGlobal(QPoint(0, int(m_row - top) * view->rowHeight()));
    return {origin, QSize(viewport->width(), view->rowHeight())};
}

QAccessible::State LogRowAccessible::state() const
{
    QAccessible::State state;
    if (!isValid()) {
        state.invalid = true;
        return state;
    }
    state.selectable = true;
    state.focusable = true;
    state.selected = isSelected();
    state.focused = m_row == m_table->view()->selectionCursor();
    state.offscreen = rect().isEmpty();
    return state;
}
