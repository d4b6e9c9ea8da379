#pragma once

#include "net/session.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class Transcript;

// Writes what a session does into a transcript: received bytes as RX records, sent bytes as TX records, and
// connects, disconnects, errors and refused clients as events with the peer's endpoint. Capture to file and
// auto-reply (to come) listen to the same session signals.
// State changes are not recorded: the page that opens the session writes Connecting / Listening / Stopped itself,
// because it knows the target before the session does.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    SessionRecorder(Session *session, Transcript *transcript, QObject *parent = nullptr);

private:
    QString endpointOf(PeerId id) const;
    void onPeerConnected(PeerId id, const QString &endpoint);
    void onPeerDisconnected(PeerId id, const QString &endpoint);
    void onError(PeerId id, QAbstractSocket::SocketError error, const QString &detail);

    QPointer<Session> m_session;
    // A page owns its transcript as a member and the session as a child: the transcript dies first, and a session
    // closing in its destructor must not write into it.
    QPointer<Transcript> m_transcript;
    // Endpoints of connected peers, so that an error reported after the socket went away still names its peer.
    QHash<PeerId, QString> m_endpoints;
};
