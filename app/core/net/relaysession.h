#pragma once

#include "net/relaycontrol.h"
#include "net/session.h"

#include <QHash>
#include <QPointer>

#include <array>
#include <memory>

class QTcpServer;
class RelayPipe;
class RelaySession;
class StreamChannel;

// RelaySession's RelayControl: a child object, since one class cannot be two QObjects.
class RelaySessionControl final : public RelayControl
{
public:
    explicit RelaySessionControl(RelaySession *session);
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

private:
    RelaySession *m_session;
};

// A TCP relay: listens (OpenRequest address/port) and forwards every accepted connection over a new connection to
// the target (OpenRequest targetHost/targetPort). A pair is one peer: its endpoint the client's, its local endpoint
// our end of the client's connection; rxBytes counts what the client sent, txBytes what the target sent.
//
// A client's bytes are read only once its upstream connection is up. When the target refuses or cannot be reached
// (or does not answer within timeoutMs) the error is reported with the pair's id and the client is closed.
// A side that ends its stream (FIN) has everything it sent forwarded, then the other side reads the end too and may
// still answer: a half-close is passed on (StreamChannel, since QTcpSocket cannot); the pair ends when both have.
// A side that fails (a reset) has what it sent forwarded, then the other side is closed.
// send() injects to the client side (RelayControl::inject for either side); disconnectPeer() closes both connections
// gracefully; close() aborts every pair.
class RelaySession : public Session
{
    Q_OBJECT
public:
    explicit RelaySession(QObject *parent = nullptr);
    ~RelaySession() override;

    Traits traits() const override { return {Peers::Many, Delivery::Stream, Role::Listen}; }
    void open(const OpenRequest &request) override;
    void close() override;
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    void disconnectPeer(PeerId id) override;
    qint64 bytesToWrite(PeerId id) const override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    RelayControl *relay() override { return &m_control; }

private:
    friend class RelaySessionControl;
    using Side = RelayControl::Side;
    struct Pair;

    void onNewConnection();
    void watch(PeerId id, Side side, StreamChannel *channel);
    void onUpstreamConnected(PeerId id);
    void onUpstreamError(PeerId id);
    void onForwarded(PeerId id, Side from, const QByteArray &data);
    void onStreamEnded(PeerId id, Side side);
    void onStreamFailed(PeerId id, Side side, const SessionError &error);
    void cut(PeerId id, Side from);
    void closeBoth(Pair &p);
    void endPair(PeerId id);
    void release(Pair &p);
    void bury(const std::shared_ptr<Pair> &p);
    void applyFaults(Side from, const RelayControl::Faults &faults);
    int inject(Side to, const QByteArray &data, const QList<PeerId> &pairs);
    Pair *pair(PeerId id) const;

    RelaySessionControl m_control;
    QTcpServer *m_server = nullptr;
    QString m_targetHost;
    quint16 m_targetPort = 0;
    int m_connectTimeoutMs = 10000;
    QHash<PeerId, std::shared_ptr<Pair>> m_pairs;
    std::array<RelayControl::Faults, 2> m_faults; // by the sending side
    qint64 m_bound = RelayControl::DefaultBufferBound;
};
