#include "capture/captureindex.h"
#include "capture/pcapwriter.h"
#include "capturetesting.h"

#include <QTemporaryDir>
#include <QTest>

#include <pcap/dlt.h>

using namespace CaptureTesting;

Q_DECLARE_METATYPE(CaptureStatus)

namespace {

const qint64 T0 = 1764600000000000; // craftpcap.py's first packet time

const QString V4Conversation = QStringLiteral("TCP#0 10.0.0.1:40000 > 10.0.0.2:502 packets 6/3 bytes 5/6 frames 1-9 "
                                              "SYN FIN");
const QString V6Conversation = QStringLiteral("TCP#%1 [2001:db8::1]:40001 > [2001:db8::2]:8080 packets 6/3 bytes 5/6 "
                                              "frames %2-%3 SYN FIN");

} // namespace

class tst_CaptureIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void crafted_data();
    void crafted();
    void timestamps_data();
    void timestamps();
    void badInput_data();
    void badInput();
    void truncatedKeepsWhatCameBefore();
    void corruptRecordStopsThere();
    void progressAndCancel();

private:
    QString crafted(const QString &scenario);

    QTemporaryDir m_dir;
};

void tst_CaptureIndex::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_CaptureIndex::crafted(const QString &scenario)
{
    const QString path = m_dir.filePath(scenario + QStringLiteral(".pcap"));
    const QString error = craft(scenario, path);
    return error.isEmpty() ? path : QString();
}

void tst_CaptureIndex::crafted_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QStringList>("flows");
    // frames tcp udp otherIp notIp malformed fragments abandoned
    QTest::addColumn<QList<qint64>>("counts");

    QTest::newRow("ethernet, 802.1Q and QinQ, ARP, ICMP")
        << "ethernet-vlan" << DLT_EN10MB
        << QStringList {V4Conversation, "UDP#0 10.0.0.3:6001 > 10.0.0.4:6000 packets 1/0 bytes 4/0 frames 10-10"}
        << QList<qint64> {12, 9, 1, 1, 1, 0, 0, 0};
    QTest::newRow("linux cooked (SLL)") << "sll" << DLT_LINUX_SLL << QStringList {V4Conversation}
                                        << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("linux cooked v2 (SLL2), both families")
        << "sll2" << DLT_LINUX_SLL2
        << QStringList {V6Conversation.arg(0).arg(1).arg(9),
               "UDP#0 127.0.0.1:33000 > 127.0.0.1:6002 packets 1/0 bytes 1/0 frames 10-10"}
        << QList<qint64> {10, 9, 1, 0, 0, 0, 0, 0};
    QTest::newRow("BSD loopback, little-endian, AF_INET6 = 30")
        << "null" << DLT_NULL << QStringList {V4Conversation, V6Conversation.arg(1).arg(10).arg(18)}
        << QList<qint64> {19, 18, 0, 0, 1, 0, 0, 0};
    QTest::newRow("BSD loopback from a big-endian host, AF_INET6 = 24")
        << "null-big-endian" << DLT_NULL << QStringList {V6Conversation.arg(0).arg(1).arg(9)}
        << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("OpenBSD loopback (DLT_LOOP)")
        << "loop" << DLT_LOOP << QStringList {V4Conversation} << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("LINKTYPE_IPV4") << "raw-ipv4" << DLT_IPV4 << QStringList {V4Conversation}
                                   << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("LINKTYPE_IPV6") << "raw-ipv6" << DLT_IPV6 << QStringList {V6Conversation.arg(0).arg(1).arg(9)}
                                   << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("LINKTYPE_RAW, both families")
        << "raw-mixed" << DLT_RAW << QStringList {V4Conversation, V6Conversation.arg(1).arg(10).arg(18)}
        << QList<qint64> {18, 18, 0, 0, 0, 0, 0, 0};
    QTest::newRow("pcapng") << "pcapng" << DLT_RAW << QStringList {V4Conversation}
                            << QList<qint64> {9, 9, 0, 0, 0, 0, 0, 0};
    QTest::newRow("IPv6 hop-by-hop and destination options")
        << "ipv6-extension-headers" << DLT_RAW
        << QStringList {"TCP#0 [2001:db8::1]:40001 > [2001:db8::2]:8080 packets 2/1 bytes 3/0 frames 1-3 SYN"}
        << QList<qint64> {3, 3, 0, 0, 0, 0, 0, 0};
    // IPv4 fragments arrive last-first and complete at frame 3; frame 6 is a fragment whose datagram never comes.
    QTest::newRow("IPv4 and IPv6 fragments reassembled")
        << "fragments" << DLT_RAW
        << QStringList {"UDP#0 10.0.0.1:7000 > 10.0.0.2:7001 packets 4/0 bytes 3005/0 frames 1-7",
               "UDP#1 [2001:db8::1]:7002 > [2001:db8::2]:7003 packets 2/0 bytes 2000/0 frames 4-5"}
        << QList<qint64> {7, 0, 6, 0, 0, 0, 6, 1};
    QTest::newRow("ports reused by a new connection; a retransmitted SYN is not one")
        << "reused-ports" << DLT_RAW
        << QStringList {V4Conversation, "TCP#1 10.0.0.1:40000 > 10.0.0.2:502 packets 4/1 bytes 5/0 frames 10-14 SYN"}
        << QList<qint64> {14, 14, 0, 0, 0, 0, 0, 0};
    QTest::newRow("capture starts at the SYN-ACK; a stream seen mid-connection")
        << "synack-first" << DLT_RAW
        << QStringList {"TCP#0 10.0.0.1:40000 > 10.0.0.2:502 packets 2/1 bytes 1/0 frames 1-3 SYN",
               "TCP#1 10.0.0.6:80 > 10.0.0.5:41000 packets 1/1 bytes 11/11 frames 4-5"}
        << QList<qint64> {5, 5, 0, 0, 0, 0, 0, 0};
    QTest::newRow("snapshot length cut the payload: bytes on the wire")
        << "snaplen" << DLT_RAW
        << QStringList {"TCP#0 10.0.0.1:40000 > 10.0.0.2:502 packets 3/2 bytes 200/2 frames 1-5 SYN"}
        << QList<qint64> {5, 5, 0, 0, 0, 0, 0, 0};
}

