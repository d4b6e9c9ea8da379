#pragma once

#include "log/logrenderer.h"

#include <QAbstractScrollArea>
#include <QTimer>

class LogRowPainter;
class QIODevice;
class Transcript;

// The receive log: draws only the rows on screen, straight from a LogRenderer over the transcript. A flood of
// appends only marks the view dirty; a coalescing timer syncs the row index and repaints at most ~30 times a
// second, so the window stays responsive whatever the data rate.
//
// Positions that must survive old records being dropped (the first visible row while scrolled up, the selection)
// are kept as (record seq, row within record) and turned back into row numbers after each sync.
class LogView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int SyncIntervalMs = 33;

    explicit LogView(Transcript *transcript, QWidget *parent = nullptr);

    RenderOptions options() const { return m_renderer.options(); }
    // Re-indexes the whole history at once; stays at the bottom if it was there, else keeps the first visible
    // record in view.
    void setOptions(const RenderOptions &options);
    void setLabels(RenderLabels labels);

    bool autoScroll() const { return m_autoScroll; }
    void setAutoScroll(bool on);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused); // freezes the display; the transcript keeps recording

    qint64 rowCount() const { return m_renderer.rowCount(); } // rows shown (as of the last sync)
    bool hasSelection() const { return m_selFirst >= 0; }
    QString selectedText() const;
    QString allText() const;
    // Every row as UTF-8, each followed by "\n", written in chunks: a full 64 MB log never becomes one QString.
    bool writeAllText(QIODevice *out) const;

    // Places that survive old records being dropped: (record seq, row within record).
    struct RowPos
    {
        qint64 seq = -1;
        qint64 offset = 0; // row within the record
    };
    RowPos posOfRow(qint64 row) const;
    qint64 rowOfPos(const RowPos &pos) const;
    // The rows as shown (brought in step with dropped records first): for search.
    const LogRenderer &renderer() const;

    // Search results: selects rows [first, last], scrolls them into view (which stops auto-scroll) and highlights
    // characters [start, start + length) of rowText(first). The highlight follows its record until it is dropped.
    void showMatch(qint64 first, qint64 last, qsizetype start, qsizetype length);
    void clearMatch();
    bool hasMatch() const { return m_matchRow >= 0; }
    qint64 matchRow() const { return m_matchRow; }
    // Where a search starts: the selection's first row, else the first row on screen.
    qint64 currentRow() const;

    // For assistive technology (logviewaccessible.h): the rows as of the last sync, read without syncing, so a
    // reader can never make the rows move under itself; a row whose record was dropped since reads empty until then.
    QString shownRowText(qint64 row) const { return m_renderer.rowText(row); }
    qint64 selectionFirst() const { return m_selFirst; } // -1: nothing selected
    qint64 selectionLast() const { return m_selLast; }
    qint64 selectionCursor() const { return m_selCursor; } // the end the user moved: the current row
    int rowHeight() const { return m_rowHeight; }
    void selectRows(qint64 anchorRow, qint64 cursorRow);

public Q_SLOTS:
    void selectAll();
    void clearSelection();
    void copy(); // the selected rows to the clipboard

Q_SIGNALS:
    void autoScrollChanged(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    static constexpr int Margin = 4; // pixels left of column 0

    void markDirty();
    void markStructureChanged();
    void syncNow();
    void ensureConsistent() const;
    void updateMetrics();
    void updateScrollRange();
    void updateHorizontalRange();
    void restorePositions(bool keepBottom);
    void onScrolled(int value);
    void scrollToBottom();
    bool isAtBottom() const;
    int visibleRows() const;
    qint64 rowAt(int y) const;
    void setSelection(qint64 anchorRow, qint64 cursorRow);
    void refreshSelectionRows();
    struct RowLayout
    {
        qint64 seq = -1; // the record of the row drawn last
        int continuationX = 0; // where its continuation rows' bodies start
    };
    void drawRow(LogRowPainter &painter, qint64 index, int y, RowLayout *layout);
    void reportRows(bool reset, qint64 rowsBefore);
    void reportSelection();

    Transcript *m_transcript;
    LogRenderer m_renderer;
    QTimer m_syncTimer;
    bool m_dirty = false;
    bool m_structureChanged = false; // records were dropped or cleared: rows may point at missing records
    bool m_needReindex = false;
    bool m_autoScroll = true;
    bool m_paused = false;
    bool m_adjusting = false; // our own scroll bar changes are not the user scrolling
    qint64 m_indexedNextSeq = 0; // the transcript's nextSeq() at the last sync: tells the rows kept from the new ones

    int m_rowHeight = 1;
    int m_charWidth = 1;
    int m_ascent = 0;
    int m_widest = 0; // widest row painted so far, in pixels

    RowPos m_top; // the first visible row, kept across drops
    RowPos m_anchor;
    RowPos m_cursor;
    qint64 m_selFirst = -1; // selected rows as of the last sync; -1 = none
    qint64 m_selLast = -1;
    qint64 m_selCursor = -1;
    RowPos m_match; // the search match's first row
    qint64 m_matchRow = -1; // as of the last sync; -1 = none
    qsizetype m_matchStart = 0; // in rowText() of the match row
    qsizetype m_matchLength = 0;
};
