#include "loopbacktesting.h"
#include "net/endpoint.h"
#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "relaypeer.h"
#include "relaytesting.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using Side = RelayControl::Side;
using Faults = RelayControl::Faults;

// The relay between two real peers: python processes (tests/support/relay_peer.py) for volume, closes, resets and
// recv sizes (half-closes: tst_relayhalfclose); sockets in this process where only timing or a few bytes matter.
class tst_RelaySession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void factoryMakesARelay();
    void forwardsBothWaysExactly();
    void targetClosingIsPassedOn();
    void refusedTargetClosesTheClient();
    void splitWritesIntoChunks();
    void splitWithoutGapKeepsFlowing();
    void resetAfterBytes();
    void closeAfterBytes();
    void delaysEveryChunk();
    void limitsThroughput();
    void backPressureBoundsTheBuffer();
    void injectsToEitherSide();

private:
    static std::unique_ptr<Session> openRelay(quint16 targetPort)
    {
        return RelayTesting::open(Transport::Relay, targetPort);
    }
    static quint16 relayPort(const Session &session) { return session.localPort(); }
};

void tst_RelaySession::factoryMakesARelay()
{
    QCOMPARE(Sessions::id(Transport::Relay), QByteArray("relay"));
    QCOMPARE(Sessions::fromId("relay"), std::optional<Transport>(Transport::Relay));
    std::unique_ptr<Session> session(Sessions::create(Transport::Relay));
    QVERIFY(session->relay());
    QVERIFY(!session->datagrams());
    QCOMPARE(session->traits().role, Session::Role::Listen);
    QCOMPARE(session->traits().peers, Session::Peers::Many);
}

// 32 MB of pseudo-random bytes each way at once; what each end received hashes to what the other sent.
void tst_RelaySession::forwardsBothWaysExactly()
{
    constexpr int Size = 32 * 1024 * 1024;
    const QString size = QString::number(Size);
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--send", size, "--seed", "2", "--expect", size}));
    auto relay = openRelay(target.port());
    QCOMPARE(relay->state(), Session::State::Open);
    QSignalSpy forwarded(relay->relay(), &RelayControl::forwarded);
    qint64 fromClient = 0, fromTarget = 0;
    connect(relay->relay(), &RelayControl::forwarded, this, [&](PeerId, Side from, const QByteArray &data) {
        (from == Side::Client ? fromClient : fromTarget) += data.size();
    });
    RelayPeer client;
    QVERIFY(client.start(
        {"--connect", QString::number(relayPort(*relay)), "--send", size, "--seed", "1", "--expect", size}));
    QVERIFY2(client.finish(), client.stderrText());
    QVERIFY2(target.finish(), target.stderrText());
    QCOMPARE(client.field("sent").split(' ').at(0), size.toUtf8());
    QCOMPARE(target.field("recv"), client.field("sent"));
    QCOMPARE(client.field("recv"), target.field("sent"));
    QCOMPARE(fromClient, Size);
    QCOMPARE(fromTarget, Size);
    QTRY_COMPARE(relay->peerCount(), 0);
}

// The target sends and closes: the client gets every byte, then the end of the stream.
void tst_RelaySession::targetClosingIsPassedOn()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--send", "5000", "--shutdown", "--expect", "0"}));
    auto relay = openRelay(target.port());
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay))}));
    QVERIFY2(client.finish(), client.stderrText());
    QVERIFY(target.finish());
    QCOMPARE(client.field("recv"), target.field("sent"));
    QCOMPARE(client.field("end"), QByteArray("eof"));
    QTRY_COMPARE(relay->peerCount(), 0);
}

void tst_RelaySession::refusedTargetClosesTheClient()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    auto relay = openRelay(closedPort);
    QSignalSpy errors(relay.get(), &Session::errorOccurred);
    QSignalSpy gone(relay.get(), &Session::peerDisconnected);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relayPort(*relay));
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).at(0).value<PeerId>() != 0); // named by the pair
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::Refused);
    QTRY_COMPARE(gone.size(), 1);
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(relay->peerCount(), 0);
    QCOMPARE(relay->state(), Session::State::Open); // the relay itself goes on listening
}