void tst_CaptureIndex::crafted()
{
    QFETCH(QString, scenario);
    QFETCH(int, linkType);
    QFETCH(QStringList, flows);
    QFETCH(QList<qint64>, counts);
    const QString path = m_dir.filePath(scenario + QStringLiteral(".pcap"));
    const QString error = craft(scenario, path);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    CaptureIndex index;
    const CaptureResult result = index.build(path);
    QCOMPARE(result.status, CaptureStatus::Ok);
    QCOMPARE(result.linkType, linkType);
    QCOMPARE(describe(index.flows()), flows);
    const CaptureCounts &c = index.counts();
    QCOMPARE((QList<qint64> {c.frames, c.tcpPackets, c.udpPackets, c.otherIpPackets, c.notIpPackets, c.malformedPackets,
                 c.fragments, c.abandonedFragments}),
        counts);
}

void tst_CaptureIndex::timestamps_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("pcap, microseconds") << "raw-ipv4" << T0 << T0 + 8000;
    QTest::newRow("pcap, nanoseconds (+789 ns each)") << "nanosecond" << T0 << T0 + 8;
    QTest::newRow("pcapng, microseconds") << "pcapng" << T0 << T0 + 8;
    QTest::newRow("pcapng, if_tsresol 9") << "pcapng-nanosecond" << T0 << T0 + 8;
}

void tst_CaptureIndex::timestamps()
{
    QFETCH(QString, scenario);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const QString path = crafted(scenario);
    QVERIFY(!path.isEmpty());
    CaptureIndex index;
    QCOMPARE(index.build(path).status, CaptureStatus::Ok);
    QCOMPARE(index.flows().size(), 1);
    QCOMPARE(index.flows()[0].firstTimeUs, first);
    QCOMPARE(index.flows()[0].lastTimeUs, last);
}

void tst_CaptureIndex::badInput_data()
{
    QTest::addColumn<QString>("scenario"); // a craftpcap.py scenario, or "" to write contents
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<CaptureStatus>("status");
    QTest::addColumn<QString>("detail"); // the start of libpcap's reason
    QTest::addColumn<int>("linkType");

    QTest::newRow("missing file") << "missing" << QByteArray() << CaptureStatus::CannotOpen << "No such file" << -1;
    QTest::newRow("empty file") << "" << QByteArray() << CaptureStatus::Empty << "" << -1;
    QTest::newRow("a text file") << "" << QByteArray("2026-11-25 12:00:00.123 RX 127.0.0.1:5000 41 | A\n")
                                 << CaptureStatus::NotACapture << "unknown file format" << -1;
    QTest::newRow("pcap header cut") << "" << QByteArray::fromHex("d4c3b2a102000400000000")
                                     << CaptureStatus::NotACapture << "truncated dump file" << -1;
    QTest::newRow("unsupported link type (802.11)")
        << "unsupported-link" << QByteArray() << CaptureStatus::UnsupportedLinkType << "IEEE802_11" << 105;
    QTest::newRow("a header and no packet") << "header-only" << QByteArray() << CaptureStatus::Ok << "" << DLT_EN10MB;
}

void tst_CaptureIndex::badInput()
{
    QFETCH(QString, scenario);
    QFETCH(QByteArray, contents);
    QFETCH(CaptureStatus, status);
    QFETCH(QString, detail);
    QFETCH(int, linkType);
    QString path = m_dir.filePath(QStringLiteral("bad-%1").arg(QTest::currentDataTag()));
    if (scenario.isEmpty())
        QVERIFY(writeFile(path, contents));
    else if (scenario != QLatin1String("missing"))
        QVERIFY((path = crafted(scenario)) != QString());

    CaptureIndex index;
    const CaptureResult result = index.build(path);
    QCOMPARE(result.status, status);
    if (detail.isEmpty())
        QCOMPARE(result.detail, QString());
    else
        QVERIFY2(result.detail.startsWith(detail), qPrintable(result.detail));
    QCOMPARE(result.linkType, linkType);
    QVERIFY(index.flows().isEmpty());
    QCOMPARE(index.counts().frames, 0);
}

