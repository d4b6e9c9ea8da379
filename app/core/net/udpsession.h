#pragma once

#include "net/datagramcontrol.h"
#include "net/peerexpiry.h"
#include "net/session.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTimer>

class QHostInfo;
class QUdpSocket;

// A bound UDP socket and the remote endpoints it exchanges datagrams with. Each received datagram is one received()
// with its destination address (our unicast address, a broadcast or a multicast group); each remote endpoint heard
// from or sent to is a peer, which expires after a quiet time.
//
// Binding to all interfaces binds two sockets on the same port, an IPv4 one and an IPv6-only one: Qt joins IPv4
// multicast groups only on a socket bound to an IPv4 address (QUdpSocket::joinMulticastGroup), and each family's
// datagrams then leave from the socket of that family.
class UdpSession : public Session, public DatagramControl
{
    Q_OBJECT
public:
    explicit UdpSession(QObject *parent = nullptr);
    ~UdpSession() override;

    // address: a local address, QHostAddress::Any for every interface (IPv4 + IPv6), AnyIPv4, AnyIPv6 or
    // LocalHost...; port 0 lets the system choose (localPort() tells). shareAddress lets other programs bind the
    // same port too (several multicast receivers on one machine). Binding again first closes. false and
    // errorOccurred(0, ...) when it cannot bind; Activity Bound with the endpoint on success.
    bool bind(const QHostAddress &address, quint16 port, bool shareAddress = false);

    Traits traits() const override { return {Peers::Many, Delivery::Datagrams, Role::Bind}; }
    void open(const OpenRequest &request) override { bind(request.address, request.port, request.shareAddress); }
    // Unbinds: every peer leaves (peerDisconnected), groups are left, Activity Stopped, Idle.
    void close() override;
    // Empty targets: the remote target (see DatagramControl). A datagram larger than the destination's family
    // allows is refused with DatagramTooLarge, nothing is sent. An empty datagram is a datagram.
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    // Forgets the peer (its row); it comes back when heard from again.
    void disconnectPeer(PeerId id) override;
    QHostAddress localAddress() const override { return state() == State::Open ? m_address : QHostAddress(); }
    quint16 localPort() const override { return state() == State::Open ? m_port : 0; }
    DatagramControl *datagrams() override { return this; }

    void setRemoteTarget(const QString &host, quint16 port) override;
    QString remoteTargetHost() const override { return m_targetHost; }
    quint16 remoteTargetPort() const override { return m_targetPort; }
    PeerId lastSender() const override { return hasPeer(m_lastSender) ? m_lastSender : 0; }
    void setPeerExpiryMs(qint64 ms) override { m_expiry.setExpiryMs(ms); }
    qint64 peerExpiryMs() const override { return m_expiry.expiryMs(); }
    bool joinGroup(const QHostAddress &group, const QString &interfaceName = {}) override;
    bool leaveGroup(const QHostAddress &group, const QString &interfaceName = {}) override;
    QList<Membership> groups() const override { return m_groups; }
    void setMulticastTtl(int ttl) override;
    int multicastTtl() const override { return m_ttl; }
    void setMulticastLoopback(bool on) override;
    bool multicastLoopback() const override { return m_loopback; }

    QHostAddress peerAddress(PeerId id) const override { return m_remotes.value(id).first; }

private:
    using Remote = QPair<QHostAddress, quint16>;

    QUdpSocket *bindOne(const QHostAddress &address, quint16 port, bool shareAddress, SessionError *error);
    void watch(QUdpSocket *socket);
    void readPending(QUdpSocket *socket);
    void readMore();
    QUdpSocket *socketFor(const QHostAddress &destination) const;
    PeerId peerFor(const QHostAddress &address, quint16 port, bool *isNew);
    bool sendTo(PeerId id, const Remote &remote, const QByteArray &data, QUdpSocket *via);
    void applyMulticastOptions(QUdpSocket *socket) const;
    // The remote target (udpsessiontarget.cpp).
    void resolveTarget();
    void onTargetLookedUp(const QHostInfo &info);
    void connectTargetSocket();
    void dropTargetSocket();
    void reportTargetUnreachable();
    int sendToTarget(const QByteArray &data);
    void flushTargetQueue();

    QList<QUdpSocket *> m_sockets; // bound: one, or an IPv4 and an IPv6 one for every interface
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_share = false;
    QHash<Remote, PeerId> m_peerOf;
    QHash<PeerId, Remote> m_remotes;
    PeerId m_lastSender = 0;
    PeerExpiry m_expiry;
    QTimer m_readMore; // the rest of a burst, on a later turn
    bool m_readingMore = false;
    QList<Membership> m_groups;
    int m_ttl = 1;
    bool m_loopback = true;

    QString m_targetHost;
    quint16 m_targetPort = 0;
    QHostAddress m_targetAddress; // null until resolved
    int m_lookupId = -1;
    QList<QByteArray> m_targetQueue; // sends waiting for the lookup
    // Bound to our port too and connected to the target: the OS reports an ICMP port unreachable only on a
    // connected UDP socket, and the target's own replies come to it.
    QPointer<QUdpSocket> m_targetSocket;
};
