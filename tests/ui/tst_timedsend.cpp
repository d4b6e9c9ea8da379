#include "clientpage.h"
#include "log/transcript.h"
#include "net/tcpclientsession.h"
#include "sendpanel.h"
#include "timedsend.h"
#include "widgetlookup.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

const QByteArray ModbusRead = QByteArray::fromHex("01030000000ac5cd");

// A device on loopback: counts what arrives; with reply set, answers every complete 8-byte request with it.
struct Device
{
    QTcpServer server;
    QTcpSocket *socket = nullptr;
    QByteArray received;
    QByteArray reply;

    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    bool accept()
    {
        if (!server.hasPendingConnections() && !server.waitForNewConnection(5000))
            return false;
        socket = server.nextPendingConnection();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] {
            const qsizetype before = received.size();
            received += socket->readAll();
            if (!reply.isEmpty()) {
                for (qsizetype n = before / 8; n < received.size() / 8; ++n)
                    socket->write(reply);
            }
        });
        return true;
    }
    int payloads(const QByteArray &payload) const { return int(received.count(payload)); }
};

// The send panel wired to a real client session the way the client page does it.
struct Link
{
    TcpClientSession session;
    SendPanel panel;
    Device device;
    QSignalSpy stopped {&panel, &SendPanel::timedSendStopped};
    TimedSend *timed = nullptr;

    bool open()
    {
        QObject::connect(&panel, &SendPanel::sendRequested, &session, [this](const QByteArray &b) { session.send(b); });
        QObject::connect(&session, &Session::peerConnected, &panel, [this] { panel.setPeerAvailable(true); });
        QObject::connect(&session, &Session::peerDisconnected, &panel, [this] { panel.setPeerAvailable(false); });
        timed = panel.timedSend();
        if (!device.listen())
            return false;
        QSignalSpy connected(&session, &Session::peerConnected);
        session.open(QStringLiteral("127.0.0.1"), device.server.serverPort());
        return connected.wait(5000) && device.accept();
    }
    void setModbusRead()
    {
        Payload::Spec spec;
        spec.mode = Payload::Mode::Hex;
        spec.checksum = Checksum::Algorithm::Crc16Modbus;
        spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
        panel.setSpec(spec);
        panel.setText(QStringLiteral("01 03 00 00 00 0A"));
    }
};

} // namespace

class tst_TimedSend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widgetsAreNamed();
    void countLimitDeliversExactlyThatMany_data();
    void countLimitDeliversExactlyThatMany();
    void eachTickSendsTheCurrentPayload();
    void userStop();
    void connectionDropStopsAndSaysWhy();
    void peerLossStopsWithoutWaitingForTheTick();
    void invalidPayloadStopsAndSaysWhy();
    void cannotStartWithoutPeerOrPayload();
    void modbusPollThroughTheClientPage();
};

void tst_TimedSend::widgetsAreNamed()
{
    SendPanel panel;
    FIND(QSpinBox, interval, &panel, "timedSendInterval");
    FIND(QSpinBox, limit, &panel, "timedSendLimit");
    FIND(QPushButton, toggle, &panel, "timedSendToggle");
    FIND(QLabel, status, &panel, "timedSendStatus");
    for (QWidget *w : QList<QWidget *> {interval, limit, toggle}) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }
    // A value label: its accessible name is what it says.
    QVERIFY(status->accessibleName().isEmpty());
    QVERIFY(!status->accessibleDescription().isEmpty());
    QCOMPARE(interval->minimum(), 1);
    QCOMPARE(interval->maximum(), 24 * 60 * 60 * 1000); // hours are in range
    QCOMPARE(limit->minimum(), 0);
    QCOMPARE(limit->text(), QStringLiteral("never")); // 0 means no limit, and says so
    QCOMPARE(toggle->text(), QStringLiteral("Re&peat"));
}

void tst_TimedSend::countLimitDeliversExactlyThatMany_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("count");
    QTest::newRow("5 x 20 ms") << 20 << 5;
    QTest::newRow("3 x 1 ms") << 1 << 3;
    QTest::newRow("1 x 1 h") << 3600 * 1000 << 1; // the first send is immediate
}

