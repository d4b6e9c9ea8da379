// SessionRecorder: how received bytes are cut into frames (per read, delimiter, fixed length, idle gap).

#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

namespace {

// Lets framing tests choose exactly how the bytes are split into reads, which a real socket never promises.
class FakeSession : public Session
{
public:
    using Session::Session;
    Traits traits() const override { return {}; }
    void open(const OpenRequest &) override { }
    void close() override { }
    int send(const QByteArray &, const QList<PeerId> & = {}) override { return 0; }
    void disconnectPeer(PeerId) override { }
    QHostAddress localAddress() const override { return {}; }
    quint16 localPort() const override { return 0; }

    static QString endpoint(PeerId id) { return QStringLiteral("10.0.0.%1:502").arg(id); }
    void connectPeer(PeerId id) { Q_EMIT peerConnected(id, endpoint(id)); }
    void receive(PeerId id, const QByteArray &data) { Q_EMIT received(id, data, QString()); }
    void drop(PeerId id) { Q_EMIT peerDisconnected(id, endpoint(id)); }
};

QList<QByteArray> rxData(const Transcript &t)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).direction == Direction::Rx)
            out.append(t.at(i).data);
    }
    return out;
}

Framer::Config framingOf(Framer::Mode mode)
{
    Framer::Config config;
    config.mode = mode;
    return config;
}

} // namespace

class tst_SessionRecorderFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data();
    void framing();
    void frameSignalFollowsRecord();
    void idleGapFrameTimes();
    void idleGapPeersExpireIndependently();
    void disconnectFlushesPendingFirst();
    void changingFramingFlushes();
    void delimiterFramingOverLoopback();
};

void tst_SessionRecorderFraming::framing_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("delimiter");
    QTest::addColumn<int>("length");
    QTest::addColumn<QList<QByteArray>>("reads");
    QTest::addColumn<QList<QByteArray>>("frames");
    using L = QList<QByteArray>;
    const int perRead = int(Framer::Mode::PerRead);
    const int delimiter = int(Framer::Mode::Delimiter);
    const int fixed = int(Framer::Mode::FixedLength);

    QTest::newRow("per read") << perRead << QByteArray() << 0 << L {"ab", "c\n", "d"} << L {"ab", "c\n", "d"};
    QTest::newRow("LF, two lines in one read")
        << delimiter << QByteArray("\n") << 0 << L {"one\ntwo\nthr", "ee\n"} << L {"one\n", "two\n", "three\n"};
    QTest::newRow("CRLF split between reads")
        << delimiter << QByteArray("\r\n") << 0 << L {"OK\r", "\nERR\r", "\n"} << L {"OK\r\n", "ERR\r\n"};
    QTest::newRow("custom hex delimiter")
        << delimiter << QByteArray("\x7e") << 0 << L {QByteArray("\x01\x02\x7e\x03", 4), "\x7e"}
        << L {"\x01\x02\x7e", "\x03\x7e"};
    // Modbus-TCP-like: two 8-byte replies arriving as 5 + 11 bytes.
    QTest::newRow("fixed length") << fixed << QByteArray() << 8
                                  << L {QByteArray::fromHex("0001000000"),
                                         QByteArray::fromHex("0601030200"
                                                             "2a0002000000")}
                                  << L {QByteArray::fromHex("0001000000060103"),
                                         QByteArray::fromHex("02002a0002000000")};
}

void tst_SessionRecorderFraming::framing()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, delimiter);
    QFETCH(int, length);
    QFETCH(QList<QByteArray>, reads);
    QFETCH(QList<QByteArray>, frames);

    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    Framer::Config config = framingOf(Framer::Mode(mode));
    config.delimiter = delimiter;
    config.length = length;
    recorder.setFraming(config);
    session.connectPeer(1);
    for (const QByteArray &read : reads)
        session.receive(1, read);
    QCOMPARE(rxData(log), frames);
    QCOMPARE(log.peerName(log.at(1).peer), QStringLiteral("10.0.0.1:502"));
}

