#include "log/logrenderer.h"

#include "bytes/hex.h"
#include "log/linefeeds.h"
#include "log/transcript.h"
#include "text/codecs.h"
#include "text/streamdecoder.h"

#include <QDateTime>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace {

// Far enough back to reach the start of any character (the longest is 4 bytes) even through a run of multi-byte
// text; short enough that drawing a screen of rows stays cheap.
constexpr qsizetype LookBackBytes = 1024;

// No offered multi-byte encoding uses a byte below 0x30 inside a character (GB18030's digit bytes start at 0x30),
// so decoding may start right after one.
constexpr uchar SafeBoundaryBelow = 0x30;

void appendTwoDigits(QString *out, int value)
{
    out->append(QChar(u'0' + value / 10));
    out->append(QChar(u'0' + value % 10));
}

QString formatTime(qint64 msecsSinceEpoch)
{
    const QTime time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).time();
    QString out;
    out.reserve(12);
    appendTwoDigits(&out, time.hour());
    out.append(u':');
    appendTwoDigits(&out, time.minute());
    out.append(u':');
    appendTwoDigits(&out, time.second());
    out.append(u'.');
    const int ms = time.msec();
    out.append(QChar(u'0' + ms / 100));
    appendTwoDigits(&out, ms % 100);
    return out;
}

} // namespace

bool RenderOptions::operator==(const RenderOptions &o) const
{
    return view == o.view && encoding == o.encoding && timestamps == o.timestamps && showPeer == o.showPeer
        && visibleControls == o.visibleControls && showDelta == o.showDelta && showRx == o.showRx && showTx == o.showTx
        && showEvents == o.showEvents && onlyPeer == o.onlyPeer;
}

LogRenderer::LogRenderer(const Transcript *transcript)
    : m_transcript(transcript)
{
    setOptions(m_options);
}

void LogRenderer::setOptions(const RenderOptions &options)
{
    m_options = options;
    m_asciiCompatible = Codecs::isAsciiCompatible(options.encoding);
    m_codeUnit = m_asciiCompatible ? 1 : (options.encoding.contains("32") ? 4 : 2);
    reindex();
}

void LogRenderer::reindex()
{
    m_rowEnd.clear();
    m_rowBase = 0;
    m_indexedFirstSeq = m_transcript->firstSeq();
    m_cursor = SegmentCursor();
    sync();
}

void LogRenderer::sync()
{
    const qint64 first = m_transcript->firstSeq();
    if (first < m_indexedFirstSeq) {
        reindex();
        return;
    }
    const qint64 dropped = first - m_indexedFirstSeq;
    if (dropped >= qint64(m_rowEnd.size())) {
        // Everything indexed is gone (dropped or cleared): start over at the transcript's first record.
        m_rowEnd.clear();
        m_rowBase = 0;
    } else if (dropped > 0) {
        m_rowBase = m_rowEnd[size_t(dropped - 1)];
        m_rowEnd.erase(m_rowEnd.begin(), m_rowEnd.begin() + dropped);
    }
    m_indexedFirstSeq = first;

    const auto size = size_t(m_transcript->size());
    qint64 end = m_rowEnd.empty() ? m_rowBase : m_rowEnd.back();
    for (size_t i = m_rowEnd.size(); i < size; ++i) {
        end += rowsOf(m_transcript->at(qsizetype(i)));
        m_rowEnd.push_back(end);
    }
}

qint64 LogRenderer::rowCount() const
{
    return m_rowEnd.empty() ? 0 : m_rowEnd.back() - m_rowBase;
}

qsizetype LogRenderer::recordOfRow(qint64 row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const auto it = std::upper_bound(m_rowEnd.begin(), m_rowEnd.end(), row + m_rowBase);
    return qsizetype(it - m_rowEnd.begin());
}

qint64 LogRenderer::firstRowOfRecord(qsizetype recordIndex) const
{
    if (recordIndex < 0 || size_t(recordIndex) >= m_rowEnd.size())
        return -1;
    return (recordIndex == 0 ? m_rowBase : m_rowEnd[size_t(recordIndex - 1)]) - m_rowBase;
}

bool LogRenderer::passesFilters(const Record &record) const
{
    if (m_options.onlyPeer != 0 && record.peer != m_options.onlyPeer)
        return false;
    switch (record.direction) {
    case Direction::Rx:
        return m_options.showRx;
    case Direction::Tx:
        return m_options.showTx;
    case Direction::Event:
        return m_options.showEvents;
    }
    return false;
}

