#pragma once

#include "net/session.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// What a datagram session can do beyond Session (the UDP tab): a remote target, the last sender, peers that expire,
// multicast groups.
class DatagramControl
{
public:
    // The largest payload one datagram can carry: 65,535 minus the IPv4 (20) and UDP (8) headers; IPv6's payload
    // length field excludes its own 40-byte header.
    static constexpr int MaxIPv4Payload = 65507;
    static constexpr int MaxIPv6Payload = 65527;
    // Above this a datagram is fragmented on an Ethernet path (MTU 1500 minus the headers).
    static constexpr int UnfragmentedIPv4Payload = 1472;
    static constexpr int UnfragmentedIPv6Payload = 1452;
    static constexpr qint64 DefaultPeerExpiryMs = 2 * 60 * 1000;

    struct Membership
    {
        QHostAddress group;
        QString interfaceName; // empty: the system's choice
        bool operator==(const Membership &o) const { return group == o.group && interfaceName == o.interfaceName; }
    };

    virtual ~DatagramControl() = default;

    // Where send() with no targets goes. A literal is used at once; a name is looked up once (sends wait for it,
    // a few at most, and fail with HostNotFound if it cannot be found). An empty host clears it. While the session is
    // bound, datagrams to the target leave from the bound port through a socket connected to the target, so that an
    // ICMP "port unreachable" it sends back is reported (PortUnreachable, with the target's peer id) while everyone
    // else's datagrams still arrive.
    virtual void setRemoteTarget(const QString &host, quint16 port) = 0;
    virtual QString remoteTargetHost() const = 0;
    virtual quint16 remoteTargetPort() const = 0;
    // The peer the last datagram came from; 0 when none (or it expired).
    virtual PeerId lastSender() const = 0;
    // A peer's remote address (null for an unknown peer).
    virtual QHostAddress peerAddress(PeerId id) const = 0;

    // A peer not heard from or sent to for this long leaves the peer table; 0 = never.
    virtual void setPeerExpiryMs(qint64 ms) = 0;
    virtual qint64 peerExpiryMs() const = 0;

    // Multicast. Joining needs a bound session; on failure errorOccurred(0, ...) says why and false is returned.
    // An IPv4 group is joined on the IPv4 socket, an IPv6 group on the IPv6 one (binding to all interfaces binds
    // both). Activity Joined / Left report each change.
    virtual bool joinGroup(const QHostAddress &group, const QString &interfaceName = {}) = 0;
    virtual bool leaveGroup(const QHostAddress &group, const QString &interfaceName = {}) = 0;
    virtual QList<Membership> groups() const = 0;
    // TTL (IPv4) and hop limit (IPv6) of datagrams sent to a group; 1 keeps them on the local network.
    virtual void setMulticastTtl(int ttl) = 0;
    virtual int multicastTtl() const = 0;
    // Whether our own datagrams to a group come back to us (and to other programs on this machine).
    virtual void setMulticastLoopback(bool on) = 0;
    virtual bool multicastLoopback() const = 0;

    static int maxPayload(const QHostAddress &destination)
    {
        return destination.protocol() == QAbstractSocket::IPv6Protocol ? MaxIPv6Payload : MaxIPv4Payload;
    }
};
