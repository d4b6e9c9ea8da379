#pragma once

#include "capture/packetdecoder.h"

#include <QByteArray>
#include <QHash>

#include <map>

// Reassembles IPv4 and IPv6 fragments into the transport datagram they carry (mostly UDP larger than the link's
// MTU). Bounded: at most MaxPending datagrams and MaxPendingBytes bytes wait for their missing fragments; past
// that the oldest is abandoned. Overlapping fragments: the lower offset's bytes are kept. A fragment cut short
// by the capture's snapshot length can never complete its datagram.
class IpDefragmenter
{
public:
    static constexpr int MaxPending = 256;
    static constexpr qint64 MaxPendingBytes = 16 * 1024 * 1024;

    struct Datagram
    {
        DecodedPacket packet; // addresses and protocol of the fragments; transport fields not decoded yet
        QByteArray transport; // transport header and payload
        qint64 firstFrame = 0; // frame and file offset of the earliest fragment
        qint64 firstOffset = 0;
        int fragments = 0;
    };

    // Takes one DecodedPacket::Kind::Fragment; true when it completed a datagram, which completed() then holds
    // until the next call.
    bool add(const DecodedPacket &fragment, qint64 frame, qint64 offset);
    const Datagram &completed() const { return m_completed; }

    // Fragments given up on: their datagram was evicted, or is still incomplete (pendingFragments()).
    qint64 abandonedFragments() const { return m_abandoned; }
    qint64 pendingFragments() const;
    int pendingDatagrams() const { return int(m_pending.size()); }

private:
    struct Key
    {
        bool ipv6;
        quint8 protocol;
        quint32 id;
        std::array<quint8, 16> source, destination;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.ipv6 == b.ipv6 && a.protocol == b.protocol && a.id == b.id && a.source == b.source
                && a.destination == b.destination;
        }
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            seed = qHashBits(k.source.data(), k.source.size(), seed);
            seed = qHashBits(k.destination.data(), k.destination.size(), seed);
            return qHashMulti(seed, k.ipv6, k.protocol, k.id);
        }
    };
    struct Pending
    {
        Datagram datagram;
        std::map<int, QByteArray> pieces; // by offset
        qint64 total = -1; // known once the last fragment arrived
        qint64 bytes = 0;
        quint64 order = 0; // arrival of the first fragment, for eviction
    };

    bool complete(Pending &pending);
    void evictOldest();

    QHash<Key, Pending> m_pending;
    Datagram m_completed;
    qint64 m_pendingBytes = 0;
    qint64 m_abandoned = 0;
    quint64 m_order = 0;
};
