#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "relaypeer.h"
#include "relaytesting.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using Side = RelayControl::Side;
using Faults = RelayControl::Faults;

// The UDP relay between real peers: python processes (tests/support/udp_relay_peer.py) for counts, order and timing;
// sockets in this process where a few datagrams and their sources matter.
class tst_UdpRelaySession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void factoryMakesAUdpRelay();
    void forwardsTenThousandDatagramsInOrder();
    void dropsTheSeededShare();
    void delaysEveryDatagram();
    void limitsThroughput();
    void eachClientHasItsOwnUpstream();
    void idlePairsExpire();
    void portUnreachableIsReported();
    void injectsToEitherSide();
    void bindFailureIsReported();
    void faultEventsReadBack();

private:
    // A UDP relay bound to 127.0.0.1:0 towards 127.0.0.1:targetPort.
    static std::unique_ptr<Session> openRelay(quint16 targetPort);
    static QStringList clientArguments(quint16 relayPort, int count, int size, int window, int quietMs);
};

std::unique_ptr<Session> tst_UdpRelaySession::openRelay(quint16 targetPort)
{
    return RelayTesting::open(Transport::UdpRelay, targetPort);
}

QStringList tst_UdpRelaySession::clientArguments(quint16 relayPort, int count, int size, int window, int quietMs)
{
    return {QStringLiteral("--client"), QString::number(relayPort), QStringLiteral("--count"), QString::number(count),
        QStringLiteral("--size"), QString::number(size), QStringLiteral("--window"), QString::number(window),
        QStringLiteral("--quiet-ms"), QString::number(quietMs)};
}

void tst_UdpRelaySession::factoryMakesAUdpRelay()
{
    QCOMPARE(Sessions::id(Transport::UdpRelay), QByteArray("udp-relay"));
    QCOMPARE(Sessions::fromId("udp-relay"), std::optional<Transport>(Transport::UdpRelay));
    std::unique_ptr<Session> session(Sessions::create(Transport::UdpRelay));
    QVERIFY(session->relay());
    QCOMPARE(session->traits().delivery, Session::Delivery::Datagrams);
    QCOMPARE(session->traits().peers, Session::Peers::Many);
    QVERIFY(session->relay()->pairExpiryMs() > 0);
}

// 10,000 datagrams of 512 bytes there and back, paced in windows of 100 so that no socket buffer overflows: every
// one arrives, whole, in order, and the relay saw each of them once each way.
void tst_UdpRelaySession::forwardsTenThousandDatagramsInOrder()
{
    constexpr int Count = 10000;
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "3"}));
    auto relay = openRelay(target.port());
    QCOMPARE(relay->state(), Session::State::Open);
    int fromClient = 0, fromTarget = 0;
    qint64 bytes = 0;
    connect(relay->relay(), &RelayControl::forwarded, this, [&](PeerId, Side from, const QByteArray &data) {
        ++(from == Side::Client ? fromClient : fromTarget);
        bytes += data.size();
    });
    RelayPeer client("udp_relay_peer.py");
    QVERIFY(client.start(clientArguments(relay->localPort(), Count, 512, 100, 2000)));
    QVERIFY(client.finish());
    QCOMPARE(client.field("missing"), QByteArray("-"));
    QCOMPARE(client.field("inorder"), QByteArray("yes"));
    const QList<QByteArray> sent = client.field("sent").split(' ');
    const QList<QByteArray> received = client.field("recv").split(' ');
    QCOMPARE(received.value(0), QByteArray::number(Count));
    QCOMPARE(received.value(1), sent.value(1)); // the same bytes, in the same order
    QCOMPARE(fromClient, Count);
    QCOMPARE(fromTarget, Count);
    QCOMPARE(bytes, qint64(2) * Count * 512);
    QCOMPARE(relay->peerCount(), 1);
    const Session::PeerInfo pair = relay->peerInfo(relay->peers().constFirst());
    QCOMPARE(pair.rxCount, qint64(Count));
    QCOMPARE(pair.txBytes, qint64(Count) * 512);
}

