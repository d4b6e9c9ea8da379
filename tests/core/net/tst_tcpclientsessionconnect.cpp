// TcpClientSession: connect failures (refused, unknown host, timeout) and binding a chosen local port.

#include "loopbacktesting.h"
#include "net/endpoint.h"
#include "net/tcpclientsession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using State = Session::State;
using namespace LoopbackTesting;

namespace {

// A port nobody listens on: listen on an OS-chosen one, then close it.
quint16 closedPort(const QHostAddress &address)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class tst_TcpClientSessionConnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectionRefused();
    void hostNotFound();
    void connectTimeout();
    void localPort_data();
    void localPort();
    void localPortInUse();

private:
    bool m_ipv6 = false;
};

void tst_TcpClientSessionConnect::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    m_ipv6 = hasIPv6Loopback();
}

void tst_TcpClientSessionConnect::connectionRefused()
{
    const quint16 port = closedPort(QHostAddress::LocalHost);
    QVERIFY(port != 0);
    TcpClientSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy connected(&session, &Session::peerConnected);
    session.open("127.0.0.1", port, 0, 100);
    QVERIFY(errors.wait(5000)); // the RST comes back through the event loop
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::Refused);
    QVERIFY(!errors.at(0).at(1).value<SessionError>().detail.isEmpty());
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(connected.size(), 0);
    // The 100 ms connect timer must have died with the attempt: no timeout error follows.
    QVERIFY(!errors.wait(300));
    QCOMPARE(errors.size(), 1);
}

void tst_TcpClientSessionConnect::hostNotFound()
{
    TcpClientSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QElapsedTimer timer;
    timer.start();
    // RFC 6761 reserves .invalid: resolvers answer NXDOMAIN without asking anyone.
    session.open("no-such-host.invalid", 80);
    QCOMPARE(session.state(), State::Opening);
    QVERIFY(errors.wait(10000)); // the lookup runs in a thread pool
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::HostNotFound);
    QCOMPARE(session.state(), State::Idle);
    qDebug("lookup failed after %lld ms", timer.elapsed());
}

void tst_TcpClientSessionConnect::connectTimeout()
{
    // A listener whose accept queue is full (backlog 0, one unaccepted connection in it, not accepting) makes the
    // kernel drop further SYNs, so the next connect hangs: the only loopback way to reach the timeout path.
    QTcpServer server;
    server.setListenBacklogSize(0);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    server.pauseAccepting();
    QTcpSocket filler;
    QSignalSpy fillerConnected(&filler, &QTcpSocket::connected);
    filler.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(fillerConnected.wait(5000));

    TcpClientSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy connected(&session, &Session::peerConnected);
    QElapsedTimer timer;
    timer.start();
    session.open("127.0.0.1", server.serverPort(), 0, 200);
    QVERIFY(errors.wait(5000)); // the connect timer fires from the event loop
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::TimedOut);
    // Not before the deadline, give or take Qt::CoarseTimer's 5 % (which can also round a millisecond down).
    QVERIFY2(elapsed >= 180, qPrintable(QString::number(elapsed)));
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(connected.size(), 0);
}

void tst_TcpClientSessionConnect::localPort_data()
{
    QTest::addColumn<QHostAddress>("listenAddress");
    QTest::addColumn<QString>("host");
    QTest::newRow("ipv4") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1";
    QTest::newRow("ipv6") << QHostAddress(QHostAddress::LocalHostIPv6) << "::1";
    QTest::newRow("name (dual-stack bind)") << QHostAddress(QHostAddress::LocalHost) << "localhost";
}

void tst_TcpClientSessionConnect::localPort()
{
    QFETCH(QHostAddress, listenAddress);
    QFETCH(QString, host);
    if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");
    QTcpServer server;
    QVERIFY(server.listen(listenAddress, 0));
    const quint16 localPort = closedPort(listenAddress);
    QVERIFY(localPort != 0);

    TcpClientSession session;
    QSignalSpy connected(&session, &Session::peerConnected);
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.open(host, server.serverPort(), localPort);
    QVERIFY2(connected.wait(5000),
        qPrintable(errors.isEmpty() ? QString() : errors.at(0).at(1).value<SessionError>().detail));
    std::unique_ptr<QTcpSocket> peer(acceptOne(server));
    QVERIFY(peer);
    QCOMPARE(peer->peerPort(), localPort);
    QCOMPARE(session.localEndpoint(), Endpoint::format(listenAddress, localPort));
}

void tst_TcpClientSessionConnect::localPortInUse()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    TcpClientSession session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    QSignalSpy states(&session, &Session::stateChanged);
    session.open("127.0.0.1", server.serverPort(), busy.serverPort());
    // bind() fails synchronously: reported once, from open() itself.
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(errors.at(0).at(1).value<SessionError>().kind, SessionError::Kind::AddressInUse);
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(states.size(), 2);
}

QTEST_GUILESS_MAIN(tst_TcpClientSessionConnect)
#include "tst_tcpclientsessionconnect.moc"
