#include "capture/captureindex.h"
#include "capture/flowreader.h"
#include "capture/pcapwriter.h"
#include "capturetesting.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace CaptureTesting;

namespace {

const qint64 T0 = 1764600000000000; // craftpcap.py: packet i is at T0 + i ms

QString text(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c < 0x20 || c > 0x7e)
            return QStringLiteral("<%1 bytes>").arg(bytes.size());
    }
    return bytes.size() > 40 ? QStringLiteral("<%1 bytes>").arg(bytes.size()) : QString::fromLatin1(bytes);
}

// "D>@3 hello": kind, > for A to B (< for B to A), @ the packet index in craftpcap.py's timing, then the data.
QString describe(const FlowEvent &e)
{
    static const char kinds[] = {'O', 'D', 'G', 'C', 'R'};
    QString s = QStringLiteral("%1%2@%3")
                    .arg(QLatin1Char(kinds[int(e.kind)]))
                    .arg(e.kind == FlowEvent::Kind::Opened ? QString()
                                                           : QString(e.direction == FlowDirection::AToB ? '>' : '<'))
                    .arg((e.timeUs - T0) / 1000);
    if (e.kind == FlowEvent::Kind::Data)
        s += QLatin1Char(' ') + text(e.bytes);
    if (e.kind == FlowEvent::Kind::Gap)
        s += QLatin1Char(' ') + QString::number(e.missing);
    return s;
}

struct Read
{
    CaptureResult result;
    QStringList events;
    QByteArray bytes[2]; // everything delivered, by direction
};

Read readFlow(const QString &path, const FlowSummary &flow)
{
    Read out;
    FlowReader reader;
    out.result = reader.read(path, flow, [&](const FlowEvent &e) {
        out.events << describe(e);
        if (e.kind == FlowEvent::Kind::Data)
            out.bytes[int(e.direction)] += e.bytes.toByteArray();
        return true;
    });
    return out;
}

QByteArray pattern(int n, int seed)
{
    QByteArray out(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        out[i] = char((i * 7 + seed) & 0xff);
    return out;
}

const QStringList Conversation {"O@0", "D>@3 hello", "D<@4 world!", "C>@6", "C<@7"};

QStringList shifted(const QStringList &events, int by)
{
    QStringList out;
    for (const QString &e : events) {
        const int at = e.indexOf(QLatin1Char('@'));
        const int end = e.indexOf(QLatin1Char(' '), at);
        const int n = QStringView(e).mid(at + 1, (end < 0 ? e.size() : end) - at - 1).toInt();
        out << e.left(at + 1) + QString::number(n + by) + (end < 0 ? QString() : e.mid(end));
    }
    return out;
}

} // namespace

class tst_FlowReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void crafted_data();
    void crafted();
    void fragmentedDatagramsWhole();
    void writerToReaderExactBytes();
    void truncatedFileDeliversWhatCameBefore();
    void sinkStops();

private:
    QString crafted(const QString &scenario);

    QTemporaryDir m_dir;
};

void tst_FlowReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_FlowReader::crafted(const QString &scenario)
{
    const QString path = m_dir.filePath(scenario + QStringLiteral(".pcap"));
    return craft(scenario, path).isEmpty() ? path : QString();
}

void tst_FlowReader::crafted_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("flow"); // index in CaptureIndex::flows()
    QTest::addColumn<QStringList>("events");

    QTest::newRow("raw IPv4") << "raw-mixed" << 0 << Conversation;
    QTest::newRow("raw IPv6, after the IPv4 stream") << "raw-mixed" << 1 << shifted(Conversation, 9);
    QTest::newRow("pcapng (read from the start, no seek)")
        << "pcapng" << 0 << QStringList {"O@0", "D>@0 hello", "D<@0 world!", "C>@0", "C<@0"};
    QTest::newRow("802.1Q VLAN") << "ethernet-vlan" << 0 << Conversation;
    QTest::newRow("QinQ UDP") << "ethernet-vlan" << 1 << QStringList {"D>@9 udp!"};
    QTest::newRow("SLL2 IPv6 TCP") << "sll2" << 0 << Conversation;
    QTest::newRow("SLL2 UDP") << "sll2" << 1 << QStringList {"D>@9 q"};
    QTest::newRow("BSD loopback IPv6") << "null" << 1 << shifted(Conversation, 9);
    QTest::newRow("retransmissions: whole and partial")
        << "retransmission" << 0 << QStringList {"O@0", "D>@3 hello", "D>@5 world", "D<@6 ok", "C>@7", "C<@8"};
    QTest::newRow("out of order: held until the hole fills")
        << "out-of-order" << 0 << QStringList {"O@0", "D<@4 wait", "D>@5 first-", "D>@5 second", "C>@6", "C<@7"};
    // A's FIN comes after a hole that never fills: the gap is declared at the flow's end, then the FIN.
    QTest::newRow("gap") << "gap" << 0
                         << QStringList {"O@0", "D>@3 aaa", "D<@5 ok", "C<@7", "G>@8 4", "D>@8 bbb", "C>@8"};
    QTest::newRow("reset") << "reset" << 0 << QStringList {"O@0", "D>@3 req", "R<@4"};
    QTest::newRow("sequence numbers wrap at 2^32")
        << "wraparound" << 0
        << QStringList {"O@0", "D>@4 0123456789abcdef", "D>@4 ghijklmnopqrstuv", "D<@5 <156 bytes>", "C<@6", "C>@7"};
    QTest::newRow("snapshot length cut a segment")
        << "snaplen" << 0 << QStringList {"O@0", "D>@0 <20 bytes>", "G>@0 180", "D<@0 ok"};
    QTest::newRow("capture starts at the SYN-ACK") << "synack-first" << 0 << QStringList {"O@0", "D>@2 x"};
    QTest::newRow("mid-connection, server spoke first")
        << "synack-first" << 1 << QStringList {"D>@3 from server", "D<@4 from client"};
    QTest::newRow("IPv6 extension headers") << "ipv6-extension-headers" << 0 << QStringList {"O@0", "D>@2 ext"};
    QTest::newRow("first of two connections on the same ports") << "reused-ports" << 0 << Conversation;
    QTest::newRow("second connection, its SYN retransmitted")
        << "reused-ports" << 1 << QStringList {"O@9", "D>@13 again"};
}

