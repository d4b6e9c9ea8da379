#include "capture/captureindex.h"

#include "capture/flowkey.h"
#include "capture/ippackets.h"

#include <vector>

namespace {

QHostAddress addressOf(const std::array<quint8, 16> &bytes, bool ipv6)
{
    if (ipv6)
        return QHostAddress(bytes.data());
    return QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3]);
}

// What the pass keeps per flow besides its summary.
struct FlowState
{
    bool aIsLow = true; // A is the key's low end
    quint32 synSeq = 0; // A's SYN, to tell a retransmitted SYN from a new connection
};

bool isSyn(const DecodedPacket &p)
{
    return (p.tcpFlags & (IpPackets::Syn | IpPackets::Ack)) == IpPackets::Syn;
}

bool isSynAck(const DecodedPacket &p)
{
    return (p.tcpFlags & (IpPackets::Syn | IpPackets::Ack)) == (IpPackets::Syn | IpPackets::Ack);
}

} // namespace

CaptureResult CaptureIndex::build(const QString &path, const Progress &progress)
{
    m_fileName = path;
    m_flows.clear();
    m_counts = {};
    TransportReader reader;
    m_result = reader.open(path);
    if (!m_result.ok())
        return m_result;
    reader.setProgress(progress);

    QHash<FlowKey, int> current; // the latest flow of each key
    std::vector<FlowState> states;
    int streams[2] = {0, 0};
    TransportPacket packet;
    while (reader.next(packet)) {
        const DecodedPacket &p = packet.decoded;
        const bool tcp = p.kind == DecodedPacket::Kind::Tcp;
        bool sourceIsLow = true;
        const FlowKey key = FlowKey::of(p, &sourceIsLow);
        auto it = current.find(key);
        bool startsFlow = it == current.end();
        if (!startsFlow && tcp && isSyn(p)) {
            const FlowSummary &f = m_flows[*it];
            const FlowState &s = states[*it];
            startsFlow = !(f.synSeen && sourceIsLow == s.aIsLow && s.synSeq == p.seq);
        }
        if (startsFlow) {
            FlowSummary f;
            f.protocol = tcp ? FlowProtocol::Tcp : FlowProtocol::Udp;
            f.streamNumber = streams[tcp ? 0 : 1]++;
            FlowState s;
            // A SYN-ACK as a connection's first packet: its receiver sent the SYN the capture missed.
            const bool aIsSource = !(tcp && isSynAck(p));
            s.aIsLow = aIsSource == sourceIsLow;
            f.addressA = addressOf(aIsSource ? p.source : p.destination, p.ipv6);
            f.portA = aIsSource ? p.sourcePort : p.destinationPort;
            f.addressB = addressOf(aIsSource ? p.destination : p.source, p.ipv6);
            f.portB = aIsSource ? p.destinationPort : p.sourcePort;
            f.firstTimeUs = packet.timeUs;
            f.firstFrame = packet.firstFrame;
            f.firstOffset = packet.firstOffset;
            m_flows.append(f);
            states.push_back(s);
            it = current.insert(key, int(m_flows.size() - 1));
        }
        FlowSummary &f = m_flows[*it];
        FlowState &s = states[*it];
        const bool aToB = sourceIsLow == s.aIsLow;
        (aToB ? f.packetsAToB : f.packetsBToA) += packet.frames;
        (aToB ? f.bytesAToB : f.bytesBToA) += p.payloadLength;
        f.lastTimeUs = packet.timeUs;
        f.lastFrame = packet.frame;
        f.lastOffset = packet.offset;
        // A later datagram's first fragment can precede the first datagram's: FlowReader must start there.
        if (packet.firstFrame < f.firstFrame) {
            f.firstFrame = packet.firstFrame;
            f.firstOffset = packet.firstOffset;
        }
        if (tcp) {
            if (isSyn(p) && aToB) {
                f.synSeen = true;
                s.synSeq = p.seq;
            } else if (isSynAck(p) && !aToB && !f.synSeen) {
                f.synSeen = true;
                s.synSeq = p.ack - 1; // the missed SYN's, so that its retransmission stays in this stream
            }
            f.finSeen = f.finSeen || (p.tcpFlags & IpPackets::Fin);
            f.resetSeen = f.resetSeen || (p.tcpFlags & IpPackets::Rst);
        }
    }
    m_counts = reader.counts();
    m_result = reader.result();
    return m_result;
}
