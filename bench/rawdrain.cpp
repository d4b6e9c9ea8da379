#include "loopsender.h"
#include "scenarios.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace {

double drainOnce(qint64 total)
{
    LoopbackSender sender(Bench::textLines(), total);
    QTcpSocket socket;
    // Read the way the sessions read (256 KiB per notification, Qt's buffer chunk taken without a copy), so the ratio
    // measures what session -> transcript -> view adds, not a difference in reading.
    socket.setReadBufferSize(256 * 1024);
    qint64 received = 0;
    QObject::connect(
        &socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.read(socket.bytesAvailable()).size(); });

    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, sender.port());
    const bool done = Bench::waitUntil([&] { return received >= total; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!done || received != total) {
        Bench::note(QStringLiteral("raw drain: received %1 of %2 bytes").arg(received).arg(total));
        return -1;
    }
    return double(total) / Bench::MiB / seconds;
}

} // namespace

// The ceiling of this run: the same sender drained by a bare QTcpSocket in the GUI thread that drops the bytes. The
// best of two runs, so that one unlucky run on a shared machine does not flatter the ratios.
void runRawDrain(BenchContext &context)
{
    const qint64 total = context.config.clientFloodBytes;
    const double first = drainOnce(total);
    const double second = drainOnce(total);
    if (first < 0 || second < 0) {
        context.ok = false;
        return;
    }
    context.rawDrainMBps = std::max(first, second);
    Bench::figure(QStringLiteral("raw_drain_MBps"), context.rawDrainMBps, "MiB/s");
}
