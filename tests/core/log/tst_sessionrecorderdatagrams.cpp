// SessionRecorder over a UDP session and a real peer (python3): one datagram is one record, never framed, with the
// destination it came to; the session's own events and its peers coming and going are logged.

#include "log/logrenderer.h"
#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "net/datagramcontrol.h"
#include "net/udpsession.h"
#include "udppeer.h"

#include <QSignalSpy>
#include <QTest>

class tst_SessionRecorderDatagrams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachDatagramIsOneRecord();
    void eventsOfADatagramSession();
    void headerNamesTheDestination();
};

void tst_SessionRecorderDatagrams::eachDatagramIsOneRecord()
{
    UdpSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    // A stream framing must not touch datagrams: they already are messages.
    Framer::Config delimited;
    delimited.mode = Framer::Mode::Delimiter;
    delimited.delimiter = "\n";
    recorder.setFraming(delimited);
    QSignalSpy frames(&recorder, &SessionRecorder::frameReceived);
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    for (const QByteArray &datagram : {QByteArray("a\nb\n"), QByteArray("no delimiter"), QByteArray()})
        QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), datagram));
    QTRY_COMPARE(frames.size(), 3);
    QList<QByteArray> rx;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const Record &r = log.at(i);
        if (r.direction != Direction::Rx)
            continue;
        rx.append(r.data);
        QVERIFY(r.flags & Record::Datagram);
        QCOMPARE(log.peerName(r.peer), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
        QCOMPARE(log.peerName(r.local), QStringLiteral("127.0.0.1:%1").arg(session.localPort()));
    }
    QCOMPARE(rx, (QList<QByteArray> {"a\nb\n", "no delimiter", QByteArray()}));
    QCOMPARE(log.counters().rxMessages, 3);
    QCOMPARE(log.counters().rxBytes, 4 + 12);

    QCOMPARE(session.send("back", {session.datagrams()->lastSender()}), 1);
    const Record &tx = log.at(log.size() - 1);
    QCOMPARE(tx.direction, Direction::Tx);
    QVERIFY(tx.flags & Record::Datagram);
    QCOMPARE(tx.data, QByteArray("back"));
}

void tst_SessionRecorderDatagrams::eventsOfADatagramSession()
{
    UdpSession session;
    session.setPeerExpiryMs(200);
    Transcript log;
    SessionRecorder recorder(&session, &log);
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    const QString bound = session.localEndpoint();
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "x"));
    QSignalSpy gone(&session, &Session::peerDisconnected);
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 3000); // expiry is checked a few times per expiry time
    session.close();
    QList<EventKind> events;
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).direction == Direction::Event)
            events.append(log.at(i).event);
    }
    QCOMPARE(
        events, (QList<EventKind> {EventKind::Bound, EventKind::NewPeer, EventKind::PeerGone, EventKind::Unbound}));
    QCOMPARE(log.peerName(log.at(0).peer), bound);
    QCOMPARE(log.peerName(log.at(log.size() - 1).peer), bound);
}

void tst_SessionRecorderDatagrams::headerNamesTheDestination()
{
    UdpSession session;
    Transcript log;
    SessionRecorder recorder(&session, &log);
    QVERIFY(session.bind(QHostAddress::Any, 0));
    UdpPeer peer;
    QVERIFY2(peer.start({QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--broadcast")}),
        qPrintable(peer.error()));
    QSignalSpy frames(&recorder, &SessionRecorder::frameReceived);
    QVERIFY(peer.send(QStringLiteral("127.255.255.255"), session.localPort(), "hello"));
    QTRY_COMPARE(frames.size(), 1);
    LogRenderer renderer(&log);
    RenderOptions options;
    options.timestamps = false;
    renderer.setOptions(options);
    renderer.sync();
    QStringList rows;
    for (qint64 i = 0; i < renderer.rowCount(); ++i)
        rows.append(renderer.rowText(i));
    // The broadcast address it came to, after the sender.
    QVERIFY2(rows.contains(QStringLiteral("RX 127.0.0.1:%1 \u2192 127.255.255.255:%2  hello")
                               .arg(peer.port())
                               .arg(session.localPort())),
        qPrintable(rows.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_SessionRecorderDatagrams)
#include "tst_sessionrecorderdatagrams.moc"
