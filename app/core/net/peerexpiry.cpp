#include "net/peerexpiry.h"

#include <QDateTime>

#include <algorithm>

PeerExpiry::PeerExpiry(Session *session, std::function<void(PeerId)> expire)
    : m_session(session)
    , m_expire(std::move(expire))
{
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { look(); });
}

void PeerExpiry::setExpiryMs(qint64 ms)
{
    m_expiryMs = std::max<qint64>(0, ms);
    restart();
}

void PeerExpiry::restart()
{
    if (m_expiryMs <= 0 || m_session->state() != Session::State::Open) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(m_expiryMs / 4, 100, 10000)));
}

void PeerExpiry::look()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<PeerId> quiet;
    for (const PeerId id : m_session->peers()) {
        if (now - m_session->peerInfo(id).lastSeenMs >= m_expiryMs)
            quiet.append(id);
    }
    for (const PeerId id : std::as_const(quiet))
        m_expire(id);
}
