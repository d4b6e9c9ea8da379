// UdpSession's remote target: looked up once, then reached through a socket that shares our port and is connected
// to the target, so that the OS can tell us when nothing listens there.

#include "net/endpoint.h"
#include "net/udpsession.h"

#include <QHostInfo>
#include <QUdpSocket>

namespace {
// Sends waiting for a name lookup. A timed send every millisecond to a name that takes a second to resolve would
// otherwise queue a thousand datagrams; the lookup is quick in the normal case.
constexpr qsizetype MaxQueuedSends = 64;

} // namespace

void UdpSession::setRemoteTarget(const QString &host, quint16 port)
{
    const QString name = Endpoint::unbracketed(host);
    if (name == m_targetHost && port == m_targetPort)
        return;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    dropTargetSocket();
    m_targetQueue.clear();
    m_targetAddress = QHostAddress();
    m_targetHost = name;
    m_targetPort = port;
    if (!name.isEmpty())
        resolveTarget();
}

void UdpSession::resolveTarget()
{
    const QHostAddress literal(m_targetHost);
    if (!literal.isNull()) {
        m_targetAddress = Endpoint::normalized(literal);
        connectTargetSocket();
        return;
    }
    if (m_lookupId < 0)
        m_lookupId = QHostInfo::lookupHost(m_targetHost, this, &UdpSession::onTargetLookedUp);
}

void UdpSession::onTargetLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        m_targetQueue.clear();
        reportError(0, {SessionError::Kind::HostNotFound, info.errorString()});
        return;
    }
    // The first address our sockets can reach, in the resolver's order of preference.
    m_targetAddress = Endpoint::normalized(addresses.constFirst());
    for (const QHostAddress &address : addresses) {
        if (socketFor(address)) {
            m_targetAddress = Endpoint::normalized(address);
            break;
        }
    }
    connectTargetSocket();
    flushTargetQueue();
}

void UdpSession::connectTargetSocket()
{
    dropTargetSocket();
    if (state() != State::Open || m_targetAddress.isNull())
        return;
    QUdpSocket *bound = socketFor(m_targetAddress);
    if (!bound)
        return; // sends report FamilyMismatch
    auto *socket = new QUdpSocket(this);
    // Broadcast and multicast targets answer from other addresses than the one we send to, so their replies reach
    // the bound socket anyway; the connected socket is for a unicast target.
    if (m_targetAddress.isMulticast() || m_targetAddress == QHostAddress(QHostAddress::Broadcast)
        || !socket->bind(
            bound->localAddress(), m_port, QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        delete socket; // without it, datagrams to the target leave from the bound socket; nothing is lost
        return;
    }
    socket->connectToHost(m_targetAddress, m_targetPort);
    applyMulticastOptions(socket);
    connect(socket, &QUdpSocket::readyRead, this, [this, socket] { readPending(socket); });
    connect(socket, &QUdpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError) {
            reportTargetUnreachable(); // where Qt does report it as an error
            return;
        }
        bool isNew = false;
        const PeerId id = peerFor(m_targetAddress, m_targetPort, &isNew);
        if (isNew)
            announcePeer(id);
        reportError(id, SessionError::fromSocket(error, socket->errorString(), true));
    });
    m_targetSocket = socket;
}

void UdpSession::reportTargetUnreachable()
{
    bool isNew = false;
    const PeerId id = peerFor(m_targetAddress, m_targetPort, &isNew);
    if (isNew)
        announcePeer(id);
    if (hasPeer(id))
        reportError(id, {SessionError::Kind::PortUnreachable, QString()});
}

void UdpSession::dropTargetSocket()
{
    if (!m_targetSocket)
        return;
    QUdpSocket *socket = m_targetSocket;
    m_targetSocket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->close();
    socket->deleteLater();
}

int UdpSession::sendToTarget(const QByteArray &data)
{
    if (m_targetHost.isEmpty() || m_targetPort == 0)
        return 0;
    if (m_targetAddress.isNull()) {
        if (m_targetQueue.size() >= MaxQueuedSends)
            return 0;
        m_targetQueue.append(data);
        resolveTarget();
        return 1;
    }
    bool isNew = false;
    const PeerId id = peerFor(m_targetAddress, m_targetPort, &isNew);
    if (isNew)
        announcePeer(id);
    if (!hasPeer(id))
        return 0; // a slot of peerConnected closed the session
    return sendTo(id, {m_targetAddress, m_targetPort}, data, m_targetSocket) ? 1 : 0;
}

void UdpSession::flushTargetQueue()
{
    const QList<QByteArray> queued = std::exchange(m_targetQueue, {});
    for (const QByteArray &data : queued) {
        if (state() != State::Open || sendToTarget(data) == 0)
            break;
    }
}
