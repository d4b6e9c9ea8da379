#include "net/udprelaypair.h"
#include "net/udprelaysession.h"

#include <algorithm>

UdpRelaySessionControl::UdpRelaySessionControl(UdpRelaySession *session)
    : RelayControl(session)
    , m_session(session)
{ }

QString UdpRelaySessionControl::targetHost() const
{
    return m_session->m_targetHost;
}

quint16 UdpRelaySessionControl::targetPort() const
{
    return m_session->m_targetPort;
}

void UdpRelaySessionControl::setFaults(Side from, const Faults &faults)
{
    m_session->applyFaults(from, faults);
}

RelayControl::Faults UdpRelaySessionControl::faults(Side from) const
{
    return m_session->m_faults[RelayControl::sideIndex(from)];
}

void UdpRelaySessionControl::setBufferBound(qint64 bytes)
{
    m_session->m_bound = std::max<qint64>(bytes, 1);
    for (const auto &p : std::as_const(m_session->m_pairs)) {
        p->toTarget->setBound(m_session->m_bound);
        p->toClient->setBound(m_session->m_bound);
    }
}

qint64 UdpRelaySessionControl::bufferBound() const
{
    return m_session->m_bound;
}

int UdpRelaySessionControl::inject(Side to, const QByteArray &data, const QList<PeerId> &pairs)
{
    return m_session->inject(to, data, pairs);
}

QString UdpRelaySessionControl::upstreamEndpoint(PeerId pair) const
{
    const UdpRelaySession::Pair *p = m_session->pair(pair);
    return p ? p->upstreamLocal : QString();
}

RelayControl::PairState UdpRelaySessionControl::pairState(PeerId pair) const
{
    const UdpRelaySession::Pair *p = m_session->pair(pair);
    if (!p)
        return PairState::Closing;
    return p->upstreamUp ? PairState::Open : PairState::Connecting;
}

qint64 UdpRelaySessionControl::bufferedBytes(PeerId pair) const
{
    const UdpRelaySession::Pair *p = m_session->pair(pair);
    return p ? p->toTarget->buffered() + p->toClient->buffered() : 0;
}

void UdpRelaySessionControl::setPairExpiryMs(qint64 ms)
{
    m_session->m_expiry.setExpiryMs(ms);
}

qint64 UdpRelaySessionControl::pairExpiryMs() const
{
    return m_session->m_expiry.expiryMs();
}

void UdpRelaySessionControl::setDropSeed(quint32 seed)
{
    m_session->m_dropSeed = seed;
    m_session->m_drops = {QRandomGenerator(seed), QRandomGenerator(seed + 1)};
}
