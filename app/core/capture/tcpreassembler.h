#pragma once

#include "capture/flowevent.h"

#include <QByteArray>

#include <functional>
#include <map>

// One direction of a TCP connection put back in sequence order: retransmitted bytes (wholly or partly) are
// dropped, out-of-order segments wait until the hole before them fills, and a hole that never fills becomes a
// Gap event, never glued over. Sequence numbers are unwrapped to 64 bits, so wrap-around at 2^32 is seamless.
// Bounded: when more than holdLimit bytes (or MaxHeldSegments segments) wait, the first hole is declared a gap.
// flush() declares every remaining hole and delivers what waits (end of the flow, reset).
class TcpReassembler
{
public:
    using Emit = std::function<void(const FlowEvent &)>;

    static constexpr qint64 DefaultHoldLimit = 8 * 1024 * 1024;
    static constexpr int MaxHeldSegments = 65536;

    TcpReassembler(FlowDirection direction, Emit emit);
    void setHoldLimit(qint64 bytes) { m_holdLimit = bytes; }

    // data: the captured payload; wireLength: its length on the wire (more when the snapshot length cut it; the
    // uncaptured tail is a gap).
    void segment(quint32 seq, bool syn, bool fin, QByteArrayView data, qint64 wireLength, qint64 timeUs);
    void flush(qint64 timeUs);

    qint64 deliveredBytes() const { return m_delivered; }
    qint64 missingBytes() const { return m_missing; }
    qint64 duplicateBytes() const { return m_duplicate; } // retransmitted bytes dropped
    qint64 heldBytes() const { return m_heldBytes; }
    bool closed() const { return m_closed; }

private:
    struct Held
    {
        QByteArray data;
        qint64 wireLength = 0;
    };

    qint64 unwrap(quint32 seq) const;
    void accept(qint64 start, QByteArrayView data, qint64 wireLength, qint64 timeUs);
    void deliverInOrder(qint64 start, QByteArrayView data, qint64 wireLength, qint64 timeUs);
    void drain(qint64 timeUs);
    void gap(qint64 missing, qint64 timeUs);
    void maybeClose(qint64 timeUs);

    FlowDirection m_direction;
    Emit m_emit;
    qint64 m_holdLimit = DefaultHoldLimit;
    bool m_started = false;
    bool m_closed = false;
    qint64 m_next = 0; // the next byte expected, unwrapped
    qint64 m_finAt = -1; // sequence number of the FIN, once seen
    std::map<qint64, Held> m_held; // out-of-order segments by unwrapped start
    qint64 m_heldBytes = 0;
    qint64 m_delivered = 0;
    qint64 m_missing = 0;
    qint64 m_duplicate = 0;
};
