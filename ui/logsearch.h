#pragma once

#include "logview.h"

#include <QObject>
#include <QTimer>

class Transcript;

// Finds text in the log's rows as shown, or hex bytes in its records' raw data, from the current match (or the
// current row) onwards, wrapping once round the log. The work is cut into slices of at most RowsPerSlice rows or
// BytesPerSlice bytes per event-loop turn, so a search through a full 64 MB log never freezes the window; a new
// search cancels the running one. Positions are kept as (record seq, row in record), so records dropped or
// appended meanwhile do not derail it.
// Text: case-insensitive, within one row (a match never spans a row break). Hex: within one record.
class LogSearch : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Text, Hex };
    enum class Origin { FromMatch, AfterMatch }; // typing refines the match in place; Next/Previous move on
    static constexpr int RowsPerSlice = 2000;
    static constexpr qint64 BytesPerSlice = 16 * 1024 * 1024;

    LogSearch(LogView *view, const Transcript *transcript, QObject *parent = nullptr);

    // false (and nothing runs) for an empty query or one that is not valid hex in Hex mode.
    bool find(const QString &query, Mode mode, bool forward, Origin origin);
    void cancel();
    void forgetMatch(); // the next search starts at the view's current row
    bool isRunning() const { return m_slice.isActive(); }

Q_SIGNALS:
    void found(bool wrapped);
    void notFound();

private:
    void runSlice();
    bool textSlice();
    bool hexSlice();
    void showTextMatch(qint64 row, qsizetype column);
    void showHexMatch(qsizetype recordIndex, qsizetype offset);
    void finish(bool success);

    LogView *m_view;
    const Transcript *m_transcript;
    QTimer m_slice;

    QString m_query;
    QByteArray m_bytes;
    Mode m_mode = Mode::Text;
    bool m_forward = true;

    // Where the last match is (text: row position and column in rowText; hex: record and byte offset).
    LogView::RowPos m_matchPos;
    qsizetype m_matchColumn = -1;
    qint64 m_matchSeq = -1;
    qsizetype m_matchOffset = -1;

    // The running scan.
    LogView::RowPos m_next; // text: next row to look at
    qint64 m_nextSeq = -1; // hex: next record to look at
    qsizetype m_firstColumn = -1; // restriction on the first row or record scanned (-1: none)
    qint64 m_scanned = 0;
    qint64 m_limit = 0; // rows or records to scan before giving up: the whole log once, plus the start again
    bool m_wrapped = false;
};
