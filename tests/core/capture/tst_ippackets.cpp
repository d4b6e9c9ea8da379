#include "capture/ippackets.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

FlowEnds ends(const char *local, quint16 localPort, const char *remote, quint16 remotePort)
{
    return {QHostAddress(QString::fromLatin1(local)), localPort, QHostAddress(QString::fromLatin1(remote)), remotePort};
}

} // namespace

// Expected packets were computed independently with Python's struct and a textbook RFC 1071 sum.
class tst_IpPackets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksum_data();
    void checksum();
    void checksumChainsPieces();
    void udpIpv4Bytes();
    void tcpIpv6Bytes();
    void checksumsVerify_data();
    void checksumsVerify();
    void maxPayloads();
};

void tst_IpPackets::checksum_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint16>("checksum");
    QTest::newRow("RFC 1071 example") << QByteArray::fromHex("0001f203f4f5f6f7") << quint16(0x220d);
    QTest::newRow("odd length pads with zero") << QByteArray::fromHex("0001f203f4f5f6") << quint16(0x2304);
    QTest::newRow("empty") << QByteArray() << quint16(0xffff);
    QTest::newRow("all ones sums to negative zero") << QByteArray::fromHex("ffff") << quint16(0x0000);
    QTest::newRow("one byte") << QByteArray::fromHex("01") << quint16(0xfeff);
    QTest::newRow("carry folds") << QByteArray::fromHex("ffffffff0001") << quint16(0xfffe);
}

void tst_IpPackets::checksum()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint16, checksum);
    QCOMPARE(InternetChecksum::finish(InternetChecksum::add(bytes)), checksum);
}

void tst_IpPackets::checksumChainsPieces()
{
    const QByteArray whole = QByteArray::fromHex("4500001e0007400040110000c0a80001c0a800c7abcdef");
    const quint64 chained = InternetChecksum::add(whole.mid(8), InternetChecksum::add(whole.left(8)));
    QCOMPARE(InternetChecksum::finish(chained), InternetChecksum::finish(InternetChecksum::add(whole)));
}

void tst_IpPackets::udpIpv4Bytes()
{
    const WireEnds wire = WireEnds::from(ends("127.0.0.1", 1234, "127.0.0.2", 5678));
    QCOMPARE(IpPackets::udp(wire, true, "hi", 7).toHex(),
        QByteArray("4500001e0007400040113cc57f0000017f00000204d2162e000a7e6d6869"));
}

void tst_IpPackets::tcpIpv6Bytes()
{
    const WireEnds wire = WireEnds::from(ends("2001:db8::5", 80, "::1", 40000));
    IpPackets::TcpFields fields;
    fields.seq = 0x01020304;
    fields.ack = 0x0a0b0c0d;
    fields.flags = IpPackets::Psh | IpPackets::Ack;
    fields.window = 65535;
    QCOMPARE(IpPackets::tcp(wire, false, fields, "GET", 0).toHex(),
        QByteArray("600000000017064000000000000000000000000000000001" // IPv6, payload 23, TCP, hop 64, ::1
                   "20010db8000000000000000000000005" // 2001:db8::5
                   "9c400050010203040a0b0c0d5018ffff30170000474554"));
}

void tst_IpPackets::checksumsVerify_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<bool>("tcp");
    QTest::newRow("ipv4 tcp") << false << true;
    QTest::newRow("ipv4 udp") << false << false;
    QTest::newRow("ipv6 tcp") << true << true;
    QTest::newRow("ipv6 udp") << true << false;
}

// A receiver's check: the sum over pseudo-header and segment (checksum included) must be all ones.
void tst_IpPackets::checksumsVerify()
{
    QFETCH(bool, ipv6);
    QFETCH(bool, tcp);
    const WireEnds wire = WireEnds::from(
        ipv6 ? ends("fe80::1", 1000, "2001:db8::77", 2000) : ends("10.1.2.3", 1000, "192.168.200.9", 2000));
    const int ipLength = ipv6 ? 40 : 20;
    QRandomGenerator random(42);
    for (const int length : {0, 1, 2, 3, 17, 1000, 1461, IpPackets::maxUdpPayload(ipv6)}) {
        QByteArray payload(length, Qt::Uninitialized);
        for (char &c : payload)
            c = char(random.bounded(256));
        IpPackets::TcpFields fields;
        fields.seq = random.generate();
        fields.ack = random.generate();
        fields.flags = IpPackets::Ack;
        const QByteArray packet = tcp ? IpPackets::tcp(wire, length % 2, fields, payload.left(1400), 99)
                                      : IpPackets::udp(wire, length % 2, payload, 99);
        const QByteArray segment = packet.mid(ipLength);
        const int addressLength = ipv6 ? 16 : 4;
        const QByteArray addresses = packet.mid(ipv6 ? 8 : 12, 2 * addressLength);
        quint64 sum = InternetChecksum::add(addresses);
        sum += tcp ? 6 : 17;
        sum += quint32(segment.size());
        QCOMPARE(InternetChecksum::finish(InternetChecksum::add(segment, sum)), quint16(0));
        if (!ipv6)
            QCOMPARE(InternetChecksum::finish(InternetChecksum::add(packet.left(20))), quint16(0));
    }
}

void tst_IpPackets::maxPayloads()
{
    QCOMPARE(IpPackets::maxUdpPayload(false), 65507);
    QCOMPARE(IpPackets::maxUdpPayload(true), 65527);
    QCOMPARE(IpPackets::maxTcpPayload(false), 65495);
    QCOMPARE(IpPackets::maxTcpPayload(true), 65515);
}

QTEST_APPLESS_MAIN(tst_IpPackets)
#include "tst_ippackets.moc"
