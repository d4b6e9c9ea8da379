#include "net/udprelaysession.h"

#include "net/datagramcontrol.h"
#include "net/endpoint.h"
#include "net/relaydatagrampipe.h"
#include "net/socketlimits.h"
#include "net/udprelaypair.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QPointer>
#include <QUdpSocket>

#include <algorithm>
#include <utility>

namespace {
// As the UDP tab: reading stops for this turn after a slice of time, so a flood cannot starve painting.
bool sliceIsOver(int taken, const QElapsedTimer &slice)
{
    return taken % SocketLimits::DatagramTimeCheckEvery == SocketLimits::DatagramTimeCheckEvery - 1
        && slice.elapsed() >= SocketLimits::DatagramReadSliceMs;
}

} // namespace

UdpRelaySession::UdpRelaySession(QObject *parent)
    : Session(parent)
    , m_control(this)
    , m_dropSeed(QRandomGenerator::global()->generate())
    , m_expiry(this, [this](PeerId id) { endPair(id); })
{
    m_drops = {QRandomGenerator(m_dropSeed), QRandomGenerator(m_dropSeed + 1)};
    m_readMore.setSingleShot(true);
    m_readMore.setInterval(0);
    connect(&m_readMore, &QTimer::timeout, this, &UdpRelaySession::readMore);
}

UdpRelaySession::~UdpRelaySession()
{
    // Sockets are children of this object; in ~QObject they would signal into a dead class.
    for (const auto &p : std::as_const(m_pairs)) {
        if (p->upstream)
            disconnect(p->upstream, nullptr, this, nullptr);
        p->toTarget->stop();
        p->toClient->stop();
    }
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
}

void UdpRelaySession::open(const OpenRequest &request)
{
    close();
    m_targetHost = Endpoint::unbracketed(request.targetHost);
    m_targetPort = request.targetPort;
    auto *socket = new QUdpSocket(this);
    if (!socket->bind(request.address, request.port)) {
        const SessionError error = SessionError::fromSocket(socket->error(), socket->errorString(), true);
        delete socket;
        reportError(0, error);
        return;
    }
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, SocketLimits::DatagramReceiveBufferBytes);
    m_socket = socket;
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpRelaySession::readClients);
    setState(State::Open);
    m_expiry.restart();
    Q_EMIT activity(Activity::Bound, localEndpoint(), QString());
}

void UdpRelaySession::close()
{
    if (!m_socket && m_pairs.isEmpty())
        return;
    const QString bound = localEndpoint();
    const auto pairs = std::exchange(m_pairs, {});
    m_pairOf.clear();
    for (const auto &p : pairs)
        release(p);
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_readMore.stop();
    m_clientsHaveMore = false;
    m_upstreamsWithMore.clear();
    removeAllPeers();
    if (!bound.isEmpty())
        Q_EMIT activity(Activity::Stopped, bound, QString());
    setState(State::Idle);
    m_expiry.restart(); // stops it
}

QHostAddress UdpRelaySession::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpRelaySession::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

UdpRelaySession::Pair *UdpRelaySession::pair(PeerId id) const
{
    const auto it = m_pairs.constFind(id);
    return it == m_pairs.constEnd() ? nullptr : it->get();
}

void UdpRelaySession::readClients()
{
    QPointer<QUdpSocket> socket = m_socket;
    m_clientsHaveMore = false;
    QElapsedTimer slice;
    slice.start();
    for (int taken = 0; socket && socket == m_socket; ++taken) {
        if (sliceIsOver(taken, slice)) {
            // Qt 6.4 signals readyRead only for new datagrams, not for those already waiting: the timer reads on.
            m_clientsHaveMore = true;
            m_readMore.start();
            return;
        }
        const QNetworkDatagram datagram = socket->receiveDatagram();
        if (!datagram.isValid())
            return;
        const PeerId id = pairFor(datagram.senderAddress(), quint16(datagram.senderPort()));
        if (id != 0)
            forward(id, Side::Client, datagram.data());
    }
}