// 1000 bytes split into 100-byte writes 50 ms apart: the target's every recv is one piece (the gap is far longer
// than a loopback delivery, so pieces are not merged by the receiver).
void tst_RelaySession::splitWritesIntoChunks()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--sizes"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.chunkBytes = 100;
    faults.chunkGapMs = 50;
    QSignalSpy events(relay->relay(), &RelayControl::faultEvent);
    relay->relay()->setFaults(Side::Client, faults);
    QCOMPARE(events.size(), 1); // the change is an event of its own
    QCOMPARE(relay->relay()->faults(Side::Client), faults);
    QCOMPARE(relay->relay()->faults(Side::Target), Faults());
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", "1000", "--shutdown"}));
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv"), client.field("sent"));
    QCOMPARE(target.sizes(), QList<int>(10, 100));
}

// Pieces of 1000 bytes with no gap, 16 MB: each piece goes to the OS at once, which must never leave the pipe without
// a wake-up while the client's bytes wait in the kernel (it stalled twice: once when Qt's read buffer was full, once
// when a read held back for want of room found room again within the same pump).
void tst_RelaySession::splitWithoutGapKeepsFlowing()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.chunkBytes = 1000;
    relay->relay()->setFaults(Side::Client, faults);
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", "16777216", "--shutdown"}));
    QVERIFY2(target.finish(60000), "stalled");
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv"), client.field("sent"));
}

// Reset after 1000 bytes: the target gets exactly those, then a reset; so does the client, which was still sending.
void tst_RelaySession::resetAfterBytes()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.cutAfterBytes = 1000;
    faults.cutWithReset = true;
    relay->relay()->setFaults(Side::Client, faults);
    QSignalSpy events(relay->relay(), &RelayControl::faultEvent);
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", "5000"}));
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv").split(' ').at(0), QByteArray("1000"));
    QCOMPARE(target.field("end"), QByteArray("reset"));
    QCOMPARE(client.field("end"), QByteArray("reset"));
    QCOMPARE(events.size(), 1);
    QVERIFY(events.at(0).at(0).value<PeerId>() != 0);
    const auto event = events.at(0).at(2).value<RelayControl::FaultEvent>();
    QCOMPARE(event.kind, RelayControl::FaultEvent::Kind::Reset);
    QCOMPARE(event.bytes, qint64(1000));
    QTRY_COMPARE(relay->peerCount(), 0);
}

void tst_RelaySession::closeAfterBytes()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--sizes"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.cutAfterBytes = 1234;
    relay->relay()->setFaults(Side::Client, faults);
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", "100000"}));
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv").split(' ').at(0), QByteArray("1234"));
    QCOMPARE(target.field("end"), QByteArray("eof"));
    QTRY_COMPARE(relay->peerCount(), 0);
}

// Tolerance: the bytes never arrive before the delay; they arrive within 1 s after it (a loaded machine's timers and
// scheduling, far more than loopback needs).
void tst_RelaySession::delaysEveryChunk()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    auto relay = openRelay(target.serverPort());
    Faults faults;
    faults.delayMs = 300;
    relay->relay()->setFaults(Side::Client, faults);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relayPort(*relay));
    QVERIFY(client.waitForConnected(5000));
    std::unique_ptr<QTcpSocket> upstream(LoopbackTesting::acceptOne(target));
    QVERIFY(upstream);
    QTRY_COMPARE(relay->relay()->upstreamEndpoint(relay->peers().value(0)).isEmpty(), false);
    for (int round = 0; round < 2; ++round) {
        QElapsedTimer clock;
        clock.start();
        client.write("ping");
        QByteArray got;
        while (got.size() < 4 && clock.elapsed() < 5000) {
            QTest::qWait(1);
            got += upstream->readAll();
        }
        const qint64 took = clock.elapsed();
        QCOMPARE(got, QByteArray("ping"));
        QVERIFY2(took >= 300, qPrintable(QString::number(took)));
        QVERIFY2(took <= 1300, qPrintable(QString::number(took)));
    }
}

