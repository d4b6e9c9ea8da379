#include "text/codecs.h"
#include "text/streamdecoder.h"

#include <QTest>

class tst_Codecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void availableInMenuOrder();
    void isAvailable();
    void asciiCompatible();
    void encode_data();
    void encode();
    void unencodable_data();
    void unencodable();
    void unknownEncoding();
    void decode_data();
    void decode();
    void roundTripEveryEncoding();
    void forCodePage_data();
    void forCodePage();
};

void tst_Codecs::forCodePage_data()
{
    QTest::addColumn<uint>("codePage");
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("936 Chinese (Simplified)") << 936u << QByteArray("GBK");
    QTest::newRow("54936") << 54936u << QByteArray("GB18030");
    QTest::newRow("950 Chinese (Traditional)") << 950u << QByteArray("Big5");
    QTest::newRow("932 Japanese") << 932u << QByteArray("Shift_JIS");
    QTest::newRow("949 Korean") << 949u << QByteArray("EUC-KR");
    QTest::newRow("1252 Western") << 1252u << QByteArray("Windows-1252");
    QTest::newRow("65001") << 65001u << QByteArray("UTF-8");
    QTest::newRow("437 (no such encoding offered)") << 437u << QByteArray("UTF-8");
    QTest::newRow("0") << 0u << QByteArray("UTF-8");
}

void tst_Codecs::forCodePage()
{
    QFETCH(uint, codePage);
    QFETCH(QByteArray, encoding);
    QCOMPARE(Codecs::forCodePage(codePage), encoding);
    QVERIFY(Codecs::isAvailable(Codecs::forCodePage(codePage)));
    // Off Windows the system's programs speak UTF-8.
#ifndef Q_OS_WIN
    QCOMPARE(Codecs::systemDefault(), QByteArray("UTF-8"));
#endif
}

void tst_Codecs::availableInMenuOrder()
{
    // Measured on Qt 6.4.2 with ICU (Debian 12): every candidate works.
    const QList<QByteArray> expected = {"UTF-8", "GBK", "GB18030", "GB2312", "Big5", "Big5-HKSCS", "Shift_JIS",
        "EUC-JP", "EUC-KR", "ISO-8859-1", "Windows-1252", "KOI8-R", "ISO-8859-5", "UTF-16LE", "UTF-16BE"};
    QCOMPARE(Codecs::available(), expected);
    QCOMPARE(Codecs::defaultEncoding(), QByteArray("UTF-8"));
}

void tst_Codecs::isAvailable()
{
    QVERIFY(Codecs::isAvailable("GBK"));
    QVERIFY(Codecs::isAvailable("gbk"));
    QVERIFY(Codecs::isAvailable("windows-1252"));
    QVERIFY(!Codecs::isAvailable("no-such-encoding"));
    QVERIFY(!Codecs::isAvailable(""));
}

void tst_Codecs::asciiCompatible()
{
    for (const QByteArray &name : Codecs::available()) {
        const bool utf16 = name.startsWith("UTF-16");
        QCOMPARE(Codecs::isAsciiCompatible(name), !utf16);
    }
}

