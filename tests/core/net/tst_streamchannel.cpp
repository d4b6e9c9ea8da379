// StreamChannel against a real peer over loopback: what QTcpSocket cannot do (a half-close both ways) and the take-
// over itself (bytes Qt had read, a reset, a descriptor that closes with the channel).

#include "net/socketreset.h"
#include "net/streamchannel.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <sys/socket.h>

class tst_StreamChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void halfClosesEachWayApart();
    void keepsWhatQtHadRead();
    void peersResetIsAFailure();
    void closeAfterWritesDeliversFirst();

private:
    // A connected pair: `ours` (taken over into a channel) and the peer's end, a plain QTcpSocket.
    struct Pair
    {
        std::unique_ptr<StreamChannel> channel;
        std::unique_ptr<QTcpSocket> peer;
    };
    Pair connectedPair(const QByteArray &sentBeforeTakeOver = {});
    static QByteArray readUntilEnd(StreamChannel &channel, int timeoutMs = 5000);
    // What the peer reads, as it reads it (Qt closes the socket on our FIN).
    const QByteArray &collect(QTcpSocket &peer)
    {
        m_collected.clear();
        connect(&peer, &QTcpSocket::readyRead, this, [this, &peer] { m_collected += peer.readAll(); });
        return m_collected;
    }

    QByteArray m_collected;

    QTcpServer m_server;
};

tst_StreamChannel::Pair tst_StreamChannel::connectedPair(const QByteArray &sentBeforeTakeOver)
{
    Pair pair;
    if (!m_server.isListening() && !m_server.listen(QHostAddress::LocalHost, 0))
        return pair;
    pair.peer = std::make_unique<QTcpSocket>();
    pair.peer->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
    if (!pair.peer->waitForConnected(5000) || !m_server.waitForNewConnection(5000))
        return pair;
    QTcpSocket *ours = m_server.nextPendingConnection();
    if (!sentBeforeTakeOver.isEmpty()) {
        pair.peer->write(sentBeforeTakeOver);
        pair.peer->waitForBytesWritten(5000);
        while (ours->bytesAvailable() < sentBeforeTakeOver.size() && ours->waitForReadyRead(5000)) { }
    }
    QString why;
    pair.channel = StreamChannel::adopt(ours, &why);
    delete ours;
    return pair;
}

QByteArray tst_StreamChannel::readUntilEnd(StreamChannel &channel, int timeoutMs)
{
    QByteArray got;
    QElapsedTimer clock;
    clock.start();
    while (!channel.atEnd() && !channel.isFinished() && clock.elapsed() < timeoutMs) {
        const QByteArray part = channel.read(1 << 20);
        if (part.isEmpty())
            QTest::qWait(5);
        got += part;
    }
    return got;
}

// The peer ends its stream first; we still answer, then end ours: what QTcpSocket would have dropped.
void tst_StreamChannel::halfClosesEachWayApart()
{
    Pair pair = connectedPair();
    QVERIFY(pair.channel);
    QSignalSpy readFinished(pair.channel.get(), &StreamChannel::readFinished);
    QSignalSpy writeFinished(pair.channel.get(), &StreamChannel::writeFinished);
    QSignalSpy finished(pair.channel.get(), &StreamChannel::finished);

    pair.peer->write("request");
    pair.peer->flush();
    ::shutdown(int(pair.peer->socketDescriptor()), SHUT_WR); // the test may: Qt has no half-close
    QCOMPARE(readUntilEnd(*pair.channel), QByteArray("request"));
    QTRY_COMPARE(readFinished.size(), 1);
    QVERIFY(pair.channel->canWrite());
    QVERIFY(finished.isEmpty());

    const QByteArray answer(200000, 'a');
    const QByteArray &atPeer = collect(*pair.peer);
    QVERIFY(pair.channel->write(answer));
    pair.channel->shutdownWrite();
    QTRY_COMPARE_WITH_TIMEOUT(atPeer.size(), answer.size(), 5000);
    QCOMPARE(atPeer, answer);
    QTRY_COMPARE(writeFinished.size(), 1);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(pair.channel->isFinished());
}

void tst_StreamChannel::keepsWhatQtHadRead()
{
    Pair pair = connectedPair("early bytes");
    QVERIFY(pair.channel);
    QCOMPARE(pair.channel->bytesAvailable(), qint64(11));
    QCOMPARE(pair.channel->read(5), QByteArray("early"));
    pair.peer->write(" and later");
    pair.peer->flush();
    QByteArray rest;
    QTRY_COMPARE((rest += pair.channel->read(100)), QByteArray(" bytes and later"));
}

void tst_StreamChannel::peersResetIsAFailure()
{
    Pair pair = connectedPair();
    QVERIFY(pair.channel);
    QSignalSpy failed(pair.channel.get(), &StreamChannel::failed);
    SocketReset::abortWithReset(pair.peer.get());
    QTRY_VERIFY((pair.channel->read(100), !failed.isEmpty()));
    QCOMPARE(failed.at(0).at(0).value<QAbstractSocket::SocketError>(), QAbstractSocket::RemoteHostClosedError);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QVERIFY(pair.channel->isFinished());
    QVERIFY(!pair.channel->write("x"));
}

// Our side closes while a large write still waits: the peer gets all of it before the connection ends.
void tst_StreamChannel::closeAfterWritesDeliversFirst()
{
    Pair pair = connectedPair();
    QVERIFY(pair.channel);
    QSignalSpy finished(pair.channel.get(), &StreamChannel::finished);
    const QByteArray big(8 * 1024 * 1024, 'b');
    const QByteArray &atPeer = collect(*pair.peer);
    QVERIFY(pair.channel->write(big));
    QVERIFY(pair.channel->bytesToWrite() > 0); // more than the kernel takes at once
    pair.channel->closeAfterWrites();
    QTRY_COMPARE_WITH_TIMEOUT(atPeer.size(), big.size(), 10000);
    QCOMPARE(atPeer, big);
    QTRY_COMPARE(pair.peer->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(pair.peer->error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_COMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_StreamChannel)
#include "tst_streamchannel.moc"
