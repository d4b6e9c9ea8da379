#include "bytes/hex.h"

#include <QTest>

Q_DECLARE_METATYPE(Hex::ParseError)

class tst_Hex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void format_data();
    void format();
    void dumpLine_data();
    void dumpLine();
    void dump();
    void dumpLargeInput();
};

void tst_Hex::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("spaces") << u"01 02 0A"_qs << QByteArray("01020a");
    QTest::newRow("packed lower") << u"01020a"_qs << QByteArray("01020a");
    QTest::newRow("0x and commas") << u"0x01,0x02"_qs << QByteArray("0102");
    QTest::newRow("0X upper") << u"0X1F"_qs << QByteArray("1f");
    QTest::newRow("dashes") << u"01-02-0A"_qs << QByteArray("01020a");
    QTest::newRow("colons") << u"01:02"_qs << QByteArray("0102");
    QTest::newRow("semicolons") << u"aa;BB;cC"_qs << QByteArray("aabbcc");
    QTest::newRow("newlines and tabs") << u"01\t02\r\n03\n"_qs << QByteArray("010203");
    QTest::newRow("comma and space") << u"0x01, 0x02, 0xff"_qs << QByteArray("0102ff");
    QTest::newRow("ideographic space") << u"01\u300002"_qs << QByteArray("0102");
    QTest::newRow("mixed group sizes") << u"0102 03 0x0405"_qs << QByteArray("0102030405");
    QTest::newRow("leading/trailing separators") << u"  ,01,  "_qs << QByteArray("01");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("whitespace only") << u" \t\r\n "_qs << QByteArray();
    QTest::newRow("modbus request") << u"01 03 00 00 00 0A"_qs << QByteArray("01030000000a");
}

void tst_Hex::parse()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, hex);

    const Hex::ParseResult result = Hex::parse(text);
    QVERIFY(result.ok());
    QCOMPARE(result.errorPos, qsizetype(-1));
    QCOMPARE(result.bytes.toHex(), hex);
}

void tst_Hex::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Hex::ParseError>("error");
    QTest::addColumn<qsizetype>("errorPos");

    QTest::newRow("odd single digit") << u"1 02"_qs << Hex::ParseError::OddDigitCount << qsizetype(0);
    QTest::newRow("odd group later") << u"0102 0"_qs << Hex::ParseError::OddDigitCount << qsizetype(5);
    QTest::newRow("odd three digits") << u"010"_qs << Hex::ParseError::OddDigitCount << qsizetype(0);
    QTest::newRow("0x with one digit") << u"0x1"_qs << Hex::ParseError::OddDigitCount << qsizetype(0);
    QTest::newRow("second 0x group odd") << u"0x01,0x2"_qs << Hex::ParseError::OddDigitCount << qsizetype(5);
    QTest::newRow("bad letter") << u"01 0G"_qs << Hex::ParseError::BadCharacter << qsizetype(4);
    QTest::newRow("bad char before odd end") << u"1G"_qs << Hex::ParseError::BadCharacter << qsizetype(1);
    QTest::newRow("odd group before bad char") << u"1 0G"_qs << Hex::ParseError::OddDigitCount << qsizetype(0);
    QTest::newRow("x inside a group") << u"010x02"_qs << Hex::ParseError::BadCharacter << qsizetype(3);
    QTest::newRow("prefix alone") << u"0x"_qs << Hex::ParseError::BadCharacter << qsizetype(1);
    QTest::newRow("prefix then separator") << u"0x 01"_qs << Hex::ParseError::BadCharacter << qsizetype(1);
    QTest::newRow("full-width digit") << u"01 ０2"_qs << Hex::ParseError::BadCharacter << qsizetype(3);
    QTest::newRow("underscore") << u"01_02"_qs << Hex::ParseError::BadCharacter << qsizetype(2);
}

void tst_Hex::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(Hex::ParseError, error);
    QFETCH(qsizetype, errorPos);

    const Hex::ParseResult result = Hex::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorPos, errorPos);
    QVERIFY(result.bytes.isEmpty());
}

