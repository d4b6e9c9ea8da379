#include "logsearch.h"

#include "bytes/hex.h"
#include "log/transcript.h"

#include <algorithm>

LogSearch::LogSearch(LogView *view, const Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_transcript(transcript)
{
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &LogSearch::runSlice);
}

void LogSearch::cancel()
{
    m_slice.stop();
}

void LogSearch::forgetMatch()
{
    m_matchPos = {};
    m_matchColumn = -1;
    m_matchSeq = -1;
    m_matchOffset = -1;
}

bool LogSearch::find(const QString &query, Mode mode, bool forward, Origin origin)
{
    cancel();
    if (query.isEmpty())
        return false;
    if (mode == Mode::Hex) {
        const Hex::ParseResult parsed = Hex::parse(query);
        if (!parsed.ok() || parsed.bytes.isEmpty())
            return false;
        m_bytes = parsed.bytes;
    }
    if (mode != m_mode)
        forgetMatch();
    m_query = query;
    m_mode = mode;
    m_forward = forward;
    m_scanned = 0;
    m_wrapped = false;
    const LogRenderer &renderer = m_view->renderer();
    const qint64 step = origin == Origin::AfterMatch ? (forward ? 1 : -1) : 0;

    if (mode == Mode::Text) {
        const bool haveMatch = m_matchPos.seq >= 0 && m_transcript->bySeq(m_matchPos.seq);
        const qint64 row = haveMatch ? m_view->rowOfPos(m_matchPos) : m_view->currentRow();
        m_next = m_view->posOfRow(row);
        // Within the match's row: at the match (typing) or just past it (Next / Previous).
        m_firstColumn = haveMatch ? m_matchColumn + step : -1;
        if (m_firstColumn < 0 && haveMatch && !forward)
            m_firstColumn = -2; // before column 0: nothing left in this row
        m_limit = renderer.rowCount() + 1;
    } else {
        const Record *match = m_matchSeq >= 0 ? m_transcript->bySeq(m_matchSeq) : nullptr;
        if (match) {
            m_nextSeq = m_matchSeq;
            m_firstColumn = m_matchOffset + step;
            if (m_firstColumn < 0 && !forward)
                m_firstColumn = -2;
        } else {
            const qsizetype record = renderer.recordOfRow(m_view->currentRow());
            m_nextSeq = record >= 0 ? m_transcript->at(record).seq : m_transcript->firstSeq();
            m_firstColumn = -1;
        }
        m_limit = m_transcript->size() + 1;
    }
    if (m_limit <= 1) {
        finish(false);
        return true;
    }
    m_slice.start();
    return true;
}

void LogSearch::runSlice()
{
    const bool done = m_mode == Mode::Text ? textSlice() : hexSlice();
    if (done)
        m_slice.stop();
}

// Returns true when the search ended (found or not).
bool LogSearch::textSlice()
{
    const LogRenderer &renderer = m_view->renderer();
    const qint64 rows = renderer.rowCount();
    if (rows == 0) {
        finish(false);
        return true;
    }
    qint64 row = std::clamp<qint64>(m_view->rowOfPos(m_next), 0, rows - 1);
    for (int i = 0; i < RowsPerSlice; ++i, ++m_scanned) {
        if (m_scanned >= m_limit) {
            finish(false);
            return true;
        }
        // The start row is looked at twice: first past the match, last (after the wrap) as a whole.
        const bool restricted = m_scanned == 0 && m_firstColumn != -1;
        if (!(restricted && m_firstColumn == -2)) {
            const QString text = renderer.rowText(row);
            const qsizetype column = m_forward
                ? text.indexOf(m_query, restricted ? m_firstColumn : 0, Qt::CaseInsensitive)
                : text.lastIndexOf(m_query, restricted ? m_firstColumn : -1, Qt::CaseInsensitive);
            if (column >= 0) {
                showTextMatch(row, column);
                return true;
            }
        }
        row += m_forward ? 1 : -1;
        if (row >= rows || row < 0) {
            row = m_forward ? 0 : rows - 1;
            m_wrapped = true;
        }
    }
    m_next = m_view->posOfRow(row);
    return false;
}

