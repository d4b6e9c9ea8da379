// TcpClientSession: connecting, exchanging bytes and closing from either end, reopening and destruction.

#include "loopbacktesting.h"
#include "net/endpoint.h"
#include "net/tcpclientsession.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using State = Session::State;
using namespace LoopbackTesting;

namespace {

QByteArray receivedBytes(const QSignalSpy &spy)
{
    QByteArray all;
    for (const QList<QVariant> &args : spy)
        all += args.at(1).toByteArray();
    return all;
}

} // namespace

class tst_TcpClientSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectExchangeAndPeerClose_data();
    void connectExchangeAndPeerClose();
    void closeByClient();
    void dataBeforeFinIsDelivered();
    void sendWhenNotConnected();
    void reopenReplacesConnection();
    void deleteWhileConnected();

private:
    bool m_ipv6 = false;
};

void tst_TcpClientSession::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    m_ipv6 = hasIPv6Loopback();
}

void tst_TcpClientSession::connectExchangeAndPeerClose_data()
{
    QTest::addColumn<QHostAddress>("listenAddress");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("endpointPrefix");
    QTest::newRow("ipv4 literal") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1"
                                  << "127.0.0.1:";
    QTest::newRow("ipv6 literal") << QHostAddress(QHostAddress::LocalHostIPv6) << "::1"
                                  << "[::1]:";
    QTest::newRow("ipv6 bracketed") << QHostAddress(QHostAddress::LocalHostIPv6) << "[::1]"
                                    << "[::1]:";
    QTest::newRow("name") << QHostAddress(QHostAddress::LocalHost) << "localhost"
                          << "127.0.0.1:";
}

void tst_TcpClientSession::connectExchangeAndPeerClose()
{
    QFETCH(QHostAddress, listenAddress);
    QFETCH(QString, host);
    QFETCH(QString, endpointPrefix);
    if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");

    QTcpServer server;
    QVERIFY(server.listen(listenAddress, 0));
    TcpClientSession session;
    QSignalSpy states(&session, &Session::stateChanged);
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy sent(&session, &Session::sent);

    session.open(host, server.serverPort());
    QCOMPARE(session.state(), State::Opening);
    QVERIFY(session.localEndpoint().isEmpty());
    QVERIFY(connected.wait(5000)); // the handshake completes in the event loop
    const auto id = connected.at(0).at(0).value<PeerId>();
    const QString endpoint = endpointPrefix + QString::number(server.serverPort());
    QVERIFY(id != 0);
    QCOMPARE(connected.at(0).at(1).toString(), endpoint);
    QCOMPARE(session.state(), State::Open);
    QCOMPARE(session.peers(), QList<PeerId> {id});
    QCOMPARE(session.peerEndpoint(), endpoint);
    QCOMPARE(session.peerInfo(id).endpoint, endpoint);
    QVERIFY(session.peerInfo(id).connectedAtMs > 0);
    QCOMPARE(session.peerInfo(id + 1).id, PeerId(0));

    std::unique_ptr<QTcpSocket> peer(acceptOne(server));
    QVERIFY(peer);
    QCOMPARE(session.localEndpoint(), Endpoint::format(peer->peerAddress(), peer->peerPort()));

    const QByteArray out("hello\0\xff\r\n", 9);
    QCOMPARE(session.send(out), 1);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).at(0).value<PeerId>(), id);
    QCOMPARE(sent.at(0).at(1).toByteArray(), out);
    QCOMPARE(session.peerInfo(id).txBytes, qint64(out.size()));
    QByteArray atPeer;
    // Bytes cross the loopback asynchronously; QTRY re-reads until they are all there (or it times out).
    QTRY_COMPARE((atPeer += peer->readAll()), out);

    const QByteArray in("world\x01\x80", 7);
    QSignalSpy received(&session, &Session::received);
    peer->write(in);
    QTRY_COMPARE(receivedBytes(received), in); // may arrive in several reads
    for (const QList<QVariant> &args : std::as_const(received))
        QCOMPARE(args.at(0).value<PeerId>(), id);
    QCOMPARE(session.peerInfo(id).rxBytes, qint64(in.size()));

    peer->disconnectFromHost();
    QVERIFY(disconnected.wait(5000)); // the FIN arrives asynchronously
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).value<PeerId>(), id);
    QCOMPARE(disconnected.at(0).at(1).toString(), endpoint);
    QCOMPARE(session.state(), State::Idle);
    QVERIFY(session.peers().isEmpty());
    QVERIFY(session.localEndpoint().isEmpty());
    QCOMPARE(errors.size(), 0); // an orderly close by the peer is not an error
    QCOMPARE(states.size(), 3);
    QCOMPARE(states.at(0).at(0).value<State>(), State::Opening);
    QCOMPARE(states.at(1).at(0).value<State>(), State::Open);
    QCOMPARE(states.at(2).at(0).value<State>(), State::Idle);
    QCOMPARE(session.send("late"), 0);
}