void UdpRelaySession::readUpstream(PeerId id)
{
    m_upstreamsWithMore.remove(id);
    QElapsedTimer slice;
    slice.start();
    for (int taken = 0;; ++taken) {
        Pair *p = pair(id);
        if (!p || !p->upstream)
            return;
        if (sliceIsOver(taken, slice)) {
            m_upstreamsWithMore.insert(id);
            m_readMore.start();
            return;
        }
        // Measured on Qt 6.4 / Linux (see UdpSession::readPending): an ICMP port unreachable on a connected UDP
        // socket makes it readable with no datagram, and Qt's peek drops the error. Readable with nothing is that.
        if (taken == 0 && !p->upstream->hasPendingDatagrams()) {
            reportError(id, {SessionError::Kind::PortUnreachable, QString()});
            return;
        }
        const QNetworkDatagram datagram = p->upstream->receiveDatagram();
        if (!datagram.isValid())
            return;
        forward(id, Side::Target, datagram.data());
    }
}

void UdpRelaySession::readMore()
{
    const QList<PeerId> upstreams(m_upstreamsWithMore.begin(), m_upstreamsWithMore.end());
    if (m_clientsHaveMore)
        readClients();
    for (const PeerId id : upstreams)
        readUpstream(id);
}

PeerId UdpRelaySession::pairFor(const QHostAddress &address, quint16 port)
{
    const Remote key(Endpoint::normalized(address), port);
    const PeerId known = m_pairOf.value(key);
    if (known != 0)
        return known;
    const PeerId id = addPeer(Endpoint::format(key.first, key.second), localEndpoint());
    auto p = std::make_shared<Pair>();
    p->clientAddress = address;
    p->clientPort = port;
    p->key = key;
    auto *upstream = new QUdpSocket(this);
    p->upstream = upstream;
    const auto overflow = [this, id](Side from) {
        return [this, id, from](const QByteArray &datagram) {
            Q_EMIT m_control.faultEvent(
                id, from, {RelayControl::FaultEvent::Kind::Overflowed, {}, qint64(datagram.size())});
        };
    };
    p->toTarget = std::make_unique<RelayDatagramPipe>(m_bound,
        RelayDatagramPipe::Callbacks {
            [this, id](const QByteArray &datagram) { return write(id, Side::Target, datagram); },
            overflow(Side::Client)});
    p->toClient = std::make_unique<RelayDatagramPipe>(m_bound,
        RelayDatagramPipe::Callbacks {
            [this, id](const QByteArray &datagram) { return write(id, Side::Client, datagram); },
            overflow(Side::Target)});
    p->toTarget->setFaults(m_faults[0]);
    p->toClient->setFaults(m_faults[1]);
    p->toClient->start(); // injected bytes may go to the client at once
    m_pairs.insert(id, p);
    m_pairOf.insert(key, id);

    connect(upstream, &QUdpSocket::readyRead, this, [this, id] { readUpstream(id); });
    connect(upstream, &QUdpSocket::connected, this, [this, id] { onUpstreamConnected(id); });
    connect(upstream, &QUdpSocket::errorOccurred, this,
        [this, id](QAbstractSocket::SocketError error) { onUpstreamError(id, int(error)); });
    announcePeer(id);
    if (!pair(id))
        return 0; // a slot of peerConnected closed the session or the pair
    // A name is looked up by Qt (asynchronously); the client's datagrams wait in the pipe until it is connected.
    upstream->connectToHost(m_targetHost, m_targetPort);
    return pair(id) ? id : 0;
}

void UdpRelaySession::onUpstreamConnected(PeerId id)
{
    Pair *p = pair(id);
    if (!p || p->upstreamUp)
        return;
    p->upstreamUp = true;
    p->upstream->setSocketOption(
        QAbstractSocket::ReceiveBufferSizeSocketOption, SocketLimits::DatagramReceiveBufferBytes);
    p->upstreamLocal = Endpoint::format(p->upstream->localAddress(), p->upstream->localPort());
    Q_EMIT m_control.upstreamConnected(
        id, p->upstreamLocal, Endpoint::format(p->upstream->peerAddress(), p->upstream->peerPort()));
    if ((p = pair(id)))
        p->toTarget->start();
}

void UdpRelaySession::onUpstreamError(PeerId id, int error)
{
    Pair *p = pair(id);
    if (!p || !p->upstream)
        return;
    const auto socketError = QAbstractSocket::SocketError(error);
    if (socketError == QAbstractSocket::ConnectionRefusedError) {
        reportError(id, {SessionError::Kind::PortUnreachable, QString()}); // where Qt does report it as an error
        return;
    }
    reportError(id, SessionError::fromSocket(socketError, p->upstream->errorString(), true));
    // A target that cannot be looked up or reached at all: the pair ends, its next datagram tries again.
    if ((p = pair(id)) && !p->upstreamUp)
        endPair(id);
}

