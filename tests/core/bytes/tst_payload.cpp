#include "bytes/escapes.h"
#include "bytes/hex.h"
#include "bytes/payload.h"

#include <QTest>

Q_DECLARE_METATYPE(Payload::Spec)
Q_DECLARE_METATYPE(Payload::Error)

using Payload::Error;
using Payload::LineEnding;
using Payload::Mode;
using Payload::Spec;

namespace {

Spec textSpec(const QByteArray &encoding, bool escapes = false, LineEnding ending = LineEnding::None)
{
    Spec spec;
    spec.mode = Mode::Text;
    spec.encoding = encoding;
    spec.escapes = escapes;
    spec.lineEnding = ending;
    return spec;
}

Spec hexSpec(LineEnding ending = LineEnding::None)
{
    Spec spec;
    spec.mode = Mode::Hex;
    spec.lineEnding = ending;
    return spec;
}

Spec withChecksum(Spec spec, Checksum::Algorithm algorithm, Checksum::ByteOrder order)
{
    spec.checksum = algorithm;
    spec.checksumOrder = order;
    return spec;
}

} // namespace

class tst_Payload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void errors_data();
    void errors();
    void lineEndingBytes_data();
    void lineEndingBytes();
    void specEquality();
};

void tst_Payload::build_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Spec>("spec");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<int>("checksumBytes");

    using Checksum::Algorithm;
    using Checksum::ByteOrder;

    QTest::newRow("GBK text") << u"I Love Python!"_qs << textSpec("GBK") << QByteArray("49204c6f766520507974686f6e21")
                              << 0;
    QTest::newRow("GBK chinese") << u"信息已收到,over!"_qs << textSpec("GBK")
                                 << QByteArray("d0c5cfa2d2d1cad5b5bd2c6f76657221") << 0;
    QTest::newRow("UTF-8 CRLF") << u"AT"_qs << textSpec("UTF-8", false, LineEnding::CRLF) << QByteArray("41540d0a")
                                << 0;
    QTest::newRow("UTF-8 CR") << u"AT"_qs << textSpec("UTF-8", false, LineEnding::CR) << QByteArray("41540d") << 0;
    QTest::newRow("UTF-8 LF") << u"AT"_qs << textSpec("UTF-8", false, LineEnding::LF) << QByteArray("41540a") << 0;
    QTest::newRow("UTF-16LE CRLF") << u"AT"_qs << textSpec("UTF-16LE", false, LineEnding::CRLF)
                                   << QByteArray("410054000d000a00") << 0;
    QTest::newRow("UTF-16BE LF") << u"中"_qs << textSpec("UTF-16BE", false, LineEnding::LF) << QByteArray("4e2d000a")
                                 << 0;
    QTest::newRow("escapes off keeps backslashes") << u"a\\n"_qs << textSpec("UTF-8") << QByteArray("615c6e") << 0;
    QTest::newRow("escapes on") << u"a\\r\\n"_qs << textSpec("UTF-8", true) << QByteArray("610d0a") << 0;
    QTest::newRow("escaped NUL in UTF-16LE") << u"\\0"_qs << textSpec("UTF-16LE", true) << QByteArray("0000") << 0;
    QTest::newRow("raw bytes in GBK text")
        << u"信\\x01\\x02息\\n"_qs << textSpec("GBK", true) << QByteArray("d0c50102cfa20a") << 0;
    QTest::newRow("raw bytes stay raw in UTF-16LE")
        << u"A\\xff"_qs << textSpec("UTF-16LE", true) << QByteArray("4100ff") << 0;
    QTest::newRow("only raw bytes") << u"\\x00"_qs << textSpec("UTF-8", true) << QByteArray("00") << 0;
    QTest::newRow("hex") << u"01 02 0A"_qs << hexSpec() << QByteArray("01020a") << 0;
    QTest::newRow("hex ignores escapes flag") << u"5c 6e"_qs << [] {
        Spec spec = hexSpec();
        spec.escapes = true;
        return spec;
    }() << QByteArray("5c6e") << 0;
    QTest::newRow("hex CRLF is ASCII even with UTF-16 chosen") << u"ff"_qs << [] {
        Spec spec = hexSpec(LineEnding::CRLF);
        spec.encoding = "UTF-16LE";
        return spec;
    }() << QByteArray("ff0d0a") << 0;
    QTest::newRow("modbus request") << u"01 03 00 00 00 0A"_qs
                                    << withChecksum(hexSpec(), Algorithm::Crc16Modbus, ByteOrder::LittleEndian)
                                    << QByteArray("01030000000ac5cd") << 2;
    QTest::newRow("checksum covers line ending")
        << u"AT"_qs
        << withChecksum(textSpec("UTF-8", false, LineEnding::CRLF), Algorithm::Crc16Modbus, ByteOrder::LittleEndian)
        << QByteArray("41540d0ad15f") << 2;
    QTest::newRow("sum8") << u"hi"_qs
                          << withChecksum(
                                 textSpec("UTF-8", false, LineEnding::LF), Algorithm::Sum8, ByteOrder::BigEndian)
                          << QByteArray("68690adb") << 1;
    QTest::newRow("crc32 over GBK text and raw bytes")
        << u"信息\\x01\\x02\\r\\n"_qs << withChecksum(textSpec("GBK", true), Algorithm::Crc32, ByteOrder::BigEndian)
        << QByteArray("d0c5cfa201020d0af9005d96") << 4;
}

