#include "logpanel.h"
#include "logview.h"
#include "net/relaycontrol.h"
#include "peertablemodel.h"
#include "relaypage.h"
#include "tabkinds.h"
#include "widgetlookup.h"

#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

// The UDP Relay tab as a user drives it: the Relay page over a datagram relay, with the faults that fit datagrams.
class tst_UdpRelayPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isATabKind();
    void offersTheDatagramFaults();
    void relaysAndDrops();
    void settingsRoundTrip();
};

void tst_UdpRelayPage::isATabKind()
{
    QVERIFY(TabKinds::isKnown("udp-relay"));
    std::unique_ptr<SessionPage> page(TabKinds::create("udp-relay"));
    QVERIFY(qobject_cast<RelayPage *>(page.get()));
    QCOMPARE(page->kind(), QByteArray("udp-relay"));
    QCOMPARE(page->session()->traits().delivery, Session::Delivery::Datagrams);
}

// Drop and the idle time are there, split and cut are not (a datagram is never split; there is no connection).
void tst_UdpRelayPage::offersTheDatagramFaults()
{
    std::unique_ptr<SessionPage> page(TabKinds::create("udp-relay"));
    QVERIFY(page->findChild<QSpinBox *>(QStringLiteral("relayFaultsClientDrop")));
    QVERIFY(page->findChild<QSpinBox *>(QStringLiteral("relayFaultsTargetDelay")));
    QVERIFY(page->findChild<QSpinBox *>(QStringLiteral("relayExpiry")));
    QVERIFY(!page->findChild<QSpinBox *>(QStringLiteral("relayFaultsClientChunk")));
    QVERIFY(!page->findChild<QSpinBox *>(QStringLiteral("relayFaultsClientCutAfter")));
    std::unique_ptr<SessionPage> tcp(TabKinds::create("relay"));
    QVERIFY(!tcp->findChild<QSpinBox *>(QStringLiteral("relayFaultsClientDrop")));
    QVERIFY(!tcp->findChild<QSpinBox *>(QStringLiteral("relayExpiry")));
}

// Started from the page against a target socket: a client's datagram reaches the target from the pair's upstream
// socket, the table shows the pair; then 100 % drop on the client side stops the next one.
void tst_UdpRelayPage::relaysAndDrops()
{
    QUdpSocket target;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    std::unique_ptr<SessionPage> base(TabKinds::create("udp-relay"));
    auto *page = qobject_cast<RelayPage *>(base.get());
    page->show();
    page->setListenAddress(QHostAddress::LocalHost, 0);
    FIND(QLineEdit, targetEdit, page, "relayTarget");
    QTest::keyClicks(targetEdit, QStringLiteral("127.0.0.1:%1").arg(target.localPort()));
    FIND(QPushButton, listen, page, "relayListen");
    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(page->session()->state(), Session::State::Open);
    QVERIFY(page->title().startsWith(QStringLiteral("UDP Relay :%1").arg(page->session()->localPort())));

    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("ping", QHostAddress::LocalHost, page->session()->localPort());
    QTRY_VERIFY(target.hasPendingDatagrams());
    const QNetworkDatagram atTarget = target.receiveDatagram();
    QCOMPARE(atTarget.data(), QByteArray("ping"));
    QTRY_COMPARE(page->pairModel()->rowCount(), 1);
    PeerTableModel *pairs = page->pairModel();
    QCOMPARE(pairs->index(0, PeerTableModel::PeerColumn).data().toString(),
        QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
    QCOMPARE(pairs->index(0, pairs->columnOf(PeerTableModel::RelayUpstreamColumn)).data().toString(),
        QStringLiteral("127.0.0.1:%1").arg(atTarget.senderPort()));

    FIND(QSpinBox, drop, page, "relayFaultsClientDrop");
    drop->setValue(100);
    QCOMPARE(page->session()->relay()->faults(RelayControl::Side::Client).dropPercent, 100);
    QSignalSpy faultEvents(page->session()->relay(), &RelayControl::faultEvent);
    client.writeDatagram("lost", QHostAddress::LocalHost, page->session()->localPort());
    QTRY_COMPARE(faultEvents.count(), 1); // the drop, said
    QVERIFY(!target.waitForReadyRead(200));
    // The log words the relay's events in the window's language.
    LogView *log = page->logPanel()->view();
    QTRY_VERIFY2(log->allText().contains(QStringLiteral("Fault, client → target: dropped a datagram of 4 bytes")),
        qPrintable(log->allText()));
    QVERIFY(log->allText().contains(QStringLiteral("Fault, client → target: drop 100% of datagrams")));
    QVERIFY(log->allText().contains(QStringLiteral("Forwarding to target 127.0.0.1:%1 from 127.0.0.1:%2")
                                        .arg(target.localPort())
                                        .arg(atTarget.senderPort())));
    drop->setValue(0);
    client.writeDatagram("again", QHostAddress::LocalHost, page->session()->localPort());
    QTRY_VERIFY(target.hasPendingDatagrams());
    QCOMPARE(target.receiveDatagram().data(), QByteArray("again"));
}

void tst_UdpRelayPage::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    {
        std::unique_ptr<SessionPage> page(TabKinds::create("udp-relay"));
        qobject_cast<RelayPage *>(page.get())->setTarget(QStringLiteral("127.0.0.1"), 5683);
        FIND(QSpinBox, drop, page.get(), "relayFaultsTargetDrop");
        drop->setValue(25);
        FIND(QSpinBox, expiry, page.get(), "relayExpiry");
        expiry->setValue(30);
        page->saveSettings(settings);
    }
    std::unique_ptr<SessionPage> page(TabKinds::create("udp-relay"));
    page->restoreSettings(settings);
    RelayControl *relay = page->session()->relay();
    QCOMPARE(relay->faults(RelayControl::Side::Target).dropPercent, 25);
    QCOMPARE(relay->pairExpiryMs(), qint64(30000));
    FIND(QLineEdit, targetEdit, page.get(), "relayTarget");
    QCOMPARE(targetEdit->text(), QStringLiteral("127.0.0.1:5683"));
}

QTEST_MAIN(tst_UdpRelayPage)
#include "tst_udprelaypage.moc"