qint64 LogRenderer::rowsOf(const Record &record) const
{
    if (!passesFilters(record))
        return 0;
    if (record.direction == Direction::Event)
        return 1;
    const qsizetype n = record.data.size();
    if (m_options.view == RenderOptions::View::Hex)
        return 1 + (n + HexRowBytes - 1) / HexRowBytes;
    if (n == 0)
        return 1;
    if (!m_asciiCompatible)
        return (n + MaxTextRowBytes - 1) / MaxTextRowBytes;
    return textRowsOf(QByteArrayView(record.data));
}

// The rows nextTextBreak() would cut, counted a window of MaxTextRowBytes at a time instead of one memchr per line:
// under a flood of short lines (a server's 50 clients) the per-call overhead was most of the GUI thread's time.
// Every LF in the window [pos, pos + MaxTextRowBytes) ends a row (each is less than MaxTextRowBytes after the one
// before), and the next window starts after the last of them; a window with no LF is one full-length row.
qint64 LogRenderer::textRowsOf(QByteArrayView bytes)
{
    const char *data = bytes.data();
    const qsizetype n = bytes.size();
    qint64 rows = 0;
    qsizetype pos = 0;
    while (pos < n) {
        const qsizetype window = qMin<qsizetype>(MaxTextRowBytes, n - pos);
        const LineFeeds::Found lfs = LineFeeds::find(data + pos, window);
        if (lfs.count == 0) {
            ++rows;
            pos += window;
        } else {
            rows += lfs.count;
            pos += lfs.last + 1;
        }
    }
    return rows;
}

// End of the text row that starts at pos: just after the next LF, or MaxTextRowBytes on, or the record's end.
qsizetype LogRenderer::nextTextBreak(const Record &record, qsizetype pos) const
{
    const qsizetype n = record.data.size();
    const qsizetype limit = qMin(n, pos + MaxTextRowBytes);
    if (!m_asciiCompatible)
        return limit;
    const char *data = record.data.constData();
    const void *lf = std::memchr(data + pos, '\n', size_t(limit - pos));
    return lf ? qsizetype(static_cast<const char *>(lf) - data) + 1 : limit;
}

void LogRenderer::textSegment(const Record &record, qint64 rowInRecord, qsizetype *begin, qsizetype *end) const
{
    qint64 row = 0;
    qsizetype pos = 0;
    if (m_cursor.seq == record.seq && m_cursor.row <= rowInRecord) {
        row = m_cursor.row;
        pos = m_cursor.begin;
    }
    for (; row < rowInRecord; ++row)
        pos = nextTextBreak(record, pos);
    m_cursor = {record.seq, rowInRecord, pos};
    *begin = pos;
    *end = pos < record.data.size() ? nextTextBreak(record, pos) : pos;
}

RenderedRow LogRenderer::row(qint64 index) const
{
    RenderedRow out;
    const qsizetype recordIndex = recordOfRow(index);
    const Record *record = recordIndex < 0 ? nullptr : m_transcript->bySeq(m_indexedFirstSeq + recordIndex);
    if (!record)
        return out;
    const qint64 rowInRecord = index - firstRowOfRecord(recordIndex);
    out.seq = record->seq;
    out.direction = record->direction;
    out.continuation = rowInRecord > 0;
    if (rowInRecord == 0)
        out.header = header(*record);

    const qsizetype n = record->data.size();
    if (record->direction == Direction::Event) {
        out.body = m_labels.eventText ? m_labels.eventText(*record) : QString::fromUtf8(record->data);
    } else if (m_options.view == RenderOptions::View::Hex) {
        if (rowInRecord == 0) {
            out.body = m_labels.byteCount ? m_labels.byteCount(n) : QStringLiteral("(%1 bytes)").arg(n);
        } else {
            const qsizetype offset = (rowInRecord - 1) * HexRowBytes;
            const QByteArrayView bytes(record->data);
            out.body = Hex::dumpLine(bytes.sliced(offset, qMin<qsizetype>(HexRowBytes, n - offset)), offset);
        }
    } else {
        qsizetype begin = 0;
        qsizetype end = 0;
        textSegment(*record, rowInRecord, &begin, &end);
        out.body = controlsShown(decodeSegment(*record, begin, end));
    }
    return out;
}

QString LogRenderer::rowText(qint64 index) const
{
    const RenderedRow r = row(index);
    if (r.continuation)
        return QStringLiteral("    ") + r.body;
    if (r.header.isEmpty())
        return r.body;
    return r.header + QStringLiteral("  ") + r.body;
}

