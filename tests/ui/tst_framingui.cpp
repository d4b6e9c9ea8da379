#include "clientpage.h"
#include "log/logjson.h"
#include "log/sessionrecorder.h"
#include "logpanel.h"
#include "logview.h"
#include "receiveoptions.h"
#include "session/tabmodel.h"
#include "widgetlookup.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// Receive framing in the client tab, driven through its widgets, against a real device-like QTcpServer on
// loopback: the rows of the log are frames, each with its own header and timestamp.
class tst_FramingUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widgetsAreNamed_data();
    void widgetsAreNamed();
    void delimiterGivesOneRowPerLine();
    void fixedLengthHexFramesWithDelta();
    void idleGapJoinsBurst();
    void customHexDelimiter();
    void settingsRoundTrip();

private:
    static QTcpSocket *connectPage(ClientPage &page, QTcpServer &server);
    static void select(QComboBox *combo, int data)
    {
        const int index = combo->findData(data);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }
    static QStringList rxRows(LogView *view)
    {
        QStringList rows;
        for (const QString &row : view->allText().split(QLatin1Char('\n'))) {
            if (row.contains(QLatin1String(" RX ")))
                rows.append(row);
        }
        return rows;
    }
};

QTcpSocket *tst_FramingUi::connectPage(ClientPage &page, QTcpServer &server)
{
    page.setTarget(QStringLiteral("127.0.0.1"), server.serverPort());
    auto *button = page.findChild<QPushButton *>(QStringLiteral("clientConnect"));
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    // The connection completes in the event loop.
    if (!QTest::qWaitFor([&server] { return server.hasPendingConnections(); }, 5000))
        return nullptr;
    QTcpSocket *peer = server.nextPendingConnection();
    if (!QTest::qWaitFor([&page] { return page.transcript()->size() >= 2; }, 5000)) // Connecting + Connected
        return nullptr;
    return peer;
}

void tst_FramingUi::widgetsAreNamed_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("accessibleName");
    QTest::newRow("mode") << "framingMode"
                          << "Framing";
    QTest::newRow("gap") << "framingGap"
                         << "Idle gap";
    QTest::newRow("delimiter") << "framingDelimiter"
                               << "Delimiter";
    QTest::newRow("custom") << "framingDelimiterHex"
                            << "Custom delimiter";
    QTest::newRow("length") << "framingLength"
                            << "Frame length";
    QTest::newRow("delta") << "logShowDelta"
                           << "Show time since previous";
}

void tst_FramingUi::widgetsAreNamed()
{
    QFETCH(QString, objectName);
    QFETCH(QString, accessibleName);
    ClientPage page;
    auto *widget = page.findChild<QWidget *>(objectName);
    QVERIFY2(widget, qPrintable(objectName));
    QCOMPARE(widget->accessibleName(), accessibleName);
    QVERIFY(!widget->toolTip().isEmpty());
}

void tst_FramingUi::delimiterGivesOneRowPerLine()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    FIND(QComboBox, mode, &page, "framingMode");
    FIND(QComboBox, delimiter, &page, "framingDelimiter");
    FIND(LogView, view, &page, "logView");
    select(mode, int(Framer::Mode::Delimiter));
    select(delimiter, 2); // CRLF
    QCOMPARE(page.recorder()->framing().mode, Framer::Mode::Delimiter);
    QCOMPARE(page.recorder()->framing().delimiter, QByteArray("\r\n"));

    QTcpSocket *device = connectPage(page, server);
    QVERIFY(device);
    device->write("T=21.5\r\nT=21.6\r\nT=2");
    QVERIFY(device->waitForBytesWritten(1000));
    QTRY_COMPARE(rxRows(view).size(), 2);
    device->write("1.7\r\n");
    QTRY_COMPARE(rxRows(view).size(), 3);
    const QStringList rows = rxRows(view);
    // One row per line, each its own record with a "[hh:mm:ss.zzz] RX peer" header.
    const QRegularExpression header(QStringLiteral(R"(^\[\d\d:\d\d:\d\d\.\d\d\d\] RX 127\.0\.0\.1:\d+ .*T=)"));
    const QStringList values {"T=21.5", "T=21.6", "T=21.7"};
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(header.match(rows[i]).hasMatch(), qPrintable(rows[i]));
        QVERIFY2(rows[i].endsWith(values[i]), qPrintable(rows[i]));
    }
    QCOMPARE(page.transcript()->counters().rxMessages, 3);
}

