#include "logview.h"

#include "log/transcript.h"
#include "logrowpainter.h"
#include "logviewaccessible.h"

#include <QAccessible>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <utility>

namespace {

constexpr int Leading = 2;

} // namespace

LogView::LogView(Transcript *transcript, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_transcript(transcript)
    , m_renderer(transcript)
{
    // Before setAccessibleName(): Qt asks for this widget's interface there, active or not, and keeps whatever it
    // gets for the widget's lifetime.
    LogViewAccessibility::install();
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
    m_indexedNextSeq = m_transcript->nextSeq();
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
    reportRows(true, 0);
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
    const bool reindex = m_needReindex;
    const qint64 rowsBefore = m_renderer.rowCount();
    if (reindex) {
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
    reportRows(reindex, rowsBefore);
}

// Called after every change of the row index (sync or re-index), so the accessible rows are renumbered exactly when
// the drawn ones are; one report per sync, never one per record.
void LogView::reportRows(bool reset, qint64 rowsBefore)
{
    const qint64 nextSeqBefore = std::exchange(m_indexedNextSeq, m_transcript->nextSeq());
    if (!QAccessible::isActive())
        return;
    LogViewAccessibility::RowsChange change;
    change.reset = reset;
    if (!reset) {
        // The records indexed last time that are still held now draw rows [0, kept); the rows before them went with
        // the dropped records, the rows after them are new.
        const qsizetype keptRecords
            = qsizetype(std::clamp<qint64>(nextSeqBefore - m_transcript->firstSeq(), 0, m_transcript->size()));
        change.kept
            = keptRecords < m_transcript->size() ? m_renderer.firstRowOfRecord(keptRecords) : m_renderer.rowCount();
        change.removed = std::max<qint64>(0, rowsBefore - change.kept);
    }
    LogViewAccessibility::rowsChanged(this, change);
}

void LogView::reportSelection()
{
    if (QAccessible::isActive())
        LogViewAccessibility::selectionChanged(this);
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

const LogRenderer &LogView::renderer() const
{
    ensureConsistent();
    return m_renderer;
}

void LogView::paintEvent(QPaintEvent *)
{
    ensureConsistent();
    QPainter qpainter(viewport());
    qpainter.setFont(font());
    LogRowPainter painter(&qpainter, palette(),
        {Margin - horizontalScrollBar()->value(), m_charWidth, m_rowHeight, m_ascent, viewport()->width()});
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

void LogView::drawRow(LogRowPainter &painter, qint64 index, int y, RowLayout *layout)
{
    const RenderedRow row = m_renderer.row(index);
    const bool hex = m_renderer.options().view == RenderOptions::View::Hex;
    const QFontMetrics fm(font());

    int bodyX = 0;
    if (!row.continuation) {
        if (!row.header.isEmpty())
            bodyX = fm.horizontalAdvance(row.header) + 2 * m_charWidth; // rowText() puts two spaces there
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

    LogRowPainter::Span span;
    if (index == m_matchRow && m_matchLength > 0) {
        // m_matchStart indexes rowText(): the body starts after the header and two spaces, or after four spaces.
        const qsizetype bodyStart = row.continuation ? 4 : (row.header.isEmpty() ? 0 : row.header.size() + 2);
        span = {m_matchStart - bodyStart, m_matchLength};
    }
    const bool selected = m_selFirst >= 0 && index >= m_selFirst && index <= m_selLast;
    m_widest = std::max(m_widest, painter.draw(row, y, bodyX, selected, span));
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
