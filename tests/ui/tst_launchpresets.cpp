#include "clientpage.h"
#include "commandline.h"
#include "launchpresets.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"
#include "sendpanel.h"
#include "serverpage.h"

#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

// What the command line's presets do to a real window: the same window a user gets from
// `netassist --server 8000 --listen --encoding GBK --hex`.
class tst_LaunchPresets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingChangesWithoutOptions();
    void encodingAndHexOnBothTabs();
    void showsTheNamedTab_data();
    void showsTheNamedTab();
    void listens();
    void connects();
    void clientTalksToServerPreset();
};

void tst_LaunchPresets::nothingChangesWithoutOptions()
{
    MainWindow window;
    const RenderOptions log = window.clientPage()->logPanel()->options();
    const Payload::Spec spec = window.serverPage()->sendPanel()->spec();
    const int tab = window.tabs()->currentIndex();
    applyLaunchOptions(window, LaunchOptions());
    QCOMPARE(window.clientPage()->logPanel()->options(), log);
    QCOMPARE(window.serverPage()->sendPanel()->spec(), spec);
    QCOMPARE(window.tabs()->currentIndex(), tab);
    QCOMPARE(window.clientPage()->session()->state(), Session::State::Idle);
    QCOMPARE(window.serverPage()->session()->state(), Session::State::Idle);
}

void tst_LaunchPresets::encodingAndHexOnBothTabs()
{
    MainWindow window;
    LaunchOptions options;
    options.encoding = "GBK";
    options.hex = true;
    applyLaunchOptions(window, options);
    for (SessionPage *page :
        {static_cast<SessionPage *>(window.clientPage()), static_cast<SessionPage *>(window.serverPage())}) {
        QCOMPARE(page->logPanel()->options().encoding, QByteArray("GBK"));
        QCOMPARE(page->logPanel()->options().view, RenderOptions::View::Hex);
        QCOMPARE(page->sendPanel()->spec().encoding, QByteArray("GBK"));
        QCOMPARE(page->sendPanel()->spec().mode, Payload::Mode::Hex);
    }
}

void tst_LaunchPresets::showsTheNamedTab_data()
{
    QTest::addColumn<int>("tab");
    QTest::newRow("client") << int(LaunchOptions::Tab::Client);
    QTest::newRow("server") << int(LaunchOptions::Tab::Server);
}

void tst_LaunchPresets::showsTheNamedTab()
{
    QFETCH(int, tab);
    MainWindow window;
    // Start on the other tab, so that the preset has to switch.
    window.tabs()->setCurrentWidget(
        tab == int(LaunchOptions::Tab::Client) ? static_cast<QWidget *>(window.serverPage()) : window.clientPage());
    LaunchOptions options;
    options.tab = LaunchOptions::Tab(tab);
    applyLaunchOptions(window, options);
    QWidget *expected
        = tab == int(LaunchOptions::Tab::Client) ? static_cast<QWidget *>(window.clientPage()) : window.serverPage();
    QCOMPARE(window.tabs()->currentWidget(), expected);
}

void tst_LaunchPresets::listens()
{
    MainWindow window;
    LaunchOptions options;
    options.hasServer = true;
    options.serverAddress = QHostAddress(QHostAddress::LocalHost);
    options.serverPort = 0;
    options.listen = true;
    applyLaunchOptions(window, options);
    // Listening is immediate (QTcpServer::listen binds synchronously).
    QCOMPARE(window.serverPage()->session()->state(), Session::State::Open);
    QVERIFY(window.serverPage()->session()->serverPort() != 0);
}

void tst_LaunchPresets::connects()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    LaunchOptions options;
    options.hasClient = true;
    options.clientHost = QStringLiteral("127.0.0.1");
    options.clientPort = server.serverPort();
    options.connect = true;
    applyLaunchOptions(window, options);
    // The connection completes in the event loop.
    QTRY_VERIFY(server.hasPendingConnections());
    QTRY_COMPARE(window.clientPage()->session()->state(), Session::State::Open);
}

void tst_LaunchPresets::clientTalksToServerPreset()
{
    // `--server P --listen --client 127.0.0.1:P --connect`: a self-test loop in one window. P must be known before
    // applying, so ask the system for a free port and release it (the race with another program is remote).
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    MainWindow window;
    LaunchOptions options;
    options.hasServer = true;
    options.serverAddress = QHostAddress(QHostAddress::LocalHost);
    options.serverPort = port;
    options.listen = true;
    options.hasClient = true;
    options.clientHost = QStringLiteral("127.0.0.1");
    options.clientPort = port;
    options.connect = true;
    options.tab = LaunchOptions::Tab::Client;
    applyLaunchOptions(window, options);
    QTRY_COMPARE(window.clientPage()->session()->state(), Session::State::Open);
    QTRY_COMPARE(window.serverPage()->session()->peers().size(), 1);
}

QTEST_MAIN(tst_LaunchPresets)
#include "tst_launchpresets.moc"