void tst_TimedSend::countLimitDeliversExactlyThatMany()
{
    QFETCH(int, intervalMs);
    QFETCH(int, count);
    Link link;
    QVERIFY(link.open());
    link.setModbusRead();
    FIND(QSpinBox, interval, &link.panel, "timedSendInterval");
    FIND(QSpinBox, limit, &link.panel, "timedSendLimit");
    FIND(QPushButton, toggle, &link.panel, "timedSendToggle");
    FIND(QLabel, status, &link.panel, "timedSendStatus");
    interval->setValue(intervalMs);
    limit->setValue(count);
    QVERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(link.stopped.count(), 1, 10000);
    QCOMPARE(link.stopped.first().at(0).toString(), QStringLiteral("Timed send finished: %1 sent").arg(count));
    QVERIFY(!link.timed->isRunning());
    QVERIFY(!toggle->isChecked());
    QCOMPARE(status->text(), QStringLiteral("Timed send finished: %1 sent").arg(count));
    QTRY_COMPARE(link.device.received.size(), count * ModbusRead.size());
    QCOMPARE(link.device.payloads(ModbusRead), count);
    QCOMPARE(link.device.received, ModbusRead.repeated(count));
    QCOMPARE(link.panel.history().size(), 1); // added once, at the start
}

void tst_TimedSend::eachTickSendsTheCurrentPayload()
{
    SendPanel panel;
    panel.setPeerAvailable(true);
    panel.setText(QStringLiteral("A"));
    QSignalSpy sent(&panel, &SendPanel::sendRequested);
    panel.timedSend()->setIntervalMs(10);
    panel.timedSend()->start();
    QCOMPARE(sent.count(), 1); // at once, not after the first interval
    QCOMPARE(sent.last().at(0).toByteArray(), QByteArray("A"));
    panel.setText(QStringLiteral("B")); // edited while running
    QVERIFY(sent.wait(1000)); // the next tick
    QCOMPARE(sent.last().at(0).toByteArray(), QByteArray("B"));
    QVERIFY(panel.timedSend()->isRunning());
    QCOMPARE(
        panel.findChild<QLabel *>(QStringLiteral("timedSendStatus"))->text().contains(QLatin1String("Running")), true);
    panel.timedSend()->stop();
}

void tst_TimedSend::userStop()
{
    SendPanel panel;
    panel.setPeerAvailable(true);
    panel.setText(QStringLiteral("ping"));
    QSignalSpy sent(&panel, &SendPanel::sendRequested);
    QSignalSpy stopped(&panel, &SendPanel::timedSendStopped);
    FIND(QPushButton, toggle, &panel, "timedSendToggle");
    panel.timedSend()->setIntervalMs(5);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(toggle->isChecked());
    QCOMPARE(toggle->text(), QStringLiteral("Sto&p"));
    QTRY_VERIFY(sent.count() >= 3);
    QTest::mouseClick(toggle, Qt::LeftButton);
    const int count = int(sent.count());
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).toString(), QStringLiteral("Timed send stopped: %1 sent").arg(count));
    QVERIFY(!toggle->isChecked());
    QTest::qWait(50); // ten intervals: a timer left running would send again
    QCOMPARE(sent.count(), count);
}

void tst_TimedSend::connectionDropStopsAndSaysWhy()
{
    Link link;
    QVERIFY(link.open());
    link.panel.setText(QStringLiteral("poll"));
    link.timed->setIntervalMs(20);
    link.timed->setLimit(0); // would run for ever
    link.timed->start();
    QTRY_VERIFY(link.device.payloads("poll") >= 2);
    link.device.socket->close(); // the device goes away
    QTRY_COMPARE(link.stopped.count(), 1);
    const QString reason = link.stopped.first().at(0).toString();
    QVERIFY2(
        reason.startsWith(QLatin1String("Timed send stopped: ")) && reason.endsWith(QLatin1String("not connected")),
        qPrintable(reason));
    QVERIFY(!link.timed->isRunning());
    FIND(QPushButton, toggle, &link.panel, "timedSendToggle");
    QVERIFY(!toggle->isEnabled());
    QCOMPARE(toggle->toolTip(), QStringLiteral("Not connected"));
}

void tst_TimedSend::peerLossStopsWithoutWaitingForTheTick()
{
    SendPanel panel;
    panel.setPeerAvailable(true);
    panel.setText(QStringLiteral("hourly"));
    QSignalSpy stopped(&panel, &SendPanel::timedSendStopped);
    panel.timedSend()->setIntervalMs(3600 * 1000);
    panel.timedSend()->start();
    panel.setPeerAvailable(false); // the next tick is an hour away
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).toString(), QStringLiteral("Timed send stopped: 1 sent; not connected"));
    QVERIFY(!panel.timedSend()->isRunning());
}

