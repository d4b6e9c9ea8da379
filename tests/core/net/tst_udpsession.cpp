// UdpSession against a real UDP peer in another process (python3): datagrams as messages, peers, the remote
// target, limits and errors, IPv4 and IPv6.

#include "loopbacktesting.h"
#include "net/datagramcontrol.h"
#include "net/endpoint.h"
#include "net/udpsession.h"
#include "udppeer.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using State = Session::State;
using Kind = SessionError::Kind;

namespace {

QList<QByteArray> dataOf(const QSignalSpy &spy)
{
    QList<QByteArray> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(1).toByteArray());
    return out;
}

// A port nothing listens on (bound, then closed: the kernel answers it with ICMP port unreachable).
quint16 closedUdpPort(const QHostAddress &address)
{
    QUdpSocket probe;
    probe.bind(address, 0);
    return probe.localPort();
}

} // namespace

class tst_UdpSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void datagramsAreMessages_data();
    void datagramsAreMessages();
    void emptyDatagram();
    void largestDatagramArrivesWhole_data();
    void largestDatagramArrivesWhole();
    void tooLargeIsRefusedBeforeSending();
    void remoteTargetByLiteralAndName();
    void portUnreachableNamesTheTarget();
    void peersExpire();
    void forgetPeer();
    void bindErrors();
    void broadcastOnLoopback();
    void closeReportsEveryPeer();

private:
    bool m_ipv6 = false;
};

void tst_UdpSession::initTestCase()
{
    m_ipv6 = LoopbackTesting::hasIPv6Loopback();
}

void tst_UdpSession::datagramsAreMessages_data()
{
    QTest::addColumn<QHostAddress>("bindAddress");
    QTest::addColumn<QString>("peerAddress"); // where the python peer binds and what it sends to
    QTest::newRow("ipv4") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1";
    QTest::newRow("ipv6") << QHostAddress(QHostAddress::LocalHostIPv6) << "::1";
    QTest::newRow("all interfaces, ipv4 peer") << QHostAddress(QHostAddress::Any) << "127.0.0.1";
    QTest::newRow("all interfaces, ipv6 peer") << QHostAddress(QHostAddress::Any) << "::1";
}

// Three datagrams sent back to back are three received(), each with its destination; the reply goes to the sender.
void tst_UdpSession::datagramsAreMessages()
{
    QFETCH(QHostAddress, bindAddress);
    QFETCH(QString, peerAddress);
    if (peerAddress.contains(u':') && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");
    UdpSession session;
    QSignalSpy states(&session, &Session::stateChanged);
    QSignalSpy activity(&session, &Session::activity);
    QVERIFY(session.bind(bindAddress, 0));
    QCOMPARE(session.state(), State::Open);
    QVERIFY(session.localPort() != 0);
    QCOMPARE(activity.size(), 1);
    QCOMPARE(activity.at(0).at(0).value<Session::Activity>(), Session::Activity::Bound);
    QCOMPARE(activity.at(0).at(1).toString(), Endpoint::format(bindAddress, session.localPort()));

    UdpPeer peer;
    QVERIFY2(peer.start({QStringLiteral("--bind"), peerAddress}), qPrintable(peer.error()));
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy received(&session, &Session::received);
    const QByteArray gbk("\xc4\xe3\xba\xc3", 4); // 你好 in GBK
    for (const QByteArray &datagram : {QByteArray("one"), gbk, QByteArray("\x00\xff\r\n", 4)})
        QVERIFY(peer.send(peerAddress, session.localPort(), datagram));
    QTRY_COMPARE(received.size(), 3);
    QCOMPARE(dataOf(received), (QList<QByteArray> {"one", gbk, QByteArray("\x00\xff\r\n", 4)}));
    const QString from = Endpoint::format(QHostAddress(peerAddress), peer.port());
    QCOMPARE(connected.size(), 1); // one peer for one remote endpoint
    QCOMPARE(connected.at(0).at(1).toString(), from);
    const PeerId id = connected.at(0).at(0).value<PeerId>();
    const QString destination = Endpoint::format(QHostAddress(peerAddress), session.localPort());
    for (const QList<QVariant> &args : std::as_const(received)) {
        QCOMPARE(args.at(0).value<PeerId>(), id);
        QCOMPARE(args.at(2).toString(), destination);
    }
    QCOMPARE(session.datagrams()->lastSender(), id);
    const Session::PeerInfo info = session.peerInfo(id);
    QCOMPARE(info.rxCount, 3);
    QCOMPARE(info.rxBytes, 3 + 4 + 4);

    // Reply to the last sender.
    QSignalSpy sent(&session, &Session::sent);
    QCOMPARE(session.send(QByteArray("\xd0\xc5\xcf\xa2", 4), {session.datagrams()->lastSender()}), 1);
    QCOMPARE(sent.size(), 1);
    const QList<UdpPeer::Datagram> back = peer.take(1);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).data, QByteArray("\xd0\xc5\xcf\xa2", 4)); // 信息 in GBK
    QCOMPARE(back.at(0).port, session.localPort()); // from the bound port
    QCOMPARE(session.peerInfo(id).txCount, 1);
}

