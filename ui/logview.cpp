#include "logview.h"

#include "log/transcript.h"

#include <QBuffer>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace {

constexpr int Margin = 4;
constexpr int Leading = 2;
// Bodies longer than this are cut to what fits on screen before drawing: text layout cost grows with length.
constexpr int LongBody = 2000;
constexpr qsizetype WriteChunk = 256 * 1024;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Fixed pairs rather than palette roles: no role means "TX" or "event", and these were checked on Fusion's light
// and dark palettes. RX follows Link where that is readable on the base colour.
QColor bodyColor(const QPalette &palette, Direction direction)
{
    const bool dark = isDark(palette);
    switch (direction) {
    case Direction::Rx: {
        const QColor link = palette.color(QPalette::Link);
        const bool readable = dark ? link.lightness() >= 150 : link.lightness() <= 110;
        return readable ? link : (dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x00, 0x4c, 0xc8));
    }
    case Direction::Tx:
        return dark ? QColor(0x79, 0xd2, 0x79) : QColor(0x0a, 0x7a, 0x0a);
    case Direction::Event:
        return dark ? QColor(0xe8, 0xa8, 0x4a) : QColor(0xa0, 0x50, 0x00);
    }
    return palette.color(QPalette::Text);
}

} // namespace

LogView::LogView(Transcript *transcript, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_transcript(transcript)
    , m_renderer(transcript)
{
    setObjectName(QStringLiteral("logView"));
    setAccessibleName(tr("Receive log"));
    setFocusPolicy(Qt::StrongFocus);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    verticalScrollBar()->setSingleStep(1);
    updateMetrics();

    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(SyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &LogView::syncNow);
    connect(m_transcript, &Transcript::appended, this, &LogView::markDirty);
    connect(m_transcript, &Transcript::droppedFront, this, &LogView::markStructureChanged);
    connect(m_transcript, &Transcript::cleared, this, [this] {
        m_needReindex = true;
        markStructureChanged();
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);

    m_renderer.reindex();
    updateScrollRange();
}

void LogView::setOptions(const RenderOptions &options)
{
    const bool keepBottom = m_autoScroll || isAtBottom();
    ensureConsistent();
    if (options.view != m_renderer.options().view) {
        m_top.offset = 0; // rows of a record mean something else in the other view
        m_widest = 0;
    }
    m_renderer.setOptions(options); // re-indexes against the transcript as it is now, paused or not
    m_dirty = m_structureChanged = m_needReindex = false;
    updateScrollRange();
    restorePositions(keepBottom);
    updateHorizontalRange();
    viewport()->update();
}

void LogView::setLabels(RenderLabels labels)
{
    m_renderer.setLabels(std::move(labels));
    viewport()->update();
}

void LogView::setAutoScroll(bool on)
{
    if (on == m_autoScroll)
        return;
    m_autoScroll = on;
    if (on)
        scrollToBottom();
    Q_EMIT autoScrollChanged(on);
}

void LogView::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused && (m_dirty || m_structureChanged))
        syncNow();
}

void LogView::markDirty()
{
    m_dirty = true;
    // Started, not restarted: under a flood appends never stop, and a restarted timer would never fire.
    if (!m_paused && !m_syncTimer.isActive())
        m_syncTimer.start();
}

void LogView::markStructureChanged()
{
    m_structureChanged = true;
    // Even when paused: the renderer's rows may now point at dropped records and must be brought in step.
    if (!m_syncTimer.isActive())
        m_syncTimer.start();
}

void LogView::syncNow()
{
    m_syncTimer.stop();
    if (!m_dirty && !m_structureChanged)
        return;
    const bool keepBottom = !m_paused && (m_autoScroll || isAtBottom());
    if (m_needReindex) {
        m_renderer.reindex();
        m_widest = 0;
    } else {
        m_renderer.sync();
    }
    m_dirty = m_structureChanged = m_needReindex = false;
    updateScrollRange();
    restorePositions(keepBottom);
    updateHorizontalRange();
    viewport()->update();
}

void LogView::ensureConsistent() const
{
    // Reading rows after the transcript dropped or cleared records, but before the timer synced, would read
    // records that are gone; the sync is cheap, so do it now.
    if (m_structureChanged)
        const_cast<LogView *>(this)->syncNow();
}

