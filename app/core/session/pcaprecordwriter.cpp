#include "session/pcaprecordwriter.h"

#include "log/transcript.h"
#include "net/endpoint.h"
#include "net/relaycontrol.h"

#include <utility>

namespace {

bool isUnspecified(const QHostAddress &a)
{
    return a.isNull() || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6 || a == QHostAddress::Any;
}

// Could be the source of our reply: not a group, not the limited broadcast, not "any".
bool isUnicast(const QHostAddress &a)
{
    return !isUnspecified(a) && !a.isMulticast() && !a.isBroadcast();
}

} // namespace

bool PcapRecordWriter::open(const QString &path, bool append)
{
    close();
    return m_writer.open(path, append);
}

void PcapRecordWriter::close()
{
    flush();
    m_writer.close();
    m_connecting = false;
    m_connections.clear();
    m_parsed.clear();
    m_reachedAt.clear();
    m_relays.clear();
    m_held.reset();
    m_recordsWritten = 0;
    m_recordsSkipped = 0;
}

std::optional<std::pair<QHostAddress, quint16>> PcapRecordWriter::parseEndpoint(const QString &name)
{
    const Endpoint::HostPort hp = Endpoint::parseHostPort(name);
    if (!hp.ok())
        return std::nullopt;
    const QHostAddress address(hp.host);
    if (address.isNull())
        return std::nullopt; // a host name (a client's target as typed): not an endpoint on the wire
    return std::make_pair(address, hp.port);
}

std::optional<FlowEnds> PcapRecordWriter::endsOf(const QString &peerName, const QString &localName)
{
    auto lookup = [this](const QString &name) {
        auto it = m_parsed.constFind(name);
        if (it == m_parsed.constEnd())
            it = m_parsed.insert(name, parseEndpoint(name));
        return *it;
    };
    const auto remote = lookup(peerName);
    if (!remote)
        return std::nullopt;
    FlowEnds ends;
    ends.remoteAddress = remote->first;
    ends.remotePort = remote->second;
    // Without our end (an old record, a socket that never reported it) the writer takes "any" of the peer's family.
    if (const auto local = localName.isEmpty() ? std::nullopt : lookup(localName)) {
        ends.localAddress = local->first;
        ends.localPort = local->second;
    }
    return ends;
}

bool PcapRecordWriter::write(const Record &record, const Transcript &names)
{
    return write(record, names.peerName(record.peer), names.peerName(record.local));
}

bool PcapRecordWriter::write(const Record &record, const QString &peerName, const QString &localName)
{
    if (!settleHeld(record, peerName))
        return false;
    const qint64 timeUs = record.timeMs * 1000;
    if (record.direction != Direction::Event) {
        const auto relay = m_relays.find(peerName);
        if (relay != m_relays.end() && relay->upstream) {
            if (!relay->client && !(record.flags & Record::TargetSide))
                relay->client = endsOf(peerName, localName); // its opening came before the capture
            return writeRelayData(record, peerName, *relay);
        }
        if (record.flags & Record::TargetSide) {
            ++m_recordsSkipped; // a relay's target side whose upstream flow the file never learnt
            return true;
        }
        const std::optional<FlowEnds> ends = endsOf(peerName, localName);
        if (!ends) {
            ++m_recordsSkipped;
            return true;
        }
        return writeData(record, peerName, *ends);
    }
    if (!learn(record, peerName, localName))
        return false;
    switch (record.event) {
    case EventKind::Connecting:
        m_connecting = true;
        return true;
    case EventKind::Connected: {
        const bool ours = std::exchange(m_connecting, false);
        const std::optional<FlowEnds> ends = endsOf(peerName, localName);
        if (!ends || localName.isEmpty())
            return true; // its first data will get a synthesized handshake
        m_connections.insert(peerName, *ends);
        return m_writer.tcpOpened(*ends, timeUs, ours);
    }
    case EventKind::Disconnected:
        m_connecting = false; // a connect that failed
        return closeFlows(peerName, timeUs, false);
    case EventKind::RelayFault: {
        const auto event = RelayControl::FaultEvent::decode(record.data);
        if (event && event->kind == RelayControl::FaultEvent::Kind::Reset && !peerName.isEmpty())
            return closeFlows(peerName, timeUs, true);
        return true;
    }
    case EventKind::RelayEnded:
        return halfCloseFlows(peerName, timeUs, record.flags & Record::TargetSide);
    default:
        return true;
    }
}