void tst_UdpSession::emptyDatagram()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    QSignalSpy received(&session, &Session::received);
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), QByteArray()));
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), QByteArray("after")));
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(dataOf(received), (QList<QByteArray> {QByteArray(), "after"}));
    // And one goes out: an empty datagram is a datagram.
    QCOMPARE(session.send(QByteArray(), {session.datagrams()->lastSender()}), 1);
    const QList<UdpPeer::Datagram> back = peer.take(1);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).data, QByteArray());
}

void tst_UdpSession::largestDatagramArrivesWhole_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("size");
    QTest::newRow("ipv4 65,507") << "127.0.0.1" << DatagramControl::MaxIPv4Payload;
    QTest::newRow("ipv6 65,527") << "::1" << DatagramControl::MaxIPv6Payload;
}

void tst_UdpSession::largestDatagramArrivesWhole()
{
    QFETCH(QString, address);
    QFETCH(int, size);
    if (address.contains(u':') && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");
    UdpSession session;
    QVERIFY(session.bind(QHostAddress(address), 0));
    UdpPeer peer;
    QVERIFY2(peer.start({QStringLiteral("--bind"), address}), qPrintable(peer.error()));
    QByteArray big(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        big[i] = char(i * 7 + 3);
    QSignalSpy received(&session, &Session::received);
    QVERIFY(peer.send(address, session.localPort(), big));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toByteArray(), big);
    // The same size goes back whole.
    QCOMPARE(session.send(big, {session.datagrams()->lastSender()}), 1);
    const QList<UdpPeer::Datagram> back = peer.take(1);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).data, big);
}

void tst_UdpSession::tooLargeIsRefusedBeforeSending()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "hi"));
    QTRY_VERIFY(session.datagrams()->lastSender() != 0);
    const PeerId id = session.datagrams()->lastSender();
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy sent(&session, &Session::sent);
    QCOMPARE(session.send(QByteArray(DatagramControl::MaxIPv4Payload + 1, 'x'), {id}), 0);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), id);
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, Kind::DatagramTooLarge);
    // Nothing went out: the next datagram the peer sees is the small one sent after.
    QCOMPARE(session.send("next", {id}), 1);
    const QList<UdpPeer::Datagram> back = peer.take(1);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).data, QByteArray("next"));
}

void tst_UdpSession::remoteTargetByLiteralAndName()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::Any, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    DatagramControl *datagrams = session.datagrams();
    QVERIFY(datagrams);
    QCOMPARE(session.send("nowhere"), 0); // no target yet

    datagrams->setRemoteTarget(QStringLiteral("127.0.0.1"), peer.port());
    QSignalSpy connected(&session, &Session::peerConnected);
    QCOMPARE(session.send("literal"), 1);
    QCOMPARE(connected.size(), 1); // the target is a peer from its first datagram
    QCOMPARE(connected.at(0).at(1).toString(), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
    QList<UdpPeer::Datagram> got = peer.take(1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.at(0).data, QByteArray("literal"));
    QCOMPARE(got.at(0).port, session.localPort()); // through the connected socket, still from our port

    // A name is looked up once; sends made meanwhile wait for it, in order.
    datagrams->setRemoteTarget(QStringLiteral("localhost"), peer.port());
    QCOMPARE(session.send("by name 1"), 1);
    QCOMPARE(session.send("by name 2"), 1);
    got = peer.take(2);
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0).data, QByteArray("by name 1"));
    QCOMPARE(got.at(1).data, QByteArray("by name 2"));

    // The target's replies arrive, counted for its peer.
    QSignalSpy received(&session, &Session::received);
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "reply"));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("reply"));
}

// The OS reports an ICMP port unreachable only on a connected socket; the session still hears everyone else.
void tst_UdpSession::portUnreachableNamesTheTarget()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    const quint16 closed = closedUdpPort(QHostAddress::LocalHost);
    session.datagrams()->setRemoteTarget(QStringLiteral("127.0.0.1"), closed);
    QSignalSpy errors(&session, &Session::errorOccurred);
    QCOMPARE(session.send("anyone there?"), 1);
    // The ICMP error comes back asynchronously; a second send (as a device poll would) also reports it.
    if (!errors.wait(2000))
        session.send("anyone there?");
    QTRY_VERIFY(!errors.isEmpty());
    const SessionError error = errors.at(0).at(1).value<SessionError>();
    QCOMPARE(error.kind, Kind::PortUnreachable);
    const PeerId target = errors.at(0).at(0).value<PeerId>();
    QCOMPARE(session.peerInfo(target).endpoint, QStringLiteral("127.0.0.1:%1").arg(closed));

    UdpPeer other;
    QVERIFY2(other.start(), qPrintable(other.error()));
    QSignalSpy received(&session, &Session::received);
    QVERIFY(other.send(QStringLiteral("127.0.0.1"), session.localPort(), "still heard"));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("still heard"));
    QCOMPARE(session.state(), State::Open);
}