// 10 % of the client's datagrams dropped with seed 42: exactly the ones QRandomGenerator(42) picks, each said in
// the log, none of the target's.
void tst_UdpRelaySession::dropsTheSeededShare()
{
    constexpr int Count = 5000;
    constexpr quint32 Seed = 42;
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "3"}));
    auto relay = openRelay(target.port());
    relay->relay()->setDropSeed(Seed);
    Faults faults;
    faults.dropPercent = 10;
    relay->relay()->setFaults(Side::Client, faults);
    int dropEvents = 0;
    connect(relay->relay(), &RelayControl::faultEvent, this,
        [&](PeerId id, Side from, const RelayControl::FaultEvent &event) {
            if (id != 0 && from == Side::Client && event.kind == RelayControl::FaultEvent::Kind::Dropped
                && event.bytes == 100)
                ++dropEvents;
        });
    QRandomGenerator expected(Seed);
    QList<int> dropped;
    for (int i = 0; i < Count; ++i) {
        if (expected.bounded(100) < 10)
            dropped << i;
    }
    QStringList droppedText;
    for (const int i : std::as_const(dropped))
        droppedText << QString::number(i);

    RelayPeer client("udp_relay_peer.py");
    QVERIFY(client.start(clientArguments(relay->localPort(), Count, 100, 100, 150)));
    QVERIFY(client.finish());
    QCOMPARE(QString::fromLatin1(client.field("missing")), droppedText.join(u','));
    QCOMPARE(dropEvents, int(dropped.size()));
    QVERIFY2(dropped.size() > Count / 20 && dropped.size() < Count * 3 / 20, "about one in ten");
    QCOMPARE(client.field("inorder"), QByteArray("yes"));
}

// Replies delayed by 150 ms: no echo comes back sooner. The upper bound only says the delay is not stacked per
// datagram (a datagram waits for its own due time, not behind the delays of those before it): a loaded machine, or
// the sanitizers, may add a few tens of ms, never a second.
void tst_UdpRelaySession::delaysEveryDatagram()
{
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "3"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.delayMs = 150;
    relay->relay()->setFaults(Side::Target, faults);
    RelayPeer client("udp_relay_peer.py");
    QVERIFY(client.start(clientArguments(relay->localPort(), 40, 64, 20, 2000)));
    QVERIFY(client.finish());
    QCOMPARE(client.field("missing"), QByteArray("-"));
    const QList<QByteArray> rtt = client.field("rtt_ms").split(' ');
    QVERIFY2(rtt.value(0).toDouble() >= 149.0, client.field("rtt_ms").constData());
    QVERIFY2(rtt.value(1).toDouble() < 1150.0, client.field("rtt_ms").constData());
}

// 100 datagrams of 1,000 bytes through a 32 KiB/s limit: the bucket starts empty and holds at most 50 ms of the
// rate, so they cannot all be through before (100,000 - 1,000) / 32,768 s = 3.0 s.
void tst_UdpRelaySession::limitsThroughput()
{
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "5"}));
    auto relay = openRelay(target.port());
    Faults faults;
    faults.rateKiBps = 32;
    relay->relay()->setFaults(Side::Client, faults);
    RelayPeer client("udp_relay_peer.py");
    QVERIFY(client.start(clientArguments(relay->localPort(), 100, 1000, 100, 3000)));
    QVERIFY(client.finish());
    QCOMPARE(client.field("missing"), QByteArray("-"));
    QVERIFY2(client.field("elapsed_ms").toInt() >= 3000, client.field("elapsed_ms").constData());
    QCOMPARE(client.field("inorder"), QByteArray("yes"));
}

// Two clients: two pairs, two upstream sockets, and each client gets the target's answers to its own datagrams.
void tst_UdpRelaySession::eachClientHasItsOwnUpstream()
{
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "3"}));
    auto relay = openRelay(target.port());
    QSignalSpy connected(relay->relay(), &RelayControl::upstreamConnected);
    QUdpSocket a, b;
    QVERIFY(a.bind(QHostAddress::LocalHost, 0));
    QVERIFY(b.bind(QHostAddress::LocalHost, 0));
    a.writeDatagram("from a", QHostAddress::LocalHost, relay->localPort());
    b.writeDatagram("from b", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(a.hasPendingDatagrams() && b.hasPendingDatagrams());
    QCOMPARE(a.receiveDatagram().data(), QByteArray("from a"));
    QCOMPARE(b.receiveDatagram().data(), QByteArray("from b"));
    QCOMPARE(relay->peerCount(), 2);
    QCOMPARE(connected.count(), 2);
    const QList<PeerId> pairs = relay->peers();
    const QString upstreamA = relay->relay()->upstreamEndpoint(pairs.at(0));
    const QString upstreamB = relay->relay()->upstreamEndpoint(pairs.at(1));
    QVERIFY(upstreamA.startsWith(QStringLiteral("127.0.0.1:")));
    QVERIFY(upstreamA != upstreamB);
    QCOMPARE(relay->peerInfo(pairs.at(0)).endpoint, QStringLiteral("127.0.0.1:%1").arg(a.localPort()));
    QCOMPARE(relay->relay()->pairState(pairs.at(0)), RelayControl::PairState::Open);
}

