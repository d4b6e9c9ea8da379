#include "log/transcript.h"
#include "logpanel.h"
#include "loopsender.h"
#include "mainwindow.h"
#include "net/tcpserversession.h"
#include "pagelookup.h"
#include "peertablemodel.h"
#include "scenarios.h"
#include "serverpage.h"

#include <QTabWidget>

#include <atomic>
#include <thread>
#include <vector>

namespace {

ServerPage *startServer(BenchContext &context)
{
    ServerPage *page = serverPageOf(*context.window);
    context.window->tabs()->setCurrentWidget(page);
    if (page->session()->state() != Session::State::Idle)
        page->toggleSession();
    page->logPanel()->clearLog();
    page->transcript()->resetCounters();
    page->setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page->toggleSession();
    return page;
}

bool allGone(ServerPage *page)
{
    return page->session()->peerCount() == 0 && page->clientModel()->rowCount() == 0;
}

// Many clients at once: each thread connects, waits for the start signal, floods, closes.
void manyClients(BenchContext &context)
{
    ServerPage *page = startServer(context);
    const quint16 port = page->session()->localPort();
    const int clients = context.config.serverClients;
    const qint64 each = context.config.serverBytesPerClient;
    const qint64 total = each * clients;
    const QByteArray lines = Bench::textLines();

    std::atomic<bool> go {false};
    std::atomic<qint64> sent {0};
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&] {
            const int fd = Posix::connectLoopback(port);
            while (!go.load())
                std::this_thread::yield();
            if (fd >= 0)
                sent += Posix::writeRepeated(fd, lines, each);
            Posix::closeFd(fd);
        });
    }
    const bool connected = Bench::waitUntil([&] { return page->session()->peerCount() == clients; }, 30000);

    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    go = true;
    const bool done = Bench::waitUntil([&] { return page->transcript()->counters().rxBytes >= total; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    Bench::waitUntil([&] { return allGone(page); }, 30000);
    context.probe->report(QStringLiteral("server_ingest"));
    for (std::thread &thread : threads)
        thread.join();

    const qint64 rx = page->transcript()->counters().rxBytes;
    if (!connected || !done || rx != total || sent.load() != total) {
        Bench::note(
            QStringLiteral("server ingest: RX counter %1, sent %2, expected %3").arg(rx).arg(sent.load()).arg(total));
        context.ok = false;
        return;
    }
    Bench::figure(QStringLiteral("server_ingest_MBps"), double(total) / Bench::MiB / seconds, "MiB/s");
}

// Short connections one after another: connect, send, close, next; the server must keep up with arrivals and
// departures (the table rows, the log events) as well as the bytes.
void shortConnections(BenchContext &context)
{
    ServerPage *page = startServer(context);
    const quint16 port = page->session()->localPort();
    const int count = context.config.shortConnections;
    const qint64 each = context.config.shortConnectionBytes;
    const qint64 total = each * count;
    const QByteArray lines = Bench::textLines();

    std::atomic<qint64> sent {0};
    std::atomic<int> failed {0};
    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    std::thread client([&] {
        for (int i = 0; i < count; ++i) {
            const int fd = Posix::connectLoopback(port);
            if (fd < 0) {
                ++failed;
                continue;
            }
            sent += Posix::writeRepeated(fd, lines, each);
            Posix::closeFd(fd);
        }
    });
    const bool done
        = Bench::waitUntil([&] { return page->transcript()->counters().rxBytes >= total && allGone(page); }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    context.probe->report(QStringLiteral("server_short"));
    client.join();

    const qint64 rx = page->transcript()->counters().rxBytes;
    if (!done || rx != total || sent.load() != total || failed.load() > 0) {
        Bench::note(QStringLiteral("short connections: RX counter %1, sent %2, expected %3, %4 connects failed")
                        .arg(rx)
                        .arg(sent.load())
                        .arg(total)
                        .arg(failed.load()));
        context.ok = false;
        return;
    }
    Bench::figure(QStringLiteral("server_%1x%2KB_s").arg(count).arg(each / 1024), seconds, "s", 3);
}

} // namespace

void runServerIngest(BenchContext &context)
{
    manyClients(context);
    shortConnections(context);
    ServerPage *page = serverPageOf(*context.window);
    if (page->session()->state() != Session::State::Idle)
        page->toggleSession();
}
