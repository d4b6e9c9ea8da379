#include "net/tcpserversession.h"

#include "net/endpoint.h"
#include "net/socketlimits.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

namespace {
// QTcpServer accepts until this many sockets wait to be taken, then leaves the rest in the kernel's backlog until
// we take one. With AcceptsPerTurn below, that bounds the connections set up in one event-loop turn.
constexpr int MaxPendingConnections = 256;
// Connections taken per event-loop turn: setting one up costs ~25 us (socket, notifiers, table row, log event), and
// 10,000 clients connecting at once must not hold the window for a quarter of a second. Not below
// MaxPendingConnections, so that every socket Qt accepted in one turn is taken before the next poll.
constexpr int AcceptsPerTurn = 256;
// The kernel clamps this to net.core.somaxconn; Qt's default of 50 drops SYNs when hundreds of clients connect at once.
constexpr int ListenBacklog = 1024;
// Sockets of departed clients deleted per turn (see retire()).
constexpr qsizetype DeletesPerTurn = 256;
// How often the clock is read while handing queued sends to sockets (see setWriteSliceMs()).
constexpr int TimeCheckEvery = 16;
// Sends that may wait in the outbox before the next one writes them all at once (see send()).
constexpr size_t MaxQueuedSends = 64;
constexpr qint64 Unlimited = -1;
// Qt activates every ready socket in one pass of its event loop, and each reads up to its read buffer size (Qt's
// default of 0 reads all the kernel holds): the per-socket chunk shrinks as clients grow so that one turn reads about
// TurnReadBytes however many of them flood at once (bench, 50 clients flooding: 12.5 MiB and 30-80 ms per turn with
// 256 KiB each). Powers of two between the bounds, so the chunk changes only a few times as clients come and go.
constexpr qint64 TurnReadBytes = 4 * 1024 * 1024;
constexpr qint64 MaxReadChunkBytes = SocketLimits::ReadChunkBytes;
constexpr qint64 MinReadChunkBytes = 4 * 1024;

qint64 readChunkFor(qsizetype clients)
{
    qint64 chunk = MaxReadChunkBytes;
    while (chunk > MinReadChunkBytes && chunk * clients > TurnReadBytes)
        chunk /= 2;
    return chunk;
}
} // namespace

TcpServerSession::TcpServerSession(QObject *parent)
    : Session(parent)
{ }

TcpServerSession::~TcpServerSession()
{
    // Sockets and the server are our children; in ~QObject they would still signal into this half-destroyed object.
    for (QTcpSocket *socket : std::as_const(m_sockets))
        disconnect(socket, nullptr, this, nullptr);
    if (m_server)
        disconnect(m_server, nullptr, this, nullptr);
}

bool TcpServerSession::listen(const QHostAddress &address, quint16 port)
{
    close();
    QTcpServer *server = createServer();
    if (!server)
        return false; // createServer() said why
    server->setMaxPendingConnections(MaxPendingConnections);
    server->setListenBacklogSize(ListenBacklog);
    if (!server->listen(address, port)) {
        const SessionError error = SessionError::fromSocket(server->serverError(), server->errorString());
        delete server; // never connected to anything, nothing can be emitting from it
        reportError(0, error);
        return false;
    }
    m_server = server;
    connect(m_server, &QTcpServer::newConnection, this, &TcpServerSession::onNewConnection);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        reportError(0, SessionError::fromSocket(error, m_server->errorString()));
    });
    setState(State::Open);
    Q_EMIT activity(Activity::Listening, localEndpoint(), QString());
    return true;
}

QHostAddress TcpServerSession::localAddress() const
{
    return m_server && m_server->isListening() ? m_server->serverAddress() : QHostAddress();
}

quint16 TcpServerSession::localPort() const
{
    return m_server && m_server->isListening() ? m_server->serverPort() : 0;
}

int TcpServerSession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    if (data.isEmpty())
        return 0;
    QList<PeerId> ids = targets.isEmpty() ? peers() : targets;
    const auto count = std::count_if(ids.cbegin(), ids.cend(), [this](PeerId id) { return m_sockets.contains(id); });
    if (count == 0)
        return 0;
    // Behind what is still queued, so that every peer gets its sends in order.
    m_outbox.push_back({data, std::move(ids)});
    m_outboxBytes += data.size();
    // Sends arriving faster than the sockets take them (a 1 ms timed send to thousands of clients) would pile up
    // without bound: past MaxQueuedSends, everything queued is written now, however long that holds the window.
    writeOutbox(m_outbox.size() > MaxQueuedSends ? Unlimited : m_writeSliceMs);
    return int(count);
}

