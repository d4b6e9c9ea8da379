#include "clientpage.h"
#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "peertablemodel.h"
#include "serverpage.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <functional>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

// Correctness under a flood, not speed (bench/ measures speed): every byte that crossed loopback is counted, in
// order, per client, while the visible log keeps only a bounded window of history. The far ends are plain POSIX
// sockets in threads, so they write as fast as the kernel takes it whatever the GUI thread is doing.
class tst_Flood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientCountsEveryByte_data();
    void clientCountsEveryByte();
    void serverCountsEveryClient();
};

namespace {

constexpr qsizetype PatternBytes = 1024 * 1024;

// Numbered 64-byte text lines: a lost, duplicated or reordered chunk changes what a given stream offset holds.
const QByteArray &pattern()
{
    static const QByteArray bytes = [] {
        QByteArray out;
        for (int line = 0; out.size() < PatternBytes; ++line) {
            QByteArray text = QByteArray::number(line).rightJustified(8, '0') + " flood line ";
            text.resize(63, '.');
            out += text + '\n';
        }
        out.truncate(PatternBytes);
        return out;
    }();
    return bytes;
}

// The bytes at stream offsets [offset, offset + size) of a stream that is the pattern repeated from start.
QByteArray expectedBytes(qint64 start, qint64 offset, qsizetype size)
{
    QByteArray out;
    out.reserve(size);
    qint64 at = (start + offset) % PatternBytes;
    while (out.size() < size) {
        const qsizetype n = std::min<qsizetype>(size - out.size(), PatternBytes - at);
        out.append(pattern().constData() + at, n);
        at = 0;
    }
    return out;
}

qint64 sendPattern(int fd, qint64 start, qint64 total)
{
    qint64 sent = 0;
    while (sent < total) {
        const qint64 at = (start + sent) % PatternBytes;
        const qint64 n = std::min<qint64>(total - sent, PatternBytes - at);
        const ssize_t written = ::send(fd, pattern().constData() + at, size_t(n), MSG_NOSIGNAL);
        if (written <= 0)
            break;
        sent += written;
    }
    return sent;
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Joins the far-end threads however the test ends; declared before the page, so the page (and its sockets) goes
// first and a thread blocked in send() or recv() returns.
struct JoinAll
{
    std::vector<std::thread> *threads;
    std::function<void()> release;
    ~JoinAll()
    {
        release();
        for (std::thread &thread : *threads) {
            if (thread.joinable())
                thread.join();
        }
    }
};

// Every kept RX record holds exactly the bytes its stream offset says; kept and dropped bytes add up to the counter.
void verifyRecords(const Transcript &transcript, const std::function<qint64(quint32 peer)> &startOf)
{
    qint64 kept = 0;
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        const Record &record = transcript.at(i);
        if (record.direction == Direction::Event) {
            QCOMPARE(record.data.size(), 0); // no error text: none of the connections failed
            continue;
        }
        QCOMPARE(record.direction, Direction::Rx);
        kept += record.data.size();
        const qint64 start = startOf(record.peer);
        QVERIFY2(start >= 0, qPrintable(transcript.peerName(record.peer)));
        if (record.data != expectedBytes(start, record.streamOffset, record.data.size()))
            QFAIL(qPrintable(QStringLiteral("record %1 of %2 at offset %3 differs from what was sent")
                                 .arg(record.seq)
                                 .arg(transcript.peerName(record.peer))
                                 .arg(record.streamOffset)));
    }
    QCOMPARE(kept + transcript.droppedBytes(), transcript.counters().rxBytes);
}

} // namespace

void tst_Flood::clientCountsEveryByte_data()
{
    QTest::addColumn<bool>("hexView");
    QTest::newRow("text view") << false;
    QTest::newRow("hex view") << true;
}

