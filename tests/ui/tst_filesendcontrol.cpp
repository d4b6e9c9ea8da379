#include "net/filesender.h"
#include "net/sessionfactory.h"
#include "sendpanel.h"
#include "widgetlookup.h"

#include <QCryptographicHash>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

namespace {

// The send panel of a page: a client session connected to a loopback device that can stop reading.
struct Link
{
    QTcpServer server;
    std::unique_ptr<Session> owned {Sessions::create(Transport::TcpClient)};
    Session &session = *owned;
    SendPanel panel;
    QTcpSocket *device = nullptr;
    QByteArray received;
    QSignalSpy notes {&panel, &SendPanel::logNote};

    bool open(bool deviceReads)
    {
        panel.setFileTarget(&session);
        QObject::connect(&session, &Session::peerConnected, &panel, [this] { panel.setPeerAvailable(true); });
        QObject::connect(&session, &Session::peerDisconnected, &panel, [this] { panel.setPeerAvailable(false); });
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QSignalSpy connected(&session, &Session::peerConnected);
        Session::OpenRequest request;
        request.host = QStringLiteral("127.0.0.1");
        request.port = server.serverPort();
        session.open(request);
        // The server may have taken the connection from the kernel while the client waited: only wait if not.
        if (!connected.wait(5000) || (!server.hasPendingConnections() && !server.waitForNewConnection(5000)))
            return false;
        device = server.nextPendingConnection();
        if (!deviceReads)
            device->setReadBufferSize(4096); // Qt stops taking data from the kernel: the sender's queue fills
        QObject::connect(device, &QTcpSocket::readyRead, device, [this] {
            if (device->readBufferSize() == 0)
                received += device->readAll();
        });
        panel.show();
        return true;
    }
};

std::unique_ptr<QTemporaryFile> makeFile(qint64 size)
{
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open())
        return nullptr;
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    file->write(data);
    file->flush();
    return file;
}

} // namespace

class tst_FileSendControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widgetsAreNamed();
    void sendsTheFileWhole();
    void cancelStopsAndHidesProgress();
    void disabledWithoutSessionOrPeer();
};

void tst_FileSendControl::widgetsAreNamed()
{
    SendPanel panel;
    FIND(QPushButton, button, &panel, "sendFileButton");
    FIND(QProgressBar, progress, &panel, "sendFileProgress");
    FIND(QPushButton, cancel, &panel, "sendFileCancel");
    for (QWidget *w : QList<QWidget *> {button, progress, cancel}) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(progress->isHidden()); // only while sending
    QVERIFY(cancel->isHidden());
}

void tst_FileSendControl::sendsTheFileWhole()
{
    const qint64 size = 3 * 1024 * 1024 + 5; // not a whole number of chunks
    const auto file = makeFile(size);
    QVERIFY(file);
    Link link;
    QVERIFY(link.open(true));
    FIND(QPushButton, button, &link.panel, "sendFileButton");
    FIND(QProgressBar, progress, &link.panel, "sendFileProgress");
    QVERIFY(button->isEnabled());
    QVERIFY(link.panel.fileSend()->sendFile(file->fileName()));
    QVERIFY(progress->isVisible());
    QVERIFY(!button->isEnabled()); // one transfer at a time
    QTRY_COMPARE_WITH_TIMEOUT(link.received.size(), size, 30000);
    QTRY_VERIFY(!link.panel.fileSend()->isSending());
    QVERIFY(progress->isHidden());
    QVERIFY(button->isEnabled());
    file->seek(0);
    QCOMPARE(QCryptographicHash::hash(link.received, QCryptographicHash::Sha256),
        QCryptographicHash::hash(file->readAll(), QCryptographicHash::Sha256));
    QCOMPARE(link.notes.count(), 2);
    QVERIFY(link.notes.at(0).at(0).toString().startsWith(QLatin1String("Sending file ")));
    QCOMPARE(link.notes.at(1).at(0).toString(),
        QStringLiteral("Sent file %1: %2 bytes").arg(QFileInfo(file->fileName()).fileName(), QLocale().toString(size)));
}

void tst_FileSendControl::cancelStopsAndHidesProgress()
{
    const auto file = makeFile(20 * 1024 * 1024);
    QVERIFY(file);
    Link link;
    QVERIFY(link.open(false));
    FIND(QPushButton, cancel, &link.panel, "sendFileCancel");
    FIND(QProgressBar, progress, &link.panel, "sendFileProgress");
    QVERIFY(link.panel.fileSend()->sendFile(file->fileName()));
    FileSender *sender = link.panel.fileSend()->sender();
    QVERIFY(sender);
    QTRY_VERIFY_WITH_TIMEOUT(
        link.session.bytesToWrite(link.session.peers().value(0)) >= FileSender::HighWaterBytes, 30000);
    QVERIFY(cancel->isVisible());
    QVERIFY(progress->value() > 0 && progress->value() < progress->maximum());
    const qint64 queued = sender->sentBytes();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!link.panel.fileSend()->isSending());
    QVERIFY(cancel->isHidden());
    QVERIFY(progress->isHidden());
    QCOMPARE(link.notes.count(), 2);
    QVERIFY2(link.notes.at(1).at(0).toString().contains(QLatin1String("cancelled")),
        qPrintable(link.notes.at(1).at(0).toString()));
    // The device reads again: what was queued arrives, nothing more.
    link.device->setReadBufferSize(0);
    link.received += link.device->readAll();
    QTRY_COMPARE_WITH_TIMEOUT(link.received.size(), queued, 30000);
    QVERIFY(queued < file->size());
}

void tst_FileSendControl::disabledWithoutSessionOrPeer()
{
    SendPanel panel;
    FIND(QPushButton, button, &panel, "sendFileButton");
    panel.setPeerAvailable(true);
    QVERIFY(!button->isEnabled()); // no session given by the page
    QVERIFY(!panel.fileSend()->sendFile(QStringLiteral("/nonexistent")));
    std::unique_ptr<Session> session(Sessions::create(Transport::TcpClient));
    panel.setFileTarget(session.get());
    QVERIFY(button->isEnabled());
    panel.setPeerAvailable(false);
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(), QStringLiteral("Not connected"));
}

QTEST_MAIN(tst_FileSendControl)
#include "tst_filesendcontrol.moc"
