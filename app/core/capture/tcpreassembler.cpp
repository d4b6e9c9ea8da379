#include "capture/tcpreassembler.h"

TcpReassembler::TcpReassembler(FlowDirection direction, Emit emit)
    : m_direction(direction)
    , m_emit(std::move(emit))
{ }

qint64 TcpReassembler::unwrap(quint32 seq) const
{
    // The nearest 64-bit value with these low 32 bits: within 2 GiB of the next expected byte either way.
    return m_next + qint32(seq - quint32(m_next));
}

void TcpReassembler::gap(qint64 missing, qint64 timeUs)
{
    if (missing <= 0)
        return;
    FlowEvent e;
    e.kind = FlowEvent::Kind::Gap;
    e.direction = m_direction;
    e.timeUs = timeUs;
    e.missing = missing;
    m_missing += missing;
    m_emit(e);
}

void TcpReassembler::segment(quint32 seq, bool syn, bool fin, QByteArrayView data, qint64 wireLength, qint64 timeUs)
{
    if (m_closed)
        return;
    if (!m_started) {
        // Without the SYN (capture started mid-connection) the stream starts at the first segment seen.
        m_next = qint64(seq) + (syn ? 1 : 0);
        m_started = true;
    }
    const qint64 start = unwrap(seq) + (syn ? 1 : 0);
    if (fin && m_finAt < 0)
        m_finAt = start + wireLength;
    if (wireLength > 0)
        accept(start, data, wireLength, timeUs);
    maybeClose(timeUs);
}

void TcpReassembler::accept(qint64 start, QByteArrayView data, qint64 wireLength, qint64 timeUs)
{
    const qint64 end = start + wireLength;
    if (end <= m_next) {
        m_duplicate += wireLength;
        return;
    }
    if (start <= m_next) {
        deliverInOrder(start, data, wireLength, timeUs);
        drain(timeUs);
        return;
    }
    auto it = m_held.find(start);
    if (it != m_held.end()) {
        if (it->second.wireLength >= wireLength) {
            m_duplicate += wireLength;
            return;
        }
        m_heldBytes -= it->second.data.size();
        m_held.erase(it);
    }
    m_held.emplace(start, Held {data.toByteArray(), wireLength});
    m_heldBytes += data.size();
    // Too much waits for the first hole: it is not coming, declare it and go on.
    while (!m_held.empty() && (m_heldBytes > m_holdLimit || int(m_held.size()) > MaxHeldSegments)) {
        gap(m_held.begin()->first - m_next, timeUs);
        m_next = m_held.begin()->first;
        drain(timeUs);
    }
}

void TcpReassembler::deliverInOrder(qint64 start, QByteArrayView data, qint64 wireLength, qint64 timeUs)
{
    const qint64 skip = m_next - start; // bytes already delivered: a partial retransmission
    m_duplicate += skip;
    if (skip < data.size()) {
        FlowEvent e;
        e.kind = FlowEvent::Kind::Data;
        e.direction = m_direction;
        e.timeUs = timeUs;
        e.bytes = data.sliced(skip);
        m_delivered += e.bytes.size();
        m_emit(e);
    }
    // What the snapshot length cut off was sent but never captured.
    gap(wireLength - qMax<qint64>(skip, data.size()), timeUs);
    m_next = start + wireLength;
}

void TcpReassembler::drain(qint64 timeUs)
{
    while (!m_held.empty() && m_held.begin()->first <= m_next) {
        auto node = m_held.extract(m_held.begin());
        m_heldBytes -= node.mapped().data.size();
        const qint64 start = node.key();
        if (start + node.mapped().wireLength <= m_next)
            m_duplicate += node.mapped().wireLength;
        else
            deliverInOrder(start, node.mapped().data, node.mapped().wireLength, timeUs);
    }
}

void TcpReassembler::maybeClose(qint64 timeUs)
{
    if (m_finAt < 0 || m_closed || m_next < m_finAt)
        return;
    m_closed = true;
    FlowEvent e;
    e.kind = FlowEvent::Kind::Closed;
    e.direction = m_direction;
    e.timeUs = timeUs;
    m_emit(e);
}

void TcpReassembler::flush(qint64 timeUs)
{
    if (m_closed)
        return;
    while (!m_held.empty()) {
        gap(m_held.begin()->first - m_next, timeUs);
        m_next = qMax(m_next, m_held.begin()->first);
        drain(timeUs);
    }
    if (m_finAt > m_next) {
        gap(m_finAt - m_next, timeUs);
        m_next = m_finAt;
    }
    maybeClose(timeUs);
}
