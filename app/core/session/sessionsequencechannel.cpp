#include "session/sessionsequencechannel.h"

#include "log/sessionrecorder.h"
#include "script/sequencerunner.h"

SessionSequenceChannel::SessionSequenceChannel(
    Session *session, SessionRecorder *recorder, SequenceRunner *runner, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_runner(runner)
{
    connect(recorder, &SessionRecorder::frameReceived, this, &SessionSequenceChannel::onFrame);
    connect(session, &Session::peerDisconnected, this, [this](PeerId id) { onPeerGone(id); });
    connect(session, &Session::stateChanged, this, &SessionSequenceChannel::onStateChanged);
    runner->setChannel(this);
}

SessionSequenceChannel::~SessionSequenceChannel()
{
    if (m_runner && m_runner->channel() == this) {
        m_runner->stop();
        m_runner->setChannel(nullptr);
    }
}

void SessionSequenceChannel::setCurrentPeer(PeerId id)
{
    m_current = id;
}

bool SessionSequenceChannel::datagrams() const
{
    return m_session->traits().delivery == Session::Delivery::Datagrams;
}

bool SessionSequenceChannel::isOpen() const
{
    if (!m_session || m_session->state() != Session::State::Open)
        return false;
    if (m_current != 0)
        return m_session->hasPeer(m_current);
    // A bound UDP socket is open before any peer exists: its remote target may be all it needs.
    return datagrams() || m_session->peerCount() > 0;
}

int SessionSequenceChannel::send(const QByteArray &bytes, SequenceTarget target)
{
    if (!isOpen())
        return 0;
    if (target == SequenceTarget::AllPeers) {
        // Datagrams: every endpoint heard from or sent to, or the remote target while there is none.
        if (datagrams() && m_session->peerCount() > 0)
            return m_session->send(bytes, m_session->peers());
        return m_session->send(bytes);
    }
    if (m_current != 0)
        return m_session->send(bytes, {m_current});
    if (datagrams() || m_session->traits().peers == Session::Peers::One)
        return m_session->send(bytes);
    if (m_session->peerCount() == 1)
        return m_session->send(bytes, m_session->peers());
    return 0;
}

void SessionSequenceChannel::onFrame(PeerId id, const QByteArray &frame)
{
    if (m_runner && (m_current == 0 || id == m_current))
        m_runner->frameReceived(frame);
}

void SessionSequenceChannel::onPeerGone(PeerId id)
{
    if (!m_runner)
        return;
    const bool talkingToIt
        = id == m_current || (m_current == 0 && !datagrams() && m_session->traits().peers == Session::Peers::One);
    if (talkingToIt)
        m_runner->channelClosed();
}

void SessionSequenceChannel::onStateChanged(Session::State state)
{
    if (m_runner && state != Session::State::Open)
        m_runner->channelClosed();
}