// Writes queued sends peer by peer until sliceMs is used up, then goes on at the next turn: one write and one TX
// record cost ~45 us, and a send to 10,000 clients held the window for half a second.
void TcpServerSession::writeOutbox(qint64 sliceMs)
{
    if (m_writing)
        return; // a slot of sent() queued more: the loop below gets to it
    m_writing = true;
    const quint64 generation = m_outboxGeneration;
    QElapsedTimer clock;
    clock.start();
    int written = 0;
    while (!m_outbox.empty()) {
        Outgoing &job = m_outbox.front();
        if (job.next == job.ids.size()) {
            m_outboxBytes -= job.data.size();
            m_outbox.pop_front();
            continue;
        }
        if (++written % TimeCheckEvery == 0 && sliceMs != Unlimited && clock.elapsed() >= sliceMs) {
            scheduleWrite();
            break;
        }
        const PeerId id = job.ids.at(job.next++);
        const auto it = m_sockets.constFind(id);
        if (it == m_sockets.constEnd())
            continue;
        const QByteArray data = job.data; // the job may be gone after the signal
        if (writeTo(id, *it, data) <= 0)
            continue;
        if (generation != m_outboxGeneration)
            return; // close() ran in a slot; it dropped the outbox and reset m_writing
        // The system call now, inside this turn's time: left to the socket's write notifier, the writes of a whole
        // slice ran in one later turn (~30 us each on loopback here, 40 ms turns during a broadcast to 10,000).
        // Looked up again: a slot of sent() may have disconnected the peer. flush() may emit bytesWritten,
        // errorOccurred and disconnected, which only touch m_sockets and the outbox's end.
        const auto again = m_sockets.constFind(id);
        if (again != m_sockets.constEnd())
            (*again)->flush();
        if (generation != m_outboxGeneration)
            return;
    }
    m_writing = false;
}

void TcpServerSession::scheduleWrite()
{
    if (m_writeScheduled)
        return;
    m_writeScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_writeScheduled = false;
            writeOutbox(m_writeSliceMs);
        },
        Qt::QueuedConnection);
}

void TcpServerSession::disconnectPeer(PeerId id)
{
    const auto it = m_sockets.constFind(id);
    if (it == m_sockets.constEnd())
        return;
    // Graceful: unsent data goes out first; disconnected() (possibly emitted right here) reports the peer gone.
    (*it)->disconnectFromHost();
}

