#include "bytes/checksum.h"

#include <QTest>

Q_DECLARE_METATYPE(Checksum::Algorithm)
Q_DECLARE_METATYPE(Checksum::ByteOrder)

using Checksum::Algorithm;
using Checksum::ByteOrder;

class tst_Checksum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkValue_data();
    void checkValue();
    void emptyInput_data();
    void emptyInput();
    void bytes_data();
    void bytes();
    void modbusRequest();
    void menuOrderAndWidths();
    void ids();
};

void tst_Checksum::checkValue_data()
{
    QTest::addColumn<Algorithm>("algorithm");
    QTest::addColumn<quint32>("check");

    // Check values of "123456789" from the CRC catalogue.
    QTest::newRow("none") << Algorithm::None << quint32(0);
    QTest::newRow("sum8") << Algorithm::Sum8 << quint32(0xDD);
    QTest::newRow("xor8") << Algorithm::Xor8 << quint32(0x31);
    QTest::newRow("crc8") << Algorithm::Crc8 << quint32(0xF4);
    QTest::newRow("crc16-modbus") << Algorithm::Crc16Modbus << quint32(0x4B37);
    QTest::newRow("crc16-ccitt-false") << Algorithm::Crc16CcittFalse << quint32(0x29B1);
    QTest::newRow("crc32") << Algorithm::Crc32 << quint32(0xCBF43926);
}

void tst_Checksum::checkValue()
{
    QFETCH(Algorithm, algorithm);
    QFETCH(quint32, check);

    QCOMPARE(Checksum::value(algorithm, "123456789"), check);
}

void tst_Checksum::emptyInput_data()
{
    QTest::addColumn<Algorithm>("algorithm");
    QTest::addColumn<quint32>("value");

    // The initial register after xorout: catches a wrong init or a missing final xor.
    QTest::newRow("sum8") << Algorithm::Sum8 << quint32(0);
    QTest::newRow("crc8") << Algorithm::Crc8 << quint32(0);
    QTest::newRow("crc16-modbus") << Algorithm::Crc16Modbus << quint32(0xFFFF);
    QTest::newRow("crc16-ccitt-false") << Algorithm::Crc16CcittFalse << quint32(0xFFFF);
    QTest::newRow("crc32") << Algorithm::Crc32 << quint32(0);
}

void tst_Checksum::emptyInput()
{
    QFETCH(Algorithm, algorithm);
    QFETCH(quint32, value);

    QCOMPARE(Checksum::value(algorithm, QByteArrayView()), value);
}

void tst_Checksum::bytes_data()
{
    QTest::addColumn<Algorithm>("algorithm");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("none") << Algorithm::None << ByteOrder::BigEndian << QByteArray();
    QTest::newRow("sum8") << Algorithm::Sum8 << ByteOrder::LittleEndian << QByteArray("dd");
    QTest::newRow("crc16-modbus BE") << Algorithm::Crc16Modbus << ByteOrder::BigEndian << QByteArray("4b37");
    QTest::newRow("crc16-modbus LE") << Algorithm::Crc16Modbus << ByteOrder::LittleEndian << QByteArray("374b");
    QTest::newRow("ccitt BE") << Algorithm::Crc16CcittFalse << ByteOrder::BigEndian << QByteArray("29b1");
    QTest::newRow("crc32 BE") << Algorithm::Crc32 << ByteOrder::BigEndian << QByteArray("cbf43926");
    QTest::newRow("crc32 LE") << Algorithm::Crc32 << ByteOrder::LittleEndian << QByteArray("2639f4cb");
}

void tst_Checksum::bytes()
{
    QFETCH(Algorithm, algorithm);
    QFETCH(ByteOrder, order);
    QFETCH(QByteArray, hex);

    const QByteArray out = Checksum::bytes(algorithm, "123456789", order);
    QCOMPARE(out.toHex(), hex);
    QCOMPARE(out.size(), Checksum::width(algorithm));
}

void tst_Checksum::modbusRequest()
{
    // Read 10 holding registers from slave 1: the frame on the wire ends C5 CD.
    const QByteArray request = QByteArray::fromHex("01030000000a");
    QCOMPARE(Checksum::value(Algorithm::Crc16Modbus, request), quint32(0xCDC5));
    QCOMPARE(Checksum::naturalOrder(Algorithm::Crc16Modbus), ByteOrder::LittleEndian);
    QCOMPARE(Checksum::bytes(Algorithm::Crc16Modbus, request, ByteOrder::LittleEndian).toHex(), QByteArray("c5cd"));
}

void tst_Checksum::menuOrderAndWidths()
{
    const QList<Algorithm> expected = {Algorithm::None, Algorithm::Sum8, Algorithm::Xor8, Algorithm::Crc8,
        Algorithm::Crc16Modbus, Algorithm::Crc16CcittFalse, Algorithm::Crc32};
    QCOMPARE(Checksum::all(), expected);
    const QList<int> widths = {0, 1, 1, 1, 2, 2, 4};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(Checksum::width(expected.at(i)), widths.at(i));
    QCOMPARE(Checksum::naturalOrder(Algorithm::Crc16CcittFalse), ByteOrder::BigEndian);
    QCOMPARE(Checksum::naturalOrder(Algorithm::Crc32), ByteOrder::BigEndian);
}

void tst_Checksum::ids()
{
    const QList<QByteArray> expected = {"none", "sum8", "xor8", "crc8", "crc16-modbus", "crc16-ccitt-false", "crc32"};
    for (int i = 0; i < expected.size(); ++i) {
        const Algorithm algorithm = Checksum::all().at(i);
        QCOMPARE(Checksum::id(algorithm), expected.at(i));
        QCOMPARE(Checksum::fromId(expected.at(i)), algorithm);
    }
    QCOMPARE(Checksum::fromId("crc64"), Algorithm::None);
    QCOMPARE(Checksum::fromId(""), Algorithm::None);
}

QTEST_GUILESS_MAIN(tst_Checksum)
#include "tst_checksum.moc"
