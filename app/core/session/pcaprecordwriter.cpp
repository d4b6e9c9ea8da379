#include "session/pcaprecordwriter.h"

#include "log/transcript.h"
#include "net/endpoint.h"

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
    m_writer.close();
    m_connecting = false;
    m_connections.clear();
    m_parsed.clear();
    m_reachedAt.clear();
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
    const qint64 timeUs = record.timeMs * 1000;
    if (record.direction != Direction::Event) {
        const std::optional<FlowEnds> ends = endsOf(peerName, localName);
        if (!ends) {
            ++m_recordsSkipped;
            return true;
        }
        return writeData(record, peerName, *ends);
    }
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
    case EventKind::Disconnected: {
        m_connecting = false; // a connect that failed
        const auto it = m_connections.constFind(peerName);
        if (it == m_connections.constEnd())
            return true;
        const FlowEnds ends = *it;
        m_connections.erase(it);
        return m_writer.tcpClosed(ends, timeUs, false);
    }
    default:
        return true;
    }
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
    return true;
}
