#include "log/sessionrecorder.h"

#include "log/transcript.h"
#include "net/tlscontrol.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace {
// Framer keys: a relay's target side has a framer of its own (peer ids count up from 1, never reaching this bit).
constexpr PeerId TargetSideKey = PeerId(1) << 63;
} // namespace

SessionRecorder::SessionRecorder(Session *session, Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_transcript(transcript)
    , m_datagrams(session->traits().delivery == Session::Delivery::Datagrams)
{
    m_idleTimer.setSingleShot(true);
    // Precise: the default coarse timer may fire 5% late, which would merge frames a short gap apart.
    m_idleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, &SessionRecorder::onIdleTimeout);

    connect(session, &Session::received, this, &SessionRecorder::onReceived);
    connect(session, &Session::sent, this, [this](PeerId id, const QByteArray &data) {
        if (m_transcript)
            m_transcript->appendData(Direction::Tx, endpointOf(id), data, -1, localOf(id), datagramFlag());
    });
    connect(session, &Session::activity, this, &SessionRecorder::onActivity);
    connect(session, &Session::peerConnected, this, &SessionRecorder::onPeerConnected);
    connect(session, &Session::peerDisconnected, this, &SessionRecorder::onPeerDisconnected);
    connect(session, &Session::errorOccurred, this, &SessionRecorder::onError);
    if (RelayControl *relay = session->relay())
        connectRelay(relay);
}

void SessionRecorder::connectRelay(RelayControl *relay)
{
    using Side = RelayControl::Side;
    connect(relay, &RelayControl::forwarded, this, [this](PeerId id, Side from, const QByteArray &data) {
        feed(from == Side::Target ? id | TargetSideKey : id, data, QString());
    });
    connect(relay, &RelayControl::injected, this, [this](PeerId id, Side to, const QByteArray &data) {
        if (!m_transcript)
            return;
        if (to == Side::Target)
            m_transcript->appendData(Direction::Tx, endpointOf(id), data, -1, m_endpoints.value(id).upstream,
                Record::TargetSide | datagramFlag());
        else
            m_transcript->appendData(Direction::Tx, endpointOf(id), data, -1, localOf(id), datagramFlag());
    });
    connect(relay, &RelayControl::upstreamConnected, this,
        [this](PeerId id, const QString &upstreamLocal, const QString &target) {
            const auto it = m_endpoints.find(id);
            if (it != m_endpoints.end())
                it->upstream = upstreamLocal;
            if (m_transcript)
                m_transcript->appendEvent(
                    EventKind::RelayUpstream, endpointOf(id), target, -1, upstreamLocal, datagramFlag());
        });
    connect(relay, &RelayControl::sideEnded, this, [this](PeerId id, Side side) {
        if (!m_transcript)
            return;
        flushPeer(id); // what came before the end
        m_transcript->appendEvent(EventKind::RelayEnded, endpointOf(id), QString(), -1, {},
            side == Side::Target ? quint8(Record::TargetSide) : quint8(0));
    });
    connect(
        relay, &RelayControl::faultEvent, this, [this](PeerId id, Side from, const RelayControl::FaultEvent &event) {
            if (!m_transcript)
                return;
            flushPeer(id); // the fault acts from here on
            const quint8 side = from == Side::Target ? quint8(Record::TargetSide) : quint8(0);
            m_transcript->appendEvent(EventKind::RelayFault, id == 0 ? QString() : endpointOf(id),
                QString::fromLatin1(event.encode()), -1, {}, side | datagramFlag());
        });
}

void SessionRecorder::setFraming(const Framer::Config &config)
{
    if (config == m_framing)
        return;
    flushPending();
    m_framers.clear();
    m_framing = config;
    Q_EMIT framingChanged(config);
}