void tst_TimedSend::invalidPayloadStopsAndSaysWhy()
{
    SendPanel panel;
    panel.setPeerAvailable(true);
    Payload::Spec hex;
    hex.mode = Payload::Mode::Hex;
    panel.setSpec(hex);
    panel.setText(QStringLiteral("01 02"));
    QSignalSpy sent(&panel, &SendPanel::sendRequested);
    QSignalSpy stopped(&panel, &SendPanel::timedSendStopped);
    panel.timedSend()->setIntervalMs(10);
    panel.timedSend()->start();
    QCOMPARE(sent.count(), 1);
    panel.setText(QStringLiteral("01 0")); // an odd digit count
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(sent.count(), 1); // the broken payload was never sent
    const QString reason = stopped.first().at(0).toString();
    QVERIFY2(reason.startsWith(QLatin1String("Timed send stopped: 1 sent; ")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("odd")), qPrintable(reason)); // the payload's own reason
}

void tst_TimedSend::cannotStartWithoutPeerOrPayload()
{
    SendPanel panel;
    QSignalSpy sent(&panel, &SendPanel::sendRequested);
    FIND(QPushButton, toggle, &panel, "timedSendToggle");
    panel.setText(QStringLiteral("x"));
    QVERIFY(!toggle->isEnabled()); // no peer yet
    panel.timedSend()->start();
    QVERIFY(!panel.timedSend()->isRunning());
    panel.setPeerAvailable(true);
    QVERIFY(toggle->isEnabled());
    panel.setText(QString()); // nothing to send
    QVERIFY(!toggle->isEnabled());
    panel.timedSend()->start();
    QVERIFY(!panel.timedSend()->isRunning());
    QCOMPARE(sent.count(), 0);
}

// The acceptance: type 01 03 00 00 00 0A, pick CRC-16/MODBUS, see the CRC in the preview, send it every
// 500 ms, and read every reply as its own record - through the real client page.
void tst_TimedSend::modbusPollThroughTheClientPage()
{
    Device device;
    device.reply = QByteArray::fromHex("0103140000000100020003000400050006000700080009");
    QVERIFY(device.listen());
    ClientPage page;
    page.setTarget(QStringLiteral("127.0.0.1"), device.server.serverPort());
    page.toggleSession();
    QTRY_COMPARE(page.session()->state(), Session::State::Open);
    QVERIFY(device.accept());

    FIND(QComboBox, mode, &page, "sendMode");
    FIND(QComboBox, checksum, &page, "sendChecksum");
    FIND(QPlainTextEdit, editor, &page, "sendEditor");
    FIND(QLabel, preview, &page, "sendPreview");
    mode->setCurrentIndex(mode->findData(int(Payload::Mode::Hex)));
    QTest::keyClicks(editor, QStringLiteral("01 03 00 00 00 0A"));
    checksum->setCurrentIndex(checksum->findText(QStringLiteral("CRC-16/MODBUS")));
    QCOMPARE(preview->text(), QStringLiteral("01 03 00 00 00 0A C5 CD"));

    FIND(QSpinBox, interval, &page, "timedSendInterval");
    FIND(QSpinBox, limit, &page, "timedSendLimit");
    FIND(QPushButton, toggle, &page, "timedSendToggle");
    interval->setValue(500);
    limit->setValue(3);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(device.payloads(ModbusRead), 3, 5000);
    const Transcript *log = page.transcript();
    auto records = [log](Direction direction) {
        QList<QByteArray> data;
        for (qsizetype i = 0; i < log->size(); ++i) {
            if (log->at(i).direction == direction && log->at(i).event == EventKind::None)
                data << log->at(i).data;
        }
        return data;
    };
    QTRY_COMPARE(records(Direction::Rx).size(), 3);
    QCOMPARE(records(Direction::Tx), QList<QByteArray>(3, ModbusRead));
    QCOMPARE(records(Direction::Rx), QList<QByteArray>(3, device.reply)); // 500 ms apart: one read each
    QVERIFY(!page.sendPanel()->timedSend()->isRunning());
}

QTEST_MAIN(tst_TimedSend)
#include "tst_timedsend.moc"