void tst_FramingUi::fixedLengthHexFramesWithDelta()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    FIND(QComboBox, mode, &page, "framingMode");
    FIND(QSpinBox, length, &page, "framingLength");
    FIND(QComboBox, viewMode, &page, "logViewMode");
    FIND(LogView, view, &page, "logView");
    select(mode, int(Framer::Mode::FixedLength));
    length->setValue(11);
    select(viewMode, int(RenderOptions::View::Hex));
    // Turning framing on shows the gap between frames.
    QVERIFY(page.logPanel()->options().showDelta);

    QTcpSocket *device = connectPage(page, server);
    QVERIFY(device);
    // Two Modbus-TCP read replies (MBAP + 01 03 02 00 2A / 00 2B) arriving in one segment.
    device->write(QByteArray::fromHex("000100000005010302002a"
                                      "000200000005010302002b"));
    QTRY_COMPARE(rxRows(view).size(), 2);
    const QStringList all = view->allText().split(QLatin1Char('\n'));
    const QStringList rows = rxRows(view);
    QVERIFY2(rows[0].endsWith(QLatin1String("(11 bytes)")), qPrintable(rows[0]));
    QVERIFY2(!rows[0].contains(QLatin1String(" ms ")), qPrintable(rows[0])); // the first frame has no predecessor
    QVERIFY2(QRegularExpression(QStringLiteral(R"( \+\d+ ms  \(11 bytes\)$)")).match(rows[1]).hasMatch(),
        qPrintable(rows[1]));
    QVERIFY2(
        all.contains(QStringLiteral("    00000000  00 01 00 00 00 05 01 03  02 00 2a                 |..........*|")),
        qPrintable(all.join(u'\n')));
    QVERIFY(
        all.contains(QStringLiteral("    00000000  00 02 00 00 00 05 01 03  02 00 2b                 |..........+|")));
}

void tst_FramingUi::idleGapJoinsBurst()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    FIND(QComboBox, mode, &page, "framingMode");
    FIND(QSpinBox, gap, &page, "framingGap");
    select(mode, int(Framer::Mode::IdleGap));
    gap->setValue(500);
    QCOMPARE(page.recorder()->framing().gapMs, 500);
    QTcpSocket *device = connectPage(page, server);
    QVERIFY(device);
    device->write("AB");
    QVERIFY(device->waitForBytesWritten(1000));
    // Two reads well inside the gap: one frame once the line has been quiet for 500 ms.
    QTRY_VERIFY(page.recorder()->hasPending());
    device->write("CD");
    QVERIFY(device->waitForBytesWritten(1000));
    QTRY_VERIFY_WITH_TIMEOUT(!page.recorder()->hasPending(), 5000);
    const Record &last = page.transcript()->at(page.transcript()->size() - 1);
    QCOMPARE(last.direction, Direction::Rx);
    QCOMPARE(last.data, QByteArray("ABCD"));
}

void tst_FramingUi::customHexDelimiter()
{
    ClientPage page;
    FIND(QComboBox, mode, &page, "framingMode");
    FIND(QComboBox, delimiter, &page, "framingDelimiter");
    FIND(QLineEdit, custom, &page, "framingDelimiterHex");
    select(mode, int(Framer::Mode::Delimiter));
    QCOMPARE(page.recorder()->framing().delimiter, QByteArray("\n"));
    select(delimiter, 3); // custom
    QTest::keyClicks(custom, "7");
    // Half a byte is not a delimiter: the last valid one stays in force.
    QCOMPARE(page.recorder()->framing().delimiter, QByteArray("\n"));
    QTest::keyClicks(custom, "E");
    QCOMPARE(page.recorder()->framing().delimiter, QByteArray("\x7e"));
}

void tst_FramingUi::settingsRoundTrip()
{
    ClientPage page;
    Framer::Config config;
    config.mode = Framer::Mode::Delimiter;
    config.delimiter = QByteArray("\x03", 1);
    config.gapMs = 75;
    config.length = 12;
    QJsonObject settings = page.model()->receiveSettings();
    settings.insert(QStringLiteral("framing"), FramingJson::toJson(config));
    page.model()->setReceiveSettings(settings);
    QCOMPARE(page.recorder()->framing(), config);
    FIND(QComboBox, mode, &page, "framingMode");
    FIND(QLineEdit, custom, &page, "framingDelimiterHex");
    QCOMPARE(mode->currentData().toInt(), int(Framer::Mode::Delimiter));
    QCOMPARE(custom->text(), QStringLiteral("03"));
    QCOMPARE(
        FramingJson::fromJson(page.model()->receiveSettings().value(QStringLiteral("framing")).toObject()), config);
}

QTEST_MAIN(tst_FramingUi)
#include "tst_framingui.moc"
