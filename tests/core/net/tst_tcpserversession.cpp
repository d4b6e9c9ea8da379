#include "loopbacktesting.h"
#include "net/endpoint.h"
#include "net/tcpserversession.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using State = Session::State;
using LoopbackTesting::hasIPv6Loopback;
using Clients = std::vector<std::unique_ptr<QTcpSocket>>;

namespace {

// How the server must name a client: the client's own local address and port.
QString endpointOf(const QTcpSocket &client)
{
    return Endpoint::format(client.localAddress(), client.localPort());
}

QByteArray receivedBytes(const QSignalSpy &spy, PeerId id)
{
    QByteArray all;
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<PeerId>() == id)
            all += args.at(1).toByteArray();
    }
    return all;
}

} // namespace

class tst_TcpServerSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listenAndAccept_data();
    void listenAndAccept();
    void sendUnicastBroadcastAndDisconnect();
    void dataBeforeFinIsDelivered();
    void busyPort();
    void maxClients();
    void closeDropsEveryone();
    void manyClientsAtOnce();
    void closeWhileDepartedSocketsWait();

private:
    // Connects one client and waits until the session has reported it; returns its peer id (0 on failure).
    PeerId connectClient(TcpServerSession &session, Clients &clients, const QHostAddress &to);
    bool m_ipv6 = false;
};

void tst_TcpServerSession::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    m_ipv6 = hasIPv6Loopback();
}

PeerId tst_TcpServerSession::connectClient(TcpServerSession &session, Clients &clients, const QHostAddress &to)
{
    QSignalSpy connected(&session, &Session::peerConnected);
    clients.push_back(std::make_unique<QTcpSocket>());
    clients.back()->connectToHost(to, session.localPort());
    // The server accepts in the event loop.
    if (!connected.wait(5000) || connected.size() != 1)
        return 0;
    if (connected.at(0).at(1).toString() != endpointOf(*clients.back()))
        return 0;
    return connected.at(0).at(0).value<PeerId>();
}