void tst_TcpClientSession::closeByClient()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TcpClientSession session;
    QSignalSpy states(&session, &Session::stateChanged);
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    session.open("127.0.0.1", server.serverPort());
    QVERIFY(connected.wait(5000));
    std::unique_ptr<QTcpSocket> peer(acceptOne(server));
    QVERIFY(peer);
    QSignalSpy peerGone(peer.get(), &QTcpSocket::disconnected);

    session.close();
    // Nothing was left to write, so the close completes at once.
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).value<PeerId>(), connected.at(0).at(0).value<PeerId>());
    QCOMPARE(states.size(), 4);
    QCOMPARE(states.at(2).at(0).value<State>(), State::Closing);
    QCOMPARE(states.at(3).at(0).value<State>(), State::Idle);
    session.close(); // twice is harmless
    QCOMPARE(states.size(), 4);
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(peerGone.wait(5000)); // the FIN reaches the server side asynchronously
}

void tst_TcpClientSession::dataBeforeFinIsDelivered()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TcpClientSession session;
    QStringList events;
    QByteArray data;
    connect(&session, &Session::received, this, [&](PeerId, const QByteArray &bytes) {
        data += bytes;
        events << QStringLiteral("received");
    });
    connect(&session, &Session::peerDisconnected, this, [&] { events << QStringLiteral("disconnected"); });
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    session.open("127.0.0.1", server.serverPort());
    QVERIFY(connected.wait(5000));
    std::unique_ptr<QTcpSocket> peer(acceptOne(server));
    QVERIFY(peer);
    peer->write("last words");
    peer->disconnectFromHost();
    QVERIFY(disconnected.wait(5000)); // data and FIN arrive asynchronously
    QCOMPARE(data, QByteArray("last words"));
    QCOMPARE(events.last(), QStringLiteral("disconnected"));
    QCOMPARE(events.count(QStringLiteral("disconnected")), 1);
}

void tst_TcpClientSession::sendWhenNotConnected()
{
    TcpClientSession session;
    QSignalSpy sent(&session, &Session::sent);
    QCOMPARE(session.send("x"), 0);
    QVERIFY(session.peers().isEmpty());
    QCOMPARE(session.peerInfo(1).id, PeerId(0));
    session.close(); // nothing open: harmless
    session.disconnectPeer(1);
    QCOMPARE(session.state(), State::Idle);

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&session, &Session::peerConnected);
    session.open("127.0.0.1", server.serverPort());
    QCOMPARE(session.send("x"), 0); // still connecting
    QVERIFY(connected.wait(5000));
    const auto id = connected.at(0).at(0).value<PeerId>();
    QCOMPARE(session.send("x", {id + 1}), 0); // unknown target
    QCOMPARE(session.send(QByteArray()), 0);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(session.send("x", {id}), 1);
    QCOMPARE(sent.size(), 1);
}

void tst_TcpClientSession::reopenReplacesConnection()
{
    QTcpServer first;
    QTcpServer second;
    QVERIFY(first.listen(QHostAddress::LocalHost, 0));
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    TcpClientSession session;
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy disconnected(&session, &Session::peerDisconnected);
    session.open("127.0.0.1", first.serverPort());
    QVERIFY(connected.wait(5000));
    std::unique_ptr<QTcpSocket> firstPeer(acceptOne(first));
    QVERIFY(firstPeer);
    QSignalSpy firstGone(firstPeer.get(), &QTcpSocket::disconnected);
    const auto firstId = connected.at(0).at(0).value<PeerId>();

    session.open("127.0.0.1", second.serverPort());
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).value<PeerId>(), firstId);
    QCOMPARE(session.state(), State::Opening);
    QVERIFY(connected.wait(5000));
    const auto secondId = connected.at(1).at(0).value<PeerId>();
    QVERIFY(secondId != firstId); // ids are never reused
    QCOMPARE(connected.at(1).at(1).toString(), "127.0.0.1:" + QString::number(second.serverPort()));
    // The old connection closes gracefully; its FIN may already have arrived while the new one was connecting.
    QTRY_COMPARE(firstGone.size(), 1);
    QCOMPARE(session.peers(), QList<PeerId> {secondId});
}

void tst_TcpClientSession::deleteWhileConnected()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    auto *session = new TcpClientSession;
    QSignalSpy connected(session, &Session::peerConnected);
    session->open("127.0.0.1", server.serverPort());
    QVERIFY(connected.wait(5000));
    std::unique_ptr<QTcpSocket> peer(acceptOne(server));
    QVERIFY(peer);
    QSignalSpy peerGone(peer.get(), &QTcpSocket::disconnected);
    delete session; // must neither crash nor signal from a half-destroyed object
    QVERIFY(peerGone.wait(5000));
}

QTEST_GUILESS_MAIN(tst_TcpClientSession)
#include "tst_tcpclientsession.moc"
