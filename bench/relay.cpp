#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "loopsender.h"
#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "scenarios.h"

#include <QHostAddress>

#include <atomic>
#include <chrono>
#include <memory>
#include <sys/socket.h>
#include <thread>

namespace {

// The client end, in its own thread: connects, reads and drops everything until the end of the stream, at most
// rateBytesPerSec for the first paceMs (0: as fast as it can throughout).
class LoopbackReader
{
public:
    LoopbackReader(quint16 port, qint64 rateBytesPerSec = 0, int paceMs = 0)
        : m_thread([this, port, rateBytesPerSec, paceMs] { run(port, rateBytesPerSec, paceMs); })
    { }
    ~LoopbackReader() { m_thread.join(); }
    qint64 received() const { return m_received.load(); }
    bool finished() const { return m_finished.load(); }
    bool pacing() const { return m_pacing.load(); }

private:
    void run(quint16 port, qint64 rate, int paceMs)
    {
        const int fd = Posix::connectLoopback(port);
        if (fd < 0) {
            m_finished = true;
            return;
        }
        std::vector<char> buffer(256 * 1024);
        const auto start = std::chrono::steady_clock::now();
        for (;;) {
            size_t want = buffer.size();
            if (rate > 0 && m_pacing) {
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if (elapsed * 1000 >= paceMs) {
                    m_pacing = false;
                } else {
                    // 10 ms worth at a time, then wait until the clock has caught up with what was read.
                    want = size_t(std::max<qint64>(1, rate / 100));
                    const double due = double(m_received.load()) / double(rate);
                    if (due > elapsed)
                        std::this_thread::sleep_for(std::chrono::duration<double>(due - elapsed));
                }
            }
            const ssize_t n = ::recv(fd, buffer.data(), want, 0);
            if (n <= 0)
                break;
            m_received += n;
        }
        Posix::closeFd(fd);
        m_finished = true;
    }

    std::atomic<qint64> m_received {0};
    std::atomic<bool> m_finished {false};
    std::atomic<bool> m_pacing {true};
    std::thread m_thread;
};

// total bytes from a LoopbackSender (the target) to a reader, directly or through a relay that logs as the Relay
// tab's model does (recorder into a transcript with the default budget). MiB/s, or -1 on a loss.
double flood(qint64 total, bool throughRelay, StallProbe *probe, bool report)
{
    LoopbackSender target(Bench::textLines(), total);
    std::unique_ptr<Session> relay;
    std::unique_ptr<Transcript> transcript;
    std::unique_ptr<SessionRecorder> recorder;
    quint16 port = target.port();
    if (throughRelay) {
        relay.reset(Sessions::create(Transport::Relay));
        transcript = std::make_unique<Transcript>();
        recorder = std::make_unique<SessionRecorder>(relay.get(), transcript.get());
        Session::OpenRequest request;
        request.address = QHostAddress::LocalHost;
        request.targetHost = QStringLiteral("127.0.0.1");
        request.targetPort = target.port();
        relay->open(request);
        port = relay->localPort();
        probe->start();
    }
    QElapsedTimer clock;
    clock.start();
    LoopbackReader reader(port);
    const bool done = Bench::waitUntil([&] { return reader.finished(); }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (throughRelay && report)
        probe->report(QStringLiteral("relay"));
    else if (throughRelay)
        probe->stop();
    if (!done || reader.received() != total) {
        Bench::note(QStringLiteral("relay: %1 received %2 of %3 bytes")
                        .arg(throughRelay ? QStringLiteral("relayed") : QStringLiteral("direct"))
                        .arg(reader.received())
                        .arg(total));
        return -1;
    }
    return double(total) / Bench::MiB / seconds;
}

} // namespace

void runRelay(BenchContext &context)
{
    const qint64 total = context.config.clientFloodBytes / 2;
    // Best of two each, interleaved, so that a noisy moment on a shared machine does not decide the ratio.
    double direct = 0, relayed = 0;
    for (int run = 0; run < 2; ++run) {
        const double d = flood(total, false, context.probe, false);
        const double r = flood(total, true, context.probe, run == 1);
        if (d < 0 || r < 0) {
            context.ok = false;
            return;
        }
        direct = std::max(direct, d);
        relayed = std::max(relayed, r);
    }
    Bench::figure(QStringLiteral("relay_direct_MBps"), direct, "MiB/s");
    Bench::figure(QStringLiteral("relay_MBps"), relayed, "MiB/s");
    Bench::figure(QStringLiteral("relay_ratio"), relayed / direct, "x", 2);

    // A fast target, a client reading 1 MiB/s: the relay must pause reading from the target, not buffer the flood.
    const int paceMs = context.config.quick ? 2000 : 8000;
    const qint64 slowTotal = 256LL * 1024 * 1024;
    LoopbackSender target(Bench::textLines(), slowTotal);
    std::unique_ptr<Session> relay(Sessions::create(Transport::Relay));
    Transcript transcript;
    SessionRecorder recorder(relay.get(), &transcript);
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    request.targetHost = QStringLiteral("127.0.0.1");
    request.targetPort = target.port();
    relay->open(request);
    const double rssBefore = Bench::currentRssMiB();
    Bench::resetPeakRss();
    qint64 bufferedMax = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        for (const PeerId id : relay->peers())
            bufferedMax = std::max(bufferedMax, relay->relay()->bufferedBytes(id));
    });
    sampler.start(5);
    context.probe->start();
    LoopbackReader reader(relay->localPort(), 1024 * 1024, paceMs);
    Bench::waitUntil([&] { return !reader.pacing(); }, paceMs + 60000);
    const double peak = Bench::peakRssMiB();
    const qint64 slowPhaseBytes = reader.received();
    const bool done = Bench::waitUntil([&] { return reader.finished(); }, 600000);
    sampler.stop();
    context.probe->report(QStringLiteral("relay_slow"));
    if (!done || reader.received() != slowTotal) {
        Bench::note(QStringLiteral("relay slow target: received %1 of %2").arg(reader.received()).arg(slowTotal));
        context.ok = false;
        return;
    }
    Bench::note(QStringLiteral("relay slow: %1 KiB read in the %2 ms paced phase; RSS before %3 MiB")
                    .arg(slowPhaseBytes / 1024)
                    .arg(paceMs)
                    .arg(rssBefore, 0, 'f', 1));
    Bench::figure(QStringLiteral("relay_slow_peak_rss_MB"), peak, "MiB");
    Bench::figure(QStringLiteral("relay_slow_buffered_max_KB"), double(bufferedMax) / 1024, "KiB", 0);
}
