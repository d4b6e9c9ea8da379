#include "log/capturefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Record)
Q_DECLARE_METATYPE(CaptureFile::Format)

namespace {

qint64 at(int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(2026, 11, 25), QTime(hour, minute, second, ms)).toMSecsSinceEpoch();
}

Record data(Direction direction, const QByteArray &bytes, qint64 timeMs = at(12, 0, 0, 123))
{
    Record record;
    record.timeMs = timeMs;
    record.direction = direction;
    record.data = bytes;
    return record;
}

Record eventRecord(EventKind kind, const QByteArray &detail = {}, qint64 timeMs = at(12, 0, 0, 123))
{
    Record record = data(Direction::Event, detail, timeMs);
    record.event = kind;
    return record;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot open>";
    return file.readAll();
}

} // namespace

class tst_CaptureFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void textLine_data();
    void textLine();
    void textFile();
    void rawOneDirection_data();
    void rawOneDirection();
    void onDiskRightAfterWrite();
    void appendKeepsOldContent();
    void unwritablePath_data();
    void unwritablePath();
    void writeErrorIsReported();
    void writeWhenClosed();
    void ids();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_CaptureFile::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("capture-%1.log").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
}

void tst_CaptureFile::textLine_data()
{
    QTest::addColumn<Record>("record");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("rx text") << data(Direction::Rx, "Hello\r\n") << "127.0.0.1:5000" << QByteArray("UTF-8")
                             << QByteArray(
                                    "2026-11-25 12:00:00.123 RX 127.0.0.1:5000 48 65 6C 6C 6F 0D 0A | Hello\\r\\n");
    QTest::newRow("tx controls, backslash, tab")
        << data(Direction::Tx, QByteArray("a\\b\t\x00\x1b\x7f", 7), at(23, 59, 59, 7)) << "[::1]:80"
        << QByteArray("UTF-8")
        << QByteArray("2026-11-25 23:59:59.007 TX [::1]:80 61 5C 62 09 00 1B 7F | a\\\\b\\t\\x00\\x1B\\x7F");
    QTest::newRow("utf-8 text and invalid byte")
        << data(Direction::Rx, QByteArray("\xe4\xbd\xa0|\xff")) << "p" << QByteArray("UTF-8")
        << QByteArray("2026-11-25 12:00:00.123 RX p E4 BD A0 7C FF | \xe4\xbd\xa0|\xef\xbf\xbd");
    QTest::newRow("gbk decoded into utf-8")
        << data(Direction::Rx, QByteArray("\xc4\xe3\xba\xc3")) << "p" << QByteArray("GBK")
        << QByteArray("2026-11-25 12:00:00.123 RX p C4 E3 BA C3 | "
                      "\xe4\xbd\xa0\xe5\xa5\xbd");
    QTest::newRow("no peer") << data(Direction::Rx, "x") << QString() << QByteArray("UTF-8")
                             << QByteArray("2026-11-25 12:00:00.123 RX - 78 | x");
    QTest::newRow("event without detail")
        << eventRecord(EventKind::Connected) << "127.0.0.1:5000" << QByteArray("UTF-8")
        << QByteArray("2026-11-25 12:00:00.123 EVENT connected 127.0.0.1:5000");
    QTest::newRow("event with detail") << eventRecord(EventKind::Error, "Connection refused\nreally") << "127.0.0.1:1"
                                       << QByteArray("UTF-8")
                                       << QByteArray("2026-11-25 12:00:00.123 EVENT error 127.0.0.1:1 "
                                                     "Connection refused\\nreally");
    QTest::newRow("listening event") << eventRecord(EventKind::Listening) << "0.0.0.0:8080" << QByteArray("UTF-8")
                                     << QByteArray("2026-11-25 12:00:00.123 EVENT listening 0.0.0.0:8080");
}

void tst_CaptureFile::textLine()
{
    QFETCH(Record, record);
    QFETCH(QString, peer);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, line);
    QCOMPARE(CaptureFile::textLine(record, peer, encoding), line);
}

void tst_CaptureFile::textFile()
{
    CaptureFile capture;
    QVERIFY2(capture.open(m_path, CaptureFile::Format::Text, false), qPrintable(capture.errorString()));
    QVERIFY(capture.write(eventRecord(EventKind::Connected, {}, at(9, 0, 0, 0)), QStringLiteral("10.0.0.1:502")));
    QVERIFY(capture.write(
        data(Direction::Tx, QByteArray::fromHex("010300000001840a"), at(9, 0, 0, 5)), QStringLiteral("10.0.0.1:502")));
    QVERIFY(capture.write(data(Direction::Rx, "ok\n", at(9, 0, 1, 250)), QStringLiteral("10.0.0.1:502")));
    const QByteArray expected = "2026-11-25 09:00:00.000 EVENT connected 10.0.0.1:502\n"
                                "2026-11-25 09:00:00.005 TX 10.0.0.1:502 01 03 00 00 00 01 84 0A | "
                                "\\x01\\x03\\x00\\x00\\x00\\x01\xef\xbf\xbd\\n\n"
                                "2026-11-25 09:00:01.250 RX 10.0.0.1:502 6F 6B 0A | ok\\n\n";
    QCOMPARE(capture.bytesWritten(), expected.size());
    capture.close();
    QCOMPARE(readAll(m_path), expected);
}

void tst_CaptureFile::rawOneDirection_data()
{
    QTest::addColumn<CaptureFile::Format>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("rx") << CaptureFile::Format::RawRx << QByteArray("\x00\x01\r\nrx-two\xff", 11);
    QTest::newRow("tx") << CaptureFile::Format::RawTx << QByteArray("tx-one\x80tx-two");
}