void TcpServerSession::close()
{
    if (!m_server && m_sockets.isEmpty())
        return;
    const QString listened = localEndpoint();
    if (m_server) {
        disconnect(m_server, nullptr, this, nullptr);
        m_server->close();
    }
    const QHash<PeerId, QTcpSocket *> sockets = std::exchange(m_sockets, {});
    m_readChunk = 0;
    m_outbox.clear();
    m_outboxBytes = 0;
    ++m_outboxGeneration;
    m_writing = false;
    QList<PeerId> ids = sockets.keys();
    std::sort(ids.begin(), ids.end());
    for (const PeerId id : ids) {
        QTcpSocket *socket = sockets.value(id);
        disconnect(socket, nullptr, this, nullptr);
        socket->flush(); // hand what the kernel will take to it; the rest is dropped with the connection
        socket->abort();
        retire(socket); // close() may run inside this very socket's readyRead
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

qint64 TcpServerSession::bytesToWrite(PeerId id) const
{
    const auto it = m_sockets.constFind(id);
    // Sends still in the outbox count for every peer: a producer waits until they are written, which errs on the
    // side of queueing less.
    return it == m_sockets.constEnd() ? 0 : (*it)->bytesToWrite() + m_outboxBytes;
}

void TcpServerSession::onNewConnection()
{
    // Taken on the next turn, not here: QTcpServer emits this once per accepted socket from inside its accept loop.
    if (m_acceptScheduled)
        return;
    m_acceptScheduled = true;
    QMetaObject::invokeMethod(this, &TcpServerSession::takePendingConnections, Qt::QueuedConnection);
}

void TcpServerSession::takePendingConnections()
{
    m_acceptScheduled = false;
    for (int taken = 0; taken < AcceptsPerTurn; ++taken) {
        if (!m_server || !m_server->hasPendingConnections())
            break;
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        const QString endpoint = Endpoint::format(socket->peerAddress(), socket->peerPort());
        if (m_maxClients > 0 && m_sockets.size() >= m_maxClients) {
            socket->abort();
            socket->deleteLater();
            Q_EMIT activity(Activity::Refused, endpoint, QString());
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setReadBufferSize(readChunkFor(m_sockets.size() + 1));
        const PeerId id = addPeer(endpoint, Endpoint::format(socket->localAddress(), socket->localPort()));
        m_sockets.insert(id, socket);
        // Each lambda carries its peer's id, so every event costs one hash look-up however many clients there are.
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onClientReadyRead(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onClientDisconnected(id); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id](qint64 bytes) { Q_EMIT bytesWritten(id, bytes); });
        connect(socket, &QTcpSocket::errorOccurred, this,
            [this, id, socket](QAbstractSocket::SocketError error) { reportError(id, mapError(id, socket, error)); });
        setUpClient(id, socket);
        announcePeer(id);
        // Accepted by Qt a turn ago (or a nested event loop in a slot ran since): what the socket saw meanwhile was
        // signalled to nobody. Data stays buffered, and the state tells whether the peer has already gone.
        // Looked up again: a nested event loop in a slot of peerConnected may have seen this client leave.
        const auto it = m_sockets.constFind(id);
        if (it == m_sockets.constEnd())
            continue;
        if ((*it)->bytesAvailable() > 0)
            onClientReadyRead(id);
        const auto again = m_sockets.constFind(id); // a slot of received() may have closed the session
        if (again != m_sockets.constEnd() && (*again)->state() != QAbstractSocket::ConnectedState)
            onClientDisconnected(id);
    }
    updateReadChunk();
    if (m_server && m_server->hasPendingConnections())
        onNewConnection(); // the rest on the next turn
}

void TcpServerSession::updateReadChunk()
{
    const qint64 chunk = readChunkFor(m_sockets.size());
    if (chunk == m_readChunk)
        return;
    m_readChunk = chunk;
    for (QTcpSocket *socket : std::as_const(m_sockets))
        socket->setReadBufferSize(chunk);
}

void TcpServerSession::onClientReadyRead(PeerId id)
{
    const auto it = m_sockets.constFind(id);
    if (it == m_sockets.constEnd())
        return;
    // Not readAll(): read(bytesAvailable()) hands Qt's buffer chunk over without a copy (see tcpclientsession.cpp).
    const QByteArray data = (*it)->read((*it)->bytesAvailable());
    if (!data.isEmpty())
        deliver(id, data);
}

void TcpServerSession::onClientDisconnected(PeerId id)
{
    // Data that came with the FIN is still buffered: deliver it before the peer is reported gone.
    onClientReadyRead(id);
    const auto it = m_sockets.find(id); // again: a slot of received() may have changed m_sockets
    if (it == m_sockets.end())
        return;
    QTcpSocket *socket = *it;
    m_sockets.erase(it);
    disconnect(socket, nullptr, this, nullptr);
    retire(socket);
    updateReadChunk();
    removePeer(id);
}

// Deleted a batch per turn, not all with deleteLater(): 10,000 clients leaving at once otherwise cost one turn of
// 40-85 ms deleting sockets (each removal from the listener's child list is linear) after the turn that saw them go.
void TcpServerSession::retire(QTcpSocket *socket)
{
    m_retired.push_back(socket);
    if (m_retired.size() == 1)
        QMetaObject::invokeMethod(this, &TcpServerSession::deleteRetired, Qt::QueuedConnection);
}

void TcpServerSession::deleteRetired()
{
    // deleteLater(), not delete: a socket may still be on the stack below a nested event loop.
    const qsizetype count = std::min<qsizetype>(m_retired.size(), DeletesPerTurn);
    for (qsizetype i = 0; i < count; ++i) {
        if (QTcpSocket *socket = m_retired.at(i)) // gone already if close() deleted the listener, its parent
            socket->deleteLater();
    }
    m_retired.erase(m_retired.begin(), m_retired.begin() + count);
    if (!m_retired.empty())
        QMetaObject::invokeMethod(this, &TcpServerSession::deleteRetired, Qt::QueuedConnection);
}

QTcpServer *TcpServerSession::createServer()
{
    return new QTcpServer(this);
}

SessionError TcpServerSession::mapError(PeerId id, QTcpSocket *socket, QAbstractSocket::SocketError error)
{
    Q_UNUSED(id);
    return SessionError::fromSocket(error, socket->errorString());
}

QTcpSocket *TcpServerSession::clientSocket(PeerId id) const
{
    return m_sockets.value(id);
}

qint64 TcpServerSession::writeTo(PeerId id, QTcpSocket *socket, const QByteArray &data)
{
    const qint64 written = socket->write(data);
    if (written > 0)
        noteSent(id, data, written);
    return written;
}
