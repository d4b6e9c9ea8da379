// UDP relay: datagrams per second through a UDP relay that records both directions as the Relay tab's model does,
// against the same exchange straight to the target in the same run; windowed, so that no socket queue overflows and
// every datagram must arrive (a loss fails the run). Then a flood that is not windowed: how many the relay passes
// on while it is overrun, and the UI stall meanwhile.

#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "scenarios.h"

#include <QHostAddress>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

int udpSocket(quint16 bindPort, int receiveBuffer)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return -1;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_in local {};
    local.sin_family = AF_INET;
    local.sin_port = htons(bindPort);
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 portOf(int fd)
{
    sockaddr_in local {};
    socklen_t length = sizeof local;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length);
    return ntohs(local.sin_port);
}

// The target: counts what arrives until stopped (a 100 ms receive timeout lets it see the flag).
class DatagramSink
{
public:
    DatagramSink()
        : m_fd(udpSocket(0, 4 << 20))
        , m_port(m_fd >= 0 ? portOf(m_fd) : 0)
        , m_thread([this] { run(); })
    { }
    ~DatagramSink()
    {
        m_stop = true;
        m_thread.join();
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    qint64 received() const { return m_received.load(); }

private:
    void run()
    {
        if (m_fd < 0)
            return;
        timeval timeout {0, 100 * 1000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::vector<char> buffer(70000);
        while (!m_stop) {
            if (::recv(m_fd, buffer.data(), buffer.size(), 0) >= 0)
                m_received.fetch_add(1);
        }
    }

    int m_fd;
    quint16 m_port;
    std::atomic<qint64> m_received {0};
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

// The client: count datagrams of size bytes to 127.0.0.1:port in windows of window (0: all at once); after each
// window it waits until the sink has them all (or 2 s pass: a loss).
class WindowedSender
{
public:
    WindowedSender(quint16 port, int size, qint64 count, int window, const DatagramSink &sink)
        : m_thread([this, port, size, count, window, &sink] { run(port, size, count, window, sink); })
    { }
    ~WindowedSender() { m_thread.join(); }
    bool finished() const { return m_finished.load(); }
    bool lost() const { return m_lost.load(); }
    double seconds() const { return m_seconds.load(); }

private:
    void run(quint16 port, int size, qint64 count, int window, const DatagramSink &sink)
    {
        const int fd = udpSocket(0, 1 << 20);
        sockaddr_in to {};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const qint64 base = sink.received();
        const auto start = std::chrono::steady_clock::now();
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0) {
            QByteArray datagram(size, 'r');
            for (qint64 i = 0; i < count;) {
                const qint64 end = window > 0 ? std::min(count, i + window) : count;
                for (; i < end; ++i) {
                    std::memcpy(datagram.data(), &i, std::min<size_t>(sizeof i, size_t(size)));
                    ::send(fd, datagram.constData(), size_t(size), 0);
                }
                if (window <= 0)
                    break;
                const auto waitStart = std::chrono::steady_clock::now();
                while (sink.received() - base < i) {
                    if (std::chrono::steady_clock::now() - waitStart > std::chrono::seconds(2)) {
                        m_lost = true;
                        break;
                    }
                    std::this_thread::sleep_for(std::chrono::microseconds(20));
                }
                if (m_lost)
                    break;
            }
        }
        m_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (fd >= 0)
            ::close(fd);
        m_finished = true;
    }

    std::atomic<bool> m_finished {false};
    std::atomic<bool> m_lost {false};
    std::atomic<double> m_seconds {0};
    std::thread m_thread;
};

struct Relay
{
    std::unique_ptr<Session> session;
    std::unique_ptr<Transcript> transcript;
    std::unique_ptr<SessionRecorder> recorder;
};

Relay openRelay(quint16 targetPort)
{
    Relay relay;
    relay.session.reset(Sessions::create(Transport::UdpRelay));
    relay.transcript = std::make_unique<Transcript>();
    relay.recorder = std::make_unique<SessionRecorder>(relay.session.get(), relay.transcript.get());
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    request.targetHost = QStringLiteral("127.0.0.1");
    request.targetPort = targetPort;
    relay.session->open(request);
    return relay;
}

// Datagrams per second, windowed, directly or through a relay; -1 on a loss.
double windowed(int size, qint64 count, bool throughRelay, StallProbe *probe, bool report)
{
    DatagramSink sink;
    Relay relay;
    quint16 port = sink.port();
    if (throughRelay) {
        relay = openRelay(sink.port());
        port = relay.session->localPort();
        probe->start();
    }
    WindowedSender sender(port, size, count, 64, sink);
    Bench::waitUntil([&] { return sender.finished(); }, 600000);
    if (throughRelay && report)
        probe->report(QStringLiteral("udp_relay"));
    else if (throughRelay)
        probe->stop();
    if (sender.lost()) {
        Bench::note(QStringLiteral("udp relay: %1 %2 of %3 datagrams arrived")
                        .arg(throughRelay ? QStringLiteral("relayed") : QStringLiteral("direct"))
                        .arg(sink.received())
                        .arg(count));
        return -1;
    }
    return double(count) / sender.seconds();
}

} // namespace

void runUdpRelay(BenchContext &context)
{
    const qint64 count = context.config.udpDatagrams / 4;
    constexpr int Size = 512;
    // Best of two each, interleaved, as the TCP relay's figures.
    double direct = 0, relayed = 0;
    for (int run = 0; run < 2; ++run) {
        const double d = windowed(Size, count, false, context.probe, false);
        const double r = windowed(Size, count, true, context.probe, run == 1);
        if (d < 0 || r < 0) {
            context.ok = false;
            return;
        }
        direct = std::max(direct, d);
        relayed = std::max(relayed, r);
    }
    Bench::figure(QStringLiteral("udp_relay_direct_dps"), direct, "datagrams/s", 0);
    Bench::figure(QStringLiteral("udp_relay_dps"), relayed, "datagrams/s", 0);
    Bench::figure(QStringLiteral("udp_relay_ratio"), relayed / direct, "x", 2);

    // Not windowed: the client sends as fast as the kernel takes them. UDP has no flow control; what the relay cannot
    // keep up with its socket drops, and the window must stay responsive meanwhile.
    DatagramSink sink;
    Relay relay = openRelay(sink.port());
    context.probe->start();
    qint64 seen = -1;
    {
        WindowedSender flood(relay.session->localPort(), Size, count, 0, sink);
        Bench::waitUntil([&] { return flood.finished(); }, 600000);
        // Then until nothing more arrives for 300 ms.
        QElapsedTimer quiet;
        quiet.start();
        Bench::waitUntil(
            [&] {
                if (sink.received() != seen) {
                    seen = sink.received();
                    quiet.restart();
                }
                return quiet.elapsed() > 300;
            },
            60000);
    }
    context.probe->report(QStringLiteral("udp_relay_flood"));
    Bench::figure(
        QStringLiteral("udp_relay_flood_passed_pct"), 100.0 * double(sink.received()) / double(count), "%", 1);
}