bool LogSearch::hexSlice()
{
    const LogRenderer &renderer = m_view->renderer();
    const qsizetype size = m_transcript->size();
    if (size == 0) {
        finish(false);
        return true;
    }
    qsizetype index = std::clamp<qsizetype>(qsizetype(m_nextSeq - m_transcript->firstSeq()), 0, size - 1);
    qint64 bytes = 0;
    while (bytes < BytesPerSlice) {
        if (m_scanned >= m_limit) {
            finish(false);
            return true;
        }
        const Record &record = m_transcript->at(index);
        const bool restricted = m_scanned == 0 && m_firstColumn != -1;
        ++m_scanned;
        if (record.direction != Direction::Event && renderer.isShown(record) && !(restricted && m_firstColumn == -2)) {
            const QByteArrayView data(record.data);
            bytes += data.size();
            const qsizetype offset = m_forward ? data.indexOf(m_bytes, restricted ? m_firstColumn : 0)
                                               : data.lastIndexOf(m_bytes, restricted ? m_firstColumn : data.size());
            if (offset >= 0) {
                showHexMatch(index, offset);
                return true;
            }
        }
        index += m_forward ? 1 : -1;
        if (index >= size || index < 0) {
            index = m_forward ? 0 : size - 1;
            m_wrapped = true;
        }
        bytes += 64; // a record costs something even when empty or skipped
    }
    m_nextSeq = m_transcript->at(index).seq;
    return false;
}

void LogSearch::showTextMatch(qint64 row, qsizetype column)
{
    m_matchPos = m_view->posOfRow(row);
    m_matchColumn = column;
    m_view->showMatch(row, row, column, m_query.size());
    finish(true);
}

void LogSearch::showHexMatch(qsizetype recordIndex, qsizetype offset)
{
    const LogRenderer &renderer = m_view->renderer();
    m_matchSeq = m_transcript->at(recordIndex).seq;
    m_matchOffset = offset;
    const qint64 first = renderer.firstRowOfRecord(recordIndex);
    const qint64 end
        = recordIndex + 1 < m_transcript->size() ? renderer.firstRowOfRecord(recordIndex + 1) : renderer.rowCount();
    if (renderer.options().view != RenderOptions::View::Hex) {
        m_view->showMatch(first, end - 1, 0, 0);
        finish(true);
        return;
    }
    // In the hex dump: the dump rows holding the bytes, and the matched bytes' columns on the first of them.
    // A dump line is "OFFSET  xx xx xx xx xx xx xx xx  xx ...", the offset at least 8 digits; rowText indents it by 4.
    const qsizetype lastByte = offset + m_bytes.size() - 1;
    const qint64 firstRow = first + 1 + offset / LogRenderer::HexRowBytes;
    const qint64 lastRow = first + 1 + lastByte / LogRenderer::HexRowBytes;
    const qsizetype digits = std::max<qsizetype>(
        8, QByteArray::number(qint64(offset / LogRenderer::HexRowBytes * LogRenderer::HexRowBytes), 16).size());
    auto column = [digits](qsizetype byte) {
        const qsizetype b = byte % LogRenderer::HexRowBytes;
        return 4 + digits + 2 + b * 3 + (b >= 8 ? 1 : 0);
    };
    const qsizetype rowLast
        = lastRow == firstRow ? lastByte : (offset / LogRenderer::HexRowBytes + 1) * LogRenderer::HexRowBytes - 1;
    m_view->showMatch(firstRow, lastRow, column(offset), column(rowLast) + 2 - column(offset));
    finish(true);
}

void LogSearch::finish(bool success)
{
    m_slice.stop();
    if (success)
        Q_EMIT found(m_wrapped);
    else
        Q_EMIT notFound();
}
