#pragma once

#include "net/datagramcontrol.h"
#include "net/session.h"

#include <QTimer>

#include <functional>

// Forgets the peers of a datagram session that nobody has heard from or sent to for the expiry time (the UDP tab's
// peers, a UDP relay's pairs): it looks a few times per expiry time, so a peer goes at most a quarter of it late.
class PeerExpiry
{
public:
    // expire: forgets one peer (the session's disconnectPeer, which removes it).
    PeerExpiry(Session *session, std::function<void(PeerId)> expire);

    // 0: never.
    void setExpiryMs(qint64 ms);
    qint64 expiryMs() const { return m_expiryMs; }
    // Looks while the session is open, not otherwise: call when it opens or closes.
    void restart();

private:
    void look();

    Session *m_session;
    std::function<void(PeerId)> m_expire;
    qint64 m_expiryMs = DatagramControl::DefaultPeerExpiryMs;
    QTimer m_timer;
};
