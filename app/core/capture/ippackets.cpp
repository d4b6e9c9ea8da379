#include "capture/ippackets.h"

#include <QtEndian>

#include <cstring>

namespace InternetChecksum {

quint64 add(QByteArrayView bytes, quint64 sum)
{
    // 32-bit big-endian words summed in 64 bits fold to the same 16-bit one's-complement sum (2^16 = 1 mod 2^16-1),
    // at twice the speed of 16-bit steps.
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype n = bytes.size();
    while (n >= 4) {
        sum += qFromBigEndian<quint32>(p);
        p += 4;
        n -= 4;
    }
    if (n >= 2) {
        sum += qFromBigEndian<quint16>(p);
        p += 2;
        n -= 2;
    }
    if (n == 1)
        sum += quint32(*p) << 8;
    return sum;
}

quint16 finish(quint64 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}

} // namespace InternetChecksum

namespace IpPackets {

namespace {

constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;
constexpr quint8 HopLimit = 64;

// Writes the IP header at the start of packet (sized for header + l4Length) and returns the pseudo-header sum the
// transport checksum starts from.
quint64 writeIpHeader(uchar *packet, const WireEnds &ends, bool fromLocal, quint8 protocol, int l4Length, quint16 ipId)
{
    const auto &src = fromLocal ? ends.local : ends.remote;
    const auto &dst = fromLocal ? ends.remote : ends.local;
    const int addressLength = ends.addressLength();
    quint64 pseudo = InternetChecksum::add(QByteArrayView(src.data(), addressLength));
    pseudo = InternetChecksum::add(QByteArrayView(dst.data(), addressLength), pseudo);
    pseudo += protocol;
    pseudo += quint32(l4Length);
    if (ends.ipv6) {
        qToBigEndian<quint32>(0x60000000, packet);
        qToBigEndian<quint16>(quint16(l4Length), packet + 4);
        packet[6] = protocol;
        packet[7] = HopLimit;
        std::memcpy(packet + 8, src.data(), 16);
        std::memcpy(packet + 24, dst.data(), 16);
        return pseudo;
    }
    packet[0] = 0x45;
    packet[1] = 0;
    qToBigEndian<quint16>(quint16(Ipv4HeaderLength + l4Length), packet + 2);
    qToBigEndian<quint16>(ipId, packet + 4);
    qToBigEndian<quint16>(0x4000, packet + 6); // DF, as Linux sends TCP and UDP
    packet[8] = HopLimit;
    packet[9] = protocol;
    packet[10] = packet[11] = 0;
    std::memcpy(packet + 12, src.data(), 4);
    std::memcpy(packet + 16, dst.data(), 4);
    qToBigEndian<quint16>(
        InternetChecksum::finish(InternetChecksum::add(QByteArrayView(packet, Ipv4HeaderLength))), packet + 10);
    return pseudo;
}

int ipHeaderLength(const WireEnds &ends)
{
    return ends.ipv6 ? Ipv6HeaderLength : Ipv4HeaderLength;
}

} // namespace

QByteArray tcp(const WireEnds &ends, bool fromLocal, const TcpFields &fields, QByteArrayView payload, quint16 ipId)
{
    const int ipLength = ipHeaderLength(ends);
    const int tcpLength = TcpHeaderLength + int(fields.options.size());
    const int l4Length = tcpLength + int(payload.size());
    QByteArray packet(ipLength + l4Length, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(packet.data());
    const quint64 pseudo = writeIpHeader(p, ends, fromLocal, ProtocolTcp, l4Length, ipId);
    uchar *t = p + ipLength;
    qToBigEndian<quint16>(fromLocal ? ends.localPort : ends.remotePort, t);
    qToBigEndian<quint16>(fromLocal ? ends.remotePort : ends.localPort, t + 2);
    qToBigEndian<quint32>(fields.seq, t + 4);
    qToBigEndian<quint32>(fields.ack, t + 8);
    t[12] = quint8((tcpLength / 4) << 4);
    t[13] = fields.flags;
    qToBigEndian<quint16>(fields.window, t + 14);
    t[16] = t[17] = 0;
    t[18] = t[19] = 0; // urgent pointer
    if (!fields.options.isEmpty())
        std::memcpy(t + TcpHeaderLength, fields.options.data(), fields.options.size());
    if (!payload.isEmpty())
        std::memcpy(t + tcpLength, payload.data(), payload.size());
    const quint64 sum = InternetChecksum::add(QByteArrayView(t, l4Length), pseudo);
    qToBigEndian<quint16>(InternetChecksum::finish(sum), t + 16);
    return packet;
}

QByteArray udp(const WireEnds &ends, bool fromLocal, QByteArrayView payload, quint16 ipId)
{
    const int ipLength = ipHeaderLength(ends);
    const int l4Length = UdpHeaderLength + int(payload.size());
    QByteArray packet(ipLength + l4Length, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(packet.data());
    const quint64 pseudo = writeIpHeader(p, ends, fromLocal, ProtocolUdp, l4Length, ipId);
    uchar *u = p + ipLength;
    qToBigEndian<quint16>(fromLocal ? ends.localPort : ends.remotePort, u);
    qToBigEndian<quint16>(fromLocal ? ends.remotePort : ends.localPort, u + 2);
    qToBigEndian<quint16>(quint16(l4Length), u + 4);
    u[6] = u[7] = 0;
    if (!payload.isEmpty())
        std::memcpy(u + UdpHeaderLength, payload.data(), payload.size());
    quint16 checksum = InternetChecksum::finish(InternetChecksum::add(QByteArrayView(u, l4Length), pseudo));
    // 0 means "no checksum" in UDP (and is forbidden over IPv6): a computed 0 is sent as its equivalent 0xFFFF.
    if (checksum == 0)
        checksum = 0xffff;
    qToBigEndian<quint16>(checksum, u + 6);
    return packet;
}

} // namespace IpPackets
