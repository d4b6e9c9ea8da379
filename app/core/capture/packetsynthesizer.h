#pragma once

#include "capture/flowends.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <vector>

struct SynthesizedPacket
{
    qint64 timeUs = 0;
    QByteArray bytes; // one IP packet (LINKTYPE_RAW)
};

// Turns what NetAssist's log knows about a connection (opened, bytes each way, closed) into the IP packets a
// capture of it would hold, so that Wireshark's analysis and "Follow TCP Stream" see a real conversation:
// - each connection keeps its sequence and acknowledgement numbers from the handshake (SYN with MSS and window
//   scale, SYN-ACK, ACK) to the close (FIN-ACK both ways, last ACK) or reset; one end's FIN may come first
//   (tcpHalfClosed), the other end then still sends, and the close sends only the FIN not yet sent;
// - data of a connection never seen opening (capture started mid-connection) gets a handshake first; the end with
//   the higher port is taken as the one that connected (an ephemeral port), the local end on a tie;
// - data larger than one IP packet is split into segments; the receiver ACKs after each record and at least every
//   4 MiB, so the advertised window (65535 << 7) is never exceeded;
// - UDP: one datagram per packet, up to IpPackets::maxUdpPayload (65507 IPv4, 65527 IPv6) bytes.
// Packets are appended to `out`; no I/O (PcapWriter writes them).
class PacketSynthesizer
{
public:
    using Packets = std::vector<SynthesizedPacket>;

    void tcpOpened(const FlowEnds &ends, qint64 timeUs, bool localInitiated, Packets &out);
    void tcpData(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs, Packets &out);
    void tcpHalfClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out);
    void tcpClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out);
    void tcpReset(const FlowEnds &ends, qint64 timeUs, bool byLocal, Packets &out);
    // false (nothing appended) when the datagram does not fit one packet.
    bool udpDatagram(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs, Packets &out);

    int openConnections() const { return int(m_connections.size()); }

    static constexpr quint8 WindowScale = 7;
    static constexpr qint64 AckEveryBytes = 4 * 1024 * 1024;

private:
    struct Connection
    {
        quint32 localNext = 0; // the next sequence number the local end sends
        quint32 remoteNext = 0;
        bool localFinSent = false;
        bool remoteFinSent = false;
    };

    Connection &open(const WireEnds &ends, qint64 timeUs, bool localInitiated, Packets &out);
    Connection &existingOrSynthesized(const WireEnds &ends, qint64 timeUs, Packets &out);
    void emitTcp(const WireEnds &ends, bool fromLocal, quint32 seq, quint32 ack, quint8 flags, QByteArrayView payload,
        qint64 timeUs, Packets &out, QByteArrayView options = {});

    QHash<WireEnds, Connection> m_connections;
    quint32 m_connectionsOpened = 0;
    quint16 m_ipId = 1;
};
