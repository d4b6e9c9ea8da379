#include "clientpage.h"
#include "log/capturefile.h"
#include "serverpage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// 32 MB of pseudo-random bytes through NetAssist's own client and server tabs, both ways: what the transcript kept
// (within its budget) and what capture wrote are byte-for-byte what was sent.
class tst_Integrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothWays();

private:
    static QByteArray recordedRx(const Transcript &transcript)
    {
        QByteArray all;
        for (qsizetype i = 0; i < transcript.size(); ++i) {
            if (transcript.at(i).direction == Direction::Rx)
                all += transcript.at(i).data;
        }
        return all;
    }
    static QByteArray sha256(const QByteArray &bytes)
    {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    }
};

void tst_Integrity::bothWays()
{
    constexpr qsizetype size = 32 * 1024 * 1024;
    QByteArray payload(size, Qt::Uninitialized);
    QRandomGenerator generator(20261125); // fixed seed: a failure can be replayed
    generator.fillRange(reinterpret_cast<quint32 *>(payload.data()), size / 4);
    QByteArray reverse = payload;
    std::reverse(reverse.begin(), reverse.end());

    QTemporaryDir dir;
    ServerPage server;
    server.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    server.toggleSession();
    QVERIFY(server.session()->localPort() != 0);
    const QString capturePath = dir.filePath(QStringLiteral("server-rx.bin"));
    QVERIFY2(server.startCapture(capturePath, CaptureFile::Format::RawRx), qPrintable(server.captureError()));

    ClientPage client;
    client.setTarget(QStringLiteral("127.0.0.1"), server.session()->localPort());
    client.toggleSession();
    // Connecting and accepting happen in the event loop.
    QTRY_COMPARE(client.session()->state(), Session::State::Open);
    QTRY_COMPARE(server.session()->peerCount(), 1);

    // Client -> server, in 1 MiB writes as a fast sender would.
    for (qsizetype offset = 0; offset < size; offset += 1 << 20)
        client.session()->send(payload.mid(offset, 1 << 20));
    QTRY_VERIFY_WITH_TIMEOUT(server.transcript()->counters().rxBytes == size, 60000);
    QCOMPARE(sha256(recordedRx(*server.transcript())), sha256(payload));
    server.stopCapture();
    QFile captured(capturePath);
    QVERIFY(captured.open(QIODevice::ReadOnly));
    QCOMPARE(captured.size(), qint64(size));
    QCOMPARE(sha256(captured.readAll()), sha256(payload));

    // Server -> client.
    server.session()->send(reverse);
    QTRY_VERIFY_WITH_TIMEOUT(client.transcript()->counters().rxBytes == size, 60000);
    QCOMPARE(sha256(recordedRx(*client.transcript())), sha256(reverse));
    QCOMPARE(client.transcript()->counters().txBytes, qint64(size));
    QCOMPARE(server.transcript()->counters().txBytes, qint64(size));
}

QTEST_MAIN(tst_Integrity)
#include "tst_integrity.moc"