void tst_TcpServerSession::listenAndAccept_data()
{
    QTest::addColumn<QHostAddress>("listenAddress");
    QTest::addColumn<QString>("endpointPrefix");
    QTest::addColumn<bool>("needsIPv6");
    QTest::newRow("ipv4 loopback") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1:" << false;
    QTest::newRow("ipv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << "[::1]:" << true;
    // Qt prints the dual-stack Any as 0.0.0.0 (see Endpoint::format).
    QTest::newRow("any") << QHostAddress(QHostAddress::Any) << "0.0.0.0:" << false;
}

void tst_TcpServerSession::listenAndAccept()
{
    QFETCH(QHostAddress, listenAddress);
    QFETCH(QString, endpointPrefix);
    QFETCH(bool, needsIPv6);
    if (needsIPv6 && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");

    TcpServerSession session;
    QSignalSpy states(&session, &Session::stateChanged);
    QVERIFY(session.localEndpoint().isEmpty());
    QVERIFY(session.listen(listenAddress, 0));
    QVERIFY(session.localPort() != 0);
    QCOMPARE(session.state(), State::Open);
    QCOMPARE(states.size(), 1);
    QCOMPARE(session.localEndpoint(), endpointPrefix + QString::number(session.localPort()));

    Clients clients;
    if (listenAddress.protocol() != QAbstractSocket::IPv6Protocol) {
        // Through the dual-stack listener an IPv4 client shows as ::ffff:127.0.0.1: it must read "127.0.0.1:port".
        QVERIFY(connectClient(session, clients, QHostAddress::LocalHost) != 0);
        QVERIFY(session.peerInfo(session.peers().last()).endpoint.startsWith("127.0.0.1:"));
    }
    if (listenAddress.protocol() != QAbstractSocket::IPv4Protocol && m_ipv6) {
        QVERIFY(connectClient(session, clients, QHostAddress::LocalHostIPv6) != 0);
        QVERIFY(session.peerInfo(session.peers().last()).endpoint.startsWith("[::1]:"));
    }
    QCOMPARE(session.peerCount(), int(clients.size()));
}

void tst_TcpServerSession::sendUnicastBroadcastAndDisconnect()
{
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    QSignalSpy received(&session, &Session::received);
    QSignalSpy sent(&session, &Session::sent);
    QSignalSpy errors(&session, &Session::errorOccurred);
    Clients clients;
    QList<PeerId> ids;
    for (int i = 0; i < 3; ++i)
        ids << connectClient(session, clients, QHostAddress::LocalHost);
    QVERIFY(!ids.contains(0));
    QCOMPARE(QSet<PeerId>(ids.begin(), ids.end()).size(), 3);
    QCOMPARE(session.peers(), ids);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(session.peerInfo(ids[i]).endpoint, endpointOf(*clients[size_t(i)]));
        QVERIFY(session.peerInfo(ids[i]).connectedAtMs > 0);
    }

    // Unicast, then broadcast: if the unicast had leaked, the others would see it before the broadcast bytes.
    const QByteArray one("to-one\0", 7);
    const QByteArray all("to-all\xff", 7);
    QCOMPARE(session.send(one, {ids[1]}), 1);
    QCOMPARE(session.send(all), 3);
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(0).at(0).value<PeerId>(), ids[1]);
    QByteArray got[3];
    // Delivery over loopback is asynchronous: re-read until the expected bytes are all in.
    QTRY_COMPARE((got[1] += clients[1]->readAll()), one + all);
    QTRY_COMPARE((got[0] += clients[0]->readAll()), all);
    QTRY_COMPARE((got[2] += clients[2]->readAll()), all);
    QCOMPARE(session.send("x", {PeerId(9999), ids[2]}), 1); // unknown ids are skipped
    QTRY_COMPARE((got[2] += clients[2]->readAll()), all + "x");

    clients[0]->write("abc");
    clients[2]->write("0123456789");
    QTRY_COMPARE(receivedBytes(received, ids[0]), QByteArray("abc"));
    QTRY_COMPARE(receivedBytes(received, ids[2]), QByteArray("0123456789"));
    QCOMPARE(receivedBytes(received, ids[1]), QByteArray());
    QCOMPARE(session.peerInfo(ids[0]).rxBytes, qint64(3));
    QCOMPARE(session.peerInfo(ids[0]).txBytes, qint64(all.size()));
    QCOMPARE(session.peerInfo(ids[1]).rxBytes, qint64(0));
    QCOMPARE(session.peerInfo(ids[1]).txBytes, qint64(one.size() + all.size()));
    QCOMPARE(session.peerInfo(ids[2]).rxBytes, qint64(10));
    QCOMPARE(session.peerInfo(ids[2]).txBytes, qint64(all.size() + 1));

    // The server hangs up on client 1 only.
    QSignalSpy client1Gone(clients[1].get(), &QTcpSocket::disconnected);
    session.disconnectPeer(ids[1]);
    QTRY_COMPARE(disconnected.size(), 1); // immediate when nothing is pending, else once the data is out
    QCOMPARE(disconnected.at(0).at(0).value<PeerId>(), ids[1]);
    QCOMPARE(disconnected.at(0).at(1).toString(), endpointOf(*clients[1]));
    QVERIFY(client1Gone.wait(5000)); // the FIN travels asynchronously
    QCOMPARE(session.peers(), (QList<PeerId> {ids[0], ids[2]}));
    QCOMPARE(session.peerInfo(ids[1]).id, PeerId(0));
    QCOMPARE(session.send("y"), 2);
    QTRY_COMPARE((got[0] += clients[0]->readAll()), all + "y");
    QTRY_COMPARE((got[2] += clients[2]->readAll()), all + "x" + "y");

    // Client 3 hangs up by itself.
    const QString endpoint2 = endpointOf(*clients[2]);
    clients[2]->disconnectFromHost();
    QVERIFY(disconnected.wait(5000)); // the FIN reaches the server asynchronously
    QCOMPARE(disconnected.size(), 2);
    QCOMPARE(disconnected.at(1).at(0).value<PeerId>(), ids[2]);
    QCOMPARE(disconnected.at(1).at(1).toString(), endpoint2);
    QCOMPARE(session.peers(), QList<PeerId> {ids[0]});
    QCOMPARE(session.peerCount(), 1);
    QCOMPARE(errors.size(), 0); // orderly closes are not errors
    QCOMPARE(connected.size(), 3);
    QCOMPARE(session.state(), State::Open);
}

