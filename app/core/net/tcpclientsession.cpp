#include "net/tcpclientsession.h"

#include "net/endpoint.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTcpSocket>

namespace {
// Qt's default (0) reads everything the kernel holds on each notification: under a flood that is several MB per
// read into freshly mapped memory, a GUI stall of 150-350 ms and a log record of MBs. 256 KiB per read keeps the
// loop turning (bench: stall max 350 -> 16 ms, ingest 0.40 -> 0.6 of a bare socket); Qt reads on once drained.
constexpr qint64 ReadChunkBytes = 256 * 1024;
} // namespace

TcpClientSession::TcpClientSession(QObject *parent)
    : Session(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &TcpClientSession::onTimeout);
}

TcpClientSession::~TcpClientSession()
{
    // The socket is our child and would abort (and emit disconnected) in ~QObject, after this class is gone.
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void TcpClientSession::open(const QString &host, quint16 port, quint16 localPort, int timeoutMs)
{
    if (m_socket) {
        // Reopening replaces the connection: the old one is reported gone now and closes gracefully on its own.
        const PeerInfo old = m_peer;
        QTcpSocket *previous = m_socket;
        disconnect(previous, nullptr, this, nullptr);
        m_socket = nullptr;
        m_peer = {};
        m_connectTimer.stop();
        connect(previous, &QTcpSocket::disconnected, previous, &QObject::deleteLater);
        previous->disconnectFromHost();
        if (previous->state() == QAbstractSocket::UnconnectedState)
            previous->deleteLater();
        if (old.id != 0)
            Q_EMIT peerDisconnected(old.id, old.endpoint);
    }

    QString target = host.trimmed();
    if (target.startsWith(u'[') && target.endsWith(u']'))
        target = target.mid(1, target.size() - 2);

    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(ReadChunkBytes);
    connect(m_socket, &QTcpSocket::connected, this, &TcpClientSession::onConnected);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClientSession::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClientSession::onError);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClientSession::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 bytes) {
        if (m_peer.id != 0)
            Q_EMIT bytesWritten(m_peer.id, bytes);
    });
    setState(State::Opening);

    if (localPort != 0) {
        // The bound socket's family is fixed before connecting: a literal target picks its own family, a name gets
        // the dual-stack Any so that either resolved family can still connect.
        const QHostAddress literal(target);
        QHostAddress bindAddress(QHostAddress::Any);
        if (literal.protocol() == QAbstractSocket::IPv4Protocol)
            bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        else if (literal.protocol() == QAbstractSocket::IPv6Protocol)
            bindAddress = QHostAddress(QHostAddress::AnyIPv6);
        // ReuseAddressHint lets a user reconnect from the same local port while the last connection is in TIME_WAIT.
        if (!m_socket->bind(bindAddress, localPort, QAbstractSocket::ReuseAddressHint)) {
            // bind() also emits errorOccurred, which onError() has already handled if it dropped the socket.
            if (m_socket) {
                const QAbstractSocket::SocketError error = m_socket->error();
                const QString detail = m_socket->errorString();
                dropSocket();
                Q_EMIT errorOccurred(0, error, detail);
                if (!m_socket)
                    setState(State::Idle);
            }
            return;
        }
    }

    if (timeoutMs > 0)
        m_connectTimer.start(timeoutMs);
    m_socket->connectToHost(target, port);
}

int TcpClientSession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    if (m_state != State::Open || !m_socket || data.isEmpty())
        return 0;
    if (!targets.isEmpty() && !targets.contains(m_peer.id))
        return 0;
    const qint64 written = m_socket->write(data);
    if (written <= 0)
        return 0;
    m_peer.txBytes += written;
    Q_EMIT sent(m_peer.id, data);
    return 1;
}

QList<PeerId> TcpClientSession::peers() const
{
    if (m_peer.id == 0)
        return {};
    return {m_peer.id};
}

Session::PeerInfo TcpClientSession::peerInfo(PeerId id) const
{
    if (id == 0 || id != m_peer.id)
        return {};
    return m_peer;
}