void tst_FlowReader::crafted()
{
    QFETCH(QString, scenario);
    QFETCH(int, flow);
    QFETCH(QStringList, events);
    const QString path = crafted(scenario);
    QVERIFY(!path.isEmpty());
    CaptureIndex index;
    QCOMPARE(index.build(path).status, CaptureStatus::Ok);
    QVERIFY(flow < index.flows().size());
    const Read read = readFlow(path, index.flows()[flow]);
    QCOMPARE(read.result.status, CaptureStatus::Ok);
    QCOMPARE(read.events, events);
}

void tst_FlowReader::fragmentedDatagramsWhole()
{
    const QString path = crafted(QStringLiteral("fragments"));
    QVERIFY(!path.isEmpty());
    CaptureIndex index;
    QCOMPARE(index.build(path).status, CaptureStatus::Ok);
    QCOMPARE(index.flows().size(), 2);
    Read v4 = readFlow(path, index.flows()[0]);
    QCOMPARE(v4.events, QStringList({"D>@2 <3000 bytes>", "D>@6 whole"}));
    QCOMPARE(v4.bytes[0], pattern(3000, 1) + "whole");
    Read v6 = readFlow(path, index.flows()[1]);
    QCOMPARE(v6.events, QStringList({"D>@4 <2000 bytes>"}));
    QCOMPARE(v6.bytes[0], pattern(2000, 2));
}