// A pair nobody sends on is forgotten after the expiry time; the client's next datagram makes a new pair.
void tst_UdpRelaySession::idlePairsExpire()
{
    RelayPeer target("udp_relay_peer.py");
    QVERIFY(target.start({"--echo", "--idle", "5"}));
    auto relay = openRelay(target.port());
    relay->relay()->setPairExpiryMs(300);
    QSignalSpy gone(relay.get(), &Session::peerDisconnected);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("one", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(client.hasPendingDatagrams());
    client.receiveDatagram();
    const PeerId first = relay->peers().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(gone.count(), 1, 3000);
    QCOMPARE(gone.at(0).at(0).value<PeerId>(), first);
    QCOMPARE(relay->peerCount(), 0);
    client.writeDatagram("two", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(client.hasPendingDatagrams());
    QCOMPARE(client.receiveDatagram().data(), QByteArray("two"));
    QCOMPARE(relay->peerCount(), 1);
    QVERIFY(relay->peers().constFirst() != first);
}

// Nothing listens at the target: the ICMP port unreachable is reported with the pair, which stays.
void tst_UdpRelaySession::portUnreachableIsReported()
{
    quint16 closedPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closedPort = probe.localPort();
    }
    auto relay = openRelay(closedPort);
    QSignalSpy errors(relay.get(), &Session::errorOccurred);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("anyone?", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY(errors.at(0).at(0).value<PeerId>() != 0);
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::PortUnreachable);
    QCOMPARE(relay->peerCount(), 1);
}

// Injected datagrams go to the chosen side of the pair, through that direction.
void tst_UdpRelaySession::injectsToEitherSide()
{
    QUdpSocket target;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    auto relay = openRelay(target.localPort());
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("hello", QHostAddress::LocalHost, relay->localPort());
    QTRY_VERIFY(target.hasPendingDatagrams());
    const QNetworkDatagram first = target.receiveDatagram();
    QCOMPARE(first.data(), QByteArray("hello"));
    QSignalSpy injected(relay->relay(), &RelayControl::injected);
    QCOMPARE(relay->relay()->inject(Side::Target, "to target"), 1);
    QTRY_VERIFY(target.hasPendingDatagrams());
    const QNetworkDatagram second = target.receiveDatagram();
    QCOMPARE(second.data(), QByteArray("to target"));
    QCOMPARE(second.senderPort(), first.senderPort()); // from the pair's upstream socket
    QCOMPARE(relay->send("to client"), 1);
    QTRY_VERIFY(client.hasPendingDatagrams());
    const QNetworkDatagram toClient = client.receiveDatagram();
    QCOMPARE(toClient.data(), QByteArray("to client"));
    QCOMPARE(toClient.senderPort(), int(relay->localPort()));
    QCOMPARE(injected.count(), 2);
}

void tst_UdpRelaySession::bindFailureIsReported()
{
    QUdpSocket holder;
    QVERIFY(holder.bind(QHostAddress::LocalHost, 0));
    std::unique_ptr<Session> relay(Sessions::create(Transport::UdpRelay));
    QSignalSpy errors(relay.get(), &Session::errorOccurred);
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    request.port = holder.localPort();
    request.targetHost = QStringLiteral("127.0.0.1");
    request.targetPort = 9;
    relay->open(request);
    QCOMPARE(relay->state(), Session::State::Idle);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::AddressInUse);
}

// A fault event as a log's detail and back: every kind, every field (a text capture holds this form).
void tst_UdpRelaySession::faultEventsReadBack()
{
    using Event = RelayControl::FaultEvent;
    Event changed;
    changed.faults = {100, 64, 16, 5, 4096, true, 25};
    QCOMPARE(changed.encode(), QByteArray("changed delay=100 rate=64 chunk=16 gap=5 cut=4096 reset=1 drop=25"));
    for (const Event &event : {changed, Event {Event::Kind::Changed, {}, 0}, Event {Event::Kind::Closed, {}, 1024},
             Event {Event::Kind::Reset, {}, 7}, Event {Event::Kind::Dropped, {}, 3},
             Event {Event::Kind::Overflowed, {}, 1200}}) {
        const std::optional<Event> back = Event::decode(event.encode());
        QVERIFY2(back && *back == event, event.encode().constData());
    }
    QVERIFY(!Event::decode("dropped"));
    QVERIFY(!Event::decode("dropped x"));
    QVERIFY(!Event::decode("exploded 3"));
    QVERIFY(!Event::decode("changed delay=-1"));
    QCOMPARE(Event::decode("changed delay=5 jitter=3")->faults.delayMs, 5); // a later version's key is skipped
}

QTEST_GUILESS_MAIN(tst_UdpRelaySession)
#include "tst_udprelaysession.moc"
