#include "net/relaycontrol.h"
#include "net/socketreset.h"
#include "relaypeer.h"
#include "relaytesting.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// A relay passes a half-close on (one side's end of its stream, the other still sending) and still ends every pair:
// against python peers that half-close and answer after the other's end, and sockets of this process that reset.
// The tests may half-close with shutdown(): Qt has no call for it.
class tst_RelayHalfClose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clientHalfCloseIsPassedOn();
    void targetHalfCloseIsPassedOn();
    void resetAfterHalfCloseEndsThePair();
    void clientLeavingWhileConnectingEndsThePair();
    void clientEndingWhileConnectingIsPassedOn();
};

namespace {

// A target that does not complete a connect until told: a listening socket that does not accept, its one-place
// queue taken by a connection of its own. Linux then drops further SYNs, so a connect to it waits, retrying.
class StalledTarget
{
public:
    ~StalledTarget()
    {
        if (m_listener >= 0)
            ::close(m_listener);
    }
    bool start()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_listener, 0) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return false;
        m_port = ntohs(address.sin_port);
        m_filler.connectToHost(QHostAddress::LocalHost, m_port);
        return m_filler.waitForConnected(5000);
    }
    quint16 port() const { return m_port; }
    // Frees the queue, then accepts the next connection (a retried SYN comes within seconds): its descriptor, or -1.
    int acceptNext(int timeoutMs)
    {
        const int filler = ::accept(m_listener, nullptr, nullptr);
        if (filler >= 0)
            ::close(filler);
        pollfd ready {m_listener, POLLIN, 0};
        if (::poll(&ready, 1, timeoutMs) != 1)
            return -1;
        return ::accept(m_listener, nullptr, nullptr);
    }

private:
    int m_listener = -1;
    quint16 m_port = 0;
    QTcpSocket m_filler;
};

} // namespace

// The client half-closes after its request, as `nc -N` or an HTTP/1.0 client does: the target reads every byte and
// then the end of the stream, and its answer, sent after that, still reaches the client, followed by the target's
// own end. The pair ends once both have ended.
void tst_RelayHalfClose::clientHalfCloseIsPassedOn()
{
    RelayPeer target;
    // A second before it reads: meanwhile the pair shows that the client has ended and the target has not.
    QVERIFY(target.start({"--listen", "--reply", "300000", "--sleep", "1"}));
    auto relay = RelayTesting::open(Transport::Relay, target.port());
    QSignalSpy ended(relay.get(), &Session::peerDisconnected);
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relay->localPort()), "--send", "100000", "--shutdown"}));
    QTRY_COMPARE(relay->peerCount(), 1);
    const PeerId pair = relay->peers().at(0);
    QTRY_COMPARE(relay->relay()->pairState(pair), RelayControl::PairState::ClientEnded);
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY2(client.finish(), client.stderrText());
    QCOMPARE(target.field("recv"), client.field("sent"));
    QCOMPARE(target.field("end"), QByteArray("eof"));
    QCOMPARE(target.field("reply").split(' ').at(0), QByteArray("300000"));
    QCOMPARE(client.field("recv"), target.field("reply"));
    QCOMPARE(client.field("end"), QByteArray("eof"));
    QTRY_COMPARE(relay->peerCount(), 0);
    QCOMPARE(ended.size(), 1);
}

// The same the other way: the target half-closes after its greeting and reads on; what the client sends after
// the greeting's end still reaches it.
void tst_RelayHalfClose::targetHalfCloseIsPassedOn()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--send", "5000", "--shutdown"}));
    auto relay = RelayTesting::open(Transport::Relay, target.port());
    RelayPeer client;
    QVERIFY(client.start({"--connect", QString::number(relay->localPort()), "--reply", "70000", "--sleep", "1"}));
    QTRY_COMPARE(relay->peerCount(), 1);
    QTRY_COMPARE(relay->relay()->pairState(relay->peers().at(0)), RelayControl::PairState::TargetEnded);
    QVERIFY2(client.finish(), client.stderrText());
    QVERIFY2(target.finish(), target.stderrText());
    QCOMPARE(client.field("recv"), target.field("sent"));
    QCOMPARE(client.field("end"), QByteArray("eof"));
    QCOMPARE(target.field("recv"), client.field("reply"));
    QCOMPARE(target.field("end"), QByteArray("eof"));
    QTRY_COMPARE(relay->peerCount(), 0);
}