void SessionRecorder::flushPending()
{
    const QSet<PeerId> peers = std::exchange(m_pendingPeers, {});
    // Stream order across peers does not exist; record by id so the result does not depend on hash order.
    QList<PeerId> ordered(peers.cbegin(), peers.cend());
    std::sort(ordered.begin(), ordered.end());
    for (PeerId id : ordered) {
        auto it = m_framers.find(id);
        if (it != m_framers.end())
            recordFrame(id, it->flush());
    }
    m_idleTimer.stop();
    m_idleDeadlineMs = -1;
}

QString SessionRecorder::endpointOf(PeerId id) const
{
    if (id == 0)
        return QString();
    const auto it = m_endpoints.constFind(id);
    if (it != m_endpoints.constEnd())
        return it->endpoint;
    return m_session ? m_session->peerInfo(id).endpoint : QString();
}

QString SessionRecorder::localOf(PeerId id) const
{
    if (id == 0)
        return QString();
    const auto it = m_endpoints.constFind(id);
    if (it != m_endpoints.constEnd())
        return it->local;
    return m_session ? m_session->peerInfo(id).localEndpoint : QString();
}

void SessionRecorder::onReceived(PeerId id, const QByteArray &data, const QString &destination)
{
    feed(id, data, destination);
}

void SessionRecorder::feed(PeerId id, const QByteArray &data, const QString &destination)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_datagrams || m_framing.mode == Framer::Mode::PerRead) {
        recordFrame(id, {data, now}, destination);
        return;
    }
    auto it = m_framers.find(id);
    if (it == m_framers.end())
        it = m_framers.insert(id, Framer(m_framing));
    const QList<Framer::Frame> frames = it->feed(data, now);
    const bool pending = it->hasPending();
    const qint64 deadline = it->nextDeadlineMs();
    // recordFrame emits frameReceived: a slot may close the session, which must not see a stale framer iterator.
    if (pending)
        m_pendingPeers.insert(id);
    else
        m_pendingPeers.remove(id);
    for (const Framer::Frame &frame : frames)
        recordFrame(id, frame);
    if (deadline >= 0)
        armIdleTimer(deadline);
}

void SessionRecorder::recordFrame(PeerId key, const Framer::Frame &frame, const QString &destination)
{
    // An empty datagram is a message (a device's keep-alive); an empty frame of a stream is nothing.
    if (frame.bytes.isEmpty() && !m_datagrams)
        return;
    const PeerId id = key & ~TargetSideKey;
    if (key & TargetSideKey) {
        // A relay's target side: named by the pair, its local end the upstream connection's. Not a frame to answer.
        if (m_transcript)
            m_transcript->appendData(Direction::Rx, endpointOf(id), frame.bytes, frame.firstByteMs,
                m_endpoints.value(id).upstream, Record::TargetSide | datagramFlag());
        return;
    }
    if (m_transcript) {
        quint8 flags = datagramFlag();
        if (isUnverified(id))
            flags |= Record::Unverified;
        m_transcript->appendData(Direction::Rx, endpointOf(id), frame.bytes, frame.firstByteMs,
            destination.isEmpty() ? localOf(id) : destination, flags);
    }
    Q_EMIT frameReceived(id, frame.bytes);
}

quint8 SessionRecorder::datagramFlag() const
{
    return m_datagrams ? quint8(Record::Datagram) : quint8(0);
}

bool SessionRecorder::isUnverified(PeerId id) const
{
    // A client that chose not to verify: every byte it shows came from a peer nobody vouched for. (A server's
    // clients are anonymous unless it asks for certificates; that is not flagged.)
    if (!m_session || m_session->traits().role != Session::Role::Connect)
        return false;
    TlsControl *tls = m_session->tls();
    if (!tls)
        return false;
    const TlsPeerInfo info = tls->tlsPeer(id);
    return info.encrypted && !info.verified;
}

void SessionRecorder::flushPeer(PeerId id)
{
    for (const PeerId key : {id, id | TargetSideKey}) {
        if (!m_pendingPeers.remove(key))
            continue;
        auto it = m_framers.find(key);
        if (it != m_framers.end())
            recordFrame(key, it->flush());
    }
}

