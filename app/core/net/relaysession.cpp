#include "net/relaysession.h"

#include "net/endpoint.h"
#include "net/relaypair.h"
#include "net/relaypipe.h"
#include "net/streamchannel.h"

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
    // The pairs' objects go with m_pairs, after this body: nothing of theirs may signal into a half-destroyed class.
    for (const auto &p : std::as_const(m_pairs))
        release(*p);
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
        release(*p);
        bury(p);
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
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const QString peerName = Endpoint::format(socket->peerAddress(), socket->peerPort());
        const QString localName = Endpoint::format(socket->localAddress(), socket->localPort());
        QString why;
        std::unique_ptr<StreamChannel> client = StreamChannel::adopt(socket, &why);
        socket->deleteLater();
        if (!client) {
            reportError(0, {SessionError::Kind::Resource, why}); // out of descriptors
            continue;
        }
        auto *upstream = new QTcpSocket(this);
        const PeerId id = addPeer(peerName, localName);
        auto p = std::make_shared<Pair>();
        p->client = std::move(client);
        p->connecting = upstream;
        watch(id, Side::Client, p->client.get());
        m_pairs.insert(id, p);

        connect(upstream, &QTcpSocket::connected, this, [this, id] { onUpstreamConnected(id); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, id] { onUpstreamError(id); });
        announcePeer(id);
        if (!pair(id))
            continue; // a slot of peerConnected closed the session or the pair
        if (m_connectTimeoutMs > 0) {
            QTimer::singleShot(m_connectTimeoutMs, upstream, [this, id] {
                Pair *q = pair(id);
                if (!q || q->upstreamUp)
                    return;
                reportError(id, {SessionError::Kind::TimedOut, QString()});
                endPair(id);
            });
        }
        upstream->connectToHost(m_targetHost, m_targetPort);
    }
}

// Each lambda carries the pair's id; a pair that has ended is simply not found.
void RelaySession::watch(PeerId id, Side side, StreamChannel *channel)
{
    const Side other = side == Side::Client ? Side::Target : Side::Client;
    connect(channel, &StreamChannel::readyRead, this, [this, id, side, channel] {
        if (Pair *p = pair(id); p && p->from(side))
            p->from(side)->pump();
        else if (p)
            channel->noticeEnd(); // a client that leaves while we connect
    });
    // Written bytes make room: read on from the other side.
    connect(channel, &StreamChannel::bytesWritten, this, [this, id, other] {
        if (Pair *p = pair(id); p && p->from(other))
            p->from(other)->pump();
    });
    connect(channel, &StreamChannel::readFinished, this, [this, id, side] { onStreamEnded(id, side); });
    connect(channel, &StreamChannel::failed, this,
        [this, id, side](QAbstractSocket::SocketError error, const QString &text) {
            onStreamFailed(id, side, SessionError::fromSocket(error, text));
        });
    connect(channel, &StreamChannel::finished, this, [this, id] {
        const Pair *p = pair(id);
        if (p && p->client->isFinished() && (!p->upstream || p->upstream->isFinished()))
            endPair(id);
    });
}

void RelaySession::onUpstreamConnected(PeerId id)
{
    Pair *p = pair(id);
    if (!p || !p->connecting)
        return;
    QTcpSocket *socket = p->connecting;
    disconnect(socket, nullptr, this, nullptr);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    p->upstreamLocal = Endpoint::format(socket->localAddress(), socket->localPort());
    const QString target = Endpoint::format(socket->peerAddress(), socket->peerPort());
    QString why;
    p->upstream = StreamChannel::adopt(socket, &why);
    socket->deleteLater(); // we are in its connected signal
    p->connecting = nullptr;
    if (!p->upstream) {
        reportError(id, {SessionError::Kind::Resource, why});
        endPair(id);
        return;
    }
    watch(id, Side::Target, p->upstream.get());
    p->toTarget = std::make_unique<RelayPipe>(p->client.get(), p->upstream.get(), m_bound,
        RelayPipe::Callbacks {[this, id](const QByteArray &data) { onForwarded(id, Side::Client, data); },
            [this, id] { cut(id, Side::Client); }});
    p->toClient = std::make_unique<RelayPipe>(p->upstream.get(), p->client.get(), m_bound,
        RelayPipe::Callbacks {[this, id](const QByteArray &data) { onForwarded(id, Side::Target, data); },
            [this, id] { cut(id, Side::Target); }});
    p->toTarget->setFaults(m_faults[0]);
    p->toClient->setFaults(m_faults[1]);
    p->upstreamUp = true;
    Q_EMIT m_control.upstreamConnected(id, p->upstreamLocal, target);
    if (!pair(id))
        return;
    p->toClient->start();
    if (!pair(id))
        return;
    p->toTarget->start(); // what the client sent meanwhile waits in its socket
    if (pair(id) && p->clientEnded)
        p->toTarget->sourceFinished(); // it ended before sending anything: the target sees the end at once
}

