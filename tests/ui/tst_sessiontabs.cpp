// Many tabs at once: open, rename, close and restore tabs of every kind; tabs kept apart; the unread count; a
// corrupt saved tab list.

#include "log/sessionrecorder.h"
#include "logpanel.h"
#include "pagelookup.h"
#include "quickcommandspanel.h"
#include "receiveoptions.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "widgetlookup.h"
#include "windowsettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QTabBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class tst_SessionTabs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsWithOneOfEachKind();
    void newTabsFromTheMenuAndShortcuts();
    void renameByDoubleClick();
    void closeAsksWhenOpen();
    void closingKeepsWhatTheCaptureWaitsFor();
    void twoClientTabsKeepTheirLogsApart();
    void unreadCountWhileAnotherTabIsCurrent();
    void restoreTabsOfEveryKind();
    void corruptTabListKeepsTheReadableTabs();
    void quickCommandsSharedByEveryTab();
    void tabsNeverShownKeepTheirSettings();

private:
    QTemporaryDir m_dir;
};

namespace {

QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

QStringList kinds(const MainWindow &window)
{
    QStringList out;
    for (const SessionPage *page : window.pages())
        out << QString::fromLatin1(page->kind());
    return out;
}

QTcpSocket *connectTo(ClientPage *page, QTcpServer &server)
{
    page->setTarget(QStringLiteral("127.0.0.1"), server.serverPort());
    page->toggleSession();
    if (!QTest::qWaitFor([&] { return page->session()->state() == Session::State::Open; }, 5000))
        return nullptr;
    if (!server.hasPendingConnections() && !server.waitForNewConnection(5000))
        return nullptr;
    return server.nextPendingConnection();
}

} // namespace

