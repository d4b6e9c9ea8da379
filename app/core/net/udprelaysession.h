#pragma once

#include "net/peerexpiry.h"
#include "net/relaycontrol.h"
#include "net/session.h"

#include <QHash>
#include <QHostAddress>
#include <QPair>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <array>
#include <memory>

class QUdpSocket;
class UdpRelaySession;

// UdpRelaySession's RelayControl: a child object, since one class cannot be two QObjects.
class UdpRelaySessionControl final : public RelayControl
{
public:
    explicit UdpRelaySessionControl(UdpRelaySession *session);
    QString targetHost() const override;
    quint16 targetPort() const override;
    void setFaults(Side from, const Faults &faults) override;
    Faults faults(Side from) const override;
    void setBufferBound(qint64 bytes) override;
    qint64 bufferBound() const override;
    int inject(Side to, const QByteArray &data, const QList<PeerId> &pairs = {}) override;
    QString upstreamEndpoint(PeerId pair) const override;
    qint64 bufferedBytes(PeerId pair) const override;
    PairState pairState(PeerId pair) const override;
    void setPairExpiryMs(qint64 ms) override;
    qint64 pairExpiryMs() const override;
    void setDropSeed(quint32 seed) override;

private:
    UdpRelaySession *m_session;
};

// A UDP relay: binds (OpenRequest address/port) and forwards every datagram a client sends to the target
// (OpenRequest targetHost/targetPort) from an upstream socket of that client's own, so the target's replies can be
// told apart and go back to the right client. A pair is one peer: its endpoint the client's; rxBytes counts what the
// client sent, txBytes what the target sent. A pair nobody has sent on for pairExpiryMs is forgotten, like the UDP
// tab's peers.
//
// The upstream socket is connected to the target, so the target's replies are the only datagrams it reads and an
// ICMP port unreachable is reported (PortUnreachable, with the pair) rather than lost; the pair stays, since a
// target may start listening later. Every datagram is forwarded whole, as one datagram, in the order read.
// send() injects to the client side; disconnectPeer() forgets the pair; close() unbinds and forgets every pair.
class UdpRelaySession : public Session
{
    Q_OBJECT
public:
    explicit UdpRelaySession(QObject *parent = nullptr);
    ~UdpRelaySession() override;

    Traits traits() const override { return {Peers::Many, Delivery::Datagrams, Role::Bind}; }
    void open(const OpenRequest &request) override;
    void close() override;
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    void disconnectPeer(PeerId id) override;
    qint64 bytesToWrite(PeerId id) const override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    RelayControl *relay() override { return &m_control; }

private:
    friend class UdpRelaySessionControl;
    using Side = RelayControl::Side;
    using Remote = QPair<QHostAddress, quint16>;
    struct Pair;

    void readClients();
    void readUpstream(PeerId id);
    void readMore();
    PeerId pairFor(const QHostAddress &address, quint16 port);
    void onUpstreamConnected(PeerId id);
    void onUpstreamError(PeerId id, int error);
    void forward(PeerId id, Side from, const QByteArray &datagram);
    bool write(PeerId id, Side to, const QByteArray &datagram);
    void endPair(PeerId id);
    void release(const std::shared_ptr<Pair> &p);
    void applyFaults(Side from, const RelayControl::Faults &faults);
    int inject(Side to, const QByteArray &data, const QList<PeerId> &pairs);
    Pair *pair(PeerId id) const;

    UdpRelaySessionControl m_control;
    QUdpSocket *m_socket = nullptr;
    QString m_targetHost;
    quint16 m_targetPort = 0;
    QHash<Remote, PeerId> m_pairOf;
    QHash<PeerId, std::shared_ptr<Pair>> m_pairs;
    std::array<RelayControl::Faults, 2> m_faults; // by the sending side
    std::array<QRandomGenerator, 2> m_drops; // decides which datagrams dropPercent drops
    quint32 m_dropSeed;
    qint64 m_bound = RelayControl::DefaultBufferBound;
    PeerExpiry m_expiry;
    QTimer m_readMore; // the rest of a burst, on a later turn
    bool m_clientsHaveMore = false;
    QSet<PeerId> m_upstreamsWithMore;
};
