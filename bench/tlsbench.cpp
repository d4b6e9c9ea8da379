// TLS: ingest into the TLS Client tab against the same flood into the TCP Client tab in the same run (tls_ratio), the
// UI stall during it, and handshakes per second against the TLS Server tab. The far ends are Qt sockets in their own
// threads (blocking API), so the GUI thread only runs the tabs under test; the certificate is made at run time.

#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "loopsender.h"
#include "mainwindow.h"
#include "net/tlscontrol.h"
#include "scenarios.h"
#include "sessiontabs.h"
#include "tlsoptionspanel.h"
#include "tlspages.h"

#include <QProcess>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace {

struct Identity
{
    QTemporaryDir dir;
    QString cert() const { return dir.filePath(QStringLiteral("bench.pem")); }
    QString key() const { return dir.filePath(QStringLiteral("bench.key")); }
    bool make()
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), key(), QStringLiteral("-out"), cert(), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
    }
};

// Keeps the accepted descriptor for a QSslSocket instead of making a QTcpSocket of it.
class DescriptorServer : public QTcpServer
{
public:
    qintptr descriptor = -1;

protected:
    void incomingConnection(qintptr socket) override { descriptor = socket; }
};

// Accepts one connection on 127.0.0.1, handshakes as a TLS server and writes total bytes of pattern, then closes.
class TlsSender : public QThread
{
public:
    TlsSender(const Identity &identity, const QByteArray &pattern, qint64 total)
        : m_pattern(pattern)
        , m_total(total)
    {
        QFile certFile(identity.cert());
        QFile keyFile(identity.key());
        certFile.open(QIODevice::ReadOnly);
        keyFile.open(QIODevice::ReadOnly);
        m_cert = QSslCertificate(&certFile, QSsl::Pem);
        m_key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    ~TlsSender() override { wait(); }
    // Starts the thread; returns the port it listens on once it does.
    quint16 begin()
    {
        start();
        m_ready.acquire();
        return m_port;
    }
    qint64 written() const { return m_written.load(); }

protected:
    void run() override
    {
        DescriptorServer server; // made and used in this thread only
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        m_ready.release();
        if (!server.waitForNewConnection(30000) || server.descriptor < 0)
            return;
        QSslSocket socket;
        socket.setSocketDescriptor(server.descriptor);
        socket.setLocalCertificate(m_cert);
        socket.setPrivateKey(m_key);
        socket.startServerEncryption();
        if (!socket.waitForEncrypted(30000))
            return;
        qint64 left = m_total;
        while (left > 0 && socket.state() == QAbstractSocket::ConnectedState) {
            while (left > 0 && socket.bytesToWrite() < 4 * m_pattern.size()) {
                const qint64 n = std::min<qint64>(left, m_pattern.size());
                socket.write(m_pattern.constData(), n);
                left -= n;
                m_written += n;
            }
            socket.waitForBytesWritten(1000);
        }
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(1000)) { }
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState)
            socket.waitForDisconnected(5000);
    }

private:
    QByteArray m_pattern;
    qint64 m_total;
    QSslCertificate m_cert;
    QSslKey m_key;
    QSemaphore m_ready;
    quint16 m_port = 0;
    std::atomic<qint64> m_written {0};
};

// Connects count times one after another, each a full handshake and an orderly close.
class HandshakeClient : public QThread
{
public:
    HandshakeClient(quint16 port, int count)
        : m_port(port)
        , m_count(count)
    { }
    int done() const { return m_done.load(); }

protected:
    void run() override
    {
        for (int i = 0; i < m_count; ++i) {
            QSslSocket socket;
            socket.setPeerVerifyMode(QSslSocket::VerifyNone);
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
            if (!socket.waitForEncrypted(10000))
                return;
            ++m_done;
            socket.disconnectFromHost();
            if (socket.state() != QAbstractSocket::UnconnectedState)
                socket.waitForDisconnected(2000);
        }
    }

private:
    quint16 m_port;
    int m_count;
    std::atomic<int> m_done {0};
};