void RelaySession::onForwarded(PeerId id, Side from, const QByteArray &data)
{
    if (PeerInfo *info = peer(id)) {
        (from == Side::Client ? info->rxBytes : info->txBytes) += data.size();
        ++(from == Side::Client ? info->rxCount : info->txCount);
        info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    }
    Q_EMIT m_control.forwarded(id, from, data);
}

void RelaySession::onUpstreamError(PeerId id)
{
    Pair *p = pair(id);
    if (!p || !p->connecting || p->upstreamUp)
        return;
    // Refused, unreachable, not found: the client is closed and the reason reported with the pair.
    reportError(id, SessionError::fromSocket(p->connecting->error(), p->connecting->errorString()));
    endPair(id);
}

// A side's FIN: what it sent is forwarded and its end passed on; the other way stays open until the other side ends
// too (a client that half-closes after its request still gets the answer).
void RelaySession::onStreamEnded(PeerId id, Side side)
{
    Pair *p = pair(id);
    if (!p)
        return;
    (side == Side::Client ? p->clientEnded : p->upstreamEnded) = true;
    Q_EMIT m_control.sideEnded(id, side);
    if (!(p = pair(id)))
        return;
    if (RelayPipe *pipe = p->from(side))
        pipe->sourceFinished();
}

// A reset or a failed write: nothing more reaches that side, what it sent is forwarded, then the other side is
// closed.
void RelaySession::onStreamFailed(PeerId id, Side side, const SessionError &error)
{
    if (error.kind != SessionError::Kind::ClosedByPeer)
        reportError(id, error);
    Pair *p = pair(id);
    if (!p)
        return;
    (side == Side::Client ? p->clientEnded : p->upstreamEnded) = true;
    (side == Side::Client ? p->clientFailed : p->upstreamFailed) = true;
    if (!p->upstreamUp) {
        endPair(id); // the client left while we connected
        return;
    }
    p->from(side == Side::Client ? Side::Target : Side::Client)->stop();
    p->from(side)->sourceFailed();
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
    if (!(p = pair(id)))
        return;
    if (reset) {
        p->client->abortWithReset();
        p->upstream->abortWithReset();
        endPair(id);
        return;
    }
    closeBoth(*p);
}

// Graceful on both: what the sockets still hold is written, then each connection is closed (what a fault holds back
// in the pipes is dropped: the user or the cut asked for the end now); their finished() ends the pair.
void RelaySession::closeBoth(Pair &p)
{
    p.cutting = true;
    if (p.toTarget) {
        p.toTarget->stop();
        p.toClient->stop();
    }
    p.client->closeAfterWrites();
    if (p.upstream)
        p.upstream->closeAfterWrites();
}

void RelaySession::endPair(PeerId id)
{
    const auto it = m_pairs.find(id);
    if (it == m_pairs.end())
        return;
    const std::shared_ptr<Pair> p = *it;
    m_pairs.erase(it);
    release(*p);
    bury(p);
    removePeer(id);
}

// Stops the pair's pipes and closes its connections now, without a signal.
void RelaySession::release(Pair &p)
{
    if (p.toTarget) {
        p.toTarget->stop();
        p.toClient->stop();
    }
    for (StreamChannel *channel : {p.client.get(), p.upstream.get()}) {
        if (channel) {
            disconnect(channel, nullptr, this, nullptr);
            channel->abort();
        }
    }
    if (p.connecting) {
        disconnect(p.connecting, nullptr, this, nullptr);
        p.connecting->abort();
        p.connecting->deleteLater(); // this may run inside its own signal
    }
}

// Kept until the event loop turns: this may run inside one of the pair's pipes or channels' signals.
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
        // A side that has half-closed still reads: only one that can no longer be written to is skipped.
        if (!p || !p->upstreamUp || p->cutting || !p->channel(to)->canWrite())
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
    if (!p->upstreamUp) {
        endPair(id);
        return;
    }
    closeBoth(*p);
}

qint64 RelaySession::bytesToWrite(PeerId id) const
{
    const Pair *p = pair(id);
    return p && p->toClient ? p->toClient->buffered() : 0;
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
        if (Pair *p = pair(id); p && p->from(from))
            p->from(from)->setFaults(faults);
    }
}