void tst_CaptureFile::rawOneDirection()
{
    QFETCH(CaptureFile::Format, format);
    QFETCH(QByteArray, expected);

    CaptureFile capture;
    QVERIFY2(capture.open(m_path, format, false), qPrintable(capture.errorString()));
    const QString peer = QStringLiteral("127.0.0.1:5000");
    QVERIFY(capture.write(eventRecord(EventKind::Connected), peer));
    QVERIFY(capture.write(data(Direction::Rx, QByteArray("\x00\x01\r\n", 4)), peer));
    QVERIFY(capture.write(data(Direction::Tx, "tx-one\x80"), peer));
    QVERIFY(capture.write(data(Direction::Rx, "rx-two\xff"), peer));
    QVERIFY(capture.write(data(Direction::Tx, "tx-two"), peer));
    QVERIFY(capture.write(eventRecord(EventKind::Disconnected, "bye"), peer));
    QCOMPARE(capture.bytesWritten(), expected.size());
    capture.close();
    QCOMPARE(readAll(m_path), expected);
}

void tst_CaptureFile::onDiskRightAfterWrite()
{
    CaptureFile capture;
    QVERIFY(capture.open(m_path, CaptureFile::Format::RawRx, false));
    QVERIFY(capture.write(data(Direction::Rx, "first"), {}));
    // Another reader (or what is left after a kill) sees it without close(): nothing waits in QFile's buffer.
    QCOMPARE(readAll(m_path), QByteArray("first"));
    QVERIFY(capture.write(data(Direction::Rx, "second"), {}));
    QCOMPARE(readAll(m_path), QByteArray("firstsecond"));
    QVERIFY(capture.isOpen());
}

void tst_CaptureFile::appendKeepsOldContent()
{
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old;");
    }
    CaptureFile capture;
    QVERIFY(capture.open(m_path, CaptureFile::Format::RawTx, true));
    QVERIFY(capture.write(data(Direction::Tx, "new"), {}));
    QCOMPARE(capture.bytesWritten(), 3);
    QCOMPARE(readAll(m_path), QByteArray("old;new"));

    QVERIFY(capture.open(m_path, CaptureFile::Format::RawTx, false)); // truncates
    QCOMPARE(readAll(m_path), QByteArray());
}

void tst_CaptureFile::unwritablePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("a directory") << QDir::tempPath();
    QTest::newRow("missing directory") << QDir::tempPath() + QStringLiteral("/no-such-dir-netassist/x.log");
    QTest::newRow("empty path") << QString();
}

void tst_CaptureFile::unwritablePath()
{
    QFETCH(QString, path);
    CaptureFile capture;
    QVERIFY(!capture.open(path, CaptureFile::Format::Text, true));
    QVERIFY(!capture.isOpen());
    QVERIFY(!capture.errorString().isEmpty());
    QVERIFY(!capture.write(data(Direction::Rx, "x"), {}));
}

void tst_CaptureFile::writeErrorIsReported()
{
    // /dev/full accepts open() and fails every write with "No space left on device": a full disk, on demand.
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("needs /dev/full");
    CaptureFile capture;
    QVERIFY2(capture.open(QStringLiteral("/dev/full"), CaptureFile::Format::RawRx, false),
        qPrintable(capture.errorString()));
    QVERIFY(!capture.write(data(Direction::Rx, "lost"), {}));
    QVERIFY(!capture.errorString().isEmpty());
}

void tst_CaptureFile::writeWhenClosed()
{
    CaptureFile capture;
    QVERIFY(!capture.write(data(Direction::Rx, "x"), {}));
    QVERIFY(capture.open(m_path, CaptureFile::Format::Text, false));
    capture.close();
    QVERIFY(!capture.write(data(Direction::Rx, "x"), {}));
    QCOMPARE(readAll(m_path), QByteArray());
}

void tst_CaptureFile::ids()
{
    using F = CaptureFile::Format;
    for (F format : {F::Text, F::RawRx, F::RawTx, F::Pcap})
        QCOMPARE(CaptureFile::fromId(CaptureFile::id(format)), format);
    QCOMPARE(CaptureFile::id(F::RawRx), QByteArray("raw-rx"));
    QCOMPARE(CaptureFile::id(F::Pcap), QByteArray("pcap"));
    // A ".pcap" name asks for pcap; anything else keeps the fallback. The log library itself never writes pcap.
    QCOMPARE(CaptureFile::forFileName(QStringLiteral("/tmp/x.pcap")), F::Pcap);
    QCOMPARE(CaptureFile::forFileName(QStringLiteral("X.PCAP"), F::RawRx), F::Pcap);
    QCOMPARE(CaptureFile::forFileName(QStringLiteral("x.pcapng"), F::RawRx), F::RawRx);
    QCOMPARE(CaptureFile::forFileName(QStringLiteral("x.log")), F::Text);
    CaptureFile pcap;
    QVERIFY(!pcap.open(m_path, F::Pcap, false));
    QVERIFY(!pcap.isOpen());
    QCOMPARE(CaptureFile::fromId("bogus"), F::Text);
    QCOMPARE(CaptureFile::eventId(EventKind::Disconnected), QByteArray("disconnected"));
    QCOMPARE(CaptureFile::eventId(EventKind::Refused), QByteArray("refused"));
}

QTEST_GUILESS_MAIN(tst_CaptureFile)
#include "tst_capturefile.moc"
