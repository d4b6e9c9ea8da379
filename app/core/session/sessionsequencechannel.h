#pragma once

#include "net/session.h"
#include "script/sequencechannel.h"

#include <QObject>
#include <QPointer>

class SequenceRunner;
class SessionRecorder;

// A tab's session as a sequence's channel, for the window's Sequences panel and `netassist run` alike: sends go to
// the session, and the frames the tab's recorder makes (its framing; one datagram = one frame) go to the runner.
//
// The current peer is the one the sequence talks to. While none is chosen (0), a session with one peer (a client)
// or with datagrams sends to its only connection or remote target, and a server sends to its only client (no
// client, or several and none chosen, fails the step: the sequence must not guess). Frames are taken from the
// current peer only when one is chosen, else from every peer.
//
// The channel closes (the runner is told, so a waiting expect fails ChannelClosed at once rather than timing out)
// when the session stops being open, or when the current peer (or a client's only connection) goes away.
class SessionSequenceChannel : public QObject, public SequenceChannel
{
    Q_OBJECT
public:
    SessionSequenceChannel(
        Session *session, SessionRecorder *recorder, SequenceRunner *runner, QObject *parent = nullptr);
    ~SessionSequenceChannel() override;

    void setCurrentPeer(PeerId id);
    PeerId currentPeer() const { return m_current; }

    bool isOpen() const override;
    int send(const QByteArray &bytes, SequenceTarget target) override;

private:
    void onFrame(PeerId id, const QByteArray &frame);
    void onPeerGone(PeerId id);
    void onStateChanged(Session::State state);
    bool datagrams() const;

    QPointer<Session> m_session;
    QPointer<SequenceRunner> m_runner;
    PeerId m_current = 0;
};
