#include "capture/captureindex.h"
#include "log/transcript.h"
#include "session/pcaprecordwriter.h"

#include <QTemporaryDir>
#include <QTest>

// PcapRecordWriter's rules, read back by NetAssist's own capture reader (no tshark needed): who opened each TCP
// connection (Connecting before Connected means we did), the close, UDP datagrams, times in microseconds, and the
// records that name no endpoint on the wire (a host name, none at all, a datagram no packet holds) skipped and
// counted, never written to a made-up address.

class tst_PcapRecordWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatTheTranscriptSays();
    void unwritableFileSaysWhy();
};

void tst_PcapRecordWriter::writesWhatTheTranscriptSays()
{
    const qint64 t0 = 1764600000000;
    Transcript t;
    // A server tab: a client connects to us, talks, goes.
    t.appendEvent(EventKind::Listening, QStringLiteral("127.0.0.1:8000"), {}, t0);
    t.appendEvent(
        EventKind::Connected, QStringLiteral("127.0.0.1:40000"), {}, t0 + 1, QStringLiteral("127.0.0.1:8000"));
    t.appendData(Direction::Rx, QStringLiteral("127.0.0.1:40000"), "hi", t0 + 2, QStringLiteral("127.0.0.1:8000"));
    t.appendData(Direction::Tx, QStringLiteral("127.0.0.1:40000"), "yo!", t0 + 3, QStringLiteral("127.0.0.1:8000"));
    t.appendEvent(
        EventKind::Disconnected, QStringLiteral("127.0.0.1:40000"), {}, t0 + 4, QStringLiteral("127.0.0.1:8000"));
    // A client tab: we connect (the target as typed is a name), send, and the capture stops before the close.
    t.appendEvent(EventKind::Connecting, QStringLiteral("localhost:80"), {}, t0 + 5);
    t.appendEvent(EventKind::Connected, QStringLiteral("[::1]:80"), {}, t0 + 6, QStringLiteral("[::1]:50000"));
    t.appendData(Direction::Tx, QStringLiteral("[::1]:80"), "GET", t0 + 7, QStringLiteral("[::1]:50000"));
    // No endpoint on the wire: skipped.
    t.appendData(Direction::Rx, QString(), "orphan", t0 + 8);
    t.appendData(Direction::Tx, QStringLiteral("localhost:80"), "named", t0 + 9);
    // UDP, and a datagram larger than any packet.
    t.appendData(Direction::Rx, QStringLiteral("127.0.0.1:9001"), "d", t0 + 10, QStringLiteral("127.0.0.1:9000"),
        Record::Datagram);
    t.appendData(Direction::Tx, QStringLiteral("127.0.0.1:9001"), QByteArray(70000, 'x'), t0 + 11,
        QStringLiteral("127.0.0.1:9000"), Record::Datagram);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.pcap"));
    PcapRecordWriter writer;
    QVERIFY2(writer.open(path, false), qPrintable(writer.errorString()));
    QVERIFY2(writer.writeAll(t), qPrintable(writer.errorString()));
    QCOMPARE(writer.recordsWritten(), 4);
    QCOMPARE(writer.recordsSkipped(), 3);
    writer.close();

    CaptureIndex index;
    QVERIFY(index.build(path).ok());
    const QList<FlowSummary> &flows = index.flows();
    QCOMPARE(flows.size(), 3);
    const FlowSummary &server = flows[0];
    QCOMPARE(server.protocol, FlowProtocol::Tcp);
    QCOMPARE(server.addressA, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(server.portA, quint16(40000)); // the client opened it
    QCOMPARE(server.portB, quint16(8000));
    QVERIFY(server.synSeen);
    QVERIFY(server.finSeen);
    QCOMPARE(server.bytesAToB, 2);
    QCOMPARE(server.bytesBToA, 3);
    QCOMPARE(server.firstTimeUs, (t0 + 1) * 1000);
    QCOMPARE(server.lastTimeUs, (t0 + 4) * 1000);

    const FlowSummary &client = flows[1];
    QCOMPARE(client.protocol, FlowProtocol::Tcp);
    QCOMPARE(client.addressA, QHostAddress(QStringLiteral("::1")));
    QCOMPARE(client.portA, quint16(50000)); // we opened it
    QCOMPARE(client.portB, quint16(80));
    QVERIFY(client.synSeen);
    QVERIFY(!client.finSeen);
    QCOMPARE(client.bytesAToB, 3);
    QCOMPARE(client.bytesBToA, 0);

    const FlowSummary &udp = flows[2];
    QCOMPARE(udp.protocol, FlowProtocol::Udp);
    QCOMPARE(udp.portA, quint16(9001));
    QCOMPARE(udp.portB, quint16(9000));
    QCOMPARE(udp.packets(), 1);
    QCOMPARE(udp.bytes(), 1);
    QCOMPARE(udp.firstTimeUs, (t0 + 10) * 1000);
}

void tst_PcapRecordWriter::unwritableFileSaysWhy()
{
    PcapRecordWriter writer;
    QVERIFY(!writer.open(QStringLiteral("/nonexistent-dir/x.pcap"), false));
    QVERIFY(!writer.errorString().isEmpty());
    Record r;
    r.direction = Direction::Tx;
    r.data = "x";
    QVERIFY(!writer.write(r, QStringLiteral("127.0.0.1:1"), QStringLiteral("127.0.0.1:2")));
}

QTEST_GUILESS_MAIN(tst_PcapRecordWriter)
#include "tst_pcaprecordwriter.moc"
