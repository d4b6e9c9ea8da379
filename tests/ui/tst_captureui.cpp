#include "capturecontrol.h"
#include "clientpage.h"
#include "log/transcript.h"
#include "net/tcpclientsession.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// Capture to file in the client tab against a real QTcpServer on loopback: the file holds exactly what arrived,
// written as it arrives; a failed write stops the capture and says why.
class tst_CaptureUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widgetsAreNamed();
    void rawRxHoldsExactlyTheReceivedBytes();
    void textCaptureHasTimestampedLines();
    void unopenableFileIsRefused();
    void writeErrorStopsCapture();

private:
    static QTcpSocket *connectPage(ClientPage &page, QTcpServer &server)
    {
        page.setTarget(QStringLiteral("127.0.0.1"), server.serverPort());
        page.toggleSession();
        // The connection completes in the event loop.
        if (!QTest::qWaitFor([&server] { return server.hasPendingConnections(); }, 5000))
            return nullptr;
        QTcpSocket *peer = server.nextPendingConnection();
        if (!QTest::qWaitFor([&page] { return page.transcript()->size() >= 2; }, 5000))
            return nullptr;
        return peer;
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<cannot read>");
    }
};

void tst_CaptureUi::widgetsAreNamed()
{
    ClientPage page;
    FIND(QCheckBox, toggle, &page, "captureToggle");
    FIND(QLabel, status, &page, "captureStatus");
    QCOMPARE(toggle->accessibleName(), QStringLiteral("Capture to file"));
    QVERIFY(!toggle->toolTip().isEmpty());
    // A value label: assistive technology reads what it says; the description says what it is.
    QVERIFY(status->accessibleName().isEmpty());
    QCOMPARE(status->accessibleDescription(), QStringLiteral("Capture status"));
}

void tst_CaptureUi::rawRxHoldsExactlyTheReceivedBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rx.bin"));
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    QVERIFY(page.startCapture(path, CaptureFile::Format::RawRx));
    FIND(QCheckBox, toggle, &page, "captureToggle");
    FIND(QLabel, status, &page, "captureStatus");
    QVERIFY(toggle->isChecked());
    QCOMPARE(status->text(), QStringLiteral("rx.bin"));

    QTcpSocket *device = connectPage(page, server);
    QVERIFY(device);
    QByteArray expected;
    for (int i = 0; i < 256; ++i)
        expected.append(char(i));
    expected += QByteArray(100000, '\xA5');
    device->write(expected.left(3));
    QVERIFY(device->waitForBytesWritten(1000));
    // Written as it arrives, before any stop: a killed app keeps what was flushed.
    QTRY_COMPARE(fileBytes(path), expected.left(3));
    device->write(expected.mid(3));
    QTRY_COMPARE(page.transcript()->counters().rxBytes, expected.size());
    QCOMPARE(fileBytes(path), expected);

    // What we send is not in a raw RX capture.
    page.session()->send("not captured");
    QCOMPARE(fileBytes(path), expected);
    page.stopCapture();
    QVERIFY(!toggle->isChecked());
    QVERIFY(!page.isCapturing());
}

void tst_CaptureUi::textCaptureHasTimestampedLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.txt"));
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    QVERIFY(page.startCapture(path, CaptureFile::Format::Text));
    QTcpSocket *device = connectPage(page, server);
    QVERIFY(device);
    device->write("OK\r\n");
    QTRY_COMPARE(page.transcript()->counters().rxBytes, 4);
    page.session()->send("AT");
    const QList<QByteArray> lines = fileBytes(path).split('\n');
    QCOMPARE(lines.size(), 4 + 1); // connecting, connected, RX, TX, then the empty piece after the last "\n"
    const QByteArray peer = QStringLiteral("127.0.0.1:%1").arg(server.serverPort()).toLatin1();
    QVERIFY2(lines[0].endsWith(" EVENT connecting " + peer), lines[0].constData());
    QVERIFY2(lines[1].endsWith(" EVENT connected " + peer), lines[1].constData());
    QVERIFY2(lines[2].endsWith(" RX " + peer + " 4F 4B 0D 0A | OK\\r\\n"), lines[2].constData());
    QVERIFY2(lines[3].endsWith(" TX " + peer + " 41 54 | AT"), lines[3].constData());
    // "2026-11-25 12:00:00.123 ": a date, a time with milliseconds.
    QCOMPARE(lines[2].indexOf(" RX "), 23);
}

void tst_CaptureUi::unopenableFileIsRefused()
{
    QTemporaryDir dir;
    ClientPage page;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/x.bin"));
    QVERIFY(!page.startCapture(path, CaptureFile::Format::RawRx));
    QVERIFY(!page.isCapturing());
    QVERIFY(!page.captureError().isEmpty());
    FIND(QCheckBox, toggle, &page, "captureToggle");
    QVERIFY(!toggle->isChecked());
}

void tst_CaptureUi::writeErrorStopsCapture()
{
#ifndef Q_OS_LINUX
    QSKIP("needs /dev/full, which accepts the open and fails every write");
#endif
    ClientPage page;
    QVERIFY(page.startCapture(QStringLiteral("/dev/full"), CaptureFile::Format::Text));
    QSignalSpy failed(page.captureControl(), &CaptureControl::captureFailed);
    page.transcript()->appendEvent(EventKind::Note, QString(), QStringLiteral("first record"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!page.isCapturing());
    FIND(QCheckBox, toggle, &page, "captureToggle");
    FIND(QLabel, status, &page, "captureStatus");
    QVERIFY(!toggle->isChecked());
    QVERIFY2(status->text().startsWith(QStringLiteral("Capture to /dev/full stopped: ")), qPrintable(status->text()));
    // The reason is in the log too, as an event after the record that could not be written.
    const Record &note = page.transcript()->at(page.transcript()->size() - 1);
    QCOMPARE(note.event, EventKind::CaptureFailed);
    QCOMPARE(page.transcript()->peerName(note.peer), QStringLiteral("/dev/full"));
    QVERIFY(!note.data.isEmpty());
    QVERIFY2(status->text().endsWith(QString::fromUtf8(note.data)), qPrintable(status->text()));
    auto *box = page.findChild<QMessageBox *>(QStringLiteral("captureError"));
    QVERIFY(box);
    QCOMPARE(box->text(), status->text());
    box->close();
}

QTEST_MAIN(tst_CaptureUi)
#include "tst_captureui.moc"