QString LogRenderer::header(const Record &record) const
{
    QString out;
    if (m_options.timestamps)
        out += u'[' + formatTime(record.timeMs) + QStringLiteral("] ");
    switch (record.direction) {
    case Direction::Rx:
        out += m_labels.rx;
        break;
    case Direction::Tx:
        out += m_labels.tx;
        break;
    case Direction::Event:
        out += m_labels.event;
        break;
    }
    if (m_options.showPeer && record.peer != 0) {
        out += u' ' + m_transcript->peerName(record.peer);
        // Whether a datagram came to our address, a broadcast or a group is part of what it says.
        if ((record.flags & Record::Datagram) && record.direction == Direction::Rx && record.local != 0)
            out += QStringLiteral(" \u2192 ") + m_transcript->peerName(record.local);
        if (record.flags & Record::TargetSide)
            out += u' ' + (record.direction == Direction::Rx ? m_labels.fromTarget : m_labels.toTarget);
    }
    if (record.flags & Record::Unverified)
        out += u' ' + m_labels.unverified;
    if (m_options.showDelta && record.direction != Direction::Event && record.prevInStream >= 0) {
        // One lookup by seq, O(1): cheap enough for every header drawn.
        if (const Record *previous = m_transcript->bySeq(record.prevInStream)) {
            const qint64 ms = record.timeMs - previous->timeMs;
            out += u' ' + (m_labels.delta ? m_labels.delta(ms) : QStringLiteral("+%1 ms").arg(ms));
        }
    }
    return out;
}

QString LogRenderer::decodeSegment(const Record &record, qsizetype begin, qsizetype end) const
{
    StreamDecoder decoder(m_options.encoding);
    feedLookBack(record, begin, &decoder);
    return decoder.decode(QByteArrayView(record.data).sliced(begin, end - begin));
}

// Primes decoder with the stream bytes just before record[begin], so that a character whose first bytes came
// earlier (in this record or a previous read of the same peer and direction) completes in this segment.
void LogRenderer::feedLookBack(const Record &record, qsizetype begin, StreamDecoder *decoder) const
{
    struct Piece
    {
        const Record *record;
        qsizetype from;
        qsizetype to;
    };
    QVarLengthArray<Piece, 4> pieces;

    if (!m_asciiCompatible) {
        // Fixed-width units: only the alignment matters, so go back to the unit boundary at or before begin.
        const qint64 misalign = (record.streamOffset + begin) % m_codeUnit;
        if (misalign == 0)
            return;
        if (begin >= misalign) {
            pieces.append({&record, begin - misalign, begin});
        } else {
            const Record *prev = record.prevInStream >= 0 ? m_transcript->bySeq(record.prevInStream) : nullptr;
            const qsizetype need = misalign - begin;
            if (!prev || prev->data.size() < need)
                return;
            pieces.append({&record, 0, begin});
            pieces.append({prev, prev->data.size() - need, prev->data.size()});
        }
    } else {
        qsizetype budget = LookBackBytes;
        const Record *current = &record;
        qsizetype to = begin;
        while (current && budget > 0) {
            const char *data = current->data.constData();
            const qsizetype lowest = qMax<qsizetype>(0, to - budget);
            qsizetype from = to;
            while (from > lowest && uchar(data[from - 1]) >= SafeBoundaryBelow)
                --from;
            pieces.append({current, from, to});
            if (from > lowest || lowest > 0)
                break; // found a boundary, or scanned as far as allowed
            budget -= to;
            current = current->prevInStream >= 0 ? m_transcript->bySeq(current->prevInStream) : nullptr;
            to = current ? current->data.size() : 0;
        }
    }
    for (auto it = pieces.crbegin(); it != pieces.crend(); ++it) {
        if (it->to > it->from)
            decoder->decode(QByteArrayView(it->record->data).sliced(it->from, it->to - it->from));
    }
}

QString LogRenderer::controlsShown(QString text) const
{
    if (!m_options.visibleControls) {
        if (text.endsWith(QLatin1String("\r\n")))
            text.chop(2);
        else if (text.endsWith(u'\n') || text.endsWith(u'\r'))
            text.chop(1);
    }
    const bool keepTab = !m_options.visibleControls;
    QChar *it = nullptr; // detached lazily: most rows have no control characters
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c < 0x20 && !(keepTab && c == u'\t')) || c == 0x7F) {
            if (!it)
                it = text.data();
            it[i] = QChar(c == 0x7F ? char16_t(0x2421) : char16_t(0x2400 + c));
        }
    }
    return text;
}
