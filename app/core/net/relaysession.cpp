#include "net/relaysession.h"

#include "net/endpoint.h"
#include "net/relaypair.h"
#include "net/relaypipe.h"
#include "net/socketlimits.h"
#include "net/socketreset.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {
constexpr int ListenBacklog = 1024;

} // namespace

RelaySession::RelaySession(QObject *parent)
    : Session(parent)
    , m_control(this)
{ }

RelaySession::~RelaySession()
{
    // Sockets are children of this object (and of the server); in ~QObject they would signal into a dead class.
    for (const auto &p : std::as_const(m_pairs)) {
        for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
            if (socket)
                disconnect(socket, nullptr, this, nullptr);
        }
        p->toTarget->stop();
        p->toClient->stop();
    }
    if (m_server)
        disconnect(m_server, nullptr, this, nullptr);
}

void RelaySession::open(const OpenRequest &request)
{
    close();
    m_targetHost = Endpoint::unbracketed(request.targetHost);
    m_targetPort = request.targetPort;
    m_connectTimeoutMs = request.timeoutMs;
    auto *server = new QTcpServer(this);
    server->setListenBacklogSize(ListenBacklog);
    if (!server->listen(request.address, request.port)) {
        const SessionError error = SessionError::fromSocket(server->serverError(), server->errorString());
        delete server;
        reportError(0, error);
        return;
    }
    m_server = server;
    connect(m_server, &QTcpServer::newConnection, this, &RelaySession::onNewConnection);
    setState(State::Open);
    Q_EMIT activity(Activity::Listening, localEndpoint(), QString());
}

void RelaySession::close()
{
    if (!m_server && m_pairs.isEmpty())
        return;
    const QString listened = localEndpoint();
    if (m_server) {
        disconnect(m_server, nullptr, this, nullptr);
        m_server->close();
    }
    const auto pairs = std::exchange(m_pairs, {});
    for (const auto &p : pairs) {
        bury(p);
        p->toTarget->stop();
        p->toClient->stop();
        for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
            if (!socket)
                continue;
            disconnect(socket, nullptr, this, nullptr);
            socket->abort();
            socket->setParent(this); // not the server's: it goes below
            socket->deleteLater(); // close() may run inside this socket's own signal
        }
    }
    if (m_server) {
        m_server->deleteLater();
        m_server = nullptr;
    }
    removeAllPeers();
    if (!listened.isEmpty())
        Q_EMIT activity(Activity::Stopped, listened, QString());
    setState(State::Idle);
}

QHostAddress RelaySession::localAddress() const
{
    return m_server && m_server->isListening() ? m_server->serverAddress() : QHostAddress();
}

quint16 RelaySession::localPort() const
{
    return m_server && m_server->isListening() ? m_server->serverPort() : 0;
}

RelaySession::Pair *RelaySession::pair(PeerId id) const
{
    const auto it = m_pairs.constFind(id);
    return it == m_pairs.constEnd() ? nullptr : it->get();
}

