#include "capture/ippackets.h"
#include "capture/packetdecoder.h"

#include <QTest>
#include <QtEndian>

#include <pcap/dlt.h>

Q_DECLARE_METATYPE(DecodedPacket::Kind)

namespace {

using Kind = DecodedPacket::Kind;

WireEnds wire(const char *local, quint16 localPort, const char *remote, quint16 remotePort)
{
    return WireEnds::from(
        {QHostAddress(QString::fromLatin1(local)), localPort, QHostAddress(QString::fromLatin1(remote)), remotePort});
}

QByteArray tcp4(const QByteArray &payload)
{
    IpPackets::TcpFields f;
    f.seq = 0x11223344;
    f.ack = 0x55667788;
    f.flags = IpPackets::Psh | IpPackets::Ack;
    return IpPackets::tcp(wire("192.168.1.2", 40000, "192.168.1.9", 502), true, f, payload, 1);
}

QByteArray udp6(const QByteArray &payload)
{
    return IpPackets::udp(wire("fe80::1", 5000, "fe80::2", 6000), true, payload, 0);
}

QByteArray setBe16(QByteArray packet, int at, quint16 value)
{
    qToBigEndian<quint16>(value, packet.data() + at);
    return packet;
}

const QByteArray EthernetHeader = QByteArray::fromHex("020000000002020000000001");

} // namespace

class tst_PacketDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void tcpFields();
    void ipv6FragmentHeader();
    void supportedLinkTypes();
};

void tst_PacketDecoder::decode_data()
{
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<DecodedPacket::Kind>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("payloadLength");

    QTest::newRow("raw ipv4 tcp") << DLT_RAW << tcp4("data") << Kind::Tcp << QByteArray("data") << qint64(4);
    QTest::newRow("raw ipv6 udp") << DLT_RAW << udp6("dgram") << Kind::Udp << QByteArray("dgram") << qint64(5);
    QTest::newRow("ethernet padding is not payload")
        << DLT_EN10MB << EthernetHeader + QByteArray::fromHex("0800") + tcp4("x") + QByteArray(5, '\0') << Kind::Tcp
        << QByteArray("x") << qint64(1);
    QTest::newRow("ethernet, two VLAN tags")
        << DLT_EN10MB << EthernetHeader + QByteArray::fromHex("88a8000a8100001486dd") + udp6("v") << Kind::Udp
        << QByteArray("v") << qint64(1);
    QTest::newRow("ethernet cut inside a VLAN tag")
        << DLT_EN10MB << EthernetHeader + QByteArray::fromHex("8100") << Kind::Malformed << QByteArray() << qint64(0);
    QTest::newRow("ethernet shorter than its header")
        << DLT_EN10MB << QByteArray::fromHex("0200000000") << Kind::Malformed << QByteArray() << qint64(0);
    QTest::newRow("ethernet ARP") << DLT_EN10MB << EthernetHeader + QByteArray::fromHex("08060001") << Kind::NotIp
                                  << QByteArray() << qint64(0);
    QTest::newRow("linux cooked SLL2") << DLT_LINUX_SLL2
                                       << QByteArray::fromHex("0800000000000001030400060000000000000000") + tcp4("s")
                                       << Kind::Tcp << QByteArray("s") << qint64(1);
    QTest::newRow("BSD loopback, Windows AF_INET6 23")
        << DLT_NULL << QByteArray::fromHex("17000000") + udp6("w") << Kind::Udp << QByteArray("w") << qint64(1);
    QTest::newRow("BSD loopback, unknown family")
        << DLT_NULL << QByteArray::fromHex("07000000") + udp6("w") << Kind::NotIp << QByteArray() << qint64(0);
    QTest::newRow("LINKTYPE_IPV4 holding IPv6")
        << DLT_IPV4 << udp6("w") << Kind::Malformed << QByteArray() << qint64(0);
    // Captured on the sender with segmentation offload: the NIC fills in the total length later.
    QTest::newRow("ipv4 total length 0 (TSO)")
        << DLT_RAW << setBe16(tcp4("offload"), 2, 0) << Kind::Tcp << QByteArray("offload") << qint64(7);
    QTest::newRow("snapshot length cut the payload")
        << DLT_RAW << tcp4("0123456789").left(40 + 3) << Kind::Tcp << QByteArray("012") << qint64(10);
    QTest::newRow("tcp header cut") << DLT_RAW << tcp4("x").left(30) << Kind::Malformed << QByteArray() << qint64(0);
    QTest::newRow("udp length past the ip payload falls back on ip")
        << DLT_RAW << setBe16(udp6("abc"), 40 + 4, 500) << Kind::Udp << QByteArray("abc") << qint64(3);
    QTest::newRow("udp length shorter than the ip payload wins")
        << DLT_RAW << setBe16(udp6("abc"), 40 + 4, 9) << Kind::Udp << QByteArray("a") << qint64(1);
    QTest::newRow("icmp") << DLT_RAW << QByteArray::fromHex("4500001c000100004001f9e0c0a80102c0a801090800f7ff00000000")
                          << Kind::OtherIp << QByteArray::fromHex("0800f7ff00000000") << qint64(8);
    QTest::newRow("ipv4 fragment") << DLT_RAW << setBe16(tcp4("frag"), 6, 0x2000) << Kind::Fragment
                                   << tcp4("frag").mid(20) << qint64(24);
    QTest::newRow("ipv4 header length below 20")
        << DLT_RAW << QByteArray::fromHex("44") + tcp4("x").mid(1) << Kind::Malformed << QByteArray() << qint64(0);
    QTest::newRow("not ip at all") << DLT_RAW << QByteArray("GET / HTTP/1.1") << Kind::Malformed << QByteArray()
                                   << qint64(0);
    QTest::newRow("empty frame") << DLT_RAW << QByteArray() << Kind::Malformed << QByteArray() << qint64(0);
}