// 64 KiB at 32 KiB/s cannot arrive in less than ~2 s (the bucket starts empty and holds 50 ms at most): only the
// lower bound is asserted, which no machine's slowness can break.
void tst_RelaySession::limitsThroughput()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.rateKiBps = 32;
    relay->relay()->setFaults(Side::Client, faults);
    QElapsedTimer clock;
    clock.start();
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", "65536", "--shutdown"}));
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv"), client.field("sent"));
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(QString::number(clock.elapsed())));
}

// A target that reads nothing for 3 s while the client sends 24 MB as fast as it can: what the relay holds for the
// pair stays within the bound (plus one read buffer per socket), yet it did fill up; then everything arrives.
void tst_RelaySession::backPressureBoundsTheBuffer()
{
    constexpr int Size = 24 * 1024 * 1024;
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--sleep", "3", "--expect", QString::number(Size)}));
    auto relay = openRelay(target.port());
    const qint64 bound = relay->relay()->bufferBound();
    QCOMPARE(bound, RelayControl::DefaultBufferBound);
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relayPort(*relay)), "--send", QString::number(Size)}));
    qint64 peak = 0;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] {
        for (const PeerId id : relay->peers())
            peak = std::max(peak, relay->relay()->bufferedBytes(id));
    });
    sampler.start(5);
    QVERIFY2(target.finish(), target.stderrText());
    sampler.stop();
    QVERIFY(client.finish());
    QCOMPARE(target.field("recv"), client.field("sent"));
    qInfo("peak held by the relay for the pair: %lld bytes (bound %lld)", peak, bound);
    QVERIFY2(peak <= bound + 2 * 256 * 1024, qPrintable(QString::number(peak)));
    QVERIFY2(peak >= bound / 2, qPrintable(QString::number(peak)));
}

void tst_RelaySession::injectsToEitherSide()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    auto relay = openRelay(target.serverPort());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relayPort(*relay));
    QVERIFY(client.waitForConnected(5000));
    std::unique_ptr<QTcpSocket> upstream(LoopbackTesting::acceptOne(target));
    QVERIFY(upstream);
    QTRY_COMPARE(relay->peerCount(), 1);
    const PeerId id = relay->peers().at(0);
    QTRY_VERIFY(!relay->relay()->upstreamEndpoint(id).isEmpty());
    QCOMPARE(relay->relay()->upstreamEndpoint(id), Endpoint::format(upstream->peerAddress(), upstream->peerPort()));
    QSignalSpy injected(relay->relay(), &RelayControl::injected);
    QCOMPARE(relay->relay()->inject(Side::Target, "to-target"), 1);
    QCOMPARE(relay->send("to-client"), 1);
    QCOMPARE(injected.size(), 2);
    QCOMPARE(injected.at(0).at(1).value<Side>(), Side::Target);
    QCOMPARE(injected.at(1).at(1).value<Side>(), Side::Client);
    QByteArray atTarget, atClient;
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("to-target"));
    QTRY_COMPARE((atClient += client.readAll()), QByteArray("to-client"));
    // Ordinary traffic still flows both ways after the injections.
    client.write("abc");
    upstream->write("xyz");
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("to-targetabc"));
    QTRY_COMPARE((atClient += client.readAll()), QByteArray("to-clientxyz"));
    QCOMPARE(relay->peerInfo(id).rxBytes, 3);
    QCOMPARE(relay->peerInfo(id).txBytes, 3);
}

QTEST_GUILESS_MAIN(tst_RelaySession)
#include "tst_relaysession.moc"
