#include "capture/packetsynthesizer.h"

#include "capture/ippackets.h"

namespace {

using namespace IpPackets;

constexpr quint16 Window = 65535;

QByteArray synOptions(bool ipv6)
{
    const quint16 mss = quint16(maxTcpPayload(ipv6));
    // MSS (kind 2), NOP, window scale (kind 3): Wireshark scales later windows only when both SYNs carry it.
    return QByteArray("\x02\x04", 2) + char(mss >> 8) + char(mss & 0xff) + QByteArray("\x01\x03\x03", 3)
        + char(PacketSynthesizer::WindowScale);
}

} // namespace

void PacketSynthesizer::emitTcp(const WireEnds &ends, bool fromLocal, quint32 seq, quint32 ack, quint8 flags,
    QByteArrayView payload, qint64 timeUs, Packets &out, QByteArrayView options)
{
    TcpFields fields;
    fields.seq = seq;
    fields.ack = ack;
    fields.flags = flags;
    fields.window = Window;
    fields.options = options;
    out.push_back({timeUs, IpPackets::tcp(ends, fromLocal, fields, payload, m_ipId++)});
}

PacketSynthesizer::Connection &PacketSynthesizer::open(
    const WireEnds &ends, qint64 timeUs, bool localInitiated, Packets &out)
{
    // Initial sequence numbers from RFC 793's 4 µs clock, spread per connection so that a connection reopened on
    // the same ports at the same instant still starts elsewhere in the sequence space.
    const quint32 isn = quint32(timeUs / 4) + m_connectionsOpened * 0x9e3779b9u;
    const quint32 responderIsn = isn ^ 0x5bd1e995u;
    ++m_connectionsOpened;

    Connection c;
    quint32 &initiatorNext = localInitiated ? c.localNext : c.remoteNext;
    quint32 &responderNext = localInitiated ? c.remoteNext : c.localNext;
    const QByteArray options = synOptions(ends.ipv6);
    emitTcp(ends, localInitiated, isn, 0, Syn, {}, timeUs, out, options);
    emitTcp(ends, !localInitiated, responderIsn, isn + 1, Syn | Ack, {}, timeUs, out, options);
    initiatorNext = isn + 1;
    responderNext = responderIsn + 1;
    emitTcp(ends, localInitiated, initiatorNext, responderNext, Ack, {}, timeUs, out);
    return m_connections.insert(ends, c).value();
}

PacketSynthesizer::Connection &PacketSynthesizer::existingOrSynthesized(
    const WireEnds &ends, qint64 timeUs, Packets &out)
{
    const auto it = m_connections.find(ends);
    if (it != m_connections.end())
        return it.value();
    const bool localInitiated = ends.localPort >= ends.remotePort;
    return open(ends, timeUs, localInitiated, out);
}

void PacketSynthesizer::tcpOpened(const FlowEnds &ends, qint64 timeUs, bool localInitiated, Packets &out)
{
    const WireEnds wire = WireEnds::from(ends);
    m_connections.remove(wire); // the log saw a new connection: whatever was open on these ports is gone
    open(wire, timeUs, localInitiated, out);
}

void PacketSynthesizer::tcpData(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs, Packets &out)
{
    if (bytes.isEmpty())
        return;
    const WireEnds wire = WireEnds::from(ends);
    Connection &c = existingOrSynthesized(wire, timeUs, out);
    quint32 &senderNext = fromLocal ? c.localNext : c.remoteNext;
    const quint32 receiverNext = fromLocal ? c.remoteNext : c.localNext;
    const qsizetype segment = maxTcpPayload(wire.ipv6);
    qint64 unacked = 0;
    for (qsizetype at = 0; at < bytes.size(); at += segment) {
        const QByteArrayView piece = bytes.sliced(at, qMin(segment, bytes.size() - at));
        const bool last = at + piece.size() == bytes.size();
        emitTcp(wire, fromLocal, senderNext, receiverNext, Ack | (last ? Psh : 0), piece, timeUs, out);
        senderNext += quint32(piece.size());
        unacked += piece.size();
        if (last || unacked >= AckEveryBytes) {
            emitTcp(wire, !fromLocal, receiverNext, senderNext, Ack, {}, timeUs, out);
            unacked = 0;
        }
    }
}

void PacketSynthesizer::tcpHalfClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out)
{
    const WireEnds wire = WireEnds::from(ends);
    Connection &c = existingOrSynthesized(wire, timeUs, out);
    bool &finSent = byLocal ? c.localFinSent : c.remoteFinSent;
    if (finSent)
        return;
    quint32 &closerNext = byLocal ? c.localNext : c.remoteNext;
    const quint32 otherNext = byLocal ? c.remoteNext : c.localNext;
    emitTcp(wire, byLocal, closerNext, otherNext, Fin | Ack, {}, timeUs, out);
    ++closerNext;
    emitTcp(wire, !byLocal, otherNext, closerNext, Ack, {}, timeUs, out);
    finSent = true;
}

void PacketSynthesizer::tcpClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out)
{
    const WireEnds wire = WireEnds::from(ends);
    Connection &c = existingOrSynthesized(wire, timeUs, out);
    quint32 &closerNext = byLocal ? c.localNext : c.remoteNext;
    quint32 &otherNext = byLocal ? c.remoteNext : c.localNext;
    const bool closerDone = byLocal ? c.localFinSent : c.remoteFinSent;
    const bool otherDone = byLocal ? c.remoteFinSent : c.localFinSent;
    // Only the FINs a half-close has not sent yet, each acknowledged.
    if (!closerDone) {
        emitTcp(wire, byLocal, closerNext, otherNext, Fin | Ack, {}, timeUs, out);
        ++closerNext;
    }
    if (!otherDone) {
        emitTcp(wire, !byLocal, otherNext, closerNext, Fin | Ack, {}, timeUs, out);
        ++otherNext;
        emitTcp(wire, byLocal, closerNext, otherNext, Ack, {}, timeUs, out);
    } else if (!closerDone) {
        emitTcp(wire, !byLocal, otherNext, closerNext, Ack, {}, timeUs, out);
    }
    m_connections.remove(wire);
}

void PacketSynthesizer::tcpReset(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out)
{
    const WireEnds wire = WireEnds::from(ends);
    const Connection &c = existingOrSynthesized(wire, timeUs, out);
    emitTcp(wire, byLocal, byLocal ? c.localNext : c.remoteNext, byLocal ? c.remoteNext : c.localNext, Rst | Ack, {},
        timeUs, out);
    m_connections.remove(wire);
}

bool PacketSynthesizer::udpDatagram(
    const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs, Packets &out)
{
    const WireEnds wire = WireEnds::from(ends);
    if (bytes.size() > maxUdpPayload(wire.ipv6))
        return false;
    out.push_back({timeUs, IpPackets::udp(wire, fromLocal, bytes, m_ipId++)});
    return true;
}
