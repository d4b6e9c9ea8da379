#pragma once

#include "log/record.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <deque>
#include <functional>

class StreamDecoder;
class Transcript;

struct RenderOptions
{
    enum class View { Text, Hex };
    View view = View::Text;
    QByteArray encoding = "UTF-8";
    bool timestamps = true;
    bool showPeer = true;
    bool visibleControls = false; // CR LF TAB ... drawn as ␍ ␊ ␉; otherwise a trailing CR/LF is not drawn
    // RX/TX headers end with the time since the previous record of the same peer and direction ("+12 ms"), when
    // that record is still held: with framing on, the gap between a device's replies.
    bool showDelta = false;
    // Filters (0 rows for a hidden record)
    bool showRx = true;
    bool showTx = true;
    bool showEvents = true;
    quint32 onlyPeer = 0; // Transcript peer index; 0 = all peers
    bool operator==(const RenderOptions &o) const;
    bool operator!=(const RenderOptions &o) const { return !(*this == o); }
};

// Words the UI supplies (translated); the renderer itself has no user-visible strings.
struct RenderLabels
{
    QString rx = QStringLiteral("RX");
    QString tx = QStringLiteral("TX");
    // After the peer of a relay's target-side record (Record::TargetSide): what the target sent, what was injected
    // towards it.
    QString fromTarget = QStringLiteral("← target");
    QString toTarget = QStringLiteral("→ target");
    QString event = QStringLiteral("**");
    QString unverified = QStringLiteral("(unverified)"); // after the peer of a Record::Unverified RX header
    // Text of an event record, e.g. "Connected" or "Error: Connection refused". Default: the detail text.
    std::function<QString(const Record &record)> eventText;
    // Hex view header suffix, e.g. "(12 bytes)"
    std::function<QString(qsizetype bytes)> byteCount;
    // Header suffix of showDelta, e.g. "+12 ms". Default: "+<ms> ms".
    std::function<QString(qint64 ms)> delta;
};

// One drawn line. header is empty on continuation lines.
struct RenderedRow
{
    qint64 seq = -1;
    Direction direction = Direction::Rx;
    bool continuation = false;
    QString header; // "[12:00:00.123] RX 127.0.0.1:5000"
    QString body; // the text, or one hex dump line
};

// Turns transcript records into rows for a view that draws only what is visible.
// Rows per record: Text view: the record's bytes split after each LF and at most MaxTextRowBytes per row;
// Hex view: a header row plus one row per 16 bytes; events: one row. Counting rows needs no decoding (LF bytes are
// counted a vector at a time, see log/linefeeds.h), so a change of view or encoding re-indexes a full transcript in
// milliseconds, and only the rows on screen are ever decoded.
// A multi-byte character split across reads is decoded with a short look-back into the same stream, starting
// after the nearest byte below 0x30 (never inside a character in any offered multi-byte encoding), so it shows
// whole on the row where its last byte arrived. UTF-16 has no LF split (rows are MaxTextRowBytes, an even count), and
// its look-back only steps back to the code unit boundary (records may end on an odd byte).
class LogRenderer
{
public:
    static constexpr int MaxTextRowBytes = 512;
    static constexpr int HexRowBytes = 16;

    explicit LogRenderer(const Transcript *transcript);

    void setOptions(const RenderOptions &options); // re-indexes
    const RenderOptions &options() const { return m_options; }
    void setLabels(RenderLabels labels) { m_labels = std::move(labels); }

    // Brings the row index in step with the transcript (records appended or dropped since the last call).
    // Cheap when nothing changed; O(new records) otherwise.
    void sync();
    void reindex(); // full rebuild (after clear or option change)

    qint64 rowCount() const;
    RenderedRow row(qint64 index) const;
    // As copied or saved: header + "  " + body on a record's first row; continuation rows are the body indented
    // by four spaces.
    QString rowText(qint64 index) const;

    // Record index (into the transcript) that draws row; -1 if out of range.
    qsizetype recordOfRow(qint64 row) const;
    qint64 firstRowOfRecord(qsizetype recordIndex) const;
    // Whether the filters let the record through (a hidden record has no rows).
    bool isShown(const Record &record) const { return passesFilters(record); }

private:
    bool passesFilters(const Record &record) const;
    qint64 rowsOf(const Record &record) const;
    static qint64 textRowsOf(QByteArrayView bytes);
    qsizetype nextTextBreak(const Record &record, qsizetype pos) const;
    QString header(const Record &record) const;
    QString decodeSegment(const Record &record, qsizetype begin, qsizetype end) const;
    void feedLookBack(const Record &record, qsizetype begin, StreamDecoder *decoder) const;
    void textSegment(const Record &record, qint64 rowInRecord, qsizetype *begin, qsizetype *end) const;
    QString controlsShown(QString text) const;

    const Transcript *m_transcript;
    RenderOptions m_options;
    RenderLabels m_labels;
    // m_rowEnd[i] = rows of records [0..i] plus m_rowBase (absolute counts, so dropping old records only moves
    // m_rowBase instead of rewriting the array).
    std::deque<qint64> m_rowEnd;
    qint64 m_rowBase = 0;
    qint64 m_indexedFirstSeq = 0;
    bool m_asciiCompatible = true; // of m_options.encoding; false: rows are fixed-size and aligned to m_codeUnit
    int m_codeUnit = 1;
    // Where the last text row looked up began, so drawing the rows of a long record one after another does not
    // rescan it from its start for every row.
    struct SegmentCursor
    {
        qint64 seq = -1;
        qint64 row = 0;
        qsizetype begin = 0;
    };
    mutable SegmentCursor m_cursor;
};
