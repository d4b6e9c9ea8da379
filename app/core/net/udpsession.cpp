#include "net/udpsession.h"

#include "net/endpoint.h"
#include "net/socketlimits.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QScopeGuard>
#include <QUdpSocket>

#include <algorithm>

namespace {
bool isIPv4(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv4Protocol;
}

// Qt gives a received datagram's destination the receiving interface as its scope ("::1%1"), which only a
// link-local address needs to be usable.
QString destinationText(QHostAddress address, int port)
{
    address = Endpoint::normalized(address);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && !address.isLinkLocal())
        address.setScopeId(QString());
    return Endpoint::format(address, quint16(port));
}
} // namespace

UdpSession::UdpSession(QObject *parent)
    : Session(parent)
    , m_expiry(this, [this](PeerId id) { disconnectPeer(id); })
{
    m_readMore.setSingleShot(true);
    m_readMore.setInterval(0);
    connect(&m_readMore, &QTimer::timeout, this, &UdpSession::readMore);
}

UdpSession::~UdpSession()
{
    // Our sockets are children: in ~QObject they would still signal into this half-destroyed object.
    for (QUdpSocket *socket : std::as_const(m_sockets))
        disconnect(socket, nullptr, this, nullptr);
    if (m_targetSocket)
        disconnect(m_targetSocket, nullptr, this, nullptr);
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

QUdpSocket *UdpSession::bindOne(const QHostAddress &address, quint16 port, bool shareAddress, SessionError *error)
{
    if (!shareAddress) {
        // The port must be free: an exclusive bind says whether anyone (another program, another tab) holds it.
        // Our own socket then allows sharing after all, because the socket connected to the remote target must
        // bind the same port (see connectTargetSocket()).
        QUdpSocket probe;
        if (!probe.bind(address, port, QAbstractSocket::DontShareAddress)) {
            *error = SessionError::fromSocket(probe.error(), probe.errorString(), true);
            return nullptr;
        }
        port = probe.localPort();
    }
    auto *socket = new QUdpSocket(this);
    // Only these flags set SO_REUSEADDR on Unix (DefaultForPlatform sets nothing there, whatever its name says).
    if (!socket->bind(address, port, QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        *error = SessionError::fromSocket(socket->error(), socket->errorString(), true);
        delete socket; // nothing is connected to it yet
        return nullptr;
    }
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, SocketLimits::DatagramReceiveBufferBytes);
    return socket;
}

bool UdpSession::bind(const QHostAddress &address, quint16 port, bool shareAddress)
{
    close();
    SessionError error;
    QList<QUdpSocket *> sockets;
    if (address == QHostAddress(QHostAddress::Any)) {
        QUdpSocket *v4 = bindOne(QHostAddress(QHostAddress::AnyIPv4), port, shareAddress, &error);
        if (!v4) {
            reportError(0, error);
            return false;
        }
        sockets.append(v4);
        // The same port for IPv6; a machine without IPv6 (or that port taken there) keeps IPv4 alone.
        SessionError ignored;
        if (QUdpSocket *v6 = bindOne(QHostAddress(QHostAddress::AnyIPv6), v4->localPort(), shareAddress, &ignored))
            sockets.append(v6);
    } else {
        QUdpSocket *socket = bindOne(address, port, shareAddress, &error);
        if (!socket) {
            reportError(0, error);
            return false;
        }
        sockets.append(socket);
    }
    m_sockets = sockets;
    m_address = address;
    m_port = sockets.constFirst()->localPort();
    m_share = shareAddress;
    for (QUdpSocket *socket : std::as_const(m_sockets)) {
        applyMulticastOptions(socket);
        watch(socket);
    }
    setState(State::Open);
    Q_EMIT activity(Activity::Bound, localEndpoint(), QString());
    if (!m_targetAddress.isNull())
        connectTargetSocket();
    m_expiry.restart();
    return true;
}

void UdpSession::watch(QUdpSocket *socket)
{
    connect(socket, &QUdpSocket::readyRead, this, [this, socket] { readPending(socket); });
    connect(socket, &QUdpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        // A refused "connection" on an unconnected socket is a stale ICMP error some systems report on the next
        // read; only the target's socket can say which peer it concerns (see connectTargetSocket()).
        if (error == QAbstractSocket::ConnectionRefusedError)
            return;
        reportError(0, SessionError::fromSocket(error, socket->errorString(), true));
    });
}

