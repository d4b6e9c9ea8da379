#pragma once

#include "log/framer.h"
#include "net/relaycontrol.h"
#include "net/session.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class Transcript;

// Writes what a session does into a transcript: received bytes as RX records, sent bytes as TX records, and the
// session's activity (connecting, listening, bound, joined...), its peers coming and going, errors and refused
// clients as events with the endpoint they concern.
//
// A relay (Session::relay()) reports what each side of a pair sent: both are RX records of the pair (peer: the
// client's endpoint), the target's marked Record::TargetSide with our upstream end as local; injected bytes are TX
// records marked the same way; upstream connections and faults are Note events.
//
// Received bytes of a stream go through one Framer per peer (TCP has no message boundaries): each frame becomes one
// RX record whose time is when its first byte arrived, and is announced by frameReceived (auto-reply answers frames,
// not reads). A datagram is one record and one frame whatever the framing says: it already is a message. Sent
// bytes are recorded as they were queued: we chose their boundaries ourselves.
// A peer's pending bytes are recorded before its Disconnected event and before the framing changes, so no byte is
// ever lost from the log. Times are epoch milliseconds (the transcript's clock), so an idle gap spans a wall-clock
// jump badly, which only shifts one frame boundary.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    SessionRecorder(Session *session, Transcript *transcript, QObject *parent = nullptr);

    // Records every pending frame first, so the new framing starts on a clean boundary.
    void setFraming(const Framer::Config &config);
    const Framer::Config &framing() const { return m_framing; }
    // Records whatever the peers' framers hold (e.g. before saving or on closing the tab).
    void flushPending();
    bool hasPending() const { return !m_pendingPeers.isEmpty(); }

Q_SIGNALS:
    // A received frame, right after its RX record was appended (per read when framing is PerRead).
    void frameReceived(PeerId id, const QByteArray &frame);
    void framingChanged(const Framer::Config &config);

private:
    QString endpointOf(PeerId id) const;
    QString localOf(PeerId id) const;
    void onReceived(PeerId id, const QByteArray &data, const QString &destination);
    // key: the peer id, with TargetSideKey set for what a relay's target sent (a framer of its own).
    void feed(PeerId key, const QByteArray &data, const QString &destination);
    void connectRelay(RelayControl *relay);
    void onActivity(Session::Activity activity, const QString &endpoint, const QString &detail);
    void onPeerConnected(PeerId id, const QString &endpoint);
    void onPeerDisconnected(PeerId id, const QString &endpoint);
    void onError(PeerId id, const SessionError &error);
    void recordFrame(PeerId id, const Framer::Frame &frame, const QString &destination = {});
    void flushPeer(PeerId id);
    bool isUnverified(PeerId id) const;
    void onIdleTimeout();
    void armIdleTimer(qint64 deadlineMs);

    QPointer<Session> m_session;
    // A page owns its transcript as a member and the session as a child: the transcript dies first, and a session
    // closing in its destructor must not write into it.
    QPointer<Transcript> m_transcript;
    // Endpoints of connected peers, so that an error reported after the socket went away still names its peer.
    struct Names
    {
        QString endpoint;
        QString local;
        QString upstream; // a relay pair's end of its upstream connection
    };
    QHash<PeerId, Names> m_endpoints;
    bool m_datagrams = false; // the session delivers messages: no framing
    quint8 datagramFlag() const;

    Framer::Config m_framing;
    QHash<PeerId, Framer> m_framers; // RX only; none in PerRead mode, where each read is recorded as it came
    // Peers whose framer holds bytes: the idle timer and flushes visit only these, never every connected peer.
    QSet<PeerId> m_pendingPeers;
    // One timer for all peers, armed at the earliest idle-gap deadline: thousands of quiet clients cost nothing.
    QTimer m_idleTimer;
    qint64 m_idleDeadlineMs = -1; // what m_idleTimer is armed for; -1 when stopped
};
