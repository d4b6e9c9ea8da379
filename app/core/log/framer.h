#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Groups a received byte stream (TCP has no message boundaries) into frames for the log: one per read, one per
// burst separated by an idle gap, one per delimiter, or one per fixed byte count. Pure and clock-free so that every
// case is testable: the caller passes the time (ms, any monotonic or epoch clock) and owns the timer that calls
// expire() at nextDeadlineMs() in IdleGap mode.
//
// The result never depends on how the stream was split into reads (except PerRead and IdleGap, whose whole point is
// the reads' timing): it is as if bytes arrived one at a time, each appended to the current frame, which ends
//   - Delimiter: when it ends with the delimiter, which must lie wholly inside the frame;
//   - FixedLength: when it holds `length` bytes;
//   - any mode: when it holds maxFrameBytes bytes (then it is emitted as is: a device that never sends the
//     delimiter cannot grow memory; a delimiter straddling such a cut is not recognised).
// Frames are never empty: with keepDelimiter off, a frame that was only a delimiter is dropped.
class Framer
{
public:
    enum class Mode { PerRead, IdleGap, Delimiter, FixedLength };

    struct Config
    {
        Mode mode = Mode::PerRead;
        int gapMs = 20; // IdleGap: silence that ends a frame
        QByteArray delimiter = "\n"; // Delimiter: CR, LF, CRLF or custom bytes; empty behaves as PerRead
        bool keepDelimiter = true; // the delimiter stays at the end of its frame
        int length = 8; // FixedLength (at least 1)
        int maxFrameBytes = 64 * 1024; // at least 1
        bool operator==(const Config &o) const;
        bool operator!=(const Config &o) const { return !(*this == o); }
    };

    struct Frame
    {
        QByteArray bytes;
        qint64 firstByteMs = 0; // when the read holding its first byte arrived
    };

    Framer() = default;
    explicit Framer(const Config &config);

    // Drops whatever is pending: flush() first to keep it.
    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    // Frames completed by this chunk, in stream order. IdleGap: if the pending bytes are already gapMs old, they
    // form a frame before the chunk is appended; the chunk then stays pending.
    QList<Frame> feed(QByteArrayView chunk, qint64 nowMs);
    // IdleGap: the pending frame once its last byte is gapMs old. Other modes: nothing.
    QList<Frame> expire(qint64 nowMs);
    // IdleGap with bytes pending: when expire() will emit them; -1 otherwise.
    qint64 nextDeadlineMs() const;
    // Whatever is pending (e.g. when the connection closes); an empty frame if nothing is.
    Frame flush();
    bool hasPending() const { return !m_pending.isEmpty(); }

    // Stable identifiers for settings ("idle-gap"); fromId returns PerRead for unknown ids.
    static QByteArray id(Mode mode);
    static Mode fromId(QByteArrayView id);

private:
    qsizetype effectiveMax() const;
    // Emits data[*start, end) as one frame unless empty; firstByteMs depends on whether it began in the old pending
    // bytes (the first oldPendingSize bytes of data).
    void emitFrame(QList<Frame> *out, QByteArrayView data, qsizetype begin, qsizetype end, qsizetype oldPendingSize,
        qint64 nowMs) const;
    void cutWhole(QList<Frame> *out, QByteArrayView data, qsizetype *start, qsizetype frameSize,
        qsizetype oldPendingSize, qint64 nowMs) const;
    void splitDelimited(
        QList<Frame> *out, QByteArrayView data, qsizetype *start, qsizetype oldPendingSize, qint64 nowMs) const;

    Config m_config;
    QByteArray m_pending;
    qint64 m_pendingFirstMs = 0;
    qint64 m_lastByteMs = 0;
};
