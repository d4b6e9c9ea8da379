#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "loopbacktesting.h"
#include "net/endpoint.h"
#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "relaypeer.h"
#include "relaytesting.h"

#include <QCryptographicHash>
#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <sys/socket.h>

using Side = RelayControl::Side;

// What the log shows of a relay: both directions of each pair as RX records named by the client's endpoint (the
// target's marked Record::TargetSide, its local end the upstream connection), injections as TX, faults as events.
class tst_RelayRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothDirectionsOfAPair();
    void transcriptHashesMatchThePeers();
    void datagramRelayRecordsDatagramsAndDrops();

private:
    static std::unique_ptr<Session> openRelay(quint16 targetPort, Transport transport = Transport::Relay)
    {
        return RelayTesting::open(transport, targetPort);
    }
};

void tst_RelayRecorder::bothDirectionsOfAPair()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    Transcript transcript;
    auto relay = openRelay(target.serverPort());
    SessionRecorder recorder(relay.get(), &transcript);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay->localPort());
    QVERIFY(client.waitForConnected(5000));
    std::unique_ptr<QTcpSocket> upstream(LoopbackTesting::acceptOne(target));
    QVERIFY(upstream);
    QTRY_COMPARE(relay->peerCount(), 1);
    const PeerId id = relay->peers().at(0);
    QTRY_VERIFY(!relay->relay()->upstreamEndpoint(id).isEmpty());
    const QString clientName = Endpoint::format(client.localAddress(), client.localPort());
    const QString upstreamName = relay->relay()->upstreamEndpoint(id);

    client.write("hello");
    QByteArray atTarget;
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("hello"));
    upstream->write("world");
    QByteArray atClient;
    QTRY_COMPARE((atClient += client.readAll()), QByteArray("world"));
    client.write("again");
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("helloagain"));
    RelayControl::Faults faults;
    faults.delayMs = 5;
    relay->relay()->setFaults(Side::Target, faults);
    QCOMPARE(relay->relay()->inject(Side::Target, "inj"), 1);
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("helloagaininj"));

    QList<const Record *> rx, tx, events;
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        const Record &r = transcript.at(i);
        if (r.direction == Direction::Rx)
            rx << &r;
        else if (r.direction == Direction::Tx)
            tx << &r;
        else if (r.event == EventKind::RelayUpstream || r.event == EventKind::RelayFault)
            events << &r;
    }
    QCOMPARE(rx.size(), 3);
    QCOMPARE(rx.at(0)->data, QByteArray("hello"));
    QCOMPARE(rx.at(0)->flags & Record::TargetSide, 0);
    QCOMPARE(transcript.peerName(rx.at(0)->peer), clientName);
    QCOMPARE(rx.at(1)->data, QByteArray("world"));
    QCOMPARE(rx.at(1)->flags & Record::TargetSide, int(Record::TargetSide));
    QCOMPARE(transcript.peerName(rx.at(1)->peer), clientName); // the pair's name
    QCOMPARE(transcript.peerName(rx.at(1)->local), upstreamName);
    QCOMPARE(rx.at(1)->streamOffset, 0); // a stream of its own, not after "hello"
    QCOMPARE(rx.at(2)->data, QByteArray("again"));
    QCOMPARE(rx.at(2)->streamOffset, 5);
    QCOMPARE(rx.at(2)->prevInStream, rx.at(0)->seq);
    QCOMPARE(tx.size(), 1);
    QCOMPARE(tx.at(0)->data, QByteArray("inj"));
    QCOMPARE(tx.at(0)->flags & Record::TargetSide, int(Record::TargetSide));
    QCOMPARE(events.size(), 2); // the upstream connection, the fault setting
    QCOMPARE(events.at(0)->event, EventKind::RelayUpstream);
    QCOMPARE(transcript.peerName(events.at(0)->peer), clientName);
    QCOMPARE(transcript.peerName(events.at(0)->local), upstreamName);
    QCOMPARE(events.at(0)->data, QByteArray("127.0.0.1:") + QByteArray::number(target.serverPort()));
    QCOMPARE(events.at(1)->event, EventKind::RelayFault);
    QCOMPARE(events.at(1)->flags, quint8(Record::TargetSide)); // the target -> client direction
    QCOMPARE(events.at(1)->peer, 0u); // a change of settings, no pair's
    QCOMPARE(RelayControl::FaultEvent::decode(events.at(1)->data)->faults.delayMs, 5);

    // Each side's end of its stream is an event of the pair, after what it sent: the client's first (a half-close,
    // which the test can make and Qt cannot), then the target's (QTcpSocket closes when it reads the client's).
    client.write("last");
    client.flush();
    ::shutdown(int(client.socketDescriptor()), SHUT_WR);
    const auto endedEvents = [&] {
        QList<const Record *> ended;
        for (qsizetype i = 0; i < transcript.size(); ++i) {
            if (transcript.at(i).direction == Direction::Event && transcript.at(i).event == EventKind::RelayEnded)
                ended << &transcript.at(i);
        }
        return ended;
    };
    QTRY_COMPARE(endedEvents().size(), 2);
    const QList<const Record *> ended = endedEvents();
    QCOMPARE(transcript.peerName(ended.at(0)->peer), clientName);
    QCOMPARE(ended.at(0)->flags & Record::TargetSide, 0);
    QCOMPARE(transcript.peerName(ended.at(1)->peer), clientName);
    QCOMPARE(ended.at(1)->flags & Record::TargetSide, int(Record::TargetSide));
    const Record &last = transcript.at(ended.at(0)->seq - transcript.at(0).seq - 1);
    QCOMPARE(last.data, QByteArray("last")); // the end came after the bytes before it
}

