// UDP: datagrams per second into the UDP tab against a bare QUdpSocket reader in the same run, the stall while they
// come, the datagrams the kernel dropped, and memory after many datagrams.

#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "pagelookup.h"
#include "scenarios.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

// A sender thread with a plain POSIX socket: count datagrams of size bytes to 127.0.0.1:port, as fast as the kernel
// takes them. UDP has no flow control: what the receiver cannot keep up with, its socket drops (counted below).
class DatagramBlaster
{
public:
    DatagramBlaster(quint16 port, int size, qint64 count)
        : m_thread([this, port, size, count] { run(port, size, count); })
    { }
    ~DatagramBlaster() { m_thread.join(); }
    bool finished() const { return m_finished.load(); }
    qint64 sent() const { return m_sent.load(); }

private:
    void run(quint16 port, int size, qint64 count)
    {
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in to {};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0) {
            QByteArray datagram(size, 'u');
            for (qint64 i = 0; i < count; ++i) {
                // Numbered, so that the reader could tell order and loss apart (the log shows them).
                const qint64 n = i;
                std::memcpy(datagram.data(), &n, std::min<size_t>(sizeof n, size_t(size)));
                if (::send(fd, datagram.constData(), size_t(size), 0) == size)
                    m_sent.fetch_add(1);
            }
        }
        if (fd >= 0)
            ::close(fd);
        m_finished = true;
    }

    std::atomic<qint64> m_sent {0};
    std::atomic<bool> m_finished {false};
    std::thread m_thread;
};

// Linux: the receive queue overflows of the UDP sockets bound to port on 127.0.0.1 (/proc/net/udp, "drops" column),
// summed: the tab's session may also have a socket connected to its remote target on the same port.
qint64 kernelDrops(quint16 port)
{
    QFile file(QStringLiteral("/proc/net/udp"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray local = QByteArray("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    qint64 drops = -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 12 && fields.at(1) == local)
            drops = std::max<qint64>(drops, 0) + fields.constLast().toLongLong();
    }
    return drops;
}

// Waits until the sender is done and nothing more arrived for a while: what is left was dropped.
bool drain(const DatagramBlaster &blaster, const std::function<qint64()> &received)
{
    qint64 last = -1;
    QElapsedTimer quiet;
    quiet.start();
    return Bench::waitUntil(
        [&] {
            const qint64 now = received();
            if (now != last) {
                last = now;
                quiet.restart();
            }
            return blaster.finished() && (now >= blaster.sent() || quiet.elapsed() > 500);
        },
        600000);
}

struct Run
{
    double dps = 0;
    qint64 received = 0;
    qint64 sent = 0;
    qint64 drops = 0;
};

Run rawReader(int size, qint64 count)
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024); // as UdpSession
    qint64 received = 0;
    QElapsedTimer clock;
    qint64 lastNs = 0;
    QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [&] {
        while (socket.hasPendingDatagrams()) {
            if (!clock.isValid())
                clock.start();
            if (socket.receiveDatagram().isValid())
                ++received;
        }
        lastNs = clock.nsecsElapsed();
    });
    Run run;
    {
        DatagramBlaster blaster(socket.localPort(), size, count);
        drain(blaster, [&] { return received; });
        run.sent = blaster.sent();
    }
    run.received = received;
    run.drops = kernelDrops(socket.localPort());
    run.dps = lastNs > 0 ? double(received) / (double(lastNs) / 1e9) : 0;
    return run;
}

Run intoTab(BenchContext &context, int size, qint64 count, const QString &name)
{
    UdpPage *page = udpPageOf(*context.window);
    context.window->tabs()->setCurrentWidget(page);
    if (page->session()->state() != Session::State::Idle)
        page->toggleSession();
    page->logPanel()->clearLog();
    page->transcript()->resetCounters();
    page->logPanel()->view()->setAutoScroll(true);
    page->setBindAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page->toggleSession();
    Run run;
    if (page->session()->state() != Session::State::Open) {
        Bench::note(QStringLiteral("udp %1: the tab did not bind").arg(name));
        context.ok = false;
        return run;
    }
    const quint16 port = page->session()->localPort();
    const Transcript *transcript = page->transcript();
    QElapsedTimer clock;
    qint64 firstNs = -1;
    qint64 lastNs = 0;
    qint64 seen = 0;
    // Times from the first datagram the tab recorded to the last, as the raw reader's.
    QTimer watch;
    watch.setInterval(1);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        const qint64 now = transcript->counters().rxMessages;
        if (now != seen) {
            if (firstNs < 0)
                firstNs = clock.nsecsElapsed();
            seen = now;
            lastNs = clock.nsecsElapsed();
        }
    });
    clock.start();
    watch.start();
    context.probe->start();
    {
        DatagramBlaster blaster(port, size, count);
        drain(blaster, [&] { return transcript->counters().rxMessages; });
        run.sent = blaster.sent();
    }
    context.probe->report(QStringLiteral("udp_") + name);
    watch.stop();
    run.received = transcript->counters().rxMessages;
    run.drops = kernelDrops(port);
    // The first tick after the first datagram: at most 1 ms late, negligible against seconds of datagrams.
    run.dps = lastNs > firstNs && firstNs >= 0 ? double(run.received) / (double(lastNs - firstNs) / 1e9) : 0;
    page->toggleSession();
    return run;
}

void report(const QString &name, const Run &raw, const Run &tab)
{
    Bench::figure(QStringLiteral("udp_raw_dps.%1").arg(name), raw.dps, "datagrams/s", 0);
    Bench::figure(QStringLiteral("udp_ingest_dps.%1").arg(name), tab.dps, "datagrams/s", 0);
    if (raw.dps > 0)
        Bench::figure(QStringLiteral("udp_ingest_ratio.%1").arg(name), tab.dps / raw.dps, "x", 2);
    Bench::figure(QStringLiteral("udp_kernel_drops.%1").arg(name), double(tab.drops), "datagrams", 0);
    Bench::note(QStringLiteral("udp %1: raw reader got %2 of %3 (kernel dropped %4); tab got %5 of %6 (kernel "
                               "dropped %7)")
                    .arg(name)
                    .arg(raw.received)
                    .arg(raw.sent)
                    .arg(raw.drops)
                    .arg(tab.received)
                    .arg(tab.sent)
                    .arg(tab.drops));
}

} // namespace

void runUdpIngest(BenchContext &context)
{
    const qint64 count = context.config.udpDatagrams;
    for (const int size : {64, 1400}) {
        const QString name = QStringLiteral("%1B").arg(size);
        const Run raw = rawReader(size, count);
        Bench::resetPeakRss();
        const Run tab = intoTab(context, size, count, name);
        report(name, raw, tab);
        // Every datagram sent is either recorded or counted as dropped by the kernel: none vanishes in between.
        if (tab.drops >= 0 && tab.received + tab.drops != tab.sent) {
            Bench::note(QStringLiteral("udp %1: %2 recorded + %3 dropped != %4 sent")
                            .arg(name)
                            .arg(tab.received)
                            .arg(tab.drops)
                            .arg(tab.sent));
            context.ok = false;
        }
        if (size == 64) {
            Bench::figure(QStringLiteral("udp_peak_rss_MB"), Bench::peakRssMiB(), "MiB");
            Bench::note(QStringLiteral("udp: peak RSS after %1 datagrams of 64 bytes, log budget %2 MiB")
                            .arg(count)
                            .arg(double(Transcript::DefaultByteBudget) / Bench::MiB));
        }
    }
}
