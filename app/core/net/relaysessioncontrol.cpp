#include "net/relaypair.h"
#include "net/relaysession.h"

#include <algorithm>

RelaySessionControl::RelaySessionControl(RelaySession *session)
    : RelayControl(session)
    , m_session(session)
{ }

QString RelaySessionControl::targetHost() const
{
    return m_session->m_targetHost;
}

quint16 RelaySessionControl::targetPort() const
{
    return m_session->m_targetPort;
}

void RelaySessionControl::setFaults(Side from, const Faults &faults)
{
    m_session->applyFaults(from, faults);
}

RelayControl::Faults RelaySessionControl::faults(Side from) const
{
    return m_session->m_faults[RelayControl::sideIndex(from)];
}

void RelaySessionControl::setBufferBound(qint64 bytes)
{
    m_session->m_bound = std::max<qint64>(bytes, 1);
    for (const auto &p : std::as_const(m_session->m_pairs)) {
        if (p->toTarget) {
            p->toTarget->setBound(m_session->m_bound);
            p->toClient->setBound(m_session->m_bound);
        }
    }
}

qint64 RelaySessionControl::bufferBound() const
{
    return m_session->m_bound;
}

int RelaySessionControl::inject(Side to, const QByteArray &data, const QList<PeerId> &pairs)
{
    return m_session->inject(to, data, pairs);
}

QString RelaySessionControl::upstreamEndpoint(PeerId pair) const
{
    const RelaySession::Pair *p = m_session->pair(pair);
    return p ? p->upstreamLocal : QString();
}

RelayControl::PairState RelaySessionControl::pairState(PeerId pair) const
{
    const RelaySession::Pair *p = m_session->pair(pair);
    if (!p || p->cutting || p->clientFailed || p->upstreamFailed || (p->clientEnded && p->upstreamEnded))
        return PairState::Closing;
    if (p->clientEnded)
        return PairState::ClientEnded;
    if (p->upstreamEnded)
        return PairState::TargetEnded;
    return p->upstreamUp ? PairState::Open : PairState::Connecting;
}

qint64 RelaySessionControl::bufferedBytes(PeerId pair) const
{
    const RelaySession::Pair *p = m_session->pair(pair);
    if (!p || !p->toTarget)
        return 0;
    // What was read and not yet handed to the kernel (fault queues, what a socket could not take yet); what was
    // not read stays in the kernel, where TCP's window bounds it.
    return p->toTarget->buffered() + p->toClient->buffered();
}