void tst_TcpServerSession::dataBeforeFinIsDelivered()
{
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    Clients clients;
    const PeerId id = connectClient(session, clients, QHostAddress::LocalHost);
    QVERIFY(id != 0);
    QStringList events;
    QByteArray data;
    connect(&session, &Session::received, this, [&](PeerId, const QByteArray &bytes) {
        data += bytes;
        events << QStringLiteral("received");
    });
    connect(&session, &Session::peerDisconnected, this, [&] { events << QStringLiteral("disconnected"); });
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    clients[0]->write("bye");
    clients[0]->disconnectFromHost();
    QVERIFY(disconnected.wait(5000)); // data and FIN arrive asynchronously
    QCOMPARE(data, QByteArray("bye"));
    QCOMPARE(events.last(), QStringLiteral("disconnected"));
    QCOMPARE(session.peerInfo(id).id, PeerId(0));
}

void tst_TcpServerSession::busyPort()
{
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    TcpServerSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy states(&session, &Session::stateChanged);
    QVERIFY(!session.listen(QHostAddress::LocalHost, other.serverPort()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::AddressInUse);
    QVERIFY(!errors.at(0).at(1).value<SessionError>().detail.isEmpty());
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(states.size(), 0);
    QVERIFY(session.localEndpoint().isEmpty());
    QCOMPARE(session.localPort(), quint16(0));
}

void tst_TcpServerSession::maxClients()
{
    TcpServerSession session;
    session.setMaxClients(2);
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    QSignalSpy refused(&session, &Session::activity);
    QSignalSpy connected(&session, &Session::peerConnected);
    Clients clients;
    QVERIFY(connectClient(session, clients, QHostAddress::LocalHost) != 0);
    const PeerId second = connectClient(session, clients, QHostAddress::LocalHost);
    QVERIFY(second != 0);

    auto extra = std::make_unique<QTcpSocket>();
    QSignalSpy extraGone(extra.get(), &QTcpSocket::disconnected);
    extra->connectToHost(QHostAddress::LocalHost, session.localPort());
    QVERIFY(refused.wait(5000)); // accepted, then closed, in the event loop
    QCOMPARE(refused.at(0).at(0).value<Session::Activity>(), Session::Activity::Refused);
    QCOMPARE(refused.at(0).at(1).toString(), endpointOf(*extra));
    QCOMPARE(connected.size(), 2);
    QCOMPARE(session.peerCount(), 2);
    QVERIFY(extraGone.wait(5000)); // the refused client learns it asynchronously

    // A freed place can be taken again.
    session.disconnectPeer(second);
    QTRY_COMPARE(session.peerCount(), 1); // the graceful close may complete in the event loop
    QVERIFY(connectClient(session, clients, QHostAddress::LocalHost) != 0);
    QCOMPARE(session.peerCount(), 2);
    QCOMPARE(refused.size(), 1);
}

void tst_TcpServerSession::closeDropsEveryone()
{
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    const quint16 port = session.localPort();
    Clients clients;
    QList<PeerId> ids;
    for (int i = 0; i < 3; ++i)
        ids << connectClient(session, clients, QHostAddress::LocalHost);
    QVERIFY(!ids.contains(0));
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    QSignalSpy states(&session, &Session::stateChanged);
    QSignalSpy lastGone(clients[2].get(), &QTcpSocket::disconnected);

    session.close();
    QCOMPARE(disconnected.size(), 3);
    QList<PeerId> gone;
    for (const QList<QVariant> &args : std::as_const(disconnected))
        gone << args.at(0).value<PeerId>();
    QCOMPARE(gone, ids);
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(states.size(), 1);
    QCOMPARE(session.peerCount(), 0);
    QVERIFY(session.localEndpoint().isEmpty());
    session.close(); // twice is harmless
    QCOMPARE(disconnected.size(), 3);
    QVERIFY(lastGone.wait(5000)); // the clients see the close asynchronously

    // The port was really released: listening on it again works.
    QVERIFY(session.listen(QHostAddress::LocalHost, port));
    QCOMPARE(session.localPort(), port);
    const PeerId again = connectClient(session, clients, QHostAddress::LocalHost);
    QVERIFY(again > ids.last()); // ids are never reused, not even across listens
}

void tst_TcpServerSession::manyClientsAtOnce()
{
    constexpr int Count = 200;
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy errors(&session, &Session::errorOccurred);
    Clients clients;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Count; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, session.localPort());
    }
    // All connect in parallel; the server drains them in the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), Count, 20000);
    qDebug("%d clients accepted in %lld ms", Count, timer.elapsed());
    QCOMPARE(session.peerCount(), Count);
    QSet<PeerId> ids;
    QSet<QString> endpoints;
    for (const QList<QVariant> &args : std::as_const(connected)) {
        ids.insert(args.at(0).value<PeerId>());
        endpoints.insert(args.at(1).toString());
    }
    QCOMPARE(ids.size(), Count);
    QSet<QString> expected;
    for (const auto &client : clients)
        expected.insert(endpointOf(*client));
    QCOMPARE(endpoints, expected);

    QCOMPARE(session.send("ping"), Count);
    int complete = 0;
    std::vector<QByteArray> got(clients.size());
    // Each client's bytes arrive asynchronously; poll them all until every one has exactly "ping".
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
        complete = 0;
        for (size_t i = 0; i < clients.size(); ++i) {
            got[i] += clients[i]->readAll();
            complete += got[i] == "ping" ? 1 : 0;
        }
        return complete;
    }()),
        Count, 20000);
    qint64 tx = 0;
    for (const PeerId id : session.peers())
        tx += session.peerInfo(id).txBytes;
    QCOMPARE(tx, qint64(4 * Count));

    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    for (size_t i = 0; i < clients.size(); i += 2)
        clients[i]->disconnectFromHost();
    // Half the clients leave; the server sees each FIN in the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), Count / 2, 20000);
    QCOMPARE(session.peerCount(), Count / 2);
    session.close();
    QCOMPARE(disconnected.size(), Count);
    QCOMPARE(errors.size(), 0);
}

// Departed clients' sockets are deleted a batch per event-loop turn; close() (and the listener's deletion, which
// takes the sockets it accepted with it) may come before the last batch. Found by the bench as a crash.
void tst_TcpServerSession::closeWhileDepartedSocketsWait()
{
    constexpr int Count = 600; // more than one turn's batch
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    Clients clients;
    for (int i = 0; i < Count; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, session.localPort());
    }
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), Count, 20000);
    // Close in the same turn as the last departure, before any batch was deleted.
    connect(&session, &Session::peerDisconnected, &session, [&] {
        if (disconnected.size() == Count)
            session.close();
    });
    for (auto &client : clients)
        client->abort(); // all the resets reach the server before its next turn
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), Count, 20000);
    QTest::qWait(200); // the batches left and the listener's deferred deletion run here
    QCOMPARE(session.state(), Session::State::Idle);
    QVERIFY(session.listen(QHostAddress::LocalHost, 0)); // and the session is still usable
}

QTEST_GUILESS_MAIN(tst_TcpServerSession)
#include "tst_tcpserversession.moc"
