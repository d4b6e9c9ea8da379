#include "capture/packetdecoder.h"

#include <QtEndian>

#include <cstring>
#include <pcap/dlt.h>

namespace {

using Kind = DecodedPacket::Kind;

constexpr quint16 EtherIpv4 = 0x0800;
constexpr quint16 EtherIpv6 = 0x86dd;
constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;

const uchar *bytes(QByteArrayView view)
{
    return reinterpret_cast<const uchar *>(view.data());
}

quint16 be16(QByteArrayView view, qsizetype at)
{
    return qFromBigEndian<quint16>(bytes(view) + at);
}

quint32 be32(QByteArrayView view, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes(view) + at);
}

bool isVlanTag(quint16 type)
{
    return type == 0x8100 || type == 0x88a8 || type == 0x9100;
}

enum class Link { Ip, NotIp, Short };

// Ethernet-style protocol field at `at`, VLAN tags after the header skipped.
Link afterEtherType(QByteArrayView frame, qsizetype at, qsizetype headerEnd, QByteArrayView *ip)
{
    if (frame.size() < headerEnd)
        return Link::Short;
    quint16 type = be16(frame, at);
    qsizetype offset = headerEnd;
    while (isVlanTag(type)) {
        if (frame.size() < offset + 4)
            return Link::Short;
        type = be16(frame, offset + 2);
        offset += 4;
    }
    if (type != EtherIpv4 && type != EtherIpv6)
        return Link::NotIp;
    *ip = frame.sliced(offset);
    return Link::Ip;
}

// BSD loopback address families: AF_INET is 2 everywhere; AF_INET6 differs by system (Linux 10, Windows 23,
// NetBSD/OpenBSD 24, FreeBSD 28, macOS 30).
bool loopbackFamilyIsIp(quint32 family)
{
    return family == 2 || family == 10 || family == 23 || family == 24 || family == 28 || family == 30;
}

// The IP packet inside a frame.
Link ipOf(int linkType, QByteArrayView frame, QByteArrayView *ip)
{
    switch (linkType) {
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
        *ip = frame;
        return Link::Ip;
    case DLT_EN10MB:
        return afterEtherType(frame, 12, 14, ip);
    case DLT_LINUX_SLL:
        return afterEtherType(frame, 14, 16, ip);
    case DLT_LINUX_SLL2:
        return afterEtherType(frame, 0, 20, ip);
    case DLT_NULL:
    case DLT_LOOP: {
        if (frame.size() < 4)
            return Link::Short;
        quint32 family = linkType == DLT_LOOP ? be32(frame, 0) : qFromLittleEndian<quint32>(bytes(frame));
        // DLT_NULL holds the family in the capturing host's byte order: a big-endian host's value reads > 0xffff.
        if (linkType == DLT_NULL && family > 0xffff)
            family = qbswap(family);
        if (!loopbackFamilyIsIp(family))
            return Link::NotIp;
        *ip = frame.sliced(4);
        return Link::Ip;
    }
    default:
        return Link::NotIp;
    }
}

void decodeIpv4(QByteArrayView ip, DecodedPacket &p)
{
    if (ip.size() < 20)
        return;
    const qsizetype headerLength = (bytes(ip)[0] & 0x0f) * 4;
    qsizetype totalLength = be16(ip, 2);
    // 0 is what a capture of TCP segmentation offload shows: the NIC fills the length in later.
    if (totalLength == 0)
        totalLength = ip.size();
    if (headerLength < 20 || headerLength > ip.size() || totalLength < headerLength)
        return;
    p.ipv6 = false;
    std::memcpy(p.source.data(), bytes(ip) + 12, 4);
    std::memcpy(p.destination.data(), bytes(ip) + 16, 4);
    p.protocol = bytes(ip)[9];
    const QByteArrayView transport = ip.sliced(headerLength, qMin(totalLength, ip.size()) - headerLength);
    const quint16 fragment = be16(ip, 6);
    p.moreFragments = fragment & 0x2000;
    p.fragmentOffset = (fragment & 0x1fff) * 8;
    if (p.moreFragments || p.fragmentOffset != 0) {
        p.kind = Kind::Fragment;
        p.fragmentId = be16(ip, 4);
        p.payload = transport;
        p.payloadLength = totalLength - headerLength;
        return;
    }
    PacketDecoder::decodeTransport(p, transport, totalLength - headerLength);
}