// One flood into page (a TCP or TLS client tab, shown, following the log); MiB/s, or -1 when bytes were lost.
double flood(BenchContext &context, SessionPage *page, const std::function<quint16()> &startSender,
    const std::function<qint64()> &written, qint64 total, const QString &name)
{
    context.window->tabs()->setCurrentWidget(page);
    Transcript *transcript = page->transcript();
    page->logPanel()->clearLog();
    transcript->resetCounters();
    page->logPanel()->view()->setAutoScroll(true);
    static_cast<ClientPage *>(page)->setTarget(QStringLiteral("127.0.0.1"), startSender());
    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    page->toggleSession();
    const bool done = Bench::waitUntil([&] { return transcript->counters().rxBytes >= total; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    Bench::waitUntil([&] { return page->session()->state() == Session::State::Idle; }, 10000);
    context.probe->report(name);
    const qint64 rx = transcript->counters().rxBytes;
    if (!done || rx != total || written() != total) {
        Bench::note(
            QStringLiteral("%1: RX counter %2, sent %3, expected %4").arg(name).arg(rx).arg(written()).arg(total));
        context.ok = false;
        return -1;
    }
    return double(total) / Bench::MiB / seconds;
}

} // namespace

void runTls(BenchContext &context)
{
    if (!TlsControl::available()) {
        Bench::note(QStringLiteral("tls: no TLS backend, skipped"));
        return;
    }
    Identity identity;
    if (!identity.make()) {
        Bench::note(QStringLiteral("tls: openssl could not make a certificate"));
        context.ok = false;
        return;
    }
    const qint64 total = std::min<qint64>(context.config.clientFloodBytes, 256LL * 1024 * 1024);
    const QByteArray lines = Bench::textLines();

    SessionPage *plainPage = context.window->tabs()->addPage("tcp-client");
    std::unique_ptr<LoopbackSender> plain;
    const double plainRate = flood(
        context, plainPage,
        [&] {
            plain = std::make_unique<LoopbackSender>(lines, total);
            return plain->port();
        },
        [&] { return plain->written(); }, total, QStringLiteral("tls_plain_ingest"));

    auto *tlsPage = static_cast<TlsClientPage *>(context.window->tabs()->addPage("tls-client"));
    TlsOptions options;
    options.verify = TlsOptions::Verify::CaFile; // the self-signed certificate is its own CA
    options.caFile = identity.cert();
    options.serverName = QStringLiteral("localhost");
    tlsPage->tlsPanel()->setOptions(options);
    std::unique_ptr<TlsSender> sender;
    const double tlsRate = flood(
        context, tlsPage,
        [&] {
            sender = std::make_unique<TlsSender>(identity, lines, total);
            return sender->begin();
        },
        [&] { return sender->written(); }, total, QStringLiteral("tls_ingest"));
    if (plainRate > 0 && tlsRate > 0) {
        Bench::figure(QStringLiteral("tls_plain_ingest_MBps"), plainRate, "MiB/s");
        Bench::figure(QStringLiteral("tls_ingest_MBps"), tlsRate, "MiB/s");
        Bench::figure(QStringLiteral("tls_ratio"), tlsRate / plainRate, "x", 2);
    }

    // Handshakes against the TLS Server tab: until the server has seen every one encrypted.
    auto *serverPage = static_cast<TlsServerPage *>(context.window->tabs()->addPage("tls-server"));
    TlsOptions serverOptions;
    serverOptions.certificateFile = identity.cert();
    serverOptions.keyFile = identity.key();
    serverPage->tlsPanel()->setOptions(serverOptions);
    serverPage->setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    context.window->tabs()->setCurrentWidget(serverPage);
    serverPage->toggleSession();
    if (!Bench::waitUntil([&] { return serverPage->session()->state() == Session::State::Open; }, 5000)) {
        Bench::note(QStringLiteral("tls: the server tab did not listen"));
        context.ok = false;
        return;
    }
    int secured = 0;
    QObject::connect(serverPage->session(), &Session::activity, serverPage,
        [&secured](Session::Activity activity) { secured += activity == Session::Activity::Secured; });
    const int count = context.config.quick ? 100 : 1000;
    HandshakeClient client(serverPage->session()->localPort(), count);
    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    client.start();
    const bool done = Bench::waitUntil([&] { return secured >= count; }, 120000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    client.wait();
    context.probe->report(QStringLiteral("tls_handshakes"));
    if (!done) {
        Bench::note(QStringLiteral("tls: %1 of %2 handshakes").arg(secured).arg(count));
        context.ok = false;
        return;
    }
    Bench::figure(QStringLiteral("tls_handshakes_per_s"), count / seconds, "/s");
    serverPage->session()->close();
}