void tst_PacketDecoder::decode()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(DecodedPacket::Kind, kind);
    QFETCH(QByteArray, payload);
    QFETCH(qint64, payloadLength);
    const DecodedPacket p = PacketDecoder::decode(linkType, frame);
    QCOMPARE(p.kind, kind);
    if (kind == Kind::Tcp || kind == Kind::Udp || kind == Kind::OtherIp || kind == Kind::Fragment) {
        QCOMPARE(p.payload.toByteArray(), payload);
        QCOMPARE(p.payloadLength, payloadLength);
    }
}

void tst_PacketDecoder::tcpFields()
{
    const QByteArray frame = tcp4("z");
    const DecodedPacket p = PacketDecoder::decode(DLT_RAW, frame);
    QCOMPARE(p.kind, Kind::Tcp);
    QVERIFY(!p.ipv6);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(p.source.data()), 4).toHex(), QByteArray("c0a80102"));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(p.destination.data()), 4).toHex(), QByteArray("c0a80109"));
    QCOMPARE(p.sourcePort, quint16(40000));
    QCOMPARE(p.destinationPort, quint16(502));
    QCOMPARE(p.seq, 0x11223344u);
    QCOMPARE(p.ack, 0x55667788u);
    QCOMPARE(p.tcpFlags, quint8(IpPackets::Psh | IpPackets::Ack));
    QCOMPARE(p.protocol, quint8(6));
}

void tst_PacketDecoder::ipv6FragmentHeader()
{
    // An IPv6 header whose next header is a fragment header (44): offset 1232, more fragments, id 0xcafe0001.
    QByteArray packet = udp6("payload");
    const QByteArray transport = packet.mid(40);
    packet = packet.left(40);
    packet[6] = char(44);
    packet = setBe16(packet, 4, quint16(8 + transport.size()));
    const QByteArray fragment = QByteArray::fromHex("1100") + QByteArray::fromHex("04d1") // 1232 | M
        + QByteArray::fromHex("cafe0001");
    // DecodedPacket's views point into the frame: it must outlive them.
    const QByteArray fragmented = packet + fragment + transport;
    DecodedPacket p = PacketDecoder::decode(DLT_RAW, fragmented);
    QCOMPARE(p.kind, Kind::Fragment);
    QVERIFY(p.ipv6);
    QCOMPARE(p.protocol, quint8(17));
    QCOMPARE(p.fragmentOffset, 1232);
    QVERIFY(p.moreFragments);
    QCOMPARE(p.fragmentId, 0xcafe0001u);
    QCOMPARE(p.payload.toByteArray(), transport);

    // An atomic fragment (offset 0, no more fragments) is a whole datagram (RFC 6946).
    const QByteArray atomic = QByteArray::fromHex("110000000000cafe");
    const QByteArray whole = packet + atomic + transport;
    p = PacketDecoder::decode(DLT_RAW, whole);
    QCOMPARE(p.kind, Kind::Udp);
    QCOMPARE(p.payload.toByteArray(), QByteArray("payload"));
}

void tst_PacketDecoder::supportedLinkTypes()
{
    for (const int dlt : {DLT_RAW, DLT_IPV4, DLT_IPV6, DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_NULL, DLT_LOOP})
        QVERIFY2(PacketDecoder::supports(dlt), qPrintable(QString::number(dlt)));
    for (const int dlt : {DLT_IEEE802_11, DLT_PPP, 147})
        QVERIFY2(!PacketDecoder::supports(dlt), qPrintable(QString::number(dlt)));
}

QTEST_APPLESS_MAIN(tst_PacketDecoder)
#include "tst_packetdecoder.moc"