void TcpClientSession::disconnectPeer(PeerId id)
{
    if (id != 0 && id == m_peer.id)
        close();
}

void TcpClientSession::close()
{
    if (!m_socket)
        return;
    m_connectTimer.stop();
    if (m_state == State::Opening) {
        dropSocket();
        setState(State::Idle);
        return;
    }
    if (m_state == State::Closing) {
        // A second close does not wait any longer for unsent data (a peer that does not read could hold it forever).
        m_socket->abort(); // emits disconnected -> onDisconnected()
        return;
    }
    setState(State::Closing);
    // With nothing left to write this emits disconnected synchronously; otherwise once the data is out.
    m_socket->disconnectFromHost();
}

QString TcpClientSession::localEndpoint() const
{
    if (!m_socket || m_peer.id == 0)
        return {};
    return Endpoint::format(m_socket->localAddress(), m_socket->localPort());
}

qint64 TcpClientSession::bytesToWrite(PeerId id) const
{
    if (!m_socket || id == 0 || id != m_peer.id)
        return 0;
    return m_socket->bytesToWrite();
}

void TcpClientSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TcpClientSession::onConnected()
{
    m_connectTimer.stop();
    // A debugging tool should put each send on the wire at once rather than let Nagle coalesce small writes.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer = {};
    m_peer.id = m_nextId++;
    m_peer.endpoint = Endpoint::format(m_socket->peerAddress(), m_socket->peerPort());
    m_peer.connectedAtMs = QDateTime::currentMSecsSinceEpoch();
    setState(State::Open);
    Q_EMIT peerConnected(m_peer.id, m_peer.endpoint);
}

void TcpClientSession::onDisconnected()
{
    QTcpSocket *socket = m_socket;
    // Data that arrived together with the FIN is still buffered: deliver it before reporting the end.
    if (socket && socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_socket != socket)
        return; // a slot of received() closed or reopened the session
    const PeerInfo old = m_peer;
    m_peer = {};
    dropSocket();
    if (old.id != 0)
        Q_EMIT peerDisconnected(old.id, old.endpoint);
    if (!m_socket) // unless a slot has opened a new connection already
        setState(State::Idle);
}

void TcpClientSession::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (m_peer.id == 0) {
        // Failed to connect (refused, host not found, bind failed...): the session itself failed.
        m_connectTimer.stop();
        const QString detail = m_socket->errorString();
        dropSocket();
        Q_EMIT errorOccurred(0, error, detail);
        if (!m_socket) // a slot may already have retried
            setState(State::Idle);
        return;
    }
    // Qt reports both an orderly FIN and a reset as RemoteHostClosedError; either way disconnected() follows and
    // peerDisconnected says it, so it is not an error worth a second line in the log.
    if (error == QAbstractSocket::RemoteHostClosedError)
        return;
    Q_EMIT errorOccurred(m_peer.id, error, m_socket->errorString());
}

void TcpClientSession::onReadyRead()
{
    if (!m_socket)
        return;
    // read(bytesAvailable()) rather than readAll(): when Qt's buffer is one chunk (one read per notification, the
    // usual case) QIODevice::read(qint64) hands that chunk over without copying it.
    const QByteArray data = m_socket->read(m_socket->bytesAvailable());
    if (data.isEmpty())
        return;
    m_peer.rxBytes += data.size();
    Q_EMIT received(m_peer.id, data);
}

void TcpClientSession::onTimeout()
{
    if (!m_socket || m_state != State::Opening)
        return;
    dropSocket();
    // Qt has no text of its own for a timeout we measured; the UI words SocketTimeoutError itself.
    Q_EMIT errorOccurred(0, QAbstractSocket::SocketTimeoutError, QString());
    if (!m_socket)
        setState(State::Idle);
}

void TcpClientSession::dropSocket()
{
    if (!m_socket)
        return;
    m_connectTimer.stop();
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    // Never delete here: this may run inside one of the socket's own signal emissions.
    socket->deleteLater();
}
