#include "net/filesender.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 FileBytes = 20 * 1024 * 1024;
constexpr int TransferTimeoutMs = 60000;

// Deterministic, incompressible content, so a lost, repeated or reordered chunk changes the hash.
std::unique_ptr<QTemporaryFile> makeFile(qint64 size)
{
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open())
        return nullptr;
    QRandomGenerator random(42);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += block.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        file->write(block.constData(), std::min<qint64>(block.size(), size - written));
    }
    file->flush();
    return file;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result();
}

// The far end of a connection: hashes what arrives. With paused, it leaves data in the kernel, as a device that
// stops reading does, so the sender's queue fills up.
struct Receiver
{
    QTcpSocket *socket = nullptr;
    QCryptographicHash hash {QCryptographicHash::Sha256};
    qint64 count = 0;

    void attach(QTcpSocket *s, bool paused)
    {
        socket = s;
        if (paused)
            socket->setReadBufferSize(4096); // Qt's own buffer stops reading from the kernel when full
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] {
            if (socket->readBufferSize() == 0)
                drain();
        });
    }
    void drain()
    {
        const QByteArray data = socket->readAll();
        hash.addData(data);
        count += data.size();
    }
    void resume()
    {
        socket->setReadBufferSize(0);
        drain();
    }
};

QTcpSocket *acceptOne(QTcpServer &server)
{
    if (!server.hasPendingConnections()) {
        QSignalSpy spy(&server, &QTcpServer::newConnection);
        if (!spy.wait(5000))
            return nullptr;
    }
    return server.nextPendingConnection();
}

// A TcpClientSession connected to a plain QTcpServer on loopback.
struct ClientLink
{
    QTcpServer server;
    TcpClientSession session;
    Receiver receiver;
    PeerId peer = 0;

    bool open(bool paused)
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QSignalSpy connected(&session, &Session::peerConnected);
        session.open(QStringLiteral("127.0.0.1"), server.serverPort());
        if (!connected.wait(5000))
            return false;
        peer = connected.first().at(0).value<PeerId>();
        QTcpSocket *socket = acceptOne(server);
        if (!socket)
            return false;
        receiver.attach(socket, paused);
        return true;
    }
};

} // namespace

class tst_FileSender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void arrivesWholeFromClient();
    void arrivesWholeAtEveryServerClient();
    void cancelStopsQueueing();
    void peerGoneFails();
    void cannotStart_data();
    void cannotStart();
    void emptyFileFinishes();

private:
    std::unique_ptr<QTemporaryFile> m_file;
    QByteArray m_hash;
};

void tst_FileSender::initTestCase()
{
    m_file = makeFile(FileBytes);
    QVERIFY(m_file);
    QCOMPARE(m_file->size(), FileBytes);
    m_hash = sha256Of(m_file->fileName());
    QVERIFY(!m_hash.isEmpty());
}

void tst_FileSender::arrivesWholeFromClient()
{
    ClientLink link;
    QVERIFY(link.open(false));
    FileSender sender(&link.session);
    QSignalSpy finished(&sender, &FileSender::finished);
    QSignalSpy failed(&sender, &FileSender::failed);
    qint64 mostQueued = 0;
    qint64 lastSent = -1;
    int progressCount = 0;
    connect(&sender, &FileSender::progress, this, [&](qint64 sent, qint64 total) {
        QCOMPARE_GT(sent, lastSent);
        QCOMPARE(total, FileBytes);
        lastSent = sent;
        ++progressCount;
        mostQueued = std::max(mostQueued, link.session.bytesToWrite(link.peer));
    });

    QVERIFY(sender.start(m_file->fileName()));
    QVERIFY(sender.isRunning());
    // Streaming, not one big write: the first call queued at most the high-water mark.
    QCOMPARE_LE(sender.sentBytes(), FileSender::HighWaterBytes + FileSender::ChunkBytes);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TransferTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(link.receiver.count, FileBytes, TransferTimeoutMs);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!sender.isRunning());
    QCOMPARE(lastSent, FileBytes);
    QCOMPARE(link.receiver.hash.result().toHex(), m_hash.toHex());
    QCOMPARE_GE(progressCount, int(FileBytes / FileSender::ChunkBytes));
    QCOMPARE_LE(mostQueued, FileSender::HighWaterBytes + FileSender::ChunkBytes);
    QCOMPARE(link.session.peerInfo(link.peer).txBytes, FileBytes);
}

