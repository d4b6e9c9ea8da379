#include "log/sessionrecorder.h"

#include "log/transcript.h"
#include "net/tcpserversession.h"

#include <QTimer>

SessionRecorder::SessionRecorder(Session *session, Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_transcript(transcript)
{
    connect(session, &Session::received, this, [this](PeerId id, const QByteArray &data) {
        if (m_transcript)
            m_transcript->appendData(Direction::Rx, endpointOf(id), data);
    });
    connect(session, &Session::sent, this, [this](PeerId id, const QByteArray &data) {
        if (m_transcript)
            m_transcript->appendData(Direction::Tx, endpointOf(id), data);
    });
    connect(session, &Session::peerConnected, this, &SessionRecorder::onPeerConnected);
    connect(session, &Session::peerDisconnected, this, &SessionRecorder::onPeerDisconnected);
    connect(session, &Session::errorOccurred, this, &SessionRecorder::onError);
    if (auto *server = qobject_cast<TcpServerSession *>(session)) {
        connect(server, &TcpServerSession::clientRefused, this, [this](const QString &endpoint) {
            if (m_transcript)
                m_transcript->appendEvent(EventKind::Refused, endpoint);
        });
    }
}

QString SessionRecorder::endpointOf(PeerId id) const
{
    if (id == 0)
        return QString();
    const auto it = m_endpoints.constFind(id);
    if (it != m_endpoints.constEnd())
        return it.value();
    return m_session ? m_session->peerInfo(id).endpoint : QString();
}

void SessionRecorder::onPeerConnected(PeerId id, const QString &endpoint)
{
    m_endpoints.insert(id, endpoint);
    if (m_transcript)
        m_transcript->appendEvent(EventKind::Connected, endpoint);
}

void SessionRecorder::onPeerDisconnected(PeerId id, const QString &endpoint)
{
    const QString name = endpoint.isEmpty() ? endpointOf(id) : endpoint;
    if (m_transcript)
        m_transcript->appendEvent(EventKind::Disconnected, name);
    // Kept until the event loop turns: a socket may report its error right after it reported the disconnect.
    QTimer::singleShot(0, this, [this, id] { m_endpoints.remove(id); });
}

void SessionRecorder::onError(PeerId id, QAbstractSocket::SocketError error, const QString &detail)
{
    if (!m_transcript)
        return;
    m_transcript->appendError(endpointOf(id), int(error), detail);
}
