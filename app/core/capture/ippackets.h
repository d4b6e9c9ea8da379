#pragma once

#include "capture/flowends.h"

#include <QByteArray>
#include <QByteArrayView>

// RFC 1071 Internet checksum: the one's-complement sum of big-endian 16-bit words.
namespace InternetChecksum {

// Adds bytes to a running sum; a trailing odd byte counts as padded with zero, so chain pieces only while every
// piece but the last has an even length (pseudo-header, header, payload).
quint64 add(QByteArrayView bytes, quint64 sum = 0);
// The folded, complemented sum: what goes into a header's checksum field.
quint16 finish(quint64 sum);

} // namespace InternetChecksum

// IP packets with a TCP or UDP header and correct checksums, as LINKTYPE_RAW stores them (no link-layer header).
namespace IpPackets {

enum TcpFlag : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };

constexpr int Ipv4HeaderLength = 20;
constexpr int Ipv6HeaderLength = 40;
constexpr int TcpHeaderLength = 20;
constexpr int UdpHeaderLength = 8;
constexpr int MaxIpLength = 65535; // IPv4 total length / IPv6 payload length are 16-bit fields

// Payload bytes that fit one packet: TCP 65495 (IPv4) / 65515 (IPv6); UDP 65507 / 65527.
constexpr int maxTcpPayload(bool ipv6)
{
    return MaxIpLength - TcpHeaderLength - (ipv6 ? 0 : Ipv4HeaderLength);
}
constexpr int maxUdpPayload(bool ipv6)
{
    return MaxIpLength - UdpHeaderLength - (ipv6 ? 0 : Ipv4HeaderLength);
}

struct TcpFields
{
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 0;
    QByteArrayView options; // a multiple of 4 bytes
};

// fromLocal: the local end is the source. ipId is used by IPv4 only. The payload must fit (see above).
QByteArray tcp(const WireEnds &ends, bool fromLocal, const TcpFields &fields, QByteArrayView payload, quint16 ipId);
QByteArray udp(const WireEnds &ends, bool fromLocal, QByteArrayView payload, quint16 ipId);

} // namespace IpPackets
