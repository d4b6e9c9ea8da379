// SessionRecorder: what the transcript records of real TCP sessions: connects, data, refusals, errors, closes.

#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

struct Expected
{
    Direction direction;
    EventKind event;
    QString peer;
    QByteArray data;
};

// Reads are split however the kernel likes: adjacent RX (or TX) records of one peer are joined before comparing.
QList<Expected> merged(const Transcript &t)
{
    QList<Expected> out;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const Record &r = t.at(i);
        const QString peer = t.peerName(r.peer);
        if (r.direction != Direction::Event && !out.isEmpty() && out.last().direction == r.direction
            && out.last().peer == peer) {
            out.last().data += r.data;
            continue;
        }
        out.append({r.direction, r.event, peer, r.data});
    }
    return out;
}

void compareRecords(const Transcript &t, const QList<Expected> &expected)
{
    const QList<Expected> actual = merged(t);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].direction, expected[i].direction);
        QCOMPARE(actual[i].event, expected[i].event);
        QCOMPARE(actual[i].peer, expected[i].peer);
        QCOMPARE(actual[i].data, expected[i].data);
    }
}

qint64 bytesOf(const Transcript &t, Direction direction)
{
    qint64 n = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).direction == direction)
            n += t.at(i).data.size();
    }
    return n;
}

} // namespace

class tst_SessionRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversation();
    void serverClosesClients();
    void refusedClient();
    void connectError();
    void transcriptGoneFirst();
};

void tst_SessionRecorder::conversation()
{
    TcpServerSession server;
    Transcript serverLog;
    SessionRecorder serverRecorder(&server, &serverLog);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString serverEnd = QStringLiteral("127.0.0.1:%1").arg(server.localPort());

    TcpClientSession client;
    Transcript clientLog;
    SessionRecorder clientRecorder(&client, &clientLog);
    client.open(QStringLiteral("127.0.0.1"), server.localPort());
    // Both ends see the connection in their own event-loop turns (after Connecting and Listening).
    QTRY_COMPARE(clientLog.size(), 2);
    QTRY_COMPARE(serverLog.size(), 2);
    const QString clientEnd = client.localEndpoint();
    QVERIFY(clientEnd.startsWith("127.0.0.1:"));

    QCOMPARE(client.send("hello"), 1);
    QTRY_COMPARE(bytesOf(serverLog, Direction::Rx), 5);
    QCOMPARE(server.send("world\r\n"), 1);
    QTRY_COMPARE(bytesOf(clientLog, Direction::Rx), 7);

    client.close();
    QTRY_COMPARE(serverLog.at(serverLog.size() - 1).event, EventKind::Disconnected);
    QTRY_COMPARE(clientLog.at(clientLog.size() - 1).event, EventKind::Disconnected);

    compareRecords(clientLog,
        {
            {Direction::Event, EventKind::Connecting, serverEnd, {}},
            {Direction::Event, EventKind::Connected, serverEnd, {}},
            {Direction::Tx, EventKind::None, serverEnd, "hello"},
            {Direction::Rx, EventKind::None, serverEnd, "world\r\n"},
            {Direction::Event, EventKind::Disconnected, serverEnd, {}},
        });
    compareRecords(serverLog,
        {
            {Direction::Event, EventKind::Listening, serverEnd, {}},
            {Direction::Event, EventKind::Connected, clientEnd, {}},
            {Direction::Rx, EventKind::None, clientEnd, "hello"},
            {Direction::Tx, EventKind::None, clientEnd, "world\r\n"},
            {Direction::Event, EventKind::Disconnected, clientEnd, {}},
        });
    QCOMPARE(serverLog.counters().rxBytes, 5);
    QCOMPARE(serverLog.counters().txBytes, 7);
    QCOMPARE(clientLog.counters().rxBytes, 7);
    QCOMPARE(clientLog.counters().txBytes, 5);
}

void tst_SessionRecorder::serverClosesClients()
{
    TcpServerSession server;
    Transcript serverLog;
    SessionRecorder recorder(&server, &serverLog);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    TcpClientSession a;
    TcpClientSession b;
    QSignalSpy aUp(&a, &Session::peerConnected);
    QSignalSpy bUp(&b, &Session::peerConnected);
    a.open(QStringLiteral("127.0.0.1"), server.localPort());
    QVERIFY(aUp.wait());
    QTRY_COMPARE(serverLog.size(), 2); // Listening, then accept order: a first
    b.open(QStringLiteral("127.0.0.1"), server.localPort());
    QVERIFY(bUp.wait());
    QTRY_COMPARE(serverLog.size(), 3);
    const QString serverEnd = server.localEndpoint();
    const QString aEnd = a.localEndpoint();
    const QString bEnd = b.localEndpoint();

    server.send("to b", {server.peers().last()});
    server.close();
    compareRecords(serverLog,
        {
            {Direction::Event, EventKind::Listening, serverEnd, {}},
            {Direction::Event, EventKind::Connected, aEnd, {}},
            {Direction::Event, EventKind::Connected, bEnd, {}},
            {Direction::Tx, EventKind::None, bEnd, "to b"},
            {Direction::Event, EventKind::Disconnected, aEnd, {}},
            {Direction::Event, EventKind::Disconnected, bEnd, {}},
            {Direction::Event, EventKind::Stopped, serverEnd, {}},
        });
}

void tst_SessionRecorder::refusedClient()
{
    TcpServerSession server;
    server.setMaxClients(1);
    Transcript serverLog;
    SessionRecorder recorder(&server, &serverLog);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    TcpClientSession first;
    first.open(QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE(serverLog.size(), 2); // Listening, Connected

    TcpClientSession second;
    QString secondEnd;
    connect(&second, &Session::peerConnected, this, [&] { secondEnd = second.localEndpoint(); });
    second.open(QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE(serverLog.size(), 3);
    QTRY_VERIFY(!secondEnd.isEmpty());
    const Record &refused = serverLog.at(2);
    QCOMPARE(refused.direction, Direction::Event);
    QCOMPARE(refused.event, EventKind::Refused);
    QCOMPARE(serverLog.peerName(refused.peer), secondEnd);
}

void tst_SessionRecorder::connectError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();

    TcpClientSession client;
    Transcript log;
    SessionRecorder recorder(&client, &log);
    QSignalSpy failed(&client, &Session::errorOccurred);
    client.open(QStringLiteral("127.0.0.1"), closedPort);
    QVERIFY(failed.wait());
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).event, EventKind::Connecting); // the session's own activity, with the target
    QCOMPARE(log.peerName(log.at(0).peer), QStringLiteral("127.0.0.1:%1").arg(closedPort));
    const Record &error = log.at(1);
    QCOMPARE(error.event, EventKind::Error);
    QCOMPARE(error.peer, 0u); // a session error names no peer
    QCOMPARE(error.error, SessionError::Kind::Refused);
    QCOMPARE(QString::fromUtf8(error.data), failed.at(0).at(1).value<SessionError>().detail);
    QVERIFY(!error.data.isEmpty());
}

void tst_SessionRecorder::transcriptGoneFirst()
{
    // A page destroys its transcript member before its child session closes: nothing may be written then.
    TcpServerSession server;
    auto *log = new Transcript;
    SessionRecorder recorder(&server, log);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TcpClientSession client;
    client.open(QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE(log->size(), 2); // Listening, Connected
    delete log;
    QSignalSpy gone(&server, &Session::peerDisconnected);
    server.close();
    QCOMPARE(gone.size(), 1);
}

QTEST_GUILESS_MAIN(tst_SessionRecorder)
#include "tst_sessionrecorder.moc"