void UdpSession::close()
{
    if (m_sockets.isEmpty() && state() == State::Idle)
        return;
    const QString bound = localEndpoint();
    dropTargetSocket();
    for (QUdpSocket *socket : std::exchange(m_sockets, {})) {
        disconnect(socket, nullptr, this, nullptr);
        socket->close();
        socket->deleteLater(); // close() may run inside this socket's readyRead
    }
    m_groups.clear();
    m_peerOf.clear();
    m_remotes.clear();
    m_lastSender = 0;
    m_readMore.stop();
    removeAllPeers();
    if (!bound.isEmpty())
        Q_EMIT activity(Activity::Stopped, bound, QString());
    setState(State::Idle);
    m_expiry.restart(); // stops it
}

void UdpSession::readPending(QUdpSocket *socket)
{
    // Measured on Qt 6.4 / Linux: an ICMP port unreachable on the connected target socket never becomes an
    // errorOccurred. The socket turns readable, Qt's peek for a datagram takes the pending error (and drops it), and
    // readyRead comes with no datagram. Readable with nothing to read is that error.
    if (socket == m_targetSocket && !socket->hasPendingDatagrams()) {
        reportTargetUnreachable();
        return;
    }
    // While the rest of a burst waits for the zero timer, a readyRead in the same pass of the event loop would add a
    // second slice to it (bench: 28 ms turns at p99, 56 ms at worst with 1,400-byte floods): the timer reads.
    if (m_readMore.isActive() && !m_readingMore && socket != m_targetSocket)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Most datagrams of a burst come to the same address: format it once.
    QHostAddress lastDestination;
    int lastDestinationPort = -1;
    QString destination;
    QElapsedTimer slice;
    slice.start();
    bool more = false;
    // No hasPendingDatagrams() per datagram: it is a system call of its own (a peek), and receiveDatagram() returns
    // an invalid datagram when nothing waits.
    for (int taken = 0;; ++taken) {
        if (taken % SocketLimits::DatagramTimeCheckEvery == SocketLimits::DatagramTimeCheckEvery - 1
            && slice.elapsed() >= SocketLimits::DatagramReadSliceMs) {
            more = true;
            break;
        }
        const QNetworkDatagram datagram = socket->receiveDatagram();
        if (!datagram.isValid())
            break; // nothing more (an error is reported through errorOccurred)
        bool isNew = false;
        const PeerId id = peerFor(datagram.senderAddress(), quint16(datagram.senderPort()), &isNew);
        if (PeerInfo *info = peer(id))
            info->lastSeenMs = now;
        m_lastSender = id;
        if (isNew)
            announcePeer(id);
        if (datagram.destinationAddress() != lastDestination || datagram.destinationPort() != lastDestinationPort) {
            lastDestination = datagram.destinationAddress();
            lastDestinationPort = datagram.destinationPort();
            destination = lastDestinationPort < 0 ? QString() : destinationText(lastDestination, lastDestinationPort);
        }
        deliver(id, datagram.data(), destination);
        // A slot may have closed the session or rebound it: this socket is then no longer ours to read.
        if (!m_sockets.contains(socket) && socket != m_targetSocket)
            return;
    }
    // Measured: Qt 6.4 does not signal readyRead again for datagrams that were already waiting, only for new ones,
    // so the rest of a burst would sit in the kernel until the next datagram came. A zero timer takes them on a
    // later turn: a posted event would run in the same pass of the event loop (Qt delivers events posted while it
    // delivers), and starve timers and painting.
    if (more && !m_readMore.isActive())
        m_readMore.start();
}

void UdpSession::readMore()
{
    m_readingMore = true;
    const auto done = qScopeGuard([this] { m_readingMore = false; });
    const QList<QPointer<QUdpSocket>> sockets {m_sockets.begin(), m_sockets.end()};
    for (const QPointer<QUdpSocket> &socket : sockets) {
        if (socket && m_sockets.contains(socket))
            readPending(socket);
    }
}

PeerId UdpSession::peerFor(const QHostAddress &address, quint16 port, bool *isNew)
{
    const Remote remote(Endpoint::normalized(address), port);
    const auto it = m_peerOf.constFind(remote);
    if (it != m_peerOf.constEnd()) {
        *isNew = false;
        return it.value();
    }
    const PeerId id = addPeer(Endpoint::format(remote.first, remote.second), localEndpoint());
    m_peerOf.insert(remote, id);
    m_remotes.insert(id, remote);
    *isNew = true;
    return id;
}

