#pragma once

#include "net/session.h"

#include <QObject>
#include <QPointer>

class Transcript;

// Writes what a session does into a transcript: received bytes as RX records, sent bytes as TX records, and
// connects, disconnects and errors as events with the peer's endpoint. Capture to file and auto-reply (to come)
// listen to the same session signals.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    SessionRecorder(Session *session, Transcript *transcript, QObject *parent = nullptr);

private:
    QString endpointOf(PeerId id) const;

    QPointer<Session> m_session;
    Transcript *m_transcript;
};