// The client half-closes, then resets while the target's long answer is still on its way (the client reads slowly,
// so the relay waits to write to it): the target's connection is closed too and the pair ends. It once stayed open
// for good: the half-close had shut the target only for writing, and nobody read it again.
void tst_RelayHalfClose::resetAfterHalfCloseEndsThePair()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--reply", "67108864"}));
    auto relay = RelayTesting::open(Transport::Relay, target.port());
    QTcpSocket client;
    client.setReadBufferSize(64 * 1024); // Qt stops reading there: the answer backs up into the relay
    client.connectToHost(QHostAddress::LocalHost, relay->localPort());
    QVERIFY(client.waitForConnected(5000));
    client.write("request");
    QVERIFY(client.waitForBytesWritten(5000));
    ::shutdown(int(client.socketDescriptor()), SHUT_WR); // the test may: Qt has no half-close
    QTRY_VERIFY(client.bytesAvailable() > 0);
    QTRY_COMPARE(relay->relay()->pairState(relay->peers().value(0)), RelayControl::PairState::ClientEnded);
    SocketReset::abortWithReset(&client);
    QVERIFY2(target.finish(20000), "the target's connection was left open");
    QCOMPARE(target.field("recv").split(' ').at(0), QByteArray("7"));
    QCOMPARE(target.field("reply").split(' ').at(0), QByteArray("-1")); // its answer was cut off
    QTRY_COMPARE(relay->peerCount(), 0);
}

// A client that comes and goes before the target answers the connect (a target that never does): the pair ends
// when the client does, not when the connect times out.
void tst_RelayHalfClose::clientLeavingWhileConnectingEndsThePair()
{
    StalledTarget target;
    QVERIFY(target.start());
    auto relay = RelayTesting::open(Transport::Relay, target.port(), 60000);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay->localPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE(relay->peerCount(), 1);
    QTest::qWait(300);
    QCOMPARE(relay->relay()->pairState(relay->peers().at(0)), RelayControl::PairState::Connecting); // still
    SocketReset::abortWithReset(&client);
    QTRY_COMPARE_WITH_TIMEOUT(relay->peerCount(), 0, 5000);
}

// A client that ends its stream before sending anything, while the upstream still connects: once the target takes
// the connection it reads the end at once, as it would have from the client itself.
void tst_RelayHalfClose::clientEndingWhileConnectingIsPassedOn()
{
    StalledTarget target;
    QVERIFY(target.start());
    auto relay = RelayTesting::open(Transport::Relay, target.port(), 60000);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay->localPort());
    QVERIFY(client.waitForConnected(5000));
    ::shutdown(int(client.socketDescriptor()), SHUT_WR);
    QTRY_COMPARE(relay->peerCount(), 1);
    QTRY_COMPARE(relay->relay()->pairState(relay->peers().at(0)), RelayControl::PairState::ClientEnded);
    const int upstream = target.acceptNext(10000);
    QVERIFY(upstream >= 0);
    // The relay learns of the connection from the event loop: let it run while waiting for the end.
    bool ended = false;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        pollfd ready {upstream, POLLIN, 0};
        char byte = 0;
        ended = ended || (::poll(&ready, 1, 0) == 1 && ::recv(upstream, &byte, 1, 0) == 0);
        return ended;
    }()),
        10000);
    ::close(upstream);
}

QTEST_GUILESS_MAIN(tst_RelayHalfClose)
#include "tst_relayhalfclose.moc"