void tst_FlowReader::writerToReaderExactBytes()
{
    struct Record
    {
        int flow; // 0, 1: TCP; 2, 3: UDP
        bool fromLocal;
        QByteArray bytes;
        qint64 timeUs;
    };
    const FlowEnds ends[4] = {
        {QHostAddress(QStringLiteral("127.0.0.1")), 50001, QHostAddress(QStringLiteral("192.168.7.9")), 502},
        {QHostAddress(QStringLiteral("::1")), 8000, QHostAddress(QStringLiteral("fe80::99")), 50002},
        {QHostAddress(QStringLiteral("::ffff:10.1.1.1")), 7000, QHostAddress(QStringLiteral("10.1.1.2")), 7001},
        {QHostAddress(QStringLiteral("::1")), 7002, QHostAddress(QStringLiteral("::1")), 7003},
    };
    QRandomGenerator random(7);
    QByteArray big(300000, Qt::Uninitialized);
    for (char &c : big)
        c = char(random.bounded(256));
    const QByteArray gbk("\xc4\xe3\xba\xc3\xca\xc0\xbd\xe7");
    const qint64 t = T0 + 123;
    const QList<Record> records {
        {0, true, "AT+GMR\r\n", t + 10},
        {1, false, big.left(70000), t + 20},
        {0, false, big, t + 30},
        {2, true, {}, t + 40},
        {2, false, big.left(65507), t + 50},
        {3, true, big.right(65527), t + 60},
        {0, true, gbk, t + 70},
        {1, true, gbk + "\r\n", t + 80},
        {3, false, "pong", t + 90},
        {2, true, "x", t + 95},
    };

    const QString path = m_dir.filePath(QStringLiteral("written.pcap"));
    {
        PcapWriter writer;
        QVERIFY(writer.open(path, false));
        QVERIFY(writer.tcpOpened(ends[0], t, true));
        for (const Record &r : records) {
            const bool ok = r.flow < 2 ? writer.tcpData(ends[r.flow], r.fromLocal, r.bytes, r.timeUs)
                                       : writer.udpDatagram(ends[r.flow], r.fromLocal, r.bytes, r.timeUs);
            QVERIFY2(ok, qPrintable(writer.errorString()));
        }
        QVERIFY(writer.tcpClosed(ends[0], t + 100, false));
        QVERIFY(writer.tcpReset(ends[1], t + 110, true));
    }

    CaptureIndex index;
    QCOMPARE(index.build(path).status, CaptureStatus::Ok);
    // Frames: stream 0's handshake 1-3, each TCP record its segments and one ACK (300000 bytes are 5 segments,
    // frames 12-17), stream 1's synthesized handshake 6-8 before its first data; close 27-29, reset 30. Stream 1
    // began mid-connection, so the higher port (the peer's 50002) is taken as the one that connected.
    QCOMPARE(describe(index.flows()),
        QStringList({"TCP#0 127.0.0.1:50001 > 192.168.7.9:502 packets 6/10 bytes 16/300000 frames 1-29 SYN FIN",
            "TCP#1 [fe80::99]:50002 > [::1]:8000 packets 5/4 bytes 70000/10 frames 6-30 SYN RST",
            "UDP#0 10.1.1.1:7000 > 10.1.1.2:7001 packets 2/1 bytes 1/65507 frames 18-26",
            "UDP#1 [::1]:7002 > [::1]:7003 packets 1/1 bytes 65527/4 frames 20-25"}));
    const bool localIsA[4] = {true, false, true, true};

    for (int flow = 0; flow < 4; ++flow) {
        // Data events of one direction and time joined: a TCP record split into segments comes back as one.
        QList<Record> got;
        QStringList others;
        FlowReader reader;
        QList<qint64> progress;
        const CaptureResult result = reader.read(
            path, index.flows()[flow],
            [&](const FlowEvent &e) {
                if (e.kind != FlowEvent::Kind::Data) {
                    others << QStringLiteral("%1%2").arg(int(e.kind)).arg(int(e.direction));
                    return true;
                }
                const bool fromLocal = (e.direction == FlowDirection::AToB) == localIsA[flow];
                if (flow < 2 && !got.isEmpty() && got.last().fromLocal == fromLocal && got.last().timeUs == e.timeUs)
                    got.last().bytes += e.bytes.toByteArray();
                else
                    got.append({flow, fromLocal, e.bytes.toByteArray(), e.timeUs});
                return true;
            },
            [&](qint64 done, qint64 total) {
                progress << done << total;
                return true;
            });
        QCOMPARE(result.status, CaptureStatus::Ok);
        QList<Record> expected;
        for (const Record &r : records) {
            if (r.flow == flow)
                expected << r;
        }
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(got[i].fromLocal, expected[i].fromLocal);
            QCOMPARE(got[i].timeUs, expected[i].timeUs);
            QCOMPARE(got[i].bytes.size(), expected[i].bytes.size());
            QCOMPARE(got[i].bytes, expected[i].bytes);
        }
        // Opened (0), Closed (3) A then B (the peer closed first: B is 192.168.7.9), Reset (4) by us (B).
        const QStringList kinds[4] = {{"00", "31", "30"}, {"00", "41"}, {}, {}};
        QCOMPARE(others, kinds[flow]);
        QCOMPARE(reader.stats().missing[0] + reader.stats().missing[1], 0);
        QCOMPARE(reader.stats().duplicate[0] + reader.stats().duplicate[1], 0);
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last(), progress[progress.size() - 2]); // ends at (span, span)
    }
}

void tst_FlowReader::truncatedFileDeliversWhatCameBefore()
{
    const QString whole = crafted(QStringLiteral("out-of-order"));
    QVERIFY(!whole.isEmpty());
    CaptureIndex index;
    QCOMPARE(index.build(whole).status, CaptureStatus::Ok);
    const FlowSummary flow = index.flows()[0];
    const QByteArray bytes = readFile(whole);
    const QList<qint64> records = recordOffsets(bytes);
    const QString path = m_dir.filePath(QStringLiteral("cut.pcap"));
    // Cut inside packet 6 ("first-"): "second" waits for a hole that is never filled.
    QVERIFY(writeFile(path, bytes.left(records[5] + 16 + 21)));
    const Read read = readFlow(path, flow);
    QCOMPARE(read.result.status, CaptureStatus::Truncated);
    QCOMPARE(read.result.stopFrame, 6);
    QCOMPARE(read.result.stopOffset, records[5]);
    QCOMPARE(read.events, QStringList({"O@0", "D<@4 wait", "G>@4 6", "D>@4 second"}));
}

void tst_FlowReader::sinkStops()
{
    const QString path = crafted(QStringLiteral("raw-mixed"));
    QVERIFY(!path.isEmpty());
    CaptureIndex index;
    QCOMPARE(index.build(path).status, CaptureStatus::Ok);
    QStringList events;
    FlowReader reader;
    const CaptureResult result = reader.read(path, index.flows()[0], [&](const FlowEvent &e) {
        events << describe(e);
        return e.kind != FlowEvent::Kind::Data;
    });
    QCOMPARE(result.status, CaptureStatus::Cancelled);
    QCOMPARE(events, QStringList({"O@0", "D>@3 hello"}));
    QCOMPARE(result.stopFrame, 5);
}

QTEST_GUILESS_MAIN(tst_FlowReader)
#include "tst_flowreader.moc"
