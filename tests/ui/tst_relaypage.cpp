#include "logpanel.h"
#include "logview.h"
#include "loopbacktesting.h"
#include "net/relaycontrol.h"
#include "peertablemodel.h"
#include "relaypage.h"
#include "sendpanel.h"
#include "tabkinds.h"
#include "widgetlookup.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/socket.h>

// The Relay tab as a user drives it: by objectName, as an assistive tool finds its widgets.
class tst_RelayPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isATabKind();
    void everyInteractiveWidgetIsNamed();
    void relaysFaultsAndInjects();
    void settingsRoundTrip();
};

void tst_RelayPage::isATabKind()
{
    QVERIFY(TabKinds::isKnown("relay"));
    std::unique_ptr<SessionPage> page(TabKinds::create("relay"));
    QVERIFY(qobject_cast<RelayPage *>(page.get()));
    QCOMPARE(page->kind(), QByteArray("relay"));
}

void tst_RelayPage::everyInteractiveWidgetIsNamed()
{
    std::unique_ptr<SessionPage> page(TabKinds::create("relay"));
    page->show();
    QStringList unnamed;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        const bool interactive = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QPlainTextEdit *>(widget);
        if (!interactive || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
            || widget->objectName().startsWith(QLatin1String("qt_")) || !widget->isVisibleTo(page.get()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (widget->objectName().isEmpty() || !iface || iface->text(QAccessible::Name).isEmpty())
            unnamed << QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void tst_RelayPage::relaysFaultsAndInjects()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<SessionPage> base(TabKinds::create("relay"));
    auto *page = qobject_cast<RelayPage *>(base.get());
    QVERIFY(page);
    page->show();
    page->setListenAddress(QHostAddress::LocalHost, 0);
    FIND(QLineEdit, targetEdit, page, "relayTarget");
    QTest::keyClicks(targetEdit, QStringLiteral("127.0.0.1:%1").arg(target.serverPort()));
    FIND(QPushButton, listen, page, "relayListen");
    QVERIFY(listen->isEnabled());
    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(page->session()->state(), Session::State::Open);
    QVERIFY(page->title().contains(QString::number(target.serverPort())));

    FIND(QSpinBox, chunk, page, "relayFaultsTargetChunk");
    chunk->setValue(2);
    RelayControl *relay = page->session()->relay();
    QCOMPARE(relay->faults(RelayControl::Side::Target).chunkBytes, 2);
    QCOMPARE(relay->faults(RelayControl::Side::Client).chunkBytes, 0);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, page->session()->localPort());
    QVERIFY(client.waitForConnected(5000));
    std::unique_ptr<QTcpSocket> upstream(LoopbackTesting::acceptOne(target));
    QVERIFY(upstream);
    QTRY_COMPARE(page->pairModel()->rowCount(), 1);
    QTRY_VERIFY(!relay->upstreamEndpoint(page->session()->peers().value(0)).isEmpty());
    // The pair's row: our end of its upstream connection and its state, under their titles.
    PeerTableModel *pairs = page->pairModel();
    const int upstreamColumn = pairs->columnOf(PeerTableModel::RelayUpstreamColumn);
    const int stateColumn = pairs->columnOf(PeerTableModel::RelayStateColumn);
    QCOMPARE(stateColumn, 1); // next to the client, where the narrow pane shows it
    QVERIFY(upstreamColumn > PeerTableModel::ColumnCount);
    QCOMPARE(pairs->headerData(upstreamColumn, Qt::Horizontal).toString(), QStringLiteral("Upstream"));
    QCOMPARE(
        pairs->index(0, upstreamColumn).data().toString(), QStringLiteral("127.0.0.1:%1").arg(upstream->peerPort()));
    QCOMPARE(pairs->index(0, stateColumn).data().toString(), QStringLiteral("open"));
    // The periodic refresh covers the state, so the view shows it change.
    QSignalSpy refreshed(pairs, &QAbstractItemModel::dataChanged);
    QVERIFY(refreshed.wait(1000));
    QVERIFY(refreshed.last().at(0).toModelIndex().column() <= stateColumn);

    FIND(QComboBox, sendTo, page, "relaySendTo");
    sendTo->setCurrentIndex(1); // target side, all pairs
    Q_EMIT page->sendPanel()->sendRequested("to-target");
    QByteArray atTarget;
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("to-target"));
    upstream->write("abcdef");
    QByteArray atClient;
    QTRY_COMPARE((atClient += client.readAll()), QByteArray("abcdef")); // in 2-byte pieces, all of it

    // The client half-closes (Qt cannot, the test may): the log says so in words, then the target's end (this
    // target is a QTcpSocket, which closes when it reads an end; tst_relaysession has one that answers after it).
    ::shutdown(int(client.socketDescriptor()), SHUT_WR);
    LogView *log = page->logPanel()->view();
    const QString clientName = QStringLiteral("127.0.0.1:%1").arg(client.localPort());
    QTRY_VERIFY2(
        log->allText().contains(clientName + QStringLiteral(" ended its stream (FIN), passed on to the target")),
        qPrintable(log->allText()));
    QTRY_VERIFY2(
        log->allText().contains(QStringLiteral("The target ended its stream (FIN), passed on to ") + clientName),
        qPrintable(log->allText()));

    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(page->session()->state(), Session::State::Idle);
    QTRY_COMPARE(page->pairModel()->rowCount(), 0); // the table applies departures in batches
}

void tst_RelayPage::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    {
        std::unique_ptr<SessionPage> page(TabKinds::create("relay"));
        auto *relayPage = qobject_cast<RelayPage *>(page.get());
        relayPage->setListenAddress(QHostAddress::LocalHost, 7001);
        relayPage->setTarget(QStringLiteral("::1"), 502);
        FIND(QSpinBox, delay, page.get(), "relayFaultsClientDelay");
        delay->setValue(250);
        FIND(QComboBox, mode, page.get(), "relayFaultsTargetCutMode");
        mode->setCurrentIndex(1);
        page->saveSettings(settings);
    }
    std::unique_ptr<SessionPage> page(TabKinds::create("relay"));
    page->restoreSettings(settings);
    FIND(QLineEdit, port, page.get(), "relayPort");
    FIND(QLineEdit, targetEdit, page.get(), "relayTarget");
    QCOMPARE(port->text(), QStringLiteral("7001"));
    QCOMPARE(targetEdit->text(), QStringLiteral("[::1]:502"));
    RelayControl *relay = page->session()->relay();
    QCOMPARE(relay->faults(RelayControl::Side::Client).delayMs, 250);
    QCOMPARE(relay->faults(RelayControl::Side::Target).cutWithReset, true);
}

QTEST_MAIN(tst_RelayPage)
#include "tst_relaypage.moc"