// 64 MB into the TCP Client tab, shown, following the data, with an 8 MB log budget: the counter and the bytes the
// session delivered are exact, the log holds no more than its budget.
void tst_Flood::clientCountsEveryByte()
{
    QFETCH(bool, hexView);
    constexpr qint64 Total = 64LL * 1024 * 1024;
    constexpr qint64 Budget = 8LL * 1024 * 1024;

    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), length) == 0);
    QVERIFY(::listen(listener, 1) == 0);
    QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    std::atomic<qint64> sent {0};
    std::vector<std::thread> threads;
    const JoinAll joinAll {&threads, [listener] { ::shutdown(listener, SHUT_RDWR); }};
    threads.emplace_back([&] {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd >= 0) {
            sent = sendPattern(fd, 0, Total);
            ::close(fd);
        }
    });

    ClientPage page;
    page.resize(900, 600);
    page.transcript()->setByteBudget(Budget);
    RenderOptions options = page.logPanel()->options();
    options.view = hexView ? RenderOptions::View::Hex : RenderOptions::View::Text;
    page.logPanel()->setOptions(options);
    page.logPanel()->view()->setAutoScroll(true);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    QCryptographicHash received(QCryptographicHash::Sha1);
    qint64 receivedBytes = 0;
    connect(page.session(), &Session::received, this, [&](PeerId, const QByteArray &data) {
        received.addData(data);
        receivedBytes += data.size();
    });
    page.setTarget(QStringLiteral("127.0.0.1"), ntohs(address.sin_port));
    page.toggleSession();
    // Long timeout: 64 MB through the UI in a Debug or sanitizer build on a loaded 2-core machine.
    QTRY_COMPARE_WITH_TIMEOUT(page.transcript()->counters().rxBytes, Total, 240000);
    QTRY_COMPARE(page.session()->state(), Session::State::Idle); // the sender closed after its last byte
    threads.front().join();
    ::close(listener);

    QCOMPARE(sent.load(), Total);
    QCOMPARE(receivedBytes, Total);
    QCryptographicHash expected(QCryptographicHash::Sha1);
    for (qint64 i = 0; i < Total / PatternBytes; ++i)
        expected.addData(pattern());
    QCOMPARE(received.result().toHex(), expected.result().toHex());

    const Transcript *transcript = page.transcript();
    QCOMPARE(transcript->counters().rxBytes, Total);
    QCOMPARE(transcript->counters().txBytes, 0);
    QVERIFY2(transcript->storedBytes() <= Budget, qPrintable(QString::number(transcript->storedBytes())));
    QVERIFY(transcript->droppedRecords() > 0); // the window really is bounded: old history went
    verifyRecords(*transcript, [](quint32) { return qint64(0); });
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page.logPanel()->view()->rowCount() > 0);
}

// 50 clients flood the TCP Server tab at once, each a different amount from a different place in the pattern: each
// client's RX count (session and table) and every byte it sent land against the right client, and the total is exact.
void tst_Flood::serverCountsEveryClient()
{
    constexpr int Clients = 50;
    auto sizeOf = [](int client) { return qint64(1024 * 1024 + client * 4099); };
    auto startOf = [](int client) { return qint64(client) * 64 * 37; };
    qint64 total = 0;
    for (int i = 0; i < Clients; ++i)
        total += sizeOf(i);
    std::atomic<bool> go {false};
    std::vector<std::atomic<int>> localPorts(Clients);
    std::vector<std::atomic<qint64>> sent(Clients);
    std::vector<std::thread> threads;
    const JoinAll joinAll {&threads, [&go] { go = true; }};

    ServerPage page;
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page.toggleSession();
    const quint16 port = page.session()->localPort();
    QVERIFY(port != 0);

    for (int i = 0; i < Clients; ++i) {
        threads.emplace_back([&, i, port] {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            const sockaddr_in server = loopback(port);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0) {
                sockaddr_in local {};
                socklen_t length = sizeof local;
                ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length);
                localPorts[size_t(i)] = ntohs(local.sin_port);
                while (!go.load())
                    std::this_thread::yield();
                sent[size_t(i)] = sendPattern(fd, startOf(i), sizeOf(i));
                // Stay connected until the server closes, so the per-client counts can still be read.
                char sink[64];
                while (::recv(fd, sink, sizeof sink, 0) > 0) { }
            }
            ::close(fd);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(page.session()->peerCount(), Clients, 30000);
    go = true;
    QTRY_COMPARE_WITH_TIMEOUT(page.transcript()->counters().rxBytes, total, 240000);

    QHash<QString, int> clientOfEndpoint;
    for (int i = 0; i < Clients; ++i)
        clientOfEndpoint.insert(QStringLiteral("127.0.0.1:%1").arg(localPorts[size_t(i)].load()), i);
    QCOMPARE(clientOfEndpoint.size(), Clients);

    PeerTableModel *table = page.clientModel();
    table->flush();
    QCOMPARE(table->rowCount(), Clients);
    for (int row = 0; row < Clients; ++row) {
        const Session::PeerInfo info = page.session()->peerInfo(table->peerAt(row));
        QVERIFY2(clientOfEndpoint.contains(info.endpoint), qPrintable(info.endpoint));
        const int client = clientOfEndpoint.value(info.endpoint);
        QCOMPARE(sent[size_t(client)].load(), sizeOf(client));
        QCOMPARE(info.rxBytes, sizeOf(client));
        QCOMPARE(
            table->data(table->index(row, PeerTableModel::RxColumn)).toString(), QLocale().toString(sizeOf(client)));
    }

    const Transcript *transcript = page.transcript();
    QCOMPARE(transcript->droppedRecords(), 0); // 50 MB fits the default budget: every byte can be checked
    verifyRecords(*transcript, [&](quint32 peer) {
        const int client = clientOfEndpoint.value(transcript->peerName(peer), -1);
        return client < 0 ? qint64(-1) : startOf(client);
    });
    if (QTest::currentTestFailed())
        return;

    page.toggleSession(); // closes every client: their threads see EOF and end
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(page.session()->peerCount(), 0);
    QCOMPARE(transcript->counters().rxBytes, total);
}

QTEST_MAIN(tst_Flood)
#include "tst_flood.moc"