void LogView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_rowHeight = fm.height() + Leading;
    m_charWidth = std::max(1, fm.horizontalAdvance(QLatin1Char('0')));
    m_ascent = fm.ascent() + Leading / 2;
    m_widest = 0;
    verticalScrollBar()->setPageStep(visibleRows());
    horizontalScrollBar()->setSingleStep(m_charWidth * 4);
}

int LogView::visibleRows() const
{
    return std::max(1, viewport()->height() / m_rowHeight);
}

void LogView::updateScrollRange()
{
    const qint64 rows = std::min<qint64>(m_renderer.rowCount(), INT_MAX);
    const int page = visibleRows();
    m_adjusting = true;
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setRange(0, int(std::max<qint64>(0, rows - page)));
    m_adjusting = false;
}

void LogView::updateHorizontalRange()
{
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, std::max(0, m_widest + Margin - viewport()->width()));
}

bool LogView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void LogView::scrollToBottom()
{
    m_adjusting = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = false;
    m_top = posOfRow(verticalScrollBar()->value());
    viewport()->update();
}

void LogView::restorePositions(bool keepBottom)
{
    refreshSelectionRows();
    if (keepBottom) {
        scrollToBottom();
        return;
    }
    m_adjusting = true;
    verticalScrollBar()->setValue(int(std::min<qint64>(rowOfPos(m_top), INT_MAX)));
    m_adjusting = false;
    m_top = posOfRow(verticalScrollBar()->value());
}

void LogView::onScrolled(int value)
{
    if (m_adjusting)
        return;
    m_top = posOfRow(value);
    // The user scrolled: away from the bottom pauses following new rows, back to the bottom resumes it.
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (atBottom != m_autoScroll) {
        m_autoScroll = atBottom;
        Q_EMIT autoScrollChanged(atBottom);
    }
}

void LogView::scrollContentsBy(int, int)
{
    viewport()->update();
}

LogView::RowPos LogView::posOfRow(qint64 row) const
{
    const qsizetype record = m_renderer.recordOfRow(row);
    if (record < 0 || record >= m_transcript->size())
        return {};
    return {m_transcript->at(record).seq, row - m_renderer.firstRowOfRecord(record)};
}

qint64 LogView::rowOfPos(const RowPos &pos) const
{
    if (pos.seq < 0)
        return 0;
    const qsizetype record = qsizetype(pos.seq - m_transcript->firstSeq());
    if (record < 0)
        return 0; // the record was dropped: its place is the top of what is left
    const qint64 rows = m_renderer.rowCount();
    if (record >= m_transcript->size())
        return std::max<qint64>(0, rows - 1);
    const qint64 first = m_renderer.firstRowOfRecord(record);
    const qint64 next = record + 1 < m_transcript->size() ? m_renderer.firstRowOfRecord(record + 1) : rows;
    return std::clamp<qint64>(first + pos.offset, first, std::max(first, next - 1));
}

qint64 LogView::rowAt(int y) const
{
    const qint64 rows = m_renderer.rowCount();
    if (rows == 0)
        return -1;
    const qint64 row = verticalScrollBar()->value() + std::max(0, y) / m_rowHeight;
    return std::min(row, rows - 1);
}

void LogView::setSelection(qint64 anchorRow, qint64 cursorRow)
{
    m_anchor = posOfRow(anchorRow);
    m_cursor = posOfRow(cursorRow);
    refreshSelectionRows();
    viewport()->update();
}