void RelaySession::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *client = m_server->nextPendingConnection();
        if (!client)
            return;
        client->setParent(this);
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Bounded, so that bytes the relay is not ready to forward stay in the kernel (TCP flow control).
        client->setReadBufferSize(SocketLimits::ReadChunkBytes);
        auto *upstream = new QTcpSocket(this);
        upstream->setReadBufferSize(SocketLimits::ReadChunkBytes);

        const PeerId id = addPeer(Endpoint::format(client->peerAddress(), client->peerPort()),
            Endpoint::format(client->localAddress(), client->localPort()));
        auto p = std::make_shared<Pair>();
        p->client = client;
        p->upstream = upstream;
        p->toTarget = std::make_unique<RelayPipe>(client, upstream, m_bound,
            RelayPipe::Callbacks {[this, id](const QByteArray &data) {
                                      if (PeerInfo *info = peer(id)) {
                                          info->rxBytes += data.size();
                                          ++info->rxCount;
                                          info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
                                      }
                                      Q_EMIT m_control.forwarded(id, Side::Client, data);
                                  },
                [this, id] { cut(id, Side::Client); }});
        p->toClient = std::make_unique<RelayPipe>(upstream, client, m_bound,
            RelayPipe::Callbacks {[this, id](const QByteArray &data) {
                                      if (PeerInfo *info = peer(id)) {
                                          info->txBytes += data.size();
                                          ++info->txCount;
                                          info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
                                      }
                                      Q_EMIT m_control.forwarded(id, Side::Target, data);
                                  },
                [this, id] { cut(id, Side::Target); }});
        p->toTarget->setFaults(m_faults[0]);
        p->toClient->setFaults(m_faults[1]);
        m_pairs.insert(id, p);

        // Each lambda carries the pair's id; a pair that has ended is simply not found.
        connect(client, &QTcpSocket::readyRead, this, [this, id] {
            if (Pair *q = pair(id))
                q->toTarget->pump();
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, id] {
            if (Pair *q = pair(id))
                q->toClient->pump();
        });
        // Written bytes make room: read on from the other side.
        connect(client, &QTcpSocket::bytesWritten, this, [this, id] {
            if (Pair *q = pair(id))
                q->toClient->pump();
        });
        connect(upstream, &QTcpSocket::bytesWritten, this, [this, id] {
            if (Pair *q = pair(id))
                q->toTarget->pump();
        });
        connect(client, &QTcpSocket::disconnected, this, [this, id] { onSideClosed(id, Side::Client); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, id] { onSideClosed(id, Side::Target); });
        connect(upstream, &QTcpSocket::connected, this, [this, id] { onUpstreamConnected(id); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, id] { onUpstreamError(id); });
        connect(client, &QTcpSocket::errorOccurred, this, [this, id, client](QAbstractSocket::SocketError error) {
            reportError(id, SessionError::fromSocket(error, client->errorString()));
        });
        announcePeer(id);
        if (!pair(id))
            continue; // a slot of peerConnected closed the session or the pair
        if (m_connectTimeoutMs > 0) {
            QTimer::singleShot(m_connectTimeoutMs, upstream, [this, id] {
                Pair *q = pair(id);
                if (!q || q->upstreamUp)
                    return;
                reportError(id, {SessionError::Kind::TimedOut, QString()});
                if (pair(id) && q->client)
                    q->client->abort();
                endPair(id);
            });
        }
        upstream->connectToHost(m_targetHost, m_targetPort);
    }
}

void RelaySession::onUpstreamConnected(PeerId id)
{
    Pair *p = pair(id);
    if (!p)
        return;
    p->upstreamUp = true;
    p->upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    p->upstreamLocal = Endpoint::format(p->upstream->localAddress(), p->upstream->localPort());
    Q_EMIT m_control.upstreamConnected(
        id, p->upstreamLocal, Endpoint::format(p->upstream->peerAddress(), p->upstream->peerPort()));
    if (!pair(id))
        return;
    p->toClient->start();
    if (pair(id))
        p->toTarget->start(); // what the client sent meanwhile waits in its socket
}

void RelaySession::onUpstreamError(PeerId id)
{
    Pair *p = pair(id);
    if (!p || !p->upstream)
        return;
    const SessionError error = SessionError::fromSocket(p->upstream->error(), p->upstream->errorString());
    if (p->upstreamUp) {
        // The target closing is the end of its stream (onSideClosed), not an error.
        if (error.kind != SessionError::Kind::ClosedByPeer)
            reportError(id, error);
        return;
    }
    // Refused, unreachable, not found: the client is closed and the reason reported with the pair.
    reportError(id, error);
    p = pair(id);
    if (!p)
        return;
    if (p->client) {
        disconnect(p->client, nullptr, this, nullptr);
        p->client->abort();
    }
    endPair(id);
}

