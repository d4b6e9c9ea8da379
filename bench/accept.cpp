#include "clientswarm.h"
#include "logpanel.h"
#include "loopsender.h"
#include "mainwindow.h"
#include "pagelookup.h"
#include "peertablemodel.h"
#include "scenarios.h"
#include "sendpanel.h"
#include "serverpage.h"

#include <QTabWidget>

namespace {
constexpr int BroadcastBytes = 64;
// fds the process may still need besides the clients (Qt's own, the X-less platform, files, the listener).
constexpr int FdReserve = 64;
} // namespace

// As many clients as the fd limit allows (each costs two fds here: server and client live in one process), all
// accepted and listed in the Server tab's table; then one 64-byte broadcast to all of them, then all leave at once.
void runAccept(BenchContext &context)
{
    const int byLimit = int((context.fdLimit - Posix::openFdCount() - FdReserve) / 2);
    const int count = std::max(0, std::min(context.config.acceptTarget, byLimit));
    Bench::figure(QStringLiteral("fd_limit"), double(context.fdLimit), "fds", 0);

    ServerPage *page = serverPageOf(*context.window);
    context.window->tabs()->setCurrentWidget(page);
    if (page->session()->state() != Session::State::Idle)
        page->toggleSession();
    page->logPanel()->clearLog();
    page->setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page->toggleSession();
    Session *session = page->session();
    PeerTableModel *table = page->clientModel();

    ClientSwarm swarm(session->localPort(), count, BroadcastBytes);
    const QMetaObject::Connection accepted
        = QObject::connect(session, &Session::peerConnected, session, [&swarm] { swarm.noteAccepted(); });

    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    swarm.start();
    const bool listed = Bench::waitUntil([&] { return table->rowCount() >= count; }, 300000);
    const double acceptSeconds = double(clock.nsecsElapsed()) / 1e9;
    context.probe->report(QStringLiteral("accept"));
    QObject::disconnect(accepted);
    Bench::figure(QStringLiteral("accept_clients"), double(table->rowCount()), "clients", 0);
    Bench::figure(QStringLiteral("accept_s"), acceptSeconds, "s", 3);
    if (!listed) {
        Bench::note(QStringLiteral("accept: %1 of %2 listed, %3 connects failed")
                        .arg(table->rowCount())
                        .arg(count)
                        .arg(swarm.failed()));
        context.ok = false;
    }

    // The send box's path: SendPanel::sendRequested -> ServerPage (target "All clients") -> session -> sockets.
    context.probe->start();
    clock.restart();
    Q_EMIT page->sendPanel()->sendRequested(QByteArray(BroadcastBytes, 'b'));
    const int expected = table->rowCount();
    const bool delivered = Bench::waitUntil([&] { return swarm.received() >= expected; }, 60000);
    Bench::figure(QStringLiteral("broadcast_ms"), double(clock.nsecsElapsed()) / 1e6, "ms");
    context.probe->report(QStringLiteral("broadcast"));
    if (!delivered) {
        Bench::note(QStringLiteral("broadcast: %1 of %2 clients got it").arg(swarm.received()).arg(expected));
        context.ok = false;
    }

    context.probe->start();
    clock.restart();
    swarm.stop();
    const bool gone = Bench::waitUntil([&] { return table->rowCount() == 0 && session->peerCount() == 0; }, 300000);
    Bench::figure(QStringLiteral("disconnect_all_ms"), double(clock.nsecsElapsed()) / 1e6, "ms");
    context.probe->report(QStringLiteral("disconnect_all"));
    if (!gone) {
        Bench::note(QStringLiteral("disconnect: %1 rows still listed").arg(table->rowCount()));
        context.ok = false;
    }
    page->toggleSession();
}