void tst_Codecs::encode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("ascii in GBK") << u"I Love Python!"_qs << QByteArray("GBK")
                                  << QByteArray("49204c6f766520507974686f6e21");
    QTest::newRow("chinese in GBK") << u"信息已收到,over!"_qs << QByteArray("GBK")
                                    << QByteArray("d0c5cfa2d2d1cad5b5bd2c6f76657221");
    QTest::newRow("chinese in UTF-8") << u"信息"_qs << QByteArray("UTF-8") << QByteArray("e4bfa1e681af");
    QTest::newRow("emoji in GB18030") << u"信息😀"_qs << QByteArray("GB18030") << QByteArray("d0c5cfa29439fc36");
    QTest::newRow("GB2312") << u"信息"_qs << QByteArray("GB2312") << QByteArray("d0c5cfa2");
    QTest::newRow("Big5") << u"信息"_qs << QByteArray("Big5") << QByteArray("ab48aea7");
    QTest::newRow("Big5-HKSCS") << u"資訊"_qs << QByteArray("Big5-HKSCS") << QByteArray("b8eab054");
    QTest::newRow("Shift_JIS") << u"日本語"_qs << QByteArray("Shift_JIS") << QByteArray("93fa967b8cea");
    QTest::newRow("EUC-JP") << u"日本語"_qs << QByteArray("EUC-JP") << QByteArray("c6fccbdcb8ec");
    QTest::newRow("EUC-KR") << u"한국어"_qs << QByteArray("EUC-KR") << QByteArray("c7d1b1b9beee");
    QTest::newRow("ISO-8859-1") << u"é"_qs << QByteArray("ISO-8859-1") << QByteArray("e9");
    QTest::newRow("Windows-1252") << u"café €"_qs << QByteArray("Windows-1252") << QByteArray("636166e92080");
    QTest::newRow("KOI8-R") << u"Привет"_qs << QByteArray("KOI8-R") << QByteArray("f0d2c9d7c5d4");
    QTest::newRow("ISO-8859-5") << u"Привет"_qs << QByteArray("ISO-8859-5") << QByteArray("bfe0d8d2d5e2");
    QTest::newRow("UTF-16LE") << u"中文\r\n"_qs << QByteArray("UTF-16LE") << QByteArray("2d4e87650d000a00");
    QTest::newRow("UTF-16BE") << u"中文"_qs << QByteArray("UTF-16BE") << QByteArray("4e2d6587");
    QTest::newRow("UTF-16LE no BOM added") << u"a"_qs << QByteArray("UTF-16LE") << QByteArray("6100");
    QTest::newRow("leading BOM kept") << u"\uFEFFa"_qs << QByteArray("UTF-8") << QByteArray("efbbbf61");
    QTest::newRow("NUL") << QString(QChar(0)) << QByteArray("GBK") << QByteArray("00");
    QTest::newRow("empty") << QString() << QByteArray("UTF-8") << QByteArray();
}

void tst_Codecs::encode()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, hex);

    const Codecs::EncodeResult result = Codecs::encode(text, encoding);
    QVERIFY(result.ok());
    QCOMPARE(result.errorPos, qsizetype(-1));
    QCOMPARE(result.bytes.toHex(), hex);
}

void tst_Codecs::unencodable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<qsizetype>("errorPos");
    QTest::addColumn<uint>("badChar");

    QTest::newRow("emoji in GBK") << u"a😀b"_qs << QByteArray("GBK") << qsizetype(1) << 0x1F600u;
    QTest::newRow("emoji after chinese in GBK") << u"信息😀"_qs << QByteArray("GBK") << qsizetype(2) << 0x1F600u;
    QTest::newRow("second emoji counts pairs") << u"信😀"_qs << QByteArray("GB2312") << qsizetype(1) << 0x1F600u;
    QTest::newRow("é in KOI8-R") << u"abé"_qs << QByteArray("KOI8-R") << qsizetype(2) << 0xE9u;
    QTest::newRow("Chinese in ISO-8859-1") << u"x中"_qs << QByteArray("ISO-8859-1") << qsizetype(1) << 0x4E2Du;
    QTest::newRow("Korean in Shift_JIS") << u"日한"_qs << QByteArray("Shift_JIS") << qsizetype(1) << 0xD55Cu;
    QTest::newRow("lone high surrogate at end, UTF-8")
        << (u"ab"_qs + QChar(0xD83D)) << QByteArray("UTF-8") << qsizetype(2) << 0xD83Du;
    QTest::newRow("lone low surrogate, UTF-16LE")
        << (QChar(0xDE00) + u"a"_qs) << QByteArray("UTF-16LE") << qsizetype(0) << 0xDE00u;
    QTest::newRow("lone surrogate at end, GBK")
        << QString(QChar(0xD800)) << QByteArray("GBK") << qsizetype(0) << 0xD800u;
}

void tst_Codecs::unencodable()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoding);
    QFETCH(qsizetype, errorPos);
    QFETCH(uint, badChar);

    const Codecs::EncodeResult result = Codecs::encode(text, encoding);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorPos, errorPos);
    QCOMPARE(uint(result.badChar), badChar);
    QVERIFY2(result.bytes.isEmpty(), "substituted bytes must not be handed out");
}