void RelaySession::onSideClosed(PeerId id, Side side)
{
    Pair *p = pair(id);
    if (!p)
        return;
    if (side == Side::Client)
        p->clientClosed = true;
    else
        p->upstreamClosed = true;
    if (side == Side::Target && !p->upstreamUp)
        return; // a failed connection attempt: onUpstreamError ends the pair
    // What the closed side sent is forwarded, then the other side is closed; nothing more can reach the closed side.
    p->from(side == Side::Client ? Side::Target : Side::Client)->stop();
    p->from(side)->sourceFinished();
    p = pair(id);
    if (p && p->clientClosed && p->upstreamClosed)
        endPair(id);
}

void RelaySession::cut(PeerId id, Side from)
{
    Pair *p = pair(id);
    if (!p)
        return;
    const RelayControl::Faults &faults = m_faults[RelayControl::sideIndex(from)];
    const bool reset = faults.cutWithReset;
    RelayControl::FaultEvent event;
    event.kind = reset ? RelayControl::FaultEvent::Kind::Reset : RelayControl::FaultEvent::Kind::Closed;
    event.bytes = faults.cutAfterBytes;
    Q_EMIT m_control.faultEvent(id, from, event);
    p = pair(id);
    if (!p)
        return;
    p->cutting = true;
    p->toTarget->stop();
    p->toClient->stop();
    if (reset) {
        for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
            if (socket) {
                disconnect(socket, nullptr, this, nullptr);
                SocketReset::abortWithReset(socket);
            }
        }
        endPair(id);
        return;
    }
    // Graceful on both; their disconnected() ends the pair.
    for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
        if (socket)
            socket->disconnectFromHost();
    }
}

void RelaySession::endPair(PeerId id)
{
    const auto it = m_pairs.find(id);
    if (it == m_pairs.end())
        return;
    const std::shared_ptr<Pair> p = *it;
    m_pairs.erase(it);
    bury(p);
    p->toTarget->stop();
    p->toClient->stop();
    for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
        if (!socket)
            continue;
        disconnect(socket, nullptr, this, nullptr);
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
        socket->deleteLater(); // this may run inside one of its signals
    }
    removePeer(id);
}

// Kept until the event loop turns: this may run inside one of the pair's pipes (a write that closed a socket).
void RelaySession::bury(const std::shared_ptr<Pair> &p)
{
    QTimer::singleShot(0, this, [p] {});
}

int RelaySession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    return inject(Side::Client, data, targets);
}

int RelaySession::inject(Side to, const QByteArray &data, const QList<PeerId> &pairs)
{
    if (data.isEmpty())
        return 0;
    const QList<PeerId> ids = pairs.isEmpty() ? peers() : pairs;
    int count = 0;
    for (const PeerId id : ids) {
        Pair *p = pair(id);
        if (!p || !p->upstreamUp || (to == Side::Client ? p->clientClosed : p->upstreamClosed))
            continue;
        Q_EMIT m_control.injected(id, to, data);
        if (!(p = pair(id)))
            continue;
        // Towards the client is the direction the target sends in, and the reverse.
        p->from(to == Side::Client ? Side::Target : Side::Client)->inject(data);
        ++count;
    }
    return count;
}

void RelaySession::disconnectPeer(PeerId id)
{
    Pair *p = pair(id);
    if (!p)
        return;
    p->cutting = true;
    for (QTcpSocket *socket : {p->client.data(), p->upstream.data()}) {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->disconnectFromHost();
        if (!pair(id))
            return;
    }
    if (!p->upstreamUp) {
        if (p->upstream)
            p->upstream->abort();
        endPair(id);
    }
}

qint64 RelaySession::bytesToWrite(PeerId id) const
{
    const Pair *p = pair(id);
    return p ? p->toClient->buffered() : 0;
}

void RelaySession::applyFaults(Side from, const RelayControl::Faults &faults)
{
    RelayControl::Faults &current = m_faults[RelayControl::sideIndex(from)];
    if (current == faults)
        return;
    current = faults;
    Q_EMIT m_control.faultEvent(0, from, {RelayControl::FaultEvent::Kind::Changed, faults, 0});
    const QList<PeerId> ids = peers();
    for (const PeerId id : ids) {
        if (Pair *p = pair(id))
            p->from(from)->setFaults(faults);
    }
}
