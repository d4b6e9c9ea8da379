#include "net/tcpclientsession.h"

#include "net/endpoint.h"
#include "net/socketlimits.h"
#include "net/tlssupport.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <utility>

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

void TcpClientSession::open(const OpenRequest &request)
{
    open(request.host, request.port, request.localPort, request.timeoutMs);
}

void TcpClientSession::open(const QString &host, quint16 port, quint16 localPort, int timeoutMs)
{
    if (m_socket) {
        // Reopening replaces the connection: the old one is reported gone now and closes gracefully on its own.
        QTcpSocket *previous = m_socket;
        disconnect(previous, nullptr, this, nullptr);
        m_socket = nullptr;
        m_connectTimer.stop();
        connect(previous, &QTcpSocket::disconnected, previous, &QObject::deleteLater);
        previous->disconnectFromHost();
        if (previous->state() == QAbstractSocket::UnconnectedState)
            previous->deleteLater();
        removePeer(std::exchange(m_peer, 0));
    }

    const QString target = Endpoint::unbracketed(host);
    m_socket = createSocket();
    m_firstRead = true;
    m_socket->setReadBufferSize(SocketLimits::ReadChunkBytes);
    connect(m_socket, &QTcpSocket::connected, this, &TcpClientSession::onConnected);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClientSession::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClientSession::onError);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClientSession::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 bytes) {
        if (m_peer != 0)
            Q_EMIT bytesWritten(m_peer, bytes);
    });
    const QHostAddress literal(target);
    Q_EMIT activity(Activity::Connecting,
        literal.isNull() ? target + u':' + QString::number(port) : Endpoint::format(literal, port), QString());
    if (m_socket == nullptr)
        return; // a slot of activity() closed or reopened the session
    setState(State::Opening);

    if (localPort != 0) {
        // The bound socket's family is fixed before connecting: a literal target picks its own family, a name gets
        // the dual-stack Any so that either resolved family can still connect.
        QHostAddress bindAddress(QHostAddress::Any);
        if (literal.protocol() == QAbstractSocket::IPv4Protocol)
            bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        else if (literal.protocol() == QAbstractSocket::IPv6Protocol)
            bindAddress = QHostAddress(QHostAddress::AnyIPv6);
        // ReuseAddressHint lets a user reconnect from the same local port while the last connection is in TIME_WAIT.
        if (!m_socket->bind(bindAddress, localPort, QAbstractSocket::ReuseAddressHint)) {
            // bind() also emits errorOccurred, which onError() has already handled if it dropped the socket.
            if (m_socket)
                failOpening(SessionError::fromSocket(m_socket->error(), m_socket->errorString()));
            return;
        }
    }

    if (timeoutMs > 0)
        m_connectTimer.start(timeoutMs);
    connectSocket(m_socket, target, port);
}

int TcpClientSession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    if (state() != State::Open || !m_socket || m_peer == 0 || data.isEmpty())
        return 0;
    if (!targets.isEmpty() && !targets.contains(m_peer))
        return 0;
    const qint64 written = m_socket->write(data);
    if (written <= 0)
        return 0;
    noteSent(m_peer, data, written);
    return 1;
}

void TcpClientSession::disconnectPeer(PeerId id)
{
    if (id != 0 && id == m_peer)
        close();
}

void TcpClientSession::close()
{
    if (!m_socket)
        return;
    m_connectTimer.stop();
    if (state() == State::Opening) {
        dropSocket();
        setState(State::Idle);
        return;
    }
    if (state() == State::Closing) {
        // A second close does not wait any longer for unsent data (a peer that does not read could hold it forever).
        m_socket->abort(); // emits disconnected -> onDisconnected()
        return;
    }
    setState(State::Closing);
    // With nothing left to write this emits disconnected synchronously; otherwise once the data is out.
    m_socket->disconnectFromHost();
}

QHostAddress TcpClientSession::localAddress() const
{
    return m_socket && m_peer != 0 ? m_socket->localAddress() : QHostAddress();
}

quint16 TcpClientSession::localPort() const
{
    return m_socket && m_peer != 0 ? m_socket->localPort() : 0;
}

qint64 TcpClientSession::bytesToWrite(PeerId id) const
{
    if (!m_socket || id == 0 || id != m_peer)
        return 0;
    return m_socket->bytesToWrite();
}

QTcpSocket *TcpClientSession::createSocket()
{
    return new QTcpSocket(this);
}

void TcpClientSession::connectSocket(QTcpSocket *socket, const QString &host, quint16 port)
{
    socket->connectToHost(host, port);
}

SessionError TcpClientSession::mapError(QAbstractSocket::SocketError error)
{
    return SessionError::fromSocket(error, m_socket->errorString());
}

void TcpClientSession::onConnected()
{
    // A debugging tool should put each send on the wire at once rather than let Nagle coalesce small writes.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!holdOpening(m_socket))
        becomeOpen();
}

void TcpClientSession::becomeOpen()
{
    if (!m_socket || m_peer != 0)
        return;
    m_connectTimer.stop();
    // Listed before the state changes, so that a slot of stateChanged(Open) already finds its peer.
    m_peer = addPeer(Endpoint::format(m_socket->peerAddress(), m_socket->peerPort()),
        Endpoint::format(m_socket->localAddress(), m_socket->localPort()));
    setState(State::Open);
    announcePeer(m_peer);
}

void TcpClientSession::onDisconnected()
{
    QTcpSocket *socket = m_socket;
    // Data that arrived together with the FIN is still buffered: deliver it before reporting the end.
    if (socket && socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_socket != socket)
        return; // a slot of received() closed or reopened the session
    const PeerId gone = std::exchange(m_peer, 0);
    dropSocket();
    removePeer(gone);
    if (!m_socket) // unless a slot has opened a new connection already
        setState(State::Idle);
}

void TcpClientSession::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (m_peer == 0) {
        // Failed to connect (refused, host not found, bind failed...): the session itself failed.
        failOpening(mapError(error));
        return;
    }
    reportError(m_peer, mapError(error));
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
    const PeerId id = m_peer;
    const bool first = std::exchange(m_firstRead, false);
    deliver(id, data);
    // A plain client that hears a TLS record (a TLS server's alert at our plain text, or its hello) is on a TLS port.
    if (first && !tls() && TlsSupport::looksLikeTls(data) && id == m_peer && id != 0)
        reportError(id, {SessionError::Kind::TlsSeenOnPlain, QString()});
}

void TcpClientSession::onTimeout()
{
    if (!m_socket || state() != State::Opening)
        return;
    // Qt has no text of its own for a timeout we measured; the UI words TimedOut itself.
    failOpening({SessionError::Kind::TimedOut, QString()});
}

void TcpClientSession::failOpening(const SessionError &error)
{
    dropSocket();
    reportError(0, error);
    if (!m_socket) // a slot may already have retried
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
