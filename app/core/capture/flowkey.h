#pragma once

#include "capture/packetdecoder.h"

#include <QHash>

#include <array>

// The ends of a TCP or UDP packet, the same whichever way it travels: the lower (address, port) first.
struct FlowKey
{
    bool ipv6 = false;
    quint8 protocol = 0;
    std::array<quint8, 16> lowAddress {};
    std::array<quint8, 16> highAddress {};
    quint16 lowPort = 0;
    quint16 highPort = 0;

    // *sourceIsLow: the packet travels from the low end.
    static FlowKey of(const DecodedPacket &packet, bool *sourceIsLow)
    {
        FlowKey k;
        k.ipv6 = packet.ipv6;
        k.protocol = packet.protocol;
        const bool low = packet.source < packet.destination
            || (packet.source == packet.destination && packet.sourcePort <= packet.destinationPort);
        k.lowAddress = low ? packet.source : packet.destination;
        k.highAddress = low ? packet.destination : packet.source;
        k.lowPort = low ? packet.sourcePort : packet.destinationPort;
        k.highPort = low ? packet.destinationPort : packet.sourcePort;
        if (sourceIsLow)
            *sourceIsLow = low;
        return k;
    }

    friend bool operator==(const FlowKey &a, const FlowKey &b)
    {
        return a.ipv6 == b.ipv6 && a.protocol == b.protocol && a.lowAddress == b.lowAddress
            && a.highAddress == b.highAddress && a.lowPort == b.lowPort && a.highPort == b.highPort;
    }
    friend size_t qHash(const FlowKey &k, size_t seed = 0)
    {
        seed = qHashBits(k.lowAddress.data(), k.lowAddress.size(), seed);
        seed = qHashBits(k.highAddress.data(), k.highAddress.size(), seed);
        return qHashMulti(seed, k.ipv6, k.protocol, k.lowPort, k.highPort);
    }
};