void tst_SessionRecorderFraming::frameSignalFollowsRecord()
{
    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    Framer::Config config = framingOf(Framer::Mode::Delimiter);
    recorder.setFraming(config);
    QList<qsizetype> sizesAtSignal;
    QList<QByteArray> frames;
    connect(&recorder, &SessionRecorder::frameReceived, this, [&](PeerId id, const QByteArray &frame) {
        QCOMPARE(id, PeerId(7));
        sizesAtSignal.append(log.size());
        frames.append(frame);
    });
    session.connectPeer(7);
    session.receive(7, "a\nb");
    session.receive(7, "\n");
    QCOMPARE(frames, (QList<QByteArray> {"a\n", "b\n"}));
    // Auto-reply's TX must follow its RX in the log: the record is there when the signal is emitted.
    QCOMPARE(sizesAtSignal, (QList<qsizetype> {2, 3}));
}

void tst_SessionRecorderFraming::idleGapFrameTimes()
{
    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    Framer::Config config = framingOf(Framer::Mode::IdleGap);
    config.gapMs = 40;
    recorder.setFraming(config);
    session.connectPeer(1);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    session.receive(1, "01 03");
    session.receive(1, " 02");
    QVERIFY(recorder.hasPending());
    QCOMPARE(rxData(log), QList<QByteArray>());
    // The frame ends only after 40 ms of silence, on the recorder's timer.
    QTRY_COMPARE(rxData(log), (QList<QByteArray> {"01 03 02"}));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(!recorder.hasPending());
    const Record &frame = log.at(log.size() - 1);
    QVERIFY(frame.timeMs >= before);
    QVERIFY2(after - frame.timeMs >= config.gapMs, "the record's time is its first byte's, not the timer's");
}

void tst_SessionRecorderFraming::idleGapPeersExpireIndependently()
{
    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    Framer::Config config = framingOf(Framer::Mode::IdleGap);
    config.gapMs = 30;
    recorder.setFraming(config);
    for (PeerId id = 1; id <= 200; ++id) {
        session.connectPeer(id);
        session.receive(id, "p" + QByteArray::number(id));
    }
    QTRY_COMPARE(rxData(log).size(), 200);
    const QList<QByteArray> data = rxData(log);
    for (int i = 0; i < 200; ++i)
        QVERIFY(data.contains("p" + QByteArray::number(i + 1)));
    QVERIFY(!recorder.hasPending());
}

void tst_SessionRecorderFraming::disconnectFlushesPendingFirst()
{
    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    recorder.setFraming(framingOf(Framer::Mode::Delimiter));
    session.connectPeer(3);
    session.receive(3, "line\npartial");
    session.drop(3);
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.at(1).data, QByteArray("line\n"));
    QCOMPARE(log.at(2).direction, Direction::Rx);
    QCOMPARE(log.at(2).data, QByteArray("partial"));
    QCOMPARE(log.at(3).event, EventKind::Disconnected);
    QVERIFY(!recorder.hasPending());
}

void tst_SessionRecorderFraming::changingFramingFlushes()
{
    FakeSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    recorder.setFraming(framingOf(Framer::Mode::FixedLength));
    session.connectPeer(1);
    session.connectPeer(2);
    session.receive(2, "xyz");
    session.receive(1, "abcdefghij");
    QCOMPARE(rxData(log), QList<QByteArray> {"abcdefgh"});
    recorder.setFraming(framingOf(Framer::Mode::PerRead));
    QCOMPARE(rxData(log), (QList<QByteArray> {"abcdefgh", "ij", "xyz"}));
    session.receive(2, "1");
    QCOMPARE(rxData(log).last(), QByteArray("1"));
}

void tst_SessionRecorderFraming::delimiterFramingOverLoopback()
{
    TcpServerSession server;
    Transcript serverLog;
    SessionRecorder recorder(&server, &serverLog);
    Framer::Config config = framingOf(Framer::Mode::Delimiter);
    config.delimiter = "\r\n";
    recorder.setFraming(config);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TcpClientSession client;
    QSignalSpy up(&client, &Session::peerConnected);
    client.open(QStringLiteral("127.0.0.1"), server.localPort());
    QVERIFY(up.wait());
    client.send("T=21.5\r\nT=21.6\r\nT=2");
    client.send("1.7\r\n");
    QTRY_COMPARE(rxData(serverLog), (QList<QByteArray> {"T=21.5\r\n", "T=21.6\r\n", "T=21.7\r\n"}));
}

QTEST_GUILESS_MAIN(tst_SessionRecorderFraming)
#include "tst_sessionrecorderframing.moc"
