// The UDP tab driven through its widgets against a real UDP peer (python3) on 127.0.0.1 and ::1: GBK text and hex
// both ways, the targets, the datagram size limits, errors in words, settings.

#include "logpanel.h"
#include "logview.h"
#include "loopbacktesting.h"
#include "multicastcontrol.h"
#include "peertablemodel.h"
#include "sendpanel.h"
#include "udppage.h"
#include "udppeer.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

class tst_UdpPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void gbkTextAndHexWithAPythonPeer_data();
    void gbkTextAndHexWithAPythonPeer();
    void sizeLimitsRefuseBeforeSending();
    void portUnreachableInWords();
    void selectedPeersAndForget();
    void badInputIsRefused();
    void settingsRoundTrip();

private:
    bool m_ipv6 = false;
};

namespace {

bool bind(UdpPage &page, const QHostAddress &address)
{
    page.setBindAddress(address, 0);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("udpBind"));
    if (!button)
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return page.session()->state() == Session::State::Open;
}

void chooseTarget(UdpPage &page, UdpPage::Target target)
{
    auto *mode = page.findChild<QComboBox *>(QStringLiteral("udpTargetMode"));
    mode->setCurrentIndex(mode->findData(int(target)));
}

QString allRows(LogPanel *log)
{
    QTest::qWait(2 * LogView::SyncIntervalMs); // rows appear at the view's coalesced sync
    return log->view()->allText();
}

} // namespace

void tst_UdpPage::initTestCase()
{
    m_ipv6 = LoopbackTesting::hasIPv6Loopback();
}

void tst_UdpPage::gbkTextAndHexWithAPythonPeer_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("127.0.0.1") << "127.0.0.1";
    QTest::newRow("::1") << "::1";
}

void tst_UdpPage::gbkTextAndHexWithAPythonPeer()
{
    QFETCH(QString, address);
    if (address.contains(u':') && !m_ipv6)
        QSKIP("no IPv6 loopback on this machine");
    UdpPage page;
    page.resize(1100, 700);
    page.show();
    QVERIFY(bind(page, QHostAddress(address)));
    FIND(QLabel, state, &page, "udpState");
    QCOMPARE(state->text(), QStringLiteral("Bound to %1").arg(page.session()->localEndpoint()));

    // The learner's exchange, in GBK, with the log in GBK too.
    RenderOptions log = page.logPanel()->options();
    log.encoding = "GBK";
    log.timestamps = false;
    page.logPanel()->setOptions(log);
    Payload::Spec spec = page.sendPanel()->spec();
    spec.encoding = "GBK";
    page.sendPanel()->setSpec(spec);

    UdpPeer peer;
    QVERIFY2(peer.start({QStringLiteral("--bind"), address}), qPrintable(peer.error()));
    const QByteArray hello = QByteArray("I Love Python! ") + QByteArray("\xc4\xe3\xba\xc3", 4); // 你好
    QVERIFY(peer.send(address, page.session()->localPort(), hello));
    QTRY_COMPARE(page.transcript()->counters().rxMessages, 1);
    const QString from = page.session()->peerInfo(page.session()->peers().value(0)).endpoint;
    QVERIFY2(allRows(page.logPanel()).contains(QString::fromUtf8("I Love Python! 你好")), "GBK text in the log");
    QTRY_COMPARE(page.peerModel()->rowCount(), 1);
    QCOMPARE(page.peerModel()->data(page.peerModel()->index(0, PeerTableModel::PeerColumn)).toString(), from);

    // Reply to the last sender, in GBK.
    chooseTarget(page, UdpPage::Target::LastSender);
    page.sendPanel()->setText(QString::fromUtf8("信息已收到,over!"));
    FIND(QPushButton, send, &page, "sendButton");
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QList<UdpPeer::Datagram> got = peer.take(1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.at(0).data, QByteArray("\xd0\xc5\xcf\xa2\xd2\xd1\xca\xd5\xb5\xbd,over!"));

    // Hex with a Modbus CRC, to the remote target typed in the target row.
    chooseTarget(page, UdpPage::Target::Remote);
    page.setRemoteTarget(address, peer.port());
    spec.mode = Payload::Mode::Hex;
    spec.checksum = Checksum::Algorithm::Crc16Modbus;
    spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
    page.sendPanel()->setSpec(spec);
    page.sendPanel()->setText(QStringLiteral("01 03 00 00 00 0A"));
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    got = peer.take(1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.at(0).data, QByteArray::fromHex("01030000000AC5CD"));

    // The log in hex shows the reply's bytes.
    QVERIFY(peer.send(address, page.session()->localPort(), QByteArray::fromHex("0103020004B987")));
    QTRY_COMPARE(page.transcript()->counters().rxMessages, 2);
    log.view = RenderOptions::View::Hex;
    page.logPanel()->setOptions(log);
    const QString hexRows = allRows(page.logPanel());
    QVERIFY2(hexRows.contains(QStringLiteral("01 03 02 00 04 b9 87")), qPrintable(hexRows));
}