void decodeIpv6(QByteArrayView ip, DecodedPacket &p)
{
    if (ip.size() < 40)
        return;
    p.ipv6 = true;
    std::memcpy(p.source.data(), bytes(ip) + 8, 16);
    std::memcpy(p.destination.data(), bytes(ip) + 24, 16);
    qsizetype end = 40 + be16(ip, 4);
    if (end == 40) // a jumbogram or segmentation offload: take what was captured
        end = ip.size();
    const qsizetype captured = qMin(end, ip.size());
    quint8 next = bytes(ip)[6];
    qsizetype at = 40;
    bool fragment = false;
    // Extension headers, boundedly: a crafted chain cannot loop.
    for (int i = 0; i < 16; ++i) {
        if (next == 0 || next == 43 || next == 60 || next == 51) { // hop-by-hop, routing, destination options, AH
            if (captured < at + 2)
                return;
            const qsizetype length = next == 51 ? (bytes(ip)[at + 1] + 2) * 4 : (bytes(ip)[at + 1] + 1) * 8;
            next = bytes(ip)[at];
            at += length;
        } else if (next == 44) {
            if (captured < at + 8)
                return;
            const quint16 field = be16(ip, at + 2);
            p.fragmentOffset = (field >> 3) * 8;
            p.moreFragments = field & 1;
            p.fragmentId = be32(ip, at + 4);
            next = bytes(ip)[at];
            at += 8;
            // An atomic fragment (offset 0, no more) is a whole packet (RFC 6946).
            fragment = p.moreFragments || p.fragmentOffset != 0;
        } else {
            break;
        }
    }
    if (at > captured)
        return;
    p.protocol = next;
    const QByteArrayView transport = ip.sliced(at, captured - at);
    if (fragment) {
        p.kind = Kind::Fragment;
        p.payload = transport;
        p.payloadLength = end - at;
        return;
    }
    PacketDecoder::decodeTransport(p, transport, end - at);
}

} // namespace

namespace PacketDecoder {

bool supports(int linkType)
{
    switch (linkType) {
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_NULL:
    case DLT_LOOP:
        return true;
    default:
        return false;
    }
}

DecodedPacket decode(int linkType, QByteArrayView frame)
{
    DecodedPacket p;
    QByteArrayView ip;
    const Link link = ipOf(linkType, frame, &ip);
    if (link == Link::NotIp)
        p.kind = Kind::NotIp;
    if (link != Link::Ip || ip.isEmpty())
        return p;
    const int version = bytes(ip)[0] >> 4;
    if (version == 4 && linkType != DLT_IPV6)
        decodeIpv4(ip, p);
    else if (version == 6 && linkType != DLT_IPV4)
        decodeIpv6(ip, p);
    return p;
}

void decodeTransport(DecodedPacket &p, QByteArrayView transport, qint64 transportLength)
{
    p.kind = Kind::Malformed;
    if (p.protocol == ProtocolTcp) {
        if (transport.size() < 20)
            return;
        const qsizetype headerLength = (bytes(transport)[12] >> 4) * 4;
        if (headerLength < 20 || headerLength > transport.size() || headerLength > transportLength)
            return;
        p.sourcePort = be16(transport, 0);
        p.destinationPort = be16(transport, 2);
        p.seq = be32(transport, 4);
        p.ack = be32(transport, 8);
        p.tcpFlags = bytes(transport)[13];
        p.payloadLength = transportLength - headerLength;
        p.payload = transport.sliced(headerLength, qMin<qint64>(p.payloadLength, transport.size() - headerLength));
        p.kind = Kind::Tcp;
    } else if (p.protocol == ProtocolUdp) {
        if (transport.size() < 8 || transportLength < 8)
            return;
        p.sourcePort = be16(transport, 0);
        p.destinationPort = be16(transport, 2);
        // The UDP length excludes any link padding; 0 (a jumbogram) or a value past the IP payload falls back on
        // the IP length.
        const qint64 udpLength = be16(transport, 4);
        p.payloadLength = (udpLength >= 8 && udpLength <= transportLength ? udpLength : transportLength) - 8;
        p.payload = transport.sliced(8, qMin<qint64>(p.payloadLength, transport.size() - 8));
        p.kind = Kind::Udp;
    } else {
        p.kind = Kind::OtherIp;
        p.payload = transport;
        p.payloadLength = transportLength;
    }
}

} // namespace PacketDecoder
