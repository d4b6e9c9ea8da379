#include "capture/pcapwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

const FlowEnds Ipv4Ends {
    QHostAddress(QStringLiteral("127.0.0.1")), 40000, QHostAddress(QStringLiteral("127.0.0.2")), 7000};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The classic pcap container, read here independently of libpcap: libpcap writes it in the host's byte order.
struct Record
{
    quint32 seconds, micros, captured, original;
    QByteArray bytes;
};

quint32 hostWord(const QByteArray &bytes, qsizetype at)
{
    quint32 v;
    std::memcpy(&v, bytes.constData() + at, 4);
    return v;
}

QList<Record> records(const QByteArray &file)
{
    QList<Record> out;
    for (qsizetype at = 24; at + 16 <= file.size();) {
        Record r {hostWord(file, at), hostWord(file, at + 4), hostWord(file, at + 8), hostWord(file, at + 12), {}};
        r.bytes = file.mid(at + 16, r.captured);
        at += 16 + r.captured;
        out << r;
    }
    return out;
}

} // namespace

class tst_PcapWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fileHeader();
    void recordsHoldTimesAndPackets();
    void onDiskRightAfterEachWrite();
    void appendKeepsEarlierPackets();
    void appendCreatesMissingAndEmptyFiles();
    void appendRefused_data();
    void appendRefused();
    void unwritablePath_data();
    void unwritablePath();
    void writesBeforeOpen();
    void datagramTooLarge();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_PcapWriter::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.pcap").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
}

void tst_PcapWriter::fileHeader()
{
    PcapWriter writer;
    QVERIFY2(writer.open(m_path, false), qPrintable(writer.errorString()));
    writer.close();
    const QByteArray file = readAll(m_path);
    QCOMPARE(file.size(), 24);
    QCOMPARE(hostWord(file, 0), 0xa1b2c3d4u); // microsecond timestamps
    QCOMPARE(qFromUnaligned<quint16>(file.constData() + 4), quint16(2));
    QCOMPARE(qFromUnaligned<quint16>(file.constData() + 6), quint16(4));
    QCOMPARE(hostWord(file, 16), quint32(PcapWriter::SnapLength));
    QCOMPARE(hostWord(file, 20), 101u); // LINKTYPE_RAW, whatever value DLT_RAW has on this system
}

void tst_PcapWriter::recordsHoldTimesAndPackets()
{
    PcapWriter writer;
    QVERIFY(writer.open(m_path, false));
    QVERIFY(writer.udpDatagram(Ipv4Ends, true, "hi", 1764600000123456));
    QVERIFY(writer.tcpOpened(Ipv4Ends, 1764600001000001, true));
    QCOMPARE(writer.packetsWritten(), 4);
    writer.close();
    const QList<Record> r = records(readAll(m_path));
    QCOMPARE(r.size(), 4);
    QCOMPARE(r[0].seconds, 1764600000u);
    QCOMPARE(r[0].micros, 123456u);
    QCOMPARE(r[0].captured, 30u);
    QCOMPARE(r[0].original, 30u);
    QCOMPARE(r[0].bytes.toHex(),
        QByteArray("4500001e0001400040113ccb7f0000017f000002"
                   "9c401b58000ae1d46869"));
    QCOMPARE(r[1].seconds, 1764600001u);
    QCOMPARE(r[1].micros, 1u);
    QCOMPARE(r[1].bytes.size(), 48); // SYN with options
}

void tst_PcapWriter::onDiskRightAfterEachWrite()
{
    PcapWriter writer;
    QVERIFY(writer.open(m_path, false));
    QCOMPARE(QFileInfo(m_path).size(), 24);
    QVERIFY(writer.tcpData(Ipv4Ends, false, "abc", 1));
    // Read by another handle while the writer is still open: nothing waits in a buffer.
    const QList<Record> r = records(readAll(m_path));
    QCOMPARE(r.size(), 3 + 2);
    QCOMPARE(r[3].bytes.right(3), QByteArray("abc"));
}

void tst_PcapWriter::appendKeepsEarlierPackets()
{
    {
        PcapWriter writer;
        QVERIFY(writer.open(m_path, false));
        QVERIFY(writer.udpDatagram(Ipv4Ends, true, "one", 1));
    }
    PcapWriter writer;
    QVERIFY2(writer.open(m_path, true), qPrintable(writer.errorString()));
    QVERIFY(writer.udpDatagram(Ipv4Ends, false, "two", 2));
    writer.close();
    const QList<Record> r = records(readAll(m_path));
    QCOMPARE(r.size(), 2);
    QCOMPARE(r[0].bytes.right(3), QByteArray("one"));
    QCOMPARE(r[1].bytes.right(3), QByteArray("two"));

    QVERIFY(writer.open(m_path, false));
    writer.close();
    QCOMPARE(QFileInfo(m_path).size(), 24);
}

