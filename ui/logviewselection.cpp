#include "log/transcript.h"
#include "logview.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>

// LogView's selection, search match and text export, apart from its scrolling and painting (logview.cpp).
// Both are kept as (record seq, row within record) and turned back into rows after each sync.

namespace {

constexpr qsizetype WriteChunk = 256 * 1024;

} // namespace

void LogView::setSelection(qint64 anchorRow, qint64 cursorRow)
{
    m_anchor = posOfRow(anchorRow);
    m_cursor = posOfRow(cursorRow);
    refreshSelectionRows();
    viewport()->update();
    reportSelection();
}

void LogView::selectRows(qint64 anchorRow, qint64 cursorRow)
{
    ensureConsistent();
    const qint64 rows = m_renderer.rowCount();
    if (rows > 0)
        setSelection(std::clamp<qint64>(anchorRow, 0, rows - 1), std::clamp<qint64>(cursorRow, 0, rows - 1));
}

void LogView::refreshSelectionRows()
{
    // A match whose record was dropped or is filtered out is no longer anywhere.
    const Record *matched = m_match.seq >= 0 ? m_transcript->bySeq(m_match.seq) : nullptr;
    m_matchRow = matched && m_renderer.isShown(*matched) ? rowOfPos(m_match) : -1;
    if (m_anchor.seq < 0 || m_cursor.seq < 0 || m_renderer.rowCount() == 0) {
        m_selFirst = m_selLast = m_selCursor = -1;
        return;
    }
    const qint64 a = rowOfPos(m_anchor);
    const qint64 b = rowOfPos(m_cursor);
    m_selFirst = std::min(a, b);
    m_selLast = std::max(a, b);
    m_selCursor = b;
}

void LogView::showMatch(qint64 first, qint64 last, qsizetype start, qsizetype length)
{
    ensureConsistent();
    const qint64 rows = m_renderer.rowCount();
    if (first < 0 || first >= rows)
        return;
    last = std::clamp(last, first, rows - 1);
    m_match = posOfRow(first);
    m_matchStart = start;
    m_matchLength = length;
    setSelection(first, last);
    // Through the scroll bar as the user would: leaving the bottom stops auto-scroll, so new data cannot carry the
    // match away. Centred, so the rows around it are readable too.
    const int page = visibleRows();
    if (first < verticalScrollBar()->value() || last >= verticalScrollBar()->value() + page)
        verticalScrollBar()->setValue(int(std::clamp<qint64>(first - page / 2, 0, INT_MAX)));
    if (length > 0) {
        // Horizontally: the match's column, if it is off screen.
        const int x = int(std::min<qsizetype>(start, INT_MAX / 64)) * m_charWidth;
        QScrollBar *h = horizontalScrollBar();
        if (x < h->value() || x + int(length) * m_charWidth > h->value() + viewport()->width() - 2 * Margin) {
            m_widest = std::max(m_widest, x + int(std::min<qsizetype>(length, 4096)) * m_charWidth);
            updateHorizontalRange();
            h->setValue(std::max(0, x - viewport()->width() / 3));
        }
    }
    viewport()->update();
}

void LogView::clearMatch()
{
    m_match = {};
    m_matchRow = -1;
    m_matchLength = 0;
    viewport()->update();
}

qint64 LogView::currentRow() const
{
    ensureConsistent();
    if (m_selFirst >= 0)
        return m_selFirst;
    return verticalScrollBar()->value();
}

void LogView::selectAll()
{
    ensureConsistent();
    if (m_renderer.rowCount() > 0)
        setSelection(0, m_renderer.rowCount() - 1);
}

void LogView::clearSelection()
{
    m_anchor = m_cursor = {};
    refreshSelectionRows();
    viewport()->update();
    reportSelection();
}

QString LogView::selectedText() const
{
    ensureConsistent();
    if (m_selFirst < 0)
        return {};
    QStringList lines;
    lines.reserve(qsizetype(std::min<qint64>(m_selLast - m_selFirst + 1, 1 << 20)));
    for (qint64 i = m_selFirst; i <= m_selLast && i < m_renderer.rowCount(); ++i)
        lines.append(m_renderer.rowText(i));
    return lines.join(QLatin1Char('\n'));
}

QString LogView::allText() const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeAllText(&buffer);
    QByteArray bytes = buffer.buffer();
    bytes.chop(1); // no row contains a line feed (the renderer splits after each), so this is the last separator
    return QString::fromUtf8(bytes);
}

bool LogView::writeAllText(QIODevice *out) const
{
    ensureConsistent();
    QByteArray buffer;
    buffer.reserve(WriteChunk + 4096);
    for (qint64 i = 0; i < m_renderer.rowCount(); ++i) {
        buffer += m_renderer.rowText(i).toUtf8();
        buffer += '\n';
        if (buffer.size() >= WriteChunk) {
            if (out->write(buffer) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return buffer.isEmpty() || out->write(buffer) == buffer.size();
}

void LogView::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    ensureConsistent();
    const qint64 row = rowAt(int(event->position().y()));
    if (row < 0)
        return;
    if ((event->modifiers() & Qt::ShiftModifier) && m_anchor.seq >= 0)
        setSelection(rowOfPos(m_anchor), row);
    else
        setSelection(row, row);
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_anchor.seq < 0) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    ensureConsistent();
    const int y = int(event->position().y());
    // Dragging past an edge scrolls, one row per move, so a selection can grow beyond the screen.
    if (y < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (y >= viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    const qint64 row = rowAt(std::min(y, viewport()->height() - 1));
    if (row >= 0)
        setSelection(rowOfPos(m_anchor), row);
}

void LogView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        event->accept(); // the selection is already made by press and move
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}