void tst_Hex::format_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Hex::Case>("letterCase");
    QTest::addColumn<char>("separator");
    QTest::addColumn<QString>("text");

    const QByteArray bytes = QByteArray::fromHex("01020affab");
    QTest::newRow("upper") << bytes << Hex::Case::Upper << ' ' << u"01 02 0A FF AB"_qs;
    QTest::newRow("lower") << bytes << Hex::Case::Lower << ' ' << u"01 02 0a ff ab"_qs;
    QTest::newRow("no separator") << bytes << Hex::Case::Upper << '\0' << u"01020AFFAB"_qs;
    QTest::newRow("dash") << bytes << Hex::Case::Upper << '-' << u"01-02-0A-FF-AB"_qs;
    QTest::newRow("one byte") << QByteArray("\x7f") << Hex::Case::Upper << ' ' << u"7F"_qs;
    QTest::newRow("empty") << QByteArray() << Hex::Case::Upper << ' ' << QString();
}

void tst_Hex::format()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Hex::Case, letterCase);
    QFETCH(char, separator);
    QFETCH(QString, text);

    QCOMPARE(Hex::format(bytes, letterCase, separator), text);
    QCOMPARE(Hex::parse(Hex::format(bytes, letterCase, separator)).bytes, bytes);
}

void tst_Hex::dumpLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("line");

    QTest::newRow("full line") << QByteArray("Hello world\r\n\x00\xff"
                                             "A",
        16) << qint64(0x10) << u"00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0d 0a 00 ff 41  |Hello world....A|"_qs;
    QTest::newRow("short line padded") << QByteArray("abc") << qint64(0)
                                       << u"00000000  61 62 63                                          |abc|"_qs;
    QTest::newRow("exactly eight") << QByteArray("01234567") << qint64(0x20)
                                   << u"00000020  30 31 32 33 34 35 36 37                           |01234567|"_qs;
    QTest::newRow("nine") << QByteArray("012345678") << qint64(0x30)
                          << u"00000030  30 31 32 33 34 35 36 37  38                       |012345678|"_qs;
    QTest::newRow("printable edges") << QByteArray("\x1f\x20\x7e\x7f") << qint64(0)
                                     << u"00000000  1f 20 7e 7f                                       |. ~.|"_qs;
    QTest::newRow("offset beyond 32 bits") << QByteArray("z") << qint64(0x123456789)
                                           << u"123456789  7a                                                |z|"_qs;
    QTest::newRow("empty") << QByteArray() << qint64(0)
                           << u"00000000                                                    ||"_qs;
}

void tst_Hex::dumpLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, offset);
    QFETCH(QString, line);

    QCOMPARE(Hex::dumpLine(bytes, offset), line);
    if (!bytes.isEmpty())
        QCOMPARE(line.indexOf(u'|'), offset > 0xffffffff ? 61 : 60); // the printable column stays aligned
}

void tst_Hex::dump()
{
    QByteArray bytes;
    for (int i = 0; i < 20; ++i)
        bytes.append(char('A' + i));
    const QStringList expected = {
        u"00000100  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|"_qs,
        u"00000110  51 52 53 54                                       |QRST|"_qs,
    };
    QCOMPARE(Hex::dump(bytes, 0x100), expected);
    QCOMPARE(Hex::dump(QByteArray()), QStringList());
    QCOMPARE(Hex::dump(bytes.left(16)).size(), 1);
}

void tst_Hex::dumpLargeInput()
{
    QByteArray bytes(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    // Speed is measured by bench/, not asserted here; this checks that a large dump is whole and consistent.
    const QStringList lines = Hex::dump(bytes);
    QCOMPARE(lines.size(), bytes.size() / 16);
    QCOMPARE(lines.last(), Hex::dumpLine(QByteArrayView(bytes).last(16), bytes.size() - 16));
    QCOMPARE(lines.at(1), Hex::dumpLine(QByteArrayView(bytes).sliced(16, 16), 16));
}

QTEST_GUILESS_MAIN(tst_Hex)
#include "tst_hex.moc"