void tst_FileSender::arrivesWholeAtEveryServerClient()
{
    TcpServerSession session;
    QVERIFY(session.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&session, &Session::peerConnected);
    Receiver receivers[3];
    QTcpSocket sockets[3];
    for (int i = 0; i < 3; ++i) {
        sockets[i].connectToHost(QHostAddress::LocalHost, session.localPort());
        receivers[i].attach(&sockets[i], false);
    }
    QTRY_COMPARE(connected.count(), 3);
    const QList<PeerId> peers = session.peers();
    FileSender sender(&session);
    QSignalSpy finished(&sender, &FileSender::finished);
    // Targets 1 and 3 only: the one in the middle must get nothing.
    QVERIFY(sender.start(m_file->fileName(), {peers.at(0), peers.at(2)}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TransferTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(receivers[0].count, FileBytes, TransferTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(receivers[2].count, FileBytes, TransferTimeoutMs);
    QCOMPARE(receivers[0].hash.result().toHex(), m_hash.toHex());
    QCOMPARE(receivers[2].hash.result().toHex(), m_hash.toHex());
    QCOMPARE(receivers[1].count, 0);
}

void tst_FileSender::cancelStopsQueueing()
{
    ClientLink link;
    QVERIFY(link.open(true));
    FileSender sender(&link.session);
    QSignalSpy progress(&sender, &FileSender::progress);
    QSignalSpy failed(&sender, &FileSender::failed);
    QSignalSpy finished(&sender, &FileSender::finished);
    QVERIFY(sender.start(m_file->fileName()));
    // The receiver has stopped reading: once the kernel's buffers are full the sender holds at the high-water mark.
    QTRY_VERIFY_WITH_TIMEOUT(link.session.bytesToWrite(link.peer) >= FileSender::HighWaterBytes, TransferTimeoutMs);
    QCOMPARE_LT(sender.sentBytes(), FileBytes);

    sender.cancel();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<FileSender::Failure>(), FileSender::Failure::Cancelled);
    QVERIFY(!sender.isRunning());
    const qint64 queued = sender.sentBytes();
    const int progressAtCancel = int(progress.count());
    sender.cancel(); // a second cancel is a no-op
    QCOMPARE(failed.count(), 1);

    // What was queued before Cancel still arrives; nothing after it.
    link.receiver.resume();
    QTRY_COMPARE_WITH_TIMEOUT(link.receiver.count, queued, TransferTimeoutMs);
    QTRY_COMPARE(link.session.bytesToWrite(link.peer), 0);
    QTest::qWait(50); // give a wrongly still-running sender the bytesWritten it would react to
    QCOMPARE(link.receiver.count, queued);
    QCOMPARE(progress.count(), progressAtCancel);
    QCOMPARE(finished.count(), 0);
}

void tst_FileSender::peerGoneFails()
{
    ClientLink link;
    QVERIFY(link.open(true));
    FileSender sender(&link.session);
    QSignalSpy failed(&sender, &FileSender::failed);
    QVERIFY(sender.start(m_file->fileName()));
    QTRY_VERIFY_WITH_TIMEOUT(link.session.bytesToWrite(link.peer) >= FileSender::HighWaterBytes, TransferTimeoutMs);
    link.receiver.socket->abort(); // a reset, as a device that reboots sends
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.first().at(0).value<FileSender::Failure>(), FileSender::Failure::PeerGone);
    QVERIFY(!sender.isRunning());
}

void tst_FileSender::cannotStart_data()
{
    QTest::addColumn<bool>("connect");
    QTest::addColumn<bool>("missingFile");
    QTest::addColumn<FileSender::Failure>("failure");
    QTest::newRow("missing file") << true << true << FileSender::Failure::OpenFailed;
    QTest::newRow("not connected") << false << false << FileSender::Failure::NoPeer;
}

void tst_FileSender::cannotStart()
{
    QFETCH(bool, connect);
    QFETCH(bool, missingFile);
    QFETCH(FileSender::Failure, failure);
    ClientLink link;
    if (connect)
        QVERIFY(link.open(false));
    FileSender sender(&link.session);
    QSignalSpy failed(&sender, &FileSender::failed);
    const QString path = missingFile ? m_file->fileName() + QStringLiteral(".missing") : m_file->fileName();
    QVERIFY(!sender.start(path));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<FileSender::Failure>(), failure);
    QCOMPARE(failed.first().at(1).toString().isEmpty(), failure != FileSender::Failure::OpenFailed);
    QVERIFY(!sender.isRunning());
}

void tst_FileSender::emptyFileFinishes()
{
    ClientLink link;
    QVERIFY(link.open(false));
    QTemporaryFile empty;
    QVERIFY(empty.open());
    FileSender sender(&link.session);
    QSignalSpy finished(&sender, &FileSender::finished);
    QSignalSpy sent(&link.session, &Session::sent);
    QVERIFY(sender.start(empty.fileName()));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(sender.totalBytes(), 0);
}

QTEST_GUILESS_MAIN(tst_FileSender)
#include "tst_filesender.moc"