QUdpSocket *UdpSession::socketFor(const QHostAddress &destination) const
{
    for (QUdpSocket *socket : m_sockets) {
        const QHostAddress local = socket->localAddress();
        // A dual-stack socket (bound to Any by a caller of ours) reaches both families.
        if (local == QHostAddress(QHostAddress::Any) || isIPv4(local) == isIPv4(destination))
            return socket;
    }
    return nullptr;
}

int UdpSession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    if (state() != State::Open)
        return 0;
    if (targets.isEmpty())
        return sendToTarget(data);
    int count = 0;
    for (const PeerId id : targets) {
        const auto it = m_remotes.constFind(id);
        if (it != m_remotes.constEnd() && sendTo(id, *it, data, nullptr))
            ++count;
        if (state() != State::Open)
            break; // a slot of sent() or errorOccurred() closed the session
    }
    return count;
}

bool UdpSession::sendTo(PeerId id, const Remote &remote, const QByteArray &data, QUdpSocket *via)
{
    if (data.size() > maxPayload(remote.first)) {
        reportError(id, {SessionError::Kind::DatagramTooLarge, QString()});
        return false;
    }
    QUdpSocket *socket = via ? via : socketFor(remote.first);
    if (!socket) {
        reportError(id, {SessionError::Kind::FamilyMismatch, QString()});
        return false;
    }
    const qint64 written = socket->writeDatagram(data, remote.first, remote.second);
    if (written < 0) {
        SessionError error = SessionError::fromSocket(socket->error(), socket->errorString(), true);
        reportError(id, error);
        return false;
    }
    if (PeerInfo *info = peer(id))
        info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    noteSent(id, data, written);
    return true;
}

void UdpSession::disconnectPeer(PeerId id)
{
    const auto it = m_remotes.constFind(id);
    if (it == m_remotes.constEnd())
        return;
    m_peerOf.remove(*it);
    m_remotes.erase(it);
    removePeer(id);
}

bool UdpSession::joinGroup(const QHostAddress &group, const QString &interfaceName)
{
    if (state() != State::Open)
        return false;
    QUdpSocket *socket = socketFor(group);
    if (!socket) {
        reportError(0, {SessionError::Kind::FamilyMismatch, QString()});
        return false;
    }
    const QNetworkInterface iface
        = interfaceName.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(interfaceName);
    if (!interfaceName.isEmpty() && !iface.isValid()) {
        reportError(0, {SessionError::Kind::AddressNotAvailable, interfaceName});
        return false;
    }
    const bool joined = iface.isValid() ? socket->joinMulticastGroup(group, iface) : socket->joinMulticastGroup(group);
    if (!joined) {
        reportError(0, SessionError::fromSocket(socket->error(), socket->errorString(), true));
        return false;
    }
    // Datagrams we send to a group leave through the interface it was joined on (needed for IPv6 link scope).
    if (iface.isValid())
        socket->setMulticastInterface(iface);
    m_groups.append({group, interfaceName});
    Q_EMIT activity(Activity::Joined, Endpoint::formatAddress(group), interfaceName);
    return true;
}

bool UdpSession::leaveGroup(const QHostAddress &group, const QString &interfaceName)
{
    const Membership membership {group, interfaceName};
    if (state() != State::Open || !m_groups.contains(membership))
        return false;
    QUdpSocket *socket = socketFor(group);
    const QNetworkInterface iface
        = interfaceName.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(interfaceName);
    const bool left = !socket
        ? false
        : (iface.isValid() ? socket->leaveMulticastGroup(group, iface) : socket->leaveMulticastGroup(group));
    if (!left && socket) {
        reportError(0, SessionError::fromSocket(socket->error(), socket->errorString(), true));
        return false;
    }
    m_groups.removeAll(membership);
    Q_EMIT activity(Activity::Left, Endpoint::formatAddress(group), interfaceName);
    return true;
}

void UdpSession::setMulticastTtl(int ttl)
{
    m_ttl = std::clamp(ttl, 0, 255);
    for (QUdpSocket *socket : std::as_const(m_sockets))
        applyMulticastOptions(socket);
    if (m_targetSocket)
        applyMulticastOptions(m_targetSocket);
}

void UdpSession::setMulticastLoopback(bool on)
{
    m_loopback = on;
    setMulticastTtl(m_ttl);
}

void UdpSession::applyMulticastOptions(QUdpSocket *socket) const
{
    socket->setSocketOption(QAbstractSocket::MulticastTtlOption, m_ttl);
    socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, m_loopback ? 1 : 0);
}
