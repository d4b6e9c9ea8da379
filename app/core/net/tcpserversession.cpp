#include "net/tcpserversession.h"

#include "net/endpoint.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

namespace {
// QTcpServer keeps at most this many accepted-but-not-taken sockets (default 30) and stops accepting beyond it; we
// take them all on every newConnection, so the limit only matters if the event loop stalls under a connect storm.
constexpr int MaxPendingConnections = 10000;
// The kernel clamps this to net.core.somaxconn; Qt's default of 50 drops SYNs when hundreds of clients connect at once.
constexpr int ListenBacklog = 1024;
// Bounds what Qt reads per notification (its default reads all the kernel holds): see tcpclientsession.cpp.
constexpr qint64 ReadChunkBytes = 256 * 1024;
} // namespace

TcpServerSession::TcpServerSession(QObject *parent)
    : Session(parent)
{ }

TcpServerSession::~TcpServerSession()
{
    // Sockets and the server are our children; in ~QObject they would still signal into this half-destroyed object.
    for (const Client &client : std::as_const(m_clients))
        disconnect(client.socket, nullptr, this, nullptr);
    if (m_server)
        disconnect(m_server, nullptr, this, nullptr);
}

bool TcpServerSession::listen(const QHostAddress &address, quint16 port)
{
    close();
    auto *server = new QTcpServer(this);
    server->setMaxPendingConnections(MaxPendingConnections);
    server->setListenBacklogSize(ListenBacklog);
    if (!server->listen(address, port)) {
        const QAbstractSocket::SocketError error = server->serverError();
        const QString detail = server->errorString();
        delete server; // never connected to anything, nothing can be emitting from it
        Q_EMIT errorOccurred(0, error, detail);
        return false;
    }
    m_server = server;
    connect(m_server, &QTcpServer::newConnection, this, &TcpServerSession::onNewConnection);
    connect(m_server, &QTcpServer::acceptError, this,
        [this](QAbstractSocket::SocketError error) { Q_EMIT errorOccurred(0, error, m_server->errorString()); });
    setState(State::Open);
    return true;
}

quint16 TcpServerSession::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress TcpServerSession::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

int TcpServerSession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    if (data.isEmpty())
        return 0;
    // Ids first, then one hash look-up each: a slot of sent() may disconnect a peer and change m_clients under us.
    const QList<PeerId> ids = targets.isEmpty() ? m_clients.keys() : targets;
    int count = 0;
    for (const PeerId id : ids) {
        const auto it = m_clients.find(id);
        if (it == m_clients.end())
            continue;
        if (writeTo(*it, data) <= 0)
            continue;
        ++count;
        Q_EMIT sent(id, data);
    }
    return count;
}

QList<PeerId> TcpServerSession::peers() const
{
    QList<PeerId> ids = m_clients.keys();
    // Ids grow with time, so sorting gives connection order whatever the hash does.
    std::sort(ids.begin(), ids.end());
    return ids;
}

Session::PeerInfo TcpServerSession::peerInfo(PeerId id) const
{
    const auto it = m_clients.constFind(id);
    return it == m_clients.constEnd() ? PeerInfo() : it->info;
}

void TcpServerSession::disconnectPeer(PeerId id)
{
    const auto it = m_clients.constFind(id);
    if (it == m_clients.constEnd())
        return;
    // Graceful: unsent data goes out first; disconnected() (possibly emitted right here) reports the peer gone.
    it->socket->disconnectFromHost();
}

void TcpServerSession::close()
{
    if (!m_server && m_clients.isEmpty())
        return;
    if (m_server) {
        disconnect(m_server, nullptr, this, nullptr);
        m_server->close();
    }
    const QHash<PeerId, Client> clients = std::exchange(m_clients, {});
    QList<PeerId> ids = clients.keys();
    std::sort(ids.begin(), ids.end());
    for (const PeerId id : ids) {
        QTcpSocket *socket = clients.value(id).socket;
        disconnect(socket, nullptr, this, nullptr);
        socket->flush(); // hand what the kernel will take to it; the rest is dropped with the connection
        socket->abort();
        socket->deleteLater(); // close() may run inside this very socket's readyRead
    }
    if (m_server) {
        m_server->deleteLater();
        m_server = nullptr;
    }
    for (const PeerId id : ids)
        Q_EMIT peerDisconnected(id, clients.value(id).info.endpoint);
    setState(State::Idle);
}

QString TcpServerSession::localEndpoint() const
{
    // For QHostAddress::Any this is "[::]:8000": a real address meaning "every interface", not a made-up "*:8000".
    if (!m_server || !m_server->isListening())
        return {};
    return Endpoint::format(m_server->serverAddress(), m_server->serverPort());
}

qint64 TcpServerSession::bytesToWrite(PeerId id) const
{
    const auto it = m_clients.constFind(id);
    return it == m_clients.constEnd() ? 0 : it->socket->bytesToWrite();
}

void TcpServerSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TcpServerSession::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        const QString endpoint = Endpoint::format(socket->peerAddress(), socket->peerPort());
        if (m_maxClients > 0 && m_clients.size() >= m_maxClients) {
            socket->abort();
            socket->deleteLater();
            Q_EMIT clientRefused(endpoint);
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setReadBufferSize(ReadChunkBytes);
        const PeerId id = m_nextId++;
        Client client;
        client.socket = socket;
        client.info.id = id;
        client.info.endpoint = endpoint;
        client.info.connectedAtMs = QDateTime::currentMSecsSinceEpoch();
        m_clients.insert(id, client);
        // Each lambda carries its peer's id, so every event costs one hash look-up however many clients there are.
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onClientReadyRead(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onClientDisconnected(id); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id](qint64 bytes) { Q_EMIT bytesWritten(id, bytes); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, id, socket](QAbstractSocket::SocketError error) {
            // FIN and reset both arrive as RemoteHostClosedError; peerDisconnected reports those.
            if (error != QAbstractSocket::RemoteHostClosedError)
                Q_EMIT errorOccurred(id, error, socket->errorString());
        });
        Q_EMIT peerConnected(id, endpoint);
    }
}

void TcpServerSession::onClientReadyRead(PeerId id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    // Not readAll(): read(bytesAvailable()) hands Qt's buffer chunk over without a copy (see tcpclientsession.cpp).
    const QByteArray data = it->socket->read(it->socket->bytesAvailable());
    if (data.isEmpty())
        return;
    it->info.rxBytes += data.size();
    Q_EMIT received(id, data);
}

void TcpServerSession::onClientDisconnected(PeerId id)
{
    // Data that came with the FIN is still buffered: deliver it before the peer is reported gone.
    onClientReadyRead(id);
    const auto it = m_clients.find(id); // again: a slot of received() may have changed m_clients
    if (it == m_clients.end())
        return;
    const Client client = *it;
    m_clients.erase(it);
    disconnect(client.socket, nullptr, this, nullptr);
    client.socket->deleteLater();
    Q_EMIT peerDisconnected(id, client.info.endpoint);
}

qint64 TcpServerSession::writeTo(Client &client, const QByteArray &data)
{
    const qint64 written = client.socket->write(data);
    if (written > 0)
        client.info.txBytes += written;
    return written;
}
