#include "capture/ipdefragmenter.h"

#include <cstring>

bool IpDefragmenter::add(const DecodedPacket &fragment, qint64 frame, qint64 offset)
{
    const Key key {fragment.ipv6, fragment.protocol, fragment.fragmentId, fragment.source, fragment.destination};
    auto it = m_pending.find(key);
    if (it == m_pending.end()) {
        while (m_pending.size() >= MaxPending)
            evictOldest();
        it = m_pending.insert(key, Pending());
        it->datagram.packet = fragment;
        it->datagram.firstFrame = frame;
        it->datagram.firstOffset = offset;
        it->order = m_order++;
    }
    Pending &p = it.value();
    ++p.datagram.fragments;
    if (!fragment.moreFragments)
        p.total = fragment.fragmentOffset + fragment.payloadLength;
    // A fragment cut by the snapshot length still counts toward the total, but leaves a hole nothing fills.
    if (!fragment.payload.isEmpty() && !p.pieces.count(fragment.fragmentOffset)) {
        p.pieces.emplace(fragment.fragmentOffset, fragment.payload.toByteArray());
        p.bytes += fragment.payload.size();
        m_pendingBytes += fragment.payload.size();
    }
    if (complete(p)) {
        m_pendingBytes -= p.bytes;
        m_pending.erase(it);
        return true;
    }
    while (m_pendingBytes > MaxPendingBytes && !m_pending.isEmpty())
        evictOldest();
    return false;
}

bool IpDefragmenter::complete(Pending &p)
{
    if (p.total < 0)
        return false;
    qint64 covered = 0;
    for (const auto &[at, bytes] : p.pieces) {
        if (at > covered)
            return false;
        covered = qMax(covered, at + bytes.size());
    }
    if (covered < p.total)
        return false;
    QByteArray whole(p.total, Qt::Uninitialized);
    qint64 filled = 0;
    for (const auto &[at, bytes] : p.pieces) {
        const qint64 from = qMax<qint64>(filled, at); // overlap: the lower offset's bytes stay
        const qint64 to = qMin<qint64>(p.total, at + bytes.size());
        if (to > from)
            std::memcpy(whole.data() + from, bytes.constData() + (from - at), to - from);
        filled = qMax(filled, to);
    }
    m_completed = std::move(p.datagram);
    m_completed.transport = std::move(whole);
    return true;
}

void IpDefragmenter::evictOldest()
{
    auto oldest = m_pending.begin();
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->order < oldest->order)
            oldest = it;
    }
    m_abandoned += oldest->datagram.fragments;
    m_pendingBytes -= oldest->bytes;
    m_pending.erase(oldest);
}

qint64 IpDefragmenter::pendingFragments() const
{
    qint64 n = 0;
    for (const Pending &p : m_pending)
        n += p.datagram.fragments;
    return n;
}
