#include "net/session.h"

#include "net/endpoint.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

QString Session::localEndpoint() const
{
    return Endpoint::format(localAddress(), localPort());
}

QList<PeerId> Session::peers() const
{
    QList<PeerId> ids = m_peers.keys();
    // Ids grow with time, so sorting gives connection order whatever the hash does.
    std::sort(ids.begin(), ids.end());
    return ids;
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

PeerId Session::addPeer(const QString &endpoint, const QString &localEndpoint)
{
    PeerInfo info;
    info.id = m_nextId++;
    info.endpoint = endpoint;
    info.localEndpoint = localEndpoint;
    info.connectedAtMs = QDateTime::currentMSecsSinceEpoch();
    info.lastSeenMs = info.connectedAtMs;
    m_peers.insert(info.id, info);
    return info.id;
}

void Session::announcePeer(PeerId id)
{
    const auto it = m_peers.constFind(id);
    if (it != m_peers.constEnd())
        Q_EMIT peerConnected(id, it->endpoint);
}

void Session::removePeer(PeerId id)
{
    const auto it = m_peers.constFind(id);
    if (it == m_peers.constEnd())
        return;
    const QString endpoint = it->endpoint;
    m_peers.erase(it);
    Q_EMIT peerDisconnected(id, endpoint);
}

void Session::removeAllPeers()
{
    const QHash<PeerId, PeerInfo> gone = std::exchange(m_peers, {});
    QList<PeerId> ids = gone.keys();
    std::sort(ids.begin(), ids.end());
    for (const PeerId id : ids)
        Q_EMIT peerDisconnected(id, gone.value(id).endpoint);
}

void Session::deliver(PeerId id, const QByteArray &data, const QString &destination)
{
    PeerInfo *info = peer(id);
    if (!info)
        return;
    info->rxBytes += data.size();
    ++info->rxCount;
    Q_EMIT received(id, data, destination);
}

void Session::noteSent(PeerId id, const QByteArray &data, qint64 written)
{
    PeerInfo *info = peer(id);
    if (!info)
        return;
    info->txBytes += written;
    ++info->txCount;
    Q_EMIT sent(id, data);
}

void Session::reportError(PeerId id, const SessionError &error)
{
    if (id != 0 && error.kind == SessionError::Kind::ClosedByPeer)
        return;
    Q_EMIT errorOccurred(id, error);
}

Session::PeerInfo *Session::peer(PeerId id)
{
    const auto it = m_peers.find(id);
    return it == m_peers.end() ? nullptr : &*it;
}
