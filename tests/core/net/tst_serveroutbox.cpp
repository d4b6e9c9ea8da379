// TcpServerSession's outbox: a send to many clients is handed to their sockets a time slice per event-loop turn.
// Whatever the slicing, every peer gets every send whole and in order, and close() or a slot of sent() in the middle
// of a send neither loses order nor crashes.

#include "net/tcpserversession.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

using Clients = std::vector<std::unique_ptr<QTcpSocket>>;

// Listens with sends written 16 peers per event-loop turn (so that every test here spans several turns), connects
// count clients and waits until the session has taken every one.
bool listenWithClients(TcpServerSession &session, Clients &clients, int count)
{
    session.setWriteSliceMs(0);
    if (!session.listen(QHostAddress::LocalHost, 0))
        return false;
    QSignalSpy connected(&session, &Session::peerConnected);
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, session.localPort());
    }
    return QTest::qWaitFor([&] { return connected.size() == count; }, 20000);
}

// Reads every client until each holds expected[i] bytes (or the wait times out); returns what each got.
std::vector<QByteArray> drain(Clients &clients, const std::vector<qsizetype> &expected)
{
    std::vector<QByteArray> got(clients.size());
    // No verdict here: the callers compare what arrived with what was sent.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            bool all = true;
            for (size_t i = 0; i < clients.size(); ++i) {
                got[i] += clients[i]->readAll();
                all = all && got[i].size() >= expected[i];
            }
            return all;
        },
        30000));
    return got;
}

QByteArray pattern(char fill, qsizetype size)
{
    QByteArray bytes(size, fill);
    bytes.front() = '<';
    bytes.back() = '>';
    return bytes;
}

} // namespace

class tst_ServerOutbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<PeerId>("PeerId"); }
    void sendsToManyClientsArriveWholeAndInOrder();
    void sendFromSentSlotQueuesBehind();
    void closeInSentSlotStopsTheSend();
    void sendsFasterThanSocketsAreBounded();
};

// Two sends to 300 clients and one to the last.
void tst_ServerOutbox::sendsToManyClientsArriveWholeAndInOrder()
{
    constexpr int Count = 300;
    TcpServerSession session;
    Clients clients;
    QVERIFY(listenWithClients(session, clients, Count));
    const QList<PeerId> ids = session.peers();
    QCOMPARE(ids.size(), Count);

    QSignalSpy sent(&session, &Session::sent);
    const QByteArray first = pattern('a', 32 * 1024);
    const QByteArray second = pattern('b', 32 * 1024);
    const QByteArray third = pattern('c', 100);
    QCOMPARE(session.send(first), Count);
    QCOMPARE(session.send(second), Count);
    QCOMPARE(session.send(third, {ids.last()}), 1);
    QVERIFY2(sent.size() < 2 * Count + 1, "the sends were written in one go: this test would not test slicing");

    // Clients were connected in order, and peers() lists ids in connection order.
    std::vector<qsizetype> expected(clients.size(), first.size() + second.size());
    expected.back() += third.size();
    const std::vector<QByteArray> got = drain(clients, expected);
    for (size_t i = 0; i < clients.size(); ++i) {
        const QByteArray want = first + second + (i + 1 == clients.size() ? third : QByteArray());
        QVERIFY2(got[i] == want, qPrintable(QStringLiteral("client %1 got %2 bytes").arg(i).arg(got[i].size())));
    }
    QCOMPARE(sent.size(), 2 * Count + 1);
    for (const PeerId id : ids) {
        const qint64 tx = first.size() + second.size() + (id == ids.last() ? third.size() : 0);
        QCOMPARE(session.peerInfo(id).txBytes, tx);
        QCOMPARE(session.bytesToWrite(id), 0); // the outbox is empty again
    }
}

// A slot of sent() that sends again (an auto-reply, a script) must not overtake the send still being written.
void tst_ServerOutbox::sendFromSentSlotQueuesBehind()
{
    constexpr int Count = 40;
    TcpServerSession session;
    Clients clients;
    QVERIFY(listenWithClients(session, clients, Count));
    const QList<PeerId> ids = session.peers();

    bool once = false;
    connect(&session, &Session::sent, &session, [&](PeerId id) {
        if (once)
            return;
        once = true;
        QCOMPARE(session.send("second", {id, ids.last()}), 2);
    });
    QCOMPARE(session.send("first"), Count);
    std::vector<qsizetype> expected(clients.size(), 5);
    expected.front() += 6;
    expected.back() += 6;
    const std::vector<QByteArray> got = drain(clients, expected);
    QCOMPARE(got.front(), QByteArray("firstsecond"));
    QCOMPARE(got.back(), QByteArray("firstsecond"));
    for (size_t i = 1; i + 1 < got.size(); ++i)
        QCOMPARE(got[i], QByteArray("first"));
}

void tst_ServerOutbox::closeInSentSlotStopsTheSend()
{
    constexpr int Count = 40;
    TcpServerSession session;
    Clients clients;
    QVERIFY(listenWithClients(session, clients, Count));
    const QList<PeerId> ids = session.peers();
    const QByteArray data = pattern('x', 1000);

    QSignalSpy sent(&session, &Session::sent);
    QSignalSpy gone(&session, &Session::peerDisconnected);
    qint64 queuedForLast = -1;
    connect(&session, &Session::sent, &session, [&] {
        if (queuedForLast >= 0)
            return;
        // The first peer's write is done; the rest still wait in the outbox, and a producer must see them queued.
        queuedForLast = session.bytesToWrite(ids.last());
        session.close();
    });
    QCOMPARE(session.send(data), Count);
    QCOMPARE(queuedForLast, qint64(data.size()));
    QCOMPARE(session.state(), Session::State::Idle);
    QCOMPARE(gone.size(), Count);
    QTest::qWait(50); // a slice scheduled before close() must find nothing to write
    QCOMPARE(sent.size(), 1);
    QCOMPARE(session.bytesToWrite(ids.last()), 0);
}

// 200 sends in a row without an event-loop turn (a timed send faster than 40 clients can be written 16 per turn):
// the outbox never holds more than 64 of them, and every client still gets all 200, in order.
void tst_ServerOutbox::sendsFasterThanSocketsAreBounded()
{
    constexpr int Count = 40;
    constexpr int Sends = 200;
    constexpr int MaxQueued = 64; // TcpServerSession's MaxQueuedSends
    TcpServerSession session;
    Clients clients;
    QVERIFY(listenWithClients(session, clients, Count));
    const QList<PeerId> ids = session.peers();

    QByteArray all;
    qint64 mostWaiting = 0;
    for (int i = 0; i < Sends; ++i) {
        const QByteArray data = QByteArray::number(i).rightJustified(100, '.');
        all += data;
        QCOMPARE(session.send(data), Count);
        // What waits in the outbox counts for every peer; the sockets themselves hand all to loopback at once.
        mostWaiting = std::max(mostWaiting, session.bytesToWrite(ids.last()));
    }
    QVERIFY2(mostWaiting <= (MaxQueued + 1) * 100, qPrintable(QString::number(mostWaiting)));
    QVERIFY2(mostWaiting >= MaxQueued * 100, "the outbox never filled: this test would not test the bound");

    const std::vector<QByteArray> got = drain(clients, std::vector<qsizetype>(clients.size(), all.size()));
    for (size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == all, qPrintable(QStringLiteral("client %1 got %2 bytes").arg(i).arg(got[i].size())));
}

QTEST_GUILESS_MAIN(tst_ServerOutbox)
#include "tst_serveroutbox.moc"