void tst_PcapWriter::appendCreatesMissingAndEmptyFiles()
{
    PcapWriter writer;
    QVERIFY2(writer.open(m_path, true), qPrintable(writer.errorString()));
    writer.close();
    QCOMPARE(QFileInfo(m_path).size(), 24);

    QFile empty(m_path);
    QVERIFY(empty.open(QIODevice::WriteOnly | QIODevice::Truncate));
    empty.close();
    QVERIFY2(writer.open(m_path, true), qPrintable(writer.errorString()));
    QVERIFY(writer.udpDatagram(Ipv4Ends, true, "x", 1));
    writer.close();
    QCOMPARE(records(readAll(m_path)).size(), 1);
}

void tst_PcapWriter::appendRefused_data()
{
    QTest::addColumn<QByteArray>("existing");
    QByteArray ethernet = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff0000");
    ethernet += QByteArray::fromHex("01000000"); // LINKTYPE_ETHERNET, little-endian
    if (QSysInfo::ByteOrder == QSysInfo::LittleEndian)
        QTest::newRow("another link type") << ethernet;
    QTest::newRow("a text file") << QByteArray("2026-11-25 12:00:00.123 RX 127.0.0.1:5000 41 | A\n");
    QTest::newRow("pcapng") << QByteArray::fromHex("0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000");
    QTest::newRow("a cut header") << QByteArray::fromHex("d4c3b2a10200");
}

void tst_PcapWriter::appendRefused()
{
    QFETCH(QByteArray, existing);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(existing);
    file.close();
    PcapWriter writer;
    QVERIFY(!writer.open(m_path, true));
    QCOMPARE(writer.error(), PcapWriter::Error::Open);
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(!writer.isOpen());
    QCOMPARE(readAll(m_path), existing);
}

void tst_PcapWriter::unwritablePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("append");
    QTest::newRow("missing directory") << m_dir.filePath(QStringLiteral("no/such/dir/x.pcap")) << false;
    QTest::newRow("missing directory, append") << m_dir.filePath(QStringLiteral("no/such/dir/x.pcap")) << true;
    QTest::newRow("a directory") << m_dir.path() << false;
    if (QFileInfo::exists(QStringLiteral("/dev/full")))
        QTest::newRow("disk full (/dev/full)") << QStringLiteral("/dev/full") << false;
}

void tst_PcapWriter::unwritablePath()
{
    QFETCH(QString, path);
    QFETCH(bool, append);
    PcapWriter writer;
    QVERIFY(!writer.open(path, append));
    QCOMPARE(writer.error(), PcapWriter::Error::Open);
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(!writer.isOpen());
    QVERIFY(!writer.udpDatagram(Ipv4Ends, true, "x", 1));
    QCOMPARE(writer.error(), PcapWriter::Error::NotOpen);
}

void tst_PcapWriter::writesBeforeOpen()
{
    PcapWriter writer;
    QVERIFY(!writer.tcpOpened(Ipv4Ends, 0, true));
    QCOMPARE(writer.error(), PcapWriter::Error::NotOpen);
    QVERIFY(!writer.tcpData(Ipv4Ends, true, "x", 0));
    QVERIFY(!writer.tcpClosed(Ipv4Ends, 0, true));
    QVERIFY(!writer.tcpReset(Ipv4Ends, 0, true));
    QCOMPARE(writer.packetsWritten(), 0);
}

void tst_PcapWriter::datagramTooLarge()
{
    PcapWriter writer;
    QVERIFY(writer.open(m_path, false));
    QVERIFY(!writer.udpDatagram(Ipv4Ends, true, QByteArray(65508, 'x'), 1));
    QCOMPARE(writer.error(), PcapWriter::Error::DatagramTooLarge);
    QVERIFY(writer.isOpen());
    QVERIFY(writer.udpDatagram(Ipv4Ends, true, QByteArray(65507, 'x'), 2));
    QCOMPARE(writer.error(), PcapWriter::Error::None);
    writer.close();
    const QList<Record> r = records(readAll(m_path));
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].captured, 65535u);
}

QTEST_APPLESS_MAIN(tst_PcapWriter)
#include "tst_pcapwriter.moc"