void tst_Codecs::unknownEncoding()
{
    const Codecs::EncodeResult result = Codecs::encode(u"abc", "no-such-encoding");
    QVERIFY(!result.ok());
    QCOMPARE(result.errorPos, qsizetype(0));
    // Decoding falls back to UTF-8 so a log still shows something.
    QCOMPARE(Codecs::decode("\xe4\xbf\xa1", "no-such-encoding"), u"信"_qs);
}

void tst_Codecs::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("text");

    QTest::newRow("GBK") << QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221") << QByteArray("GBK")
                         << u"信息已收到,over!"_qs;
    QTest::newRow("UTF-8") << QByteArray("\xe4\xbf\xa1") << QByteArray("UTF-8") << u"信"_qs;
    QTest::newRow("invalid UTF-8 byte") << QByteArray("a\xff"
                                                      "b")
                                        << QByteArray("UTF-8") << u"a\uFFFDb"_qs;
    QTest::newRow("truncated UTF-8 at end") << QByteArray("a\xe4") << QByteArray("UTF-8") << u"a\uFFFD"_qs;
    QTest::newRow("UTF-8 BOM kept") << QByteArray("\xef\xbb\xbf"
                                                  "a")
                                    << QByteArray("UTF-8") << u"\uFEFFa"_qs;
    QTest::newRow("GBK truncated lead byte") << QByteArray("a\xd0\x0a") << QByteArray("GBK") << u"a\uFFFD\n"_qs;
    // ICU reports these as U+001A; Codecs::decode turns them into U+FFFD.
    QTest::newRow("invalid EUC-KR byte") << QByteArray("a\xff"
                                                       "b")
                                         << QByteArray("EUC-KR") << u"a\uFFFDb"_qs;
    QTest::newRow("invalid Shift_JIS pair") << QByteArray("a\x81\x0a") << QByteArray("Shift_JIS") << u"a\uFFFD\n"_qs;
    QTest::newRow("real 0x1A byte is kept") << QByteArray("a\x1a"
                                                          "b")
                                            << QByteArray("EUC-KR")
                                            << u"a\x1a"
                                               "b"_qs;
    QTest::newRow("KOI8-R") << QByteArray::fromHex("f0d2c9d7c5d4") << QByteArray("KOI8-R") << u"Привет"_qs;
    QTest::newRow("UTF-16LE") << QByteArray::fromHex("2d4e8765") << QByteArray("UTF-16LE") << u"中文"_qs;
    QTest::newRow("UTF-16BE") << QByteArray::fromHex("4e2d6587") << QByteArray("UTF-16BE") << u"中文"_qs;
}

void tst_Codecs::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, text);

    QCOMPARE(Codecs::decode(bytes, encoding), text);
}

// Every ASCII character, control codes included, is itself in every ASCII-compatible encoding: a device protocol's
// STX, ETX, SUB or DEL must go out and show up as that byte whatever encoding the text is in (ICU's Shift_JIS
// rotated 1A 1C 7F: fuzz finding P2).
void tst_Codecs::roundTripEveryEncoding()
{
    QString ascii;
    for (char16_t c = 0; c < 0x80; ++c)
        ascii.append(QChar(c));
    for (const QByteArray &name : Codecs::available()) {
        const Codecs::EncodeResult encoded = Codecs::encode(ascii, name);
        QVERIFY2(encoded.ok(), name.constData());
        QCOMPARE(Codecs::decode(encoded.bytes, name), ascii);
        if (Codecs::isAsciiCompatible(name))
            QCOMPARE(encoded.bytes, ascii.toLatin1());
    }
    // Within Japanese text too (the swap must not touch multi-byte characters), and one byte at a time.
    const QString mixed = u"日\u001a本\u001c語\u007f"_qs;
    const Codecs::EncodeResult sjis = Codecs::encode(mixed, "Shift_JIS");
    QVERIFY(sjis.ok());
    QCOMPARE(sjis.bytes, QByteArray("\x93\xfa\x1a\x96\x7b\x1c\x8c\xea\x7f"));
    QCOMPARE(Codecs::decode(sjis.bytes, "Shift_JIS"), mixed);
    StreamDecoder stream("Shift_JIS");
    QString chunked;
    for (const char byte : sjis.bytes)
        chunked += stream.decode(QByteArrayView(&byte, 1));
    chunked += stream.finish();
    QCOMPARE(chunked, mixed);
}

QTEST_GUILESS_MAIN(tst_Codecs)
#include "tst_codecs.moc"