// What the writer must know of a relay's pairs: the client flow's ends (Connected, NewPeer) and the upstream flow's
// (RelayUpstream, which also opens it: we connected to the target). Without a relay's events nothing is learnt.
bool PcapRecordWriter::learn(const Record &record, const QString &peerName, const QString &localName)
{
    if (record.event == EventKind::RelayUpstream) {
        const std::optional<FlowEnds> ends = endsOf(QString::fromUtf8(record.data), localName);
        if (!ends)
            return true;
        RelayFlows &flows = m_relays[peerName];
        flows.upstream = ends;
        if (!flows.client) {
            const auto client = m_connections.constFind(peerName);
            if (client != m_connections.constEnd())
                flows.client = *client;
        }
        if ((record.flags & Record::Datagram) || !isOpen())
            return true;
        m_connections.insert(upstreamKey(peerName), *ends);
        return m_writer.tcpOpened(*ends, record.timeMs * 1000, true);
    }
    if ((record.event == EventKind::Connected || record.event == EventKind::NewPeer) && !localName.isEmpty()) {
        const auto relay = m_relays.find(peerName);
        if (relay != m_relays.end())
            relay->client = endsOf(peerName, localName); // a new pair under a name seen before
    }
    if (record.event == EventKind::Disconnected || record.event == EventKind::PeerGone)
        m_relays.remove(peerName);
    return true;
}

void PcapRecordWriter::learnRelayFlows(const Transcript &transcript)
{
    // Only the events: nothing is written and no connection is opened (its first data synthesizes a handshake).
    QHash<QString, FlowEnds> clients;
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        const Record &r = transcript.at(i);
        if (r.direction != Direction::Event)
            continue;
        const QString peer = transcript.peerName(r.peer);
        if (r.event == EventKind::Connected || r.event == EventKind::NewPeer) {
            if (const auto ends = endsOf(peer, transcript.peerName(r.local)))
                clients.insert(peer, *ends);
        } else if (r.event == EventKind::RelayUpstream) {
            RelayFlows flows;
            flows.upstream = endsOf(QString::fromUtf8(r.data), transcript.peerName(r.local));
            if (clients.contains(peer))
                flows.client = clients.value(peer);
            m_relays.insert(peer, flows);
        } else if (r.event == EventKind::Disconnected || r.event == EventKind::PeerGone) {
            m_relays.remove(peer);
            clients.remove(peer);
        }
    }
}

bool PcapRecordWriter::closeFlows(const QString &peerName, qint64 timeUs, bool reset)
{
    for (const QString &key : {peerName, upstreamKey(peerName)}) {
        const auto it = m_connections.constFind(key);
        if (it == m_connections.constEnd())
            continue;
        const FlowEnds ends = *it;
        m_connections.erase(it);
        if (!(reset ? m_writer.tcpReset(ends, timeUs, true) : m_writer.tcpClosed(ends, timeUs, false)))
            return false;
    }
    return true;
}

// One side's FIN: on its own flow from that side, and, passed on, on the other flow from us.
bool PcapRecordWriter::halfCloseFlows(const QString &peerName, qint64 timeUs, bool targetSide)
{
    const QString own = targetSide ? upstreamKey(peerName) : peerName;
    const QString other = targetSide ? peerName : upstreamKey(peerName);
    for (const auto &[key, byLocal] : {std::pair {own, false}, std::pair {other, true}}) {
        const auto it = m_connections.constFind(key);
        if (it != m_connections.constEnd() && !m_writer.tcpHalfClosed(*it, timeUs, byLocal))
            return false;
    }
    return true;
}