void tst_Payload::build()
{
    QFETCH(QString, text);
    QFETCH(Spec, spec);
    QFETCH(QByteArray, hex);
    QFETCH(int, checksumBytes);

    const Payload::Result result = Payload::build(text, spec);
    QVERIFY(result.ok());
    QCOMPARE(result.errorPos, qsizetype(-1));
    QCOMPARE(result.bytes.toHex(), hex);
    QCOMPARE(result.checksumBytes, checksumBytes);
}

void tst_Payload::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Spec>("spec");
    QTest::addColumn<Error>("error");
    QTest::addColumn<qsizetype>("errorPos");
    QTest::addColumn<int>("detail"); // hexError / escapeError / badChar, depending on error

    QTest::newRow("emoji in GBK") << u"ab😀"_qs << textSpec("GBK") << Error::Unencodable << qsizetype(2) << 0x1F600;
    QTest::newRow("emoji after an escape")
        << u"a\\n😀"_qs << textSpec("GBK", true) << Error::Unencodable << qsizetype(3) << 0x1F600;
    QTest::newRow("emoji after raw bytes")
        << u"\\x01\\t信😀"_qs << textSpec("GBK", true) << Error::Unencodable << qsizetype(7) << 0x1F600;
    QTest::newRow("emoji with escapes off")
        << u"a\\n😀"_qs << textSpec("GBK") << Error::Unencodable << qsizetype(3) << 0x1F600;
    QTest::newRow("é in KOI8-R") << u"\\t\\té"_qs << textSpec("KOI8-R", true) << Error::Unencodable << qsizetype(4)
                                 << 0xE9;
    QTest::newRow("bad escape") << u"ab\\q"_qs << textSpec("UTF-8", true) << Error::BadEscape << qsizetype(2)
                                << int(Escapes::Error::UnknownEscape);
    QTest::newRow("bad hex escape") << u"\\x4"_qs << textSpec("UTF-8", true) << Error::BadEscape << qsizetype(0)
                                    << int(Escapes::Error::BadHexEscape);
    QTest::newRow("bad hex") << u"01 0G"_qs << hexSpec() << Error::BadHex << qsizetype(4)
                             << int(Hex::ParseError::BadCharacter);
    QTest::newRow("odd hex") << u"0102 0"_qs << hexSpec() << Error::BadHex << qsizetype(5)
                             << int(Hex::ParseError::OddDigitCount);
    QTest::newRow("empty text") << QString() << textSpec("UTF-8", false, LineEnding::CRLF) << Error::Empty
                                << qsizetype(-1) << 0;
    QTest::newRow("empty hex") << u"  "_qs << hexSpec(LineEnding::LF) << Error::Empty << qsizetype(-1) << 0;
    QTest::newRow("unknown encoding") << u"abc"_qs << textSpec("no-such-encoding") << Error::UnknownEncoding
                                      << qsizetype(-1) << 0;
}

void tst_Payload::errors()
{
    QFETCH(QString, text);
    QFETCH(Spec, spec);
    QFETCH(Error, error);
    QFETCH(qsizetype, errorPos);
    QFETCH(int, detail);

    const Payload::Result result = Payload::build(text, spec);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorPos, errorPos);
    QVERIFY(result.bytes.isEmpty());
    switch (error) {
    case Error::Unencodable:
        QCOMPARE(int(result.badChar), detail);
        QCOMPARE(QStringView(text).mid(errorPos).toUcs4().value(0), result.badChar);
        break;
    case Error::BadHex:
        QCOMPARE(result.hexError, detail);
        break;
    case Error::BadEscape:
        QCOMPARE(result.escapeError, detail);
        break;
    default:
        break;
    }
}

void tst_Payload::lineEndingBytes_data()
{
    QTest::addColumn<LineEnding>("ending");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("none") << LineEnding::None << QByteArray("UTF-8") << QByteArray();
    QTest::newRow("CR GBK") << LineEnding::CR << QByteArray("GBK") << QByteArray("0d");
    QTest::newRow("LF UTF-8") << LineEnding::LF << QByteArray("UTF-8") << QByteArray("0a");
    QTest::newRow("CRLF UTF-8") << LineEnding::CRLF << QByteArray("UTF-8") << QByteArray("0d0a");
    QTest::newRow("CRLF UTF-16LE") << LineEnding::CRLF << QByteArray("UTF-16LE") << QByteArray("0d000a00");
    QTest::newRow("CRLF UTF-16BE") << LineEnding::CRLF << QByteArray("UTF-16BE") << QByteArray("000d000a");
}

void tst_Payload::lineEndingBytes()
{
    QFETCH(LineEnding, ending);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, hex);

    QCOMPARE(Payload::lineEndingBytes(ending, encoding).toHex(), hex);
}

void tst_Payload::specEquality()
{
    const Spec base;
    QVERIFY(base == Spec());
    auto differs = [&base](auto change) {
        Spec other = base;
        change(other);
        return !(other == base);
    };
    QVERIFY(differs([](Spec &s) { s.mode = Mode::Hex; }));
    QVERIFY(differs([](Spec &s) { s.encoding = "GBK"; }));
    QVERIFY(differs([](Spec &s) { s.escapes = true; }));
    QVERIFY(differs([](Spec &s) { s.lineEnding = LineEnding::LF; }));
    QVERIFY(differs([](Spec &s) { s.checksum = Checksum::Algorithm::Crc32; }));
    QVERIFY(differs([](Spec &s) { s.checksumOrder = Checksum::ByteOrder::LittleEndian; }));
}

QTEST_GUILESS_MAIN(tst_Payload)
#include "tst_payload.moc"