void SessionRecorder::armIdleTimer(qint64 deadlineMs)
{
    if (m_idleDeadlineMs >= 0 && m_idleDeadlineMs <= deadlineMs && m_idleTimer.isActive())
        return;
    m_idleDeadlineMs = deadlineMs;
    const qint64 wait = deadlineMs - QDateTime::currentMSecsSinceEpoch();
    m_idleTimer.start(int(std::clamp<qint64>(wait, 0, 24 * 3600 * 1000)));
}

void SessionRecorder::onIdleTimeout()
{
    m_idleDeadlineMs = -1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 next = -1;
    QList<Framer::Frame> expired;
    QList<PeerId> expiredPeers;
    for (auto peer = m_pendingPeers.begin(); peer != m_pendingPeers.end();) {
        auto it = m_framers.find(*peer);
        if (it == m_framers.end()) {
            peer = m_pendingPeers.erase(peer);
            continue;
        }
        for (Framer::Frame &frame : it->expire(now)) {
            expired.append(std::move(frame));
            expiredPeers.append(*peer);
        }
        const qint64 deadline = it->nextDeadlineMs();
        if (!it->hasPending()) {
            peer = m_pendingPeers.erase(peer);
            continue;
        }
        if (deadline >= 0 && (next < 0 || deadline < next))
            next = deadline;
        ++peer;
    }
    // Recorded after the walk: a frameReceived slot may send, disconnect or otherwise change the peer set.
    if (next >= 0)
        armIdleTimer(next);
    for (qsizetype i = 0; i < expired.size(); ++i)
        recordFrame(expiredPeers.at(i), expired.at(i));
}

void SessionRecorder::onActivity(Session::Activity activity, const QString &endpoint, const QString &detail)
{
    if (!m_transcript)
        return;
    EventKind kind = EventKind::Note;
    switch (activity) {
    case Session::Activity::Connecting:
        kind = EventKind::Connecting;
        break;
    case Session::Activity::Listening:
        kind = EventKind::Listening;
        break;
    case Session::Activity::Bound:
        kind = EventKind::Bound;
        break;
    case Session::Activity::Stopped:
        kind = m_datagrams ? EventKind::Unbound : EventKind::Stopped;
        break;
    case Session::Activity::Refused:
        kind = EventKind::Refused;
        break;
    case Session::Activity::Joined:
        kind = EventKind::Joined;
        break;
    case Session::Activity::Left:
        kind = EventKind::Left;
        break;
    case Session::Activity::Secured:
        kind = EventKind::Secured;
        break;
    }
    m_transcript->appendEvent(kind, endpoint, detail);
}

void SessionRecorder::onPeerConnected(PeerId id, const QString &endpoint)
{
    const QString local = m_session ? m_session->peerInfo(id).localEndpoint : QString();
    m_endpoints.insert(id, {endpoint, local, QString()});
    if (m_transcript)
        m_transcript->appendEvent(m_datagrams ? EventKind::NewPeer : EventKind::Connected, endpoint, {}, -1, local);
}

void SessionRecorder::onPeerDisconnected(PeerId id, const QString &endpoint)
{
    flushPeer(id);
    m_framers.remove(id);
    m_framers.remove(id | TargetSideKey);
    const QString name = endpoint.isEmpty() ? endpointOf(id) : endpoint;
    if (m_transcript)
        m_transcript->appendEvent(
            m_datagrams ? EventKind::PeerGone : EventKind::Disconnected, name, {}, -1, localOf(id));
    // Kept until the event loop turns: a socket may report its error right after it reported the disconnect.
    QTimer::singleShot(0, this, [this, id] { m_endpoints.remove(id); });
}

void SessionRecorder::onError(PeerId id, const SessionError &error)
{
    if (m_transcript)
        m_transcript->appendError(endpointOf(id), error);
}