void tst_UdpPage::sizeLimitsRefuseBeforeSending()
{
    UdpPage page;
    QVERIFY(bind(page, QHostAddress(QHostAddress::LocalHost)));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    page.setRemoteTarget(QStringLiteral("127.0.0.1"), peer.localPort());
    FIND(QPushButton, send, &page, "sendButton");
    FIND(QLabel, error, &page, "sendError");
    FIND(QLabel, note, &page, "sendNote");

    page.sendPanel()->setText(QString(65508, u'x'));
    QTRY_VERIFY(!page.sendPanel()->payload().bytes.isEmpty()); // a big paste is built on the next turn
    QTRY_VERIFY(error->isVisibleTo(&page));
    QVERIFY(!send->isEnabled());
    QVERIFY2(error->text().contains(QStringLiteral("65,508")) && error->text().contains(QStringLiteral("65,507")),
        qPrintable(error->text()));
    page.sendPanel()->send(); // refused: nothing goes out
    QCOMPARE(page.transcript()->counters().txMessages, 0);

    page.sendPanel()->setText(QString(65507, u'x'));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(!error->isVisibleTo(&page));
    QVERIFY2(note->isVisibleTo(&page) && note->text().contains(QStringLiteral("1,472")), qPrintable(note->text()));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data().size(), 65507);

    page.sendPanel()->setText(QStringLiteral("small"));
    QTRY_VERIFY(!note->isVisibleTo(&page));
}

void tst_UdpPage::portUnreachableInWords()
{
    UdpPage page;
    QVERIFY(bind(page, QHostAddress(QHostAddress::LocalHost)));
    quint16 closed = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closed = probe.localPort();
    }
    page.setRemoteTarget(QStringLiteral("127.0.0.1"), closed);
    page.sendPanel()->setText(QStringLiteral("ping"));
    FIND(QLabel, targetState, &page, "udpTargetState");
    // The ICMP answer comes asynchronously; a device poll would send again, and so does this test if needed.
    page.sendPanel()->send();
    if (!QTest::qWaitFor([&] { return targetState->isVisibleTo(&page); }, 2000))
        page.sendPanel()->send();
    QTRY_VERIFY(targetState->isVisibleTo(&page));
    QCOMPARE(targetState->text(), QStringLiteral("Nothing is listening at 127.0.0.1:%1.").arg(closed));
}