// What a side sent, as read: counted and shown, then (unless the drop fault takes it) on its way to the other side.
void UdpRelaySession::forward(PeerId id, Side from, const QByteArray &datagram)
{
    if (PeerInfo *info = peer(id)) {
        (from == Side::Client ? info->rxBytes : info->txBytes) += datagram.size();
        ++(from == Side::Client ? info->rxCount : info->txCount);
        info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    }
    Q_EMIT m_control.forwarded(id, from, datagram);
    Pair *p = pair(id);
    if (!p)
        return;
    const RelayControl::Faults &faults = m_faults[RelayControl::sideIndex(from)];
    if (faults.dropPercent > 0 && int(m_drops[RelayControl::sideIndex(from)].bounded(100)) < faults.dropPercent) {
        Q_EMIT m_control.faultEvent(id, from, {RelayControl::FaultEvent::Kind::Dropped, {}, qint64(datagram.size())});
        return;
    }
    p->from(from)->push(datagram);
}

// False only when the socket cannot take the datagram now (its buffer is full): the pipe tries again. Any other
// failure is reported, and the datagram is gone, as on a network.
bool UdpRelaySession::write(PeerId id, Side to, const QByteArray &datagram)
{
    Pair *p = pair(id);
    QUdpSocket *socket = !p ? nullptr : to == Side::Target ? p->upstream.data() : m_socket;
    if (!socket)
        return true;
    const qint64 written = to == Side::Target ? socket->write(datagram)
                                              : socket->writeDatagram(datagram, p->clientAddress, p->clientPort);
    if (written >= 0)
        return true;
    if (socket->error() == QAbstractSocket::TemporaryError)
        return false;
    reportError(id, SessionError::fromSocket(socket->error(), socket->errorString(), true));
    return true;
}

void UdpRelaySession::endPair(PeerId id)
{
    const auto it = m_pairs.find(id);
    if (it == m_pairs.end())
        return;
    const std::shared_ptr<Pair> p = *it;
    m_pairs.erase(it);
    m_pairOf.remove(p->key);
    m_upstreamsWithMore.remove(id);
    release(p);
    removePeer(id);
}

// Stops the pair's pipes and closes its upstream socket. The pair is kept until the event loop turns: this may run
// inside one of its pipes (a write whose error closed it) or its socket's readyRead.
void UdpRelaySession::release(const std::shared_ptr<Pair> &p)
{
    QTimer::singleShot(0, this, [p] {});
    p->toTarget->stop();
    p->toClient->stop();
    if (p->upstream) {
        disconnect(p->upstream, nullptr, this, nullptr);
        p->upstream->abort();
        p->upstream->deleteLater();
    }
}

int UdpRelaySession::send(const QByteArray &data, const QList<PeerId> &targets)
{
    return inject(Side::Client, data, targets);
}

int UdpRelaySession::inject(Side to, const QByteArray &data, const QList<PeerId> &pairs)
{
    const QList<PeerId> ids = pairs.isEmpty() ? peers() : pairs;
    int count = 0;
    for (const PeerId id : ids) {
        if (!pair(id))
            continue;
        Q_EMIT m_control.injected(id, to, data);
        Pair *p = pair(id);
        if (!p)
            continue;
        if (PeerInfo *info = peer(id))
            info->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
        // Towards the client is the direction the target sends in, and the reverse.
        p->from(to == Side::Client ? Side::Target : Side::Client)->push(data);
        ++count;
    }
    return count;
}

void UdpRelaySession::disconnectPeer(PeerId id)
{
    endPair(id);
}

qint64 UdpRelaySession::bytesToWrite(PeerId id) const
{
    const Pair *p = pair(id);
    return p ? p->toClient->buffered() : 0;
}

void UdpRelaySession::applyFaults(Side from, const RelayControl::Faults &faults)
{
    RelayControl::Faults &current = m_faults[RelayControl::sideIndex(from)];
    if (current == faults)
        return;
    current = faults;
    m_drops[RelayControl::sideIndex(from)] = QRandomGenerator(m_dropSeed + quint32(RelayControl::sideIndex(from)));
    Q_EMIT m_control.faultEvent(0, from, {RelayControl::FaultEvent::Kind::Changed, faults, 0});
    for (const auto &p : std::as_const(m_pairs))
        p->from(from)->setFaults(faults);
}
