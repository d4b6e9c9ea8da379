#pragma once

#include <QByteArrayView>

#include <array>

// One captured frame taken apart down to TCP or UDP. Link layers: Ethernet (802.1Q / 802.1ad VLAN tags skipped),
// Linux cooked SLL and SLL2 ("tcpdump -i any"), raw IP (DLT_RAW, LINKTYPE_IPV4 / IPV6) and BSD loopback (DLT_NULL
// in either byte order, DLT_LOOP). IPv4 and IPv6 (hop-by-hop, routing, destination options and AH headers skipped).
// Checksums are not verified: captures taken on the sending host carry the NIC's unfinished ones.
struct DecodedPacket
{
    enum class Kind : quint8 {
        Tcp,
        Udp,
        Fragment, // an IPv4 / IPv6 fragment: protocol, fragment* and payload (the fragment's bytes) are set
        OtherIp, // IP carrying something else (ICMP, ...): protocol is set
        NotIp, // ARP, LLDP, ... on the link
        Malformed, // too short or inconsistent headers
    };
    Kind kind = Kind::Malformed;
    bool ipv6 = false;
    std::array<quint8, 16> source {}; // IPv4 in the first 4 bytes
    std::array<quint8, 16> destination {};
    quint8 protocol = 0;

    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 tcpFlags = 0;

    // The payload bytes in the capture; payloadLength is how many went over the wire (more when the capture's
    // snapshot length cut the packet short).
    QByteArrayView payload;
    qint64 payloadLength = 0;

    quint32 fragmentId = 0;
    int fragmentOffset = 0; // bytes
    bool moreFragments = false;
};

namespace PacketDecoder {

// linkType is libpcap's DLT_ value (pcap_datalink()).
bool supports(int linkType);
DecodedPacket decode(int linkType, QByteArrayView frame);
// Fills the transport fields of an IP packet whose transport bytes are known (a reassembled datagram): kind becomes
// Tcp, Udp, OtherIp or Malformed. transportLength is the datagram's length on the wire.
void decodeTransport(DecodedPacket &packet, QByteArrayView transport, qint64 transportLength);

} // namespace PacketDecoder