void tst_UdpPage::selectedPeersAndForget()
{
    UdpPage page;
    QVERIFY(bind(page, QHostAddress(QHostAddress::LocalHost)));
    UdpPeer a;
    UdpPeer b;
    QVERIFY2(a.start(), qPrintable(a.error()));
    QVERIFY2(b.start(), qPrintable(b.error()));
    QVERIFY(a.send(QStringLiteral("127.0.0.1"), page.session()->localPort(), "a"));
    QVERIFY(b.send(QStringLiteral("127.0.0.1"), page.session()->localPort(), "b"));
    QTRY_COMPARE(page.peerModel()->rowCount(), 2);
    FIND(QTableView, table, &page, "udpPeers");
    chooseTarget(page, UdpPage::Target::Selected);
    FIND(QPushButton, send, &page, "sendButton");
    page.sendPanel()->setText(QStringLiteral("to b only"));
    QVERIFY(!send->isEnabled()); // nothing selected yet
    const int rowOfB = page.peerModel()->rowOf(page.session()->peers().value(1));
    table->selectRow(rowOfB);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    const QList<UdpPeer::Datagram> atB = b.take(1);
    QCOMPARE(atB.size(), 1);
    QCOMPARE(atB.at(0).data, QByteArray("to b only"));
    QVERIFY(a.take(1, 300).isEmpty()); // a was not selected

    FIND(QPushButton, forget, &page, "udpForget");
    QVERIFY(forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QTRY_COMPARE(page.peerModel()->rowCount(), 1);
    QCOMPARE(page.session()->peerCount(), 1);
}

void tst_UdpPage::badInputIsRefused()
{
    UdpPage page;
    FIND(QLineEdit, port, &page, "udpPort");
    FIND(QPushButton, bindButton, &page, "udpBind");
    FIND(QLabel, problem, &page, "udpInputError");
    port->setText(QStringLiteral("70000"));
    QVERIFY(!bindButton->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("65535")), qPrintable(problem->text()));
    port->setText(QStringLiteral("0"));
    QVERIFY(bindButton->isEnabled());

    FIND(QLineEdit, group, &page, "udpGroup");
    FIND(QPushButton, join, &page, "udpJoin");
    FIND(QLabel, groupProblem, &page, "udpGroupProblem");
    QVERIFY(bind(page, QHostAddress(QHostAddress::LocalHost)));
    group->setText(QStringLiteral("10.0.0.1"));
    QVERIFY(!join->isEnabled());
    QVERIFY2(groupProblem->text().contains(QStringLiteral("Not a multicast group")), qPrintable(groupProblem->text()));
    group->setText(QStringLiteral("239.1.2.3"));
    QVERIFY(join->isEnabled());
}

void tst_UdpPage::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("udp.ini")), QSettings::IniFormat);
    {
        UdpPage page;
        page.setBindAddress(QHostAddress(QHostAddress::LocalHost), 9123);
        page.setRemoteTarget(QStringLiteral("192.0.2.9"), 502);
        chooseTarget(page, UdpPage::Target::LastSender);
        page.findChild<QCheckBox *>(QStringLiteral("udpShare"))->setChecked(true);
        page.findChild<QSpinBox *>(QStringLiteral("udpExpiry"))->setValue(30);
        page.multicast()->setWanted({{QHostAddress(QStringLiteral("239.9.9.9")), QStringLiteral("lo")}});
        page.multicast()->setTtl(4);
        page.multicast()->setLoopback(false);
        page.saveSettings(settings);
    }
    UdpPage restored;
    restored.restoreSettings(settings);
    QCOMPARE(restored.title(), QStringLiteral("UDP 127.0.0.1:9123"));
    QCOMPARE(
        restored.findChild<QComboBox *>(QStringLiteral("udpTargetHost"))->currentText(), QStringLiteral("192.0.2.9"));
    QCOMPARE(restored.findChild<QLineEdit *>(QStringLiteral("udpTargetPort"))->text(), QStringLiteral("502"));
    QCOMPARE(restored.findChild<QComboBox *>(QStringLiteral("udpTargetMode"))->currentData().toInt(),
        int(UdpPage::Target::LastSender));
    QVERIFY(restored.findChild<QCheckBox *>(QStringLiteral("udpShare"))->isChecked());
    QCOMPARE(restored.findChild<QSpinBox *>(QStringLiteral("udpExpiry"))->value(), 30);
    QCOMPARE(restored.multicast()->wanted(),
        (QList<DatagramControl::Membership> {{QHostAddress(QStringLiteral("239.9.9.9")), QStringLiteral("lo")}}));
    QCOMPARE(restored.multicast()->ttl(), 4);
    QCOMPARE(restored.multicast()->loopback(), false);
}

QTEST_MAIN(tst_UdpPage)
#include "tst_udppage.moc"
