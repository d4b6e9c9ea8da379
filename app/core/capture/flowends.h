#pragma once

#include <QHostAddress>

#include <array>

// The two ends of a TCP connection or a UDP flow as NetAssist's log sees them: "local" is this program's socket,
// "remote" the peer. IPv4 or IPv6; a dual-stack socket reports IPv4 peers as IPv4-mapped IPv6 (::ffff:a.b.c.d),
// which normalized() turns back into IPv4 so that both ends are one family on the wire.
struct FlowEnds
{
    QHostAddress localAddress;
    quint16 localPort = 0;
    QHostAddress remoteAddress;
    quint16 remotePort = 0;

    // Both ends in one family: IPv4-mapped IPv6 becomes IPv4; a null or unspecified address (a socket bound to
    // "any") takes the unspecified address of the other end's family; if one end is still IPv4 and the other IPv6,
    // the IPv4 one is written as IPv4-mapped IPv6 (that is what such a socket pair exchanges). Never fails.
    FlowEnds normalized() const;
};

// FlowEnds in wire form: the address bytes of one family (IPv4 in the first 4 bytes), the ports. Hashable, so it
// keys a connection's state.
struct WireEnds
{
    bool ipv6 = false;
    std::array<quint8, 16> local {};
    std::array<quint8, 16> remote {};
    quint16 localPort = 0;
    quint16 remotePort = 0;

    static WireEnds from(const FlowEnds &ends); // normalizes first
    int addressLength() const { return ipv6 ? 16 : 4; }

    friend bool operator==(const WireEnds &a, const WireEnds &b)
    {
        return a.ipv6 == b.ipv6 && a.local == b.local && a.remote == b.remote && a.localPort == b.localPort
            && a.remotePort == b.remotePort;
    }
};

size_t qHash(const WireEnds &ends, size_t seed = 0);