void tst_CaptureIndex::truncatedKeepsWhatCameBefore()
{
    const QString whole = crafted(QStringLiteral("raw-mixed"));
    QVERIFY(!whole.isEmpty());
    const QByteArray bytes = readFile(whole);
    const QList<qint64> records = recordOffsets(bytes);
    QCOMPARE(records.size(), 18);
    // Cut inside packet 13's bytes, at an odd offset: packets 1..12 are whole.
    const qint64 cut = records[12] + 16 + 7;
    const QString path = m_dir.filePath(QStringLiteral("cut.pcap"));
    QVERIFY(writeFile(path, bytes.left(cut)));

    CaptureIndex index;
    const CaptureResult result = index.build(path);
    QCOMPARE(result.status, CaptureStatus::Truncated);
    QCOMPARE(result.stopFrame, 13);
    QCOMPARE(result.stopOffset, records[12]);
    QVERIFY2(result.detail.startsWith(QLatin1String("truncated dump file")), qPrintable(result.detail));
    QVERIFY(result.readSomething());
    QCOMPARE(describe(index.flows()),
        QStringList(
            {V4Conversation, "TCP#1 [2001:db8::1]:40001 > [2001:db8::2]:8080 packets 2/1 bytes 0/0 frames 10-12 SYN"}));
    QCOMPARE(index.counts().frames, 12);

    // Cut inside a record header instead.
    QVERIFY(writeFile(path, bytes.left(records[4] + 5)));
    const CaptureResult header = index.build(path);
    QCOMPARE(header.status, CaptureStatus::Truncated);
    QCOMPARE(header.stopFrame, 5);
    QCOMPARE(header.stopOffset, records[4]);
}

void tst_CaptureIndex::corruptRecordStopsThere()
{
    const QString whole = crafted(QStringLiteral("raw-ipv4"));
    QVERIFY(!whole.isEmpty());
    QByteArray bytes = readFile(whole);
    const QList<qint64> records = recordOffsets(bytes);
    const quint32 impossible = 0xfffffff0;
    std::memcpy(bytes.data() + records[4] + 8, &impossible, 4); // packet 5's captured length
    const QString path = m_dir.filePath(QStringLiteral("corrupt.pcap"));
    QVERIFY(writeFile(path, bytes));

    CaptureIndex index;
    const CaptureResult result = index.build(path);
    QCOMPARE(result.status, CaptureStatus::Corrupt);
    QCOMPARE(result.stopFrame, 5);
    QCOMPARE(result.stopOffset, records[4]);
    QVERIFY2(result.detail.contains(QLatin1String("4294967280")), qPrintable(result.detail));
    QCOMPARE(describe(index.flows()),
        QStringList({"TCP#0 10.0.0.1:40000 > 10.0.0.2:502 packets 3/1 bytes 5/0 frames 1-4 SYN"}));
}

void tst_CaptureIndex::progressAndCancel()
{
    const QString path = m_dir.filePath(QStringLiteral("progress.pcap"));
    {
        PcapWriter writer;
        QVERIFY(writer.open(path, false));
        const FlowEnds ends {
            QHostAddress(QStringLiteral("127.0.0.1")), 9000, QHostAddress(QStringLiteral("127.0.0.1")), 9001};
        for (int i = 0; i < 100; ++i)
            QVERIFY(writer.udpDatagram(ends, i % 2, QByteArray(40000, char(i)), T0 + i));
    }
    const qint64 size = QFileInfo(path).size();
    QCOMPARE(size, 24 + 100 * (16 + 28 + 40000));

    QList<QPair<qint64, qint64>> calls;
    CaptureIndex index;
    QCOMPARE(index
                 .build(path,
                     [&](qint64 done, qint64 total) {
                         calls.append({done, total});
                         return true;
                     })
                 .status,
        CaptureStatus::Ok);
    // About one call per MiB read, the last at the end; never backwards.
    QVERIFY2(calls.size() >= 4 && calls.size() <= 6, qPrintable(QString::number(calls.size())));
    for (int i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].second, size);
        if (i > 0)
            QVERIFY(calls[i].first > calls[i - 1].first);
    }
    QCOMPARE(calls.last().first, size);
    QCOMPARE(index.flows().size(), 1);
    QCOMPARE(index.flows()[0].packets(), 100);

    int asked = 0;
    const CaptureResult cancelled = index.build(path, [&](qint64, qint64) { return ++asked < 2; });
    QCOMPARE(cancelled.status, CaptureStatus::Cancelled);
    QCOMPARE(asked, 2);
    QVERIFY(cancelled.stopFrame > 1 && cancelled.stopFrame < 100);
    QCOMPARE(index.flows().size(), 1);
    QCOMPARE(index.flows()[0].packets(), cancelled.stopFrame - 1);
    QCOMPARE(cancelled.stopOffset, 24 + (cancelled.stopFrame - 1) * (16 + 28 + 40000));
}

QTEST_GUILESS_MAIN(tst_CaptureIndex)
#include "tst_captureindex.moc"
