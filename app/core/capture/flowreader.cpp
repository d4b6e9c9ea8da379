#include "capture/flowreader.h"

#include "capture/ippackets.h"
#include "capture/tcpreassembler.h"

#include <cstring>

namespace {

std::array<quint8, 16> bytesOf(const QHostAddress &address)
{
    std::array<quint8, 16> out {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(out.data(), v6.c, 16);
    } else {
        const quint32 v4 = address.toIPv4Address();
        out = {quint8(v4 >> 24), quint8(v4 >> 16), quint8(v4 >> 8), quint8(v4)};
    }
    return out;
}

// The packets of one flow: its protocol, family, both ends.
struct FlowMatch
{
    bool tcp = true;
    bool ipv6 = false;
    std::array<quint8, 16> a {}, b {};
    quint16 portA = 0, portB = 0;

    // 0: not this flow; 1: A to B; 2: B to A.
    int match(const DecodedPacket &p) const
    {
        if ((p.kind == DecodedPacket::Kind::Tcp) != tcp || p.ipv6 != ipv6)
            return 0;
        if (p.sourcePort == portA && p.destinationPort == portB && p.source == a && p.destination == b)
            return 1;
        if (p.sourcePort == portB && p.destinationPort == portA && p.source == b && p.destination == a)
            return 2;
        return 0;
    }
};

} // namespace

CaptureResult FlowReader::read(const QString &path, const FlowSummary &flow, const Sink &sink, const Progress &progress)
{
    m_stats = {};
    TransportReader reader;
    CaptureResult result = reader.open(path);
    if (!result.ok())
        return result;
    const bool seeked = reader.seek(flow.firstOffset, flow.firstFrame);
    const qint64 spanStart = seeked ? flow.firstOffset : 0;
    const qint64 spanEnd = qMax(flow.lastOffset, spanStart + 1);
    if (progress) {
        reader.setProgress(
            [&](qint64 done, qint64) { return progress(qMin(done, spanEnd) - spanStart, spanEnd - spanStart); });
    }

    FlowMatch m;
    m.tcp = flow.protocol == FlowProtocol::Tcp;
    m.ipv6 = flow.addressA.protocol() == QAbstractSocket::IPv6Protocol;
    m.a = bytesOf(flow.addressA);
    m.b = bytesOf(flow.addressB);
    m.portA = flow.portA;
    m.portB = flow.portB;

    bool stopped = false;
    const auto deliver = [&](const FlowEvent &e) {
        if (stopped)
            return;
        const int d = int(e.direction);
        if (e.kind == FlowEvent::Kind::Data)
            m_stats.delivered[d] += e.bytes.size();
        else if (e.kind == FlowEvent::Kind::Gap)
            m_stats.missing[d] += e.missing;
        stopped = !sink(e);
    };
    TcpReassembler directions[2]
        = {TcpReassembler(FlowDirection::AToB, deliver), TcpReassembler(FlowDirection::BToA, deliver)};
    for (TcpReassembler &r : directions)
        r.setHoldLimit(m_holdLimit);
    bool opened = false;
    bool reset = false;
    qint64 lastTime = flow.firstTimeUs;

    TransportPacket packet;
    while (!stopped && !reset && reader.next(packet)) {
        if (packet.frame < flow.firstFrame)
            continue;
        if (packet.frame > flow.lastFrame)
            break;
        const DecodedPacket &p = packet.decoded;
        const int matched = m.match(p);
        if (matched == 0)
            continue;
        ++m_stats.packets;
        lastTime = packet.timeUs;
        const FlowDirection direction = matched == 1 ? FlowDirection::AToB : FlowDirection::BToA;
        if (!m.tcp) {
            FlowEvent e;
            e.kind = FlowEvent::Kind::Data;
            e.direction = direction;
            e.timeUs = packet.timeUs;
            e.bytes = p.payload;
            deliver(e);
            if (p.payloadLength > p.payload.size() && !stopped) {
                e.kind = FlowEvent::Kind::Gap;
                e.bytes = {};
                e.missing = p.payloadLength - p.payload.size();
                deliver(e);
            }
            continue;
        }
        const bool syn = p.tcpFlags & IpPackets::Syn;
        if (syn && !opened) {
            opened = true;
            FlowEvent e;
            e.kind = FlowEvent::Kind::Opened;
            e.direction = FlowDirection::AToB;
            e.timeUs = packet.timeUs;
            deliver(e);
        }
        directions[int(direction)].segment(
            p.seq, syn, p.tcpFlags & IpPackets::Fin, p.payload, p.payloadLength, packet.timeUs);
        if (p.tcpFlags & IpPackets::Rst) {
            directions[0].flush(packet.timeUs);
            directions[1].flush(packet.timeUs);
            FlowEvent e;
            e.kind = FlowEvent::Kind::Reset;
            e.direction = direction;
            e.timeUs = packet.timeUs;
            deliver(e);
            reset = true;
        }
    }
    result = reader.result();
    // The flow ended (or the file did): its open holes will not fill any more. Not after a cancel.
    if (!reset && result.status != CaptureStatus::Cancelled) {
        directions[0].flush(lastTime);
        directions[1].flush(lastTime);
    }
    for (int d = 0; d < 2; ++d)
        m_stats.duplicate[d] = directions[d].duplicateBytes();
    if (stopped && result.readSomething()) {
        result.status = CaptureStatus::Cancelled;
        result.stopFrame = packet.frame + 1;
        result.stopOffset = -1;
    }
    if (progress && result.readSomething() && !stopped)
        progress(spanEnd - spanStart, spanEnd - spanStart);
    return result;
}