// 32 MB each way between two real peers: the transcript's two directions hash to what each peer sent.
void tst_RelayRecorder::transcriptHashesMatchThePeers()
{
    constexpr int Size = 32 * 1024 * 1024;
    const QString size = QString::number(Size);
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--send", size, "--seed", "7", "--expect", size}));
    Transcript transcript;
    transcript.setByteBudget(3 * qint64(Size)); // nothing dropped
    auto relay = openRelay(target.port());
    SessionRecorder recorder(relay.get(), &transcript);
    RelayPeer client;
    QVERIFY(client.start(
        {"--connect", QString::number(relay->localPort()), "--send", size, "--seed", "8", "--expect", size}));
    QVERIFY2(client.finish(), client.stderrText());
    QVERIFY2(target.finish(), target.stderrText());
    QTRY_COMPARE(relay->peerCount(), 0);
    recorder.flushPending();
    QCOMPARE(transcript.droppedRecords(), 0);
    QCryptographicHash fromClient(QCryptographicHash::Sha256), fromTarget(QCryptographicHash::Sha256);
    qint64 clientBytes = 0, targetBytes = 0;
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        const Record &r = transcript.at(i);
        if (r.direction != Direction::Rx)
            continue;
        if (r.flags & Record::TargetSide) {
            fromTarget.addData(r.data);
            targetBytes += r.data.size();
        } else {
            fromClient.addData(r.data);
            clientBytes += r.data.size();
        }
    }
    QCOMPARE(QByteArray::number(clientBytes) + ' ' + fromClient.result().toHex(), client.field("sent"));
    QCOMPARE(QByteArray::number(targetBytes) + ' ' + fromTarget.result().toHex(), target.field("sent"));
    QCOMPARE(client.field("recv"), target.field("sent"));
    QCOMPARE(target.field("recv"), client.field("sent"));
}

// A UDP relay's log: each datagram one record, flagged Datagram, the target's also TargetSide; a drop is an event of
// the pair, after the datagram it dropped.
void tst_RelayRecorder::datagramRelayRecordsDatagramsAndDrops()
{
    QUdpSocket target, client;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    Transcript transcript;
    auto relay = openRelay(target.localPort(), Transport::UdpRelay);
    SessionRecorder recorder(relay.get(), &transcript);
    client.writeDatagram("one", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(target.hasPendingDatagrams());
    const QNetworkDatagram first = target.receiveDatagram();
    target.writeDatagram("reply", first.senderAddress(), quint16(first.senderPort()));
    QTRY_VERIFY(client.hasPendingDatagrams());
    RelayControl::Faults faults;
    faults.dropPercent = 100;
    relay->relay()->setFaults(Side::Client, faults);
    client.writeDatagram("two", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(transcript.size() > 0 && transcript.at(transcript.size() - 1).data == "dropped 3");

    QList<const Record *> rx, faultRecords;
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        const Record &r = transcript.at(i);
        if (r.direction == Direction::Rx)
            rx << &r;
        else if (r.event == EventKind::RelayFault)
            faultRecords << &r;
    }
    QCOMPARE(rx.size(), 3);
    QCOMPARE(rx.at(0)->data, QByteArray("one"));
    QCOMPARE(rx.at(0)->flags, quint8(Record::Datagram));
    QCOMPARE(rx.at(1)->data, QByteArray("reply"));
    QCOMPARE(rx.at(1)->flags, quint8(Record::Datagram | Record::TargetSide));
    QCOMPARE(transcript.peerName(rx.at(1)->peer), Endpoint::format(client.localAddress(), client.localPort()));
    QCOMPARE(transcript.peerName(rx.at(1)->local),
        QStringLiteral("127.0.0.1:%1").arg(first.senderPort())); // our end of the upstream socket
    QCOMPARE(rx.at(2)->data, QByteArray("two")); // shown as the client sent it, then dropped
    QCOMPARE(faultRecords.size(), 2); // the change, the drop
    QCOMPARE(faultRecords.at(1)->flags, quint8(Record::Datagram)); // client -> target
    QCOMPARE(
        transcript.peerName(faultRecords.at(1)->peer), Endpoint::format(client.localAddress(), client.localPort()));
    QVERIFY(!target.waitForReadyRead(100));
}

QTEST_GUILESS_MAIN(tst_RelayRecorder)
#include "tst_relayrecorder.moc"
