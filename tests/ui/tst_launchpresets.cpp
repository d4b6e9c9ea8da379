#include "commandline.h"
#include "launchpresets.h"
#include "logpanel.h"
#include "pagelookup.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "sessiontabs.h"

#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

// What the command line's presets do to a real window: the same window a user gets from
// `netassist --server 8000 --listen --encoding GBK --hex`.
class tst_LaunchPresets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingChangesWithoutOptions();
    void encodingAndHexOnEveryTab();
    void showsTheLastPresetsTab();
    void eachPresetTakesATabOfItsKind();
    void listens();
    void captureFormatFollowsTheExtension();
    void connects();
    void udpBindsAndTargets();
    void clientTalksToServerPreset();
};

namespace {
LaunchOptions parsed(const QString &line)
{
    QStringList args {QStringLiteral("netassist")};
    args += line.split(QLatin1Char(' '));
    const ParseOutcome outcome = parseCommandLine(args);
    if (outcome.action != ParseOutcome::Run)
        qWarning("%s", qPrintable(outcome.message));
    return outcome.options;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}
} // namespace

void tst_LaunchPresets::nothingChangesWithoutOptions()
{
    MainWindow window;
    const RenderOptions log = clientPageOf(window)->logPanel()->options();
    const Payload::Spec spec = serverPageOf(window)->sendPanel()->spec();
    const int tab = window.tabs()->currentIndex();
    const qsizetype tabs = window.pages().size();
    applyLaunchOptions(window, LaunchOptions());
    QCOMPARE(clientPageOf(window)->logPanel()->options(), log);
    QCOMPARE(serverPageOf(window)->sendPanel()->spec(), spec);
    QCOMPARE(window.tabs()->currentIndex(), tab);
    QCOMPARE(window.pages().size(), tabs);
    for (const SessionPage *page : window.pages())
        QCOMPARE(page->session()->state(), Session::State::Idle);
}

void tst_LaunchPresets::encodingAndHexOnEveryTab()
{
    MainWindow window;
    applyLaunchOptions(window, parsed(QStringLiteral("--encoding GBK --hex")));
    QCOMPARE(window.pages().size(), 3);
    for (SessionPage *page : window.pages()) {
        QCOMPARE(page->logPanel()->options().encoding, QByteArray("GBK"));
        QCOMPARE(page->logPanel()->options().view, RenderOptions::View::Hex);
        QCOMPARE(page->sendPanel()->spec().encoding, QByteArray("GBK"));
        QCOMPARE(page->sendPanel()->spec().mode, Payload::Mode::Hex);
    }
}

void tst_LaunchPresets::showsTheLastPresetsTab()
{
    MainWindow window;
    window.tabs()->setCurrentWidget(clientPageOf(window));
    applyLaunchOptions(window, parsed(QStringLiteral("--client 127.0.0.1:9 --server 9000")));
    QCOMPARE(window.tabs()->currentWidget(), serverPageOf(window));
    applyLaunchOptions(window, parsed(QStringLiteral("--server 9000 --client 127.0.0.1:9")));
    QCOMPARE(window.tabs()->currentWidget(), clientPageOf(window));
}

void tst_LaunchPresets::eachPresetTakesATabOfItsKind()
{
    MainWindow window;
    const LaunchOptions options
        = parsed(QStringLiteral("--client 10.0.0.1:1 --client 10.0.0.2:2 --server :8000 --udp 127.0.0.1:0"));
    applyLaunchOptions(window, options);
    // The window's own client, server and UDP tabs are taken first; the second client gets a new tab.
    const QList<SessionPage *> pages = window.pages();
    QCOMPARE(pages.size(), 4);
    QStringList titles;
    for (const SessionPage *page : pages)
        titles << page->title();
    QCOMPARE(titles.at(0), QStringLiteral("Client 10.0.0.1:1"));
    QCOMPARE(titles.at(1), QStringLiteral("Server :8000"));
    QVERIFY2(titles.at(2).startsWith(QStringLiteral("UDP 127.0.0.1:")), qPrintable(titles.at(2)));
    QCOMPARE(titles.at(3), QStringLiteral("Client 10.0.0.2:2"));
    QCOMPARE(window.tabs()->currentWidget(), pages.at(2)); // the last preset was --udp
    QCOMPARE(pages.at(2)->session()->state(), Session::State::Open); // a UDP tab binds at once
    QCOMPARE(pages.at(0)->session()->state(), Session::State::Idle); // no --connect
}

void tst_LaunchPresets::listens()
{
    MainWindow window;
    applyLaunchOptions(window, parsed(QStringLiteral("--server 127.0.0.1:0 --listen")));
    // Listening is immediate (QTcpServer::listen binds synchronously).
    QCOMPARE(serverPageOf(window)->session()->state(), Session::State::Open);
    QVERIFY(serverPageOf(window)->session()->localPort() != 0);
}

// --capture FILE.pcap writes pcap; any other name the text format.
void tst_LaunchPresets::captureFormatFollowsTheExtension()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto &[name, format] : {std::pair {"a.pcap", CaptureFile::Format::Pcap},
             std::pair {"b.PCAP", CaptureFile::Format::Pcap}, std::pair {"c.log", CaptureFile::Format::Text}}) {
        MainWindow window;
        const QString path = dir.filePath(QLatin1String(name));
        QCOMPARE(
            applyLaunchOptions(window, parsed(QStringLiteral("--server 127.0.0.1:0 --capture ") + path)), QString());
        const TranscriptCapture *capture = serverPageOf(window)->model()->capture();
        QVERIFY(capture->isCapturing());
        QCOMPARE(capture->format(), format);
        QCOMPARE(capture->fileName(), path);
    }
}

void tst_LaunchPresets::connects()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    applyLaunchOptions(window, parsed(QStringLiteral("--client 127.0.0.1:%1 --connect").arg(server.serverPort())));
    // The connection completes in the event loop.
    QTRY_VERIFY(server.hasPendingConnections());
    QTRY_COMPARE(clientPageOf(window)->session()->state(), Session::State::Open);
}

void tst_LaunchPresets::udpBindsAndTargets()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    MainWindow window;
    applyLaunchOptions(window, parsed(QStringLiteral("--udp 127.0.0.1:0 --to 127.0.0.1:%1").arg(peer.localPort())));
    UdpPage *page = udpPageOf(window);
    QCOMPARE(page->session()->state(), Session::State::Open);
    // The target is the one the send box sends to.
    page->sendPanel()->setText(QStringLiteral("ping"));
    page->sendPanel()->send();
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("ping"));
}

void tst_LaunchPresets::clientTalksToServerPreset()
{
    // `--server P --listen --client 127.0.0.1:P --connect`: a self-test loop in one window. P must be known before
    // applying, so ask the system for a free port and release it (the race with another program is remote).
    const quint16 port = freePort();
    QVERIFY(port != 0);
    MainWindow window;
    applyLaunchOptions(
        window, parsed(QStringLiteral("--client 127.0.0.1:%1 --connect --server 127.0.0.1:%1 --listen").arg(port)));
    QTRY_COMPARE(clientPageOf(window)->session()->state(), Session::State::Open);
    QTRY_COMPARE(serverPageOf(window)->session()->peers().size(), 1);
}

QTEST_MAIN(tst_LaunchPresets)
#include "tst_launchpresets.moc"