// A relay's record: on the flow it came in on (or, injected, went out on), and what came in once more as the relay
// sent it on the other flow.
bool PcapRecordWriter::writeRelayData(const Record &record, const QString &peerName, const RelayFlows &flows)
{
    const bool targetSide = record.flags & Record::TargetSide;
    const bool datagram = record.flags & Record::Datagram;
    const std::optional<FlowEnds> &own = targetSide ? flows.upstream : flows.client;
    const std::optional<FlowEnds> &other = targetSide ? flows.client : flows.upstream;
    const QString ownKey = targetSide ? upstreamKey(peerName) : peerName;
    const QString otherKey = targetSide ? peerName : upstreamKey(peerName);
    if (!own) {
        ++m_recordsSkipped;
        return true;
    }
    const qint64 timeUs = record.timeMs * 1000;
    if (!datagram && !record.data.isEmpty() && !openRelayFlow(ownKey, *own, timeUs, targetSide))
        return false;
    if (!writeData(record, ownKey, *own))
        return false;
    if (record.direction != Direction::Rx || !other || (record.data.isEmpty() && !datagram))
        return true;
    if (datagram) {
        m_held = HeldForward {peerName, targetSide, *other, record.data, timeUs};
        return true;
    }
    if (!openRelayFlow(otherKey, *other, timeUs, !targetSide))
        return false;
    return m_writer.tcpData(*other, true, record.data, timeUs);
}

// A relay flow whose opening the file never saw (capture started mid-pair): who opened it is known, unlike for a
// plain connection (the synthesizer would guess from the ports): the client opened its flow, we the upstream one.
bool PcapRecordWriter::openRelayFlow(const QString &key, const FlowEnds &ends, qint64 timeUs, bool upstream)
{
    if (m_connections.contains(key))
        return true;
    m_connections.insert(key, ends);
    return m_writer.tcpOpened(ends, timeUs, upstream);
}

bool PcapRecordWriter::settleHeld(const Record &record, const QString &peerName)
{
    if (!m_held)
        return true;
    if (record.direction == Direction::Event && record.event == EventKind::RelayFault && peerName == m_held->peerName
        && bool(record.flags & Record::TargetSide) == m_held->targetSide) {
        const auto event = RelayControl::FaultEvent::decode(record.data);
        using Kind = RelayControl::FaultEvent::Kind;
        if (event && (event->kind == Kind::Dropped || event->kind == Kind::Overflowed)) {
            m_held.reset(); // never sent on
            return true;
        }
    }
    return flush();
}

bool PcapRecordWriter::flush()
{
    if (!m_held || !isOpen())
        return true;
    const HeldForward held = *std::exchange(m_held, std::nullopt);
    return m_writer.udpDatagram(held.ends, true, held.data, held.timeUs)
        || m_writer.error() == PcapWriter::Error::DatagramTooLarge;
}

bool PcapRecordWriter::writeData(const Record &record, const QString &peerName, const FlowEnds &ends)
{
    const bool fromLocal = record.direction == Direction::Tx;
    const qint64 timeUs = record.timeMs * 1000;
    if (record.flags & Record::Datagram) {
        FlowEnds e = ends;
        if (isUnicast(e.localAddress)) {
            if (!fromLocal)
                m_reachedAt.insert(peerName, e.localAddress);
        } else if (fromLocal && isUnspecified(e.localAddress)) {
            e.localAddress = m_reachedAt.value(peerName, e.localAddress);
        }
        if (m_writer.udpDatagram(e, fromLocal, record.data, timeUs)) {
            ++m_recordsWritten;
            return true;
        }
        if (m_writer.error() != PcapWriter::Error::DatagramTooLarge)
            return false;
        ++m_recordsSkipped; // could not have gone over the wire as one datagram either
        return true;
    }
    if (record.data.isEmpty())
        return true;
    if (!m_connections.contains(peerName))
        m_connections.insert(peerName, ends); // opened before the capture began: closed by its Disconnected
    if (!m_writer.tcpData(ends, fromLocal, record.data, timeUs))
        return false;
    ++m_recordsWritten;
    return true;
}

bool PcapRecordWriter::writeAll(const Transcript &transcript)
{
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        if (!write(transcript.at(i), transcript))
            return false;
    }
    return flush();
}