void tst_UdpSession::peersExpire()
{
    UdpSession session;
    session.setPeerExpiryMs(300);
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    QSignalSpy gone(&session, &Session::peerDisconnected);
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "hello"));
    QTRY_COMPARE(session.peerCount(), 1);
    // Expiry is checked a few times per expiry time: the peer leaves within a bounded wait.
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 3000);
    QCOMPARE(session.peerCount(), 0);
    QCOMPARE(session.datagrams()->lastSender(), PeerId(0));
    // Heard from again: a new peer (ids are never reused).
    QSignalSpy connected(&session, &Session::peerConnected);
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "again"));
    QTRY_COMPARE(connected.size(), 1);
    QVERIFY(connected.at(0).at(0).value<PeerId>() != gone.at(0).at(0).value<PeerId>());

    // 0 keeps every peer: still listed after several of the old expiry times.
    session.setPeerExpiryMs(0);
    QTest::qWait(1000);
    QCOMPARE(session.peerCount(), 1);
}

void tst_UdpSession::forgetPeer()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer peer;
    QVERIFY2(peer.start(), qPrintable(peer.error()));
    QVERIFY(peer.send(QStringLiteral("127.0.0.1"), session.localPort(), "x"));
    QTRY_COMPARE(session.peerCount(), 1);
    QSignalSpy gone(&session, &Session::peerDisconnected);
    session.disconnectPeer(session.peers().constFirst());
    QCOMPARE(gone.size(), 1);
    QCOMPARE(session.peerCount(), 0);
    QCOMPARE(session.state(), State::Open);
}

void tst_UdpSession::bindErrors()
{
    // A port another program holds (without asking to share it).
    UdpPeer holder;
    QVERIFY2(holder.start({QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}), qPrintable(holder.error()));
    UdpSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QVERIFY(!session.bind(QHostAddress::LocalHost, holder.port()));
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, Kind::AddressInUse);

    // An address that is not this machine's (TEST-NET-1, never assigned).
    QVERIFY(!session.bind(QHostAddress(QStringLiteral("192.0.2.1")), 0));
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(1).at(1).value<SessionError>().kind, Kind::AddressNotAvailable);
}

// 127.255.255.255 with SO_BROADCAST reaches a socket bound to the port on any address (shared/README.md).
void tst_UdpSession::broadcastOnLoopback()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::Any, 0));
    UdpPeer peer;
    QVERIFY2(peer.start({QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--broadcast")}),
        qPrintable(peer.error()));
    QSignalSpy received(&session, &Session::received);
    QVERIFY(peer.send(QStringLiteral("127.255.255.255"), session.localPort(), "to all"));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("to all"));
    // The destination says it came to the broadcast address, not to ours.
    QCOMPARE(received.at(0).at(2).toString(), QStringLiteral("127.255.255.255:%1").arg(session.localPort()));

    // Sending to a broadcast just works.
    session.datagrams()->setRemoteTarget(QStringLiteral("127.255.255.255"), peer.port());
    QCOMPARE(session.send("hello all"), 1);
    const QList<UdpPeer::Datagram> got = peer.take(1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.at(0).data, QByteArray("hello all"));
}

void tst_UdpSession::closeReportsEveryPeer()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::LocalHost, 0));
    UdpPeer a;
    UdpPeer b;
    QVERIFY2(a.start(), qPrintable(a.error()));
    QVERIFY2(b.start(), qPrintable(b.error()));
    QVERIFY(a.send(QStringLiteral("127.0.0.1"), session.localPort(), "a"));
    QVERIFY(b.send(QStringLiteral("127.0.0.1"), session.localPort(), "b"));
    QTRY_COMPARE(session.peerCount(), 2);
    const QString bound = session.localEndpoint();
    QSignalSpy gone(&session, &Session::peerDisconnected);
    QSignalSpy activity(&session, &Session::activity);
    QSignalSpy states(&session, &Session::stateChanged);
    session.close();
    QCOMPARE(gone.size(), 2);
    QCOMPARE(activity.size(), 1);
    QCOMPARE(activity.at(0).at(0).value<Session::Activity>(), Session::Activity::Stopped);
    QCOMPARE(activity.at(0).at(1).toString(), bound);
    QCOMPARE(session.state(), State::Idle);
    QVERIFY(session.localEndpoint().isEmpty());
    QCOMPARE(states.size(), 1);
}

QTEST_GUILESS_MAIN(tst_UdpSession)
#include "tst_udpsession.moc"