void LogView::refreshSelectionRows()
{
    if (m_anchor.seq < 0 || m_cursor.seq < 0 || m_renderer.rowCount() == 0) {
        m_selFirst = m_selLast = -1;
        return;
    }
    const qint64 a = rowOfPos(m_anchor);
    const qint64 b = rowOfPos(m_cursor);
    m_selFirst = std::min(a, b);
    m_selLast = std::max(a, b);
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

void LogView::paintEvent(QPaintEvent *)
{
    ensureConsistent();
    QPainter painter(viewport());
    painter.setFont(font());
    const qint64 rows = m_renderer.rowCount();
    const qint64 first = verticalScrollBar()->value();
    const qint64 last = std::min(rows - 1, first + viewport()->height() / m_rowHeight);
    const int widestBefore = m_widest;
    RowLayout layout;
    for (qint64 i = first; i <= last; ++i)
        drawRow(painter, i, int(i - first) * m_rowHeight, &layout);
    if (m_widest > widestBefore) {
        // Changing a scroll bar's range may relayout the viewport: not from inside its paint event.
        QMetaObject::invokeMethod(this, &LogView::updateHorizontalRange, Qt::QueuedConnection);
    }
}

void LogView::drawRow(QPainter &painter, qint64 index, int y, RowLayout *layout)
{
    const RenderedRow row = m_renderer.row(index);
    const QPalette &pal = palette();
    const QFontMetrics fm = painter.fontMetrics();
    const bool selected = m_selFirst >= 0 && index >= m_selFirst && index <= m_selLast;
    if (selected)
        painter.fillRect(0, y, viewport()->width(), m_rowHeight, pal.color(QPalette::Highlight));
    const int xOffset = Margin - horizontalScrollBar()->value();
    const int baseline = y + m_ascent;
    const bool hex = m_renderer.options().view == RenderOptions::View::Hex;

    int bodyX = 0;
    if (!row.continuation) {
        if (!row.header.isEmpty()) {
            bodyX = fm.horizontalAdvance(row.header) + 2 * m_charWidth; // rowText() puts two spaces there
            painter.setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText));
            painter.drawText(QPoint(xOffset, baseline), row.header);
        }
        // Text continues in a column beside the header; hex dump lines sit indented under their header row.
        layout->continuationX = hex ? 2 * m_charWidth : bodyX;
    } else if (layout->seq != row.seq) {
        // The first visible row is inside a record: line it up as if its header row were drawn.
        const QString header
            = hex ? QString() : m_renderer.row(m_renderer.firstRowOfRecord(m_renderer.recordOfRow(index))).header;
        layout->continuationX
            = hex ? 2 * m_charWidth : (header.isEmpty() ? 0 : fm.horizontalAdvance(header) + 2 * m_charWidth);
        bodyX = layout->continuationX;
    } else {
        bodyX = layout->continuationX;
    }
    layout->seq = row.seq;

    QString body = row.body;
    int x = xOffset + bodyX;
    const qsizetype chars = std::min<qsizetype>(body.size(), INT_MAX / 64);
    m_widest = std::max(m_widest, bodyX + int(chars) * m_charWidth);
    if (body.size() > LongBody) {
        // Monospace: the n-th character is at about n * charWidth, so skip what is left of the viewport.
        const int skip = std::max(0, (Margin - x) / m_charWidth - 8);
        body = body.mid(skip, viewport()->width() / m_charWidth + 16);
        x += skip * m_charWidth;
    }
    painter.setPen(selected ? pal.color(QPalette::HighlightedText) : bodyColor(pal, row.direction));
    painter.drawText(QPoint(x, baseline), body);
}

void LogView::resizeEvent(QResizeEvent *event)
{
    const bool keepBottom = m_autoScroll || isAtBottom();
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (keepBottom && !m_paused)
        scrollToBottom();
    updateHorizontalRange();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollRange();
        viewport()->update();
    }
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    struct KeyAction
    {
        int key;
        Qt::Orientation bar;
        QAbstractSlider::SliderAction action;
    };
    static constexpr KeyAction actions[] = {
        {Qt::Key_Up, Qt::Vertical, QAbstractSlider::SliderSingleStepSub},
        {Qt::Key_Down, Qt::Vertical, QAbstractSlider::SliderSingleStepAdd},
        {Qt::Key_PageUp, Qt::Vertical, QAbstractSlider::SliderPageStepSub},
        {Qt::Key_PageDown, Qt::Vertical, QAbstractSlider::SliderPageStepAdd},
        {Qt::Key_Home, Qt::Vertical, QAbstractSlider::SliderToMinimum},
        {Qt::Key_End, Qt::Vertical, QAbstractSlider::SliderToMaximum},
        {Qt::Key_Left, Qt::Horizontal, QAbstractSlider::SliderSingleStepSub},
        {Qt::Key_Right, Qt::Horizontal, QAbstractSlider::SliderSingleStepAdd},
    };
    // Through the scroll bar's actions, so scrolling by key pauses and resumes auto-scroll like the mouse does.
    for (const KeyAction &a : actions) {
        if (event->key() == a.key) {
            (a.bar == Qt::Vertical ? verticalScrollBar() : horizontalScrollBar())->triggerAction(a.action);
            return;
        }
    }
    QAbstractScrollArea::keyPressEvent(event);
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