void tst_SessionTabs::startsWithOneOfEachKind()
{
    MainWindow window;
    QCOMPARE(kinds(window), (QStringList {"tcp-client", "tcp-server", "udp"}));
    SessionTabs *tabs = window.tabs();
    QCOMPARE(tabs->tabText(0), QStringLiteral("Client 127.0.0.1:8000"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Server :8000"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("UDP :9000"));
    // The state in words for assistive technology.
    QCOMPARE(tabs->tabBar()->accessibleTabName(0), QStringLiteral("Client 127.0.0.1:8000, closed"));
}

void tst_SessionTabs::newTabsFromTheMenuAndShortcuts()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    action(window, "actionNew_tcp-server")->trigger();
    action(window, "actionNew_udp")->trigger();
    action(window, "actionNew_tcp-client")->trigger();
    QCOMPARE(kinds(window), (QStringList {"tcp-client", "tcp-server", "udp", "tcp-server", "udp", "tcp-client"}));
    QCOMPARE(window.tabs()->currentIndex(), 5); // a new tab is shown

    // Ctrl+T: a new tab of the current tab's kind; Ctrl+W closes the current tab (idle: without asking).
    window.tabs()->setCurrentIndex(1);
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(window.pages().size(), 7);
    QCOMPARE(window.tabs()->currentPage()->kind(), QByteArray("tcp-server"));
    QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(window.pages().size(), 6);
}

void tst_SessionTabs::renameByDoubleClick()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SessionTabs *tabs = window.tabs();
    QTabBar *bar = tabs->tabBar();
    QTest::mouseDClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
    auto *editor = bar->findChild<QLineEdit *>(QStringLiteral("tabRenameEditor"));
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("Server :8000"));
    editor->setText(QStringLiteral("PLC & friends"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(tabs->customName(1), QStringLiteral("PLC & friends"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("PLC && friends")); // an ampersand, not a mnemonic
    // A custom name stays while the target changes; an empty one is the automatic name again.
    serverPageOf(window)->setListenAddress(QHostAddress(QHostAddress::LocalHost), 7000);
    QCOMPARE(tabs->tabText(1), QStringLiteral("PLC && friends"));
    tabs->startRename(1);
    editor = bar->findChild<QLineEdit *>(QStringLiteral("tabRenameEditor"));
    QVERIFY(editor);
    editor->clear();
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Server 127.0.0.1:7000"));
    // Esc keeps the name.
    tabs->startRename(0);
    editor = bar->findChild<QLineEdit *>(QStringLiteral("tabRenameEditor"));
    QVERIFY(editor);
    editor->setText(QStringLiteral("not this"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(tabs->customName(0), QString());
}

void tst_SessionTabs::closeAsksWhenOpen()
{
    MainWindow window;
    SessionTabs *tabs = window.tabs();
    ServerPage *server = serverPageOf(window);
    server->setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    server->toggleSession();
    QCOMPARE(server->session()->state(), Session::State::Open);
    tabs->requestClose(tabs->indexOf(server));
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("closeTabQuestion"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("listening")), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(window.pages().size(), 3);
    QCOMPARE(server->session()->state(), Session::State::Open);

    tabs->requestClose(tabs->indexOf(server));
    box = window.findChild<QMessageBox *>(QStringLiteral("closeTabQuestion"));
    QVERIFY(box);
    box->button(QMessageBox::Close)->click();
    QCOMPARE(kinds(window), (QStringList {"tcp-client", "udp"}));
}

// Framing holds the start of a line until its delimiter; closing the tab records it (and the capture writes it).
void tst_SessionTabs::closingKeepsWhatTheCaptureWaitsFor()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    ClientPage *page = clientPageOf(window);
    Framer::Config lines;
    lines.mode = Framer::Mode::Delimiter;
    lines.delimiter = "\n";
    page->recorder()->setFraming(lines);
    const QString path = m_dir.filePath(QStringLiteral("closing.bin"));
    QVERIFY(page->startCapture(path, CaptureFile::Format::RawRx));
    QTcpSocket *peer = connectTo(page, server);
    QVERIFY(peer);
    peer->write("complete\npartial");
    QTRY_VERIFY(page->recorder()->hasPending()); // "partial" waits for its delimiter
    window.tabs()->closePage(window.tabs()->indexOf(page));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("complete\npartial"));
}

void tst_SessionTabs::twoClientTabsKeepTheirLogsApart()
{
    QTcpServer a;
    QTcpServer b;
    QVERIFY(a.listen(QHostAddress::LocalHost, 0));
    QVERIFY(b.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    auto *first = clientPageOf(window);
    auto *second = static_cast<ClientPage *>(window.newTab("tcp-client"));
    QTcpSocket *peerA = connectTo(first, a);
    QTcpSocket *peerB = connectTo(second, b);
    QVERIFY(peerA && peerB);
    peerA->write("for the first tab");
    peerB->write("for the second");
    first->sendPanel()->setText(QStringLiteral("from one"));
    first->sendPanel()->send();
    QTRY_COMPARE(first->transcript()->counters().rxBytes, 17);
    QTRY_COMPARE(second->transcript()->counters().rxBytes, 14);
    QByteArray atA;
    QTRY_COMPARE((atA += peerA->readAll()), QByteArray("from one")); // however the bytes are split
    QCOMPARE(first->transcript()->counters().txBytes, 8);
    QCOMPARE(second->transcript()->counters().txBytes, 0);
    QCOMPARE(peerB->bytesAvailable(), 0);
    const auto rx = [](SessionPage *page) {
        QByteArray all;
        for (qsizetype i = 0; i < page->transcript()->size(); ++i) {
            if (page->transcript()->at(i).direction == Direction::Rx)
                all += page->transcript()->at(i).data;
        }
        return all;
    };
    QCOMPARE(rx(first), QByteArray("for the first tab"));
    QCOMPARE(rx(second), QByteArray("for the second"));
}

void tst_SessionTabs::unreadCountWhileAnotherTabIsCurrent()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    SessionTabs *tabs = window.tabs();
    ClientPage *page = clientPageOf(window);
    QTcpSocket *peer = connectTo(page, server);
    QVERIFY(peer);
    Framer::Config lines; // three records, however the kernel splits the bytes
    lines.mode = Framer::Mode::Delimiter;
    lines.delimiter = "\n";
    page->recorder()->setFraming(lines);
    tabs->setCurrentIndex(2);
    peer->write("one\ntwo\nthree\n");
    QTRY_COMPARE(page->transcript()->counters().rxMessages, 3);
    // Counted a few times a second from the counters, not per record.
    const int index = tabs->indexOf(page);
    QTRY_COMPARE(tabs->unread(index), 3);
    QVERIFY2(tabs->tabText(index).endsWith(QStringLiteral(" (3)")), qPrintable(tabs->tabText(index)));
    QVERIFY2(tabs->tabBar()->accessibleTabName(index).endsWith(QStringLiteral("connected, 3 new records")),
        qPrintable(tabs->tabBar()->accessibleTabName(index)));
    tabs->setCurrentIndex(index);
    QCOMPARE(tabs->unread(index), 0);
    QVERIFY(!tabs->tabText(index).contains(u'('));
}

void tst_SessionTabs::restoreTabsOfEveryKind()
{
    QSettings settings(m_dir.filePath(QStringLiteral("tabs.ini")), QSettings::IniFormat);
    {
        MainWindow window;
        window.newTab("udp");
        window.newTab("tcp-client");
        SessionTabs *tabs = window.tabs();
        tabs->tabBar()->moveTab(0, 4); // order is kept: client moved to the end
        tabs->setCustomName(0, QStringLiteral("Modbus server"));
        static_cast<ClientPage *>(tabs->page(3))->setTarget(QStringLiteral("192.0.2.5"), 502);
        tabs->setOpenAtStart(1, true); // the first UDP tab binds by itself at the next start
        static_cast<UdpPage *>(tabs->page(1))->setBindAddress(QHostAddress(QHostAddress::LocalHost), 0);
        tabs->setCurrentIndex(2);
        WindowSettings::save(window, settings);
    }
    settings.sync();
    MainWindow restored;
    WindowSettings::restore(restored, settings);
    QCOMPARE(kinds(restored), (QStringList {"tcp-server", "udp", "udp", "tcp-client", "tcp-client"}));
    SessionTabs *tabs = restored.tabs();
    QCOMPARE(tabs->customName(0), QStringLiteral("Modbus server"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Modbus server"));
    QCOMPARE(tabs->page(3)->title(), QStringLiteral("Client 192.0.2.5:502"));
    QCOMPARE(tabs->currentIndex(), 2);
    QVERIFY(tabs->openAtStart(1));
    QCOMPARE(tabs->page(1)->session()->state(), Session::State::Open); // asked for
    for (int i : {0, 2, 3, 4})
        QCOMPARE(tabs->page(i)->session()->state(), Session::State::Idle); // not asked: nothing opens by itself

    // Restore Defaults: one tab of each kind.
    QSettings none(m_dir.filePath(QStringLiteral("none.ini")), QSettings::IniFormat);
    WindowSettings::restore(restored, none);
    QCOMPARE(kinds(restored), (QStringList {"tcp-client", "tcp-server", "udp"}));
}

void tst_SessionTabs::corruptTabListKeepsTheReadableTabs()
{
    const QString path = m_dir.filePath(QStringLiteral("corrupt-tabs.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[tabs]\n"
               "size=5\n"
               "1\\kind=tcp-server\n"
               "1\\port=7001\n"
               "2\\kind=teleporter\n"
               "2\\port=1\n"
               "3\\name=no kind at all\n"
               "4\\kind=udp\n"
               "4\\port=notaport\n"
               "5\\kind=tcp-client\n"
               "5\\host=device.local\n");
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    MainWindow window;
    WindowSettings::restore(window, settings);
    QCOMPARE(kinds(window), (QStringList {"tcp-server", "udp", "tcp-client"}));
    QCOMPARE(window.pages().at(0)->title(), QStringLiteral("Server :7001"));
    QCOMPARE(window.pages().at(1)->title(), QStringLiteral("UDP :9000")); // a bad port falls back alone
    QCOMPARE(window.pages().at(2)->title(), QStringLiteral("Client device.local:8000"));

    // Nothing readable at all: the defaults.
    QFile broken(m_dir.filePath(QStringLiteral("broken-tabs.ini")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("[tabs]\nsize=banana\n1\\kind=\n");
    broken.close();
    QSettings brokenSettings(broken.fileName(), QSettings::IniFormat);
    WindowSettings::restore(window, brokenSettings);
    QCOMPARE(kinds(window), (QStringList {"tcp-client", "tcp-server", "udp"}));
}

void tst_SessionTabs::quickCommandsSharedByEveryTab()
{
    const QString file = m_dir.filePath(QStringLiteral("shared-commands.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QuickCommands::toJson({{QStringLiteral("ping"), QStringLiteral("PING\\r\\n"), Payload::Spec()}}));
    }
    QSettings settings(m_dir.filePath(QStringLiteral("shared.ini")), QSettings::IniFormat);
    {
        MainWindow window;
        QuickCommandsPanel *client = clientPageOf(window)->sendPanel()->quickCommands();
        QuickCommandsPanel *udp = udpPageOf(window)->sendPanel()->quickCommands();
        client->setShowsShared(true);
        udp->setShowsShared(true);
        QVERIFY(client->importFile(file)); // into the shared list, through one tab
        QCOMPARE(window.tabs()->sharedQuickCommands()->items.size(), 1);
        FIND(QListWidget, udpList, udp, "quickCommands");
        QCOMPARE(udpList->count(), 1); // the other tab shows it at once
        QVERIFY(clientPageOf(window)->sendPanel()->quickCommandList().isEmpty()); // the tab's own list is apart
        udp->setShowsShared(false);
        QCOMPARE(udpList->count(), 0);
        WindowSettings::save(window, settings);
    }
    MainWindow restored;
    WindowSettings::restore(restored, settings);
    QCOMPARE(restored.tabs()->sharedQuickCommands()->items.size(), 1);
    QCOMPARE(restored.tabs()->sharedQuickCommands()->items.at(0).name, QStringLiteral("ping"));
    QVERIFY(clientPageOf(restored)->sendPanel()->showsSharedQuickCommands());
    QVERIFY(!udpPageOf(restored)->sendPanel()->showsSharedQuickCommands());
}

// Restored tabs are built when first needed; one never shown must still save what it was restored with.
void tst_SessionTabs::tabsNeverShownKeepTheirSettings()
{
    QSettings first(m_dir.filePath(QStringLiteral("lazy-1.ini")), QSettings::IniFormat);
    {
        MainWindow window;
        static_cast<ServerPage *>(window.tabs()->page(1))
            ->setListenAddress(QHostAddress(QHostAddress::LocalHost), 7100);
        window.tabs()->setCustomName(2, QStringLiteral("telemetry"));
        WindowSettings::save(window, first);
    }
    first.sync();
    QSettings second(m_dir.filePath(QStringLiteral("lazy-2.ini")), QSettings::IniFormat);
    {
        MainWindow window;
        WindowSettings::restore(window, first);
        SessionTabs *tabs = window.tabs();
        QVERIFY(tabs->builtPage(0)); // shown
        QVERIFY(!tabs->builtPage(1)); // not yet
        QCOMPARE(tabs->tabText(1), QStringLiteral("Server 127.0.0.1:7100")); // its saved title until then
        QCOMPARE(tabs->tabText(2), QStringLiteral("telemetry"));
        WindowSettings::save(window, second); // without ever building tabs 1 and 2
    }
    second.sync();
    MainWindow restored;
    WindowSettings::restore(restored, second);
    QCOMPARE(restored.tabs()->page(1)->title(), QStringLiteral("Server 127.0.0.1:7100"));
    QCOMPARE(restored.tabs()->customName(2), QStringLiteral("telemetry"));
    // Built on showing, with its settings.
    restored.tabs()->setCurrentIndex(2);
    QVERIFY(restored.tabs()->builtPage(2));
    QCOMPARE(restored.tabs()->currentPage()->kind(), QByteArray("udp"));
}

QTEST_MAIN(tst_SessionTabs)
#include "tst_sessiontabs.moc"
