#include "script/hexpattern.h"

#include <QTest>

using Kind = FrameDifference::Kind;

Q_DECLARE_METATYPE(HexPattern::Error)
Q_DECLARE_METATYPE(FrameDifference::Kind)

class tst_HexPattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void elements();
    void match_data();
    void match();
    void firstDifference_data();
    void firstDifference();
};

void tst_HexPattern::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("bytes") << "01 03 0a"
                           << "01 03 0A";
    QTest::newRow("modbus with wildcards") << "01 03 ?? ?? 00 .."
                                           << "01 03 ?? ?? 00 ..";
    QTest::newRow("nibbles") << "0? ?3 a?"
                             << "0? ?3 A?";
    QTest::newRow("pairs inside a group") << "0103??0?"
                                          << "01 03 ?? 0?";
    QTest::newRow("run inside a group") << "01..03"
                                        << "01 .. 03";
    QTest::newRow("run at start") << "..0D0A"
                                  << ".. 0D 0A";
    QTest::newRow("runs merge") << "01 .. .. ....02"
                                << "01 .. 02";
    QTest::newRow("only a run") << ".."
                                << "..";
    QTest::newRow("Hex::parse separators") << "0x01,0x02;03-04:05\t06\n07"
                                           << "01 02 03 04 05 06 07";
    QTest::newRow("prefix then wildcards") << "0x??"
                                           << "??";
    QTest::newRow("ideographic space separates") << QString::fromUtf8("01\u300002") << "01 02";
}

void tst_HexPattern::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const HexPattern::ParseResult parsed = HexPattern::parse(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.errorPos, qsizetype(-1));
    QCOMPARE(parsed.pattern.toString(), canonical);
}

void tst_HexPattern::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<HexPattern::Error>("error");
    QTest::addColumn<qsizetype>("pos");

    using E = HexPattern::Error;
    QTest::newRow("empty") << "" << E::Empty << qsizetype(-1);
    QTest::newRow("separators only") << " , ;" << E::Empty << qsizetype(-1);
    QTest::newRow("odd group") << "01 2" << E::OddDigitCount << qsizetype(3);
    QTest::newRow("odd group with a wildcard") << "01 ??? 02" << E::OddDigitCount << qsizetype(3);
    QTest::newRow("odd run before ..") << "0..1" << E::OddDigitCount << qsizetype(0);
    QTest::newRow("odd run after ..") << "01..1" << E::OddDigitCount << qsizetype(4);
    QTest::newRow("odd with prefix") << "0x1" << E::OddDigitCount << qsizetype(0);
    QTest::newRow("bad character") << "01 0G" << E::BadCharacter << qsizetype(4);
    QTest::newRow("single dot") << "01 ." << E::BadCharacter << qsizetype(3);
    QTest::newRow("three dots") << "01 ..." << E::BadCharacter << qsizetype(5);
    QTest::newRow("dot inside a pair") << "0.. 1" << E::OddDigitCount << qsizetype(0);
    QTest::newRow("star is not a wildcard") << "01 *" << E::BadCharacter << qsizetype(3);
    QTest::newRow("prefix alone") << "0x" << E::BadCharacter << qsizetype(1);
    QTest::newRow("prefix mid-group") << "010x02" << E::BadCharacter << qsizetype(3);
    QTest::newRow("full-width digit") << QString::fromUtf8("0\uff11") << E::BadCharacter << qsizetype(1);
    QTest::newRow("first error wins") << "1 0G" << E::OddDigitCount << qsizetype(0);
}

void tst_HexPattern::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(HexPattern::Error, error);
    QFETCH(qsizetype, pos);
    const HexPattern::ParseResult parsed = HexPattern::parse(text);
    QCOMPARE(parsed.error, error);
    QCOMPARE(parsed.errorPos, pos);
    QVERIFY(!parsed.ok());
}

void tst_HexPattern::elements()
{
    const HexPattern::ParseResult parsed = HexPattern::parse(u"0x0A ?3 4? .. ??");
    QVERIFY(parsed.ok());
    using E = HexPattern::Element;
    const QList<E> expected {
        E {0x0a, 0xff, false, 2},
        E {0x03, 0x0f, false, 5},
        E {0x40, 0xf0, false, 8},
        E {0x00, 0x00, true, 11},
        E {0x00, 0x00, false, 14},
    };
    QCOMPARE(parsed.pattern.elements(), expected);
}

void tst_HexPattern::match_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("matches");

    const auto hex = [](const char *h) { return QByteArray::fromHex(h); };
    QTest::newRow("exact") << "01 03 0A" << hex("01030a") << true;
    QTest::newRow("exact: one byte differs") << "01 03 0A" << hex("01030b") << false;
    QTest::newRow("whole frame: longer fails") << "01 03" << hex("010300") << false;
    QTest::newRow("whole frame: shorter fails") << "01 03 00" << hex("0103") << false;
    QTest::newRow("?? any byte") << "01 ?? 03" << hex("01ff03") << true;
    QTest::newRow("?? is exactly one byte") << "01 ?? 03" << hex("0103") << false;
    QTest::newRow("0? high nibble fixed") << "0?" << hex("0f") << true;
    QTest::newRow("0? high nibble differs") << "0?" << hex("1f") << false;
    QTest::newRow("?3 low nibble fixed") << "?3" << hex("a3") << true;
    QTest::newRow("?3 low nibble differs") << "?3" << hex("a4") << false;
    QTest::newRow(".. at end, bytes after") << "01 03 .." << hex("01031400") << true;
    QTest::newRow(".. at end, nothing after") << "01 03 .." << hex("0103") << true;
    QTest::newRow(".. at end, prefix differs") << "01 03 .." << hex("010414") << false;
    QTest::newRow(".. at start") << ".. 0D 0A" << hex("41420d0a") << true;
    QTest::newRow(".. at start, empty run") << ".. 0D 0A" << hex("0d0a") << true;
    QTest::newRow(".. at start, suffix differs") << ".. 0D 0A" << hex("41420a0d") << false;
    QTest::newRow(".. in the middle") << "AA .. 55" << hex("aa010255") << true;
    QTest::newRow(".. in the middle, empty") << "AA .. 55" << hex("aa55") << true;
    QTest::newRow(".. in the middle: lead and trail may not overlap") << "AA .. AA" << hex("aa") << false;
    QTest::newRow("two runs, a middle run found") << ".. 02 03 .." << hex("0001020304") << true;
    QTest::newRow("two runs, middle run absent") << ".. 02 03 .." << hex("0001030204") << false;
    QTest::newRow("middle run with wildcards") << "01 .. 0? ?2 .. FF" << hex("01aa0b12ccff") << true;
    QTest::newRow("middle run leftmost, next run after it") << "01 .. 22 .. 22 .. 33" << hex("0122442233") << true;
    QTest::newRow("middle runs in order only") << "01 .. 22 .. 11 .. 33" << hex("0111442233") << false;
    QTest::newRow("middle run may not reach into the trail") << "01 .. 02 03 .. 03" << hex("010203") << false;
    QTest::newRow("only ..") << ".." << hex("00ff") << true;
    QTest::newRow("modbus read holding registers reply")
        << "01 03 ?? .." << hex("010314000a000b000c000d000e000f0010001100120013abcd") << true;
}

void tst_HexPattern::match()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, frame);
    QFETCH(bool, matches);
    const HexPattern::ParseResult parsed = HexPattern::parse(pattern);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.pattern.matches(frame), matches);
}

void tst_HexPattern::firstDifference_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("actual");
    QTest::addColumn<QString>("expected"); // FrameDifference::expectedText()
    QTest::addColumn<qsizetype>("column");

    const auto hex = [](const char *h) { return QByteArray::fromHex(h); };
    const qsizetype none = -1;
    QTest::newRow("match") << "01 ?3" << hex("0113") << Kind::None << none << -1 << "" << none;
    QTest::newRow("byte") << "01 03 0A" << hex("01040a") << Kind::Byte << qsizetype(1) << 0x04 << "03" << qsizetype(3);
    QTest::newRow("low nibble") << "01 ?3" << hex("0114") << Kind::Byte << qsizetype(1) << 0x14 << "?3" << qsizetype(3);
    QTest::newRow("high nibble") << "01 4?" << hex("0154") << Kind::Byte << qsizetype(1) << 0x54 << "4?"
                                 << qsizetype(3);
    QTest::newRow("shorter") << "01 03 ??" << hex("0103") << Kind::FrameShorter << qsizetype(2) << -1 << "??"
                             << qsizetype(6);
    QTest::newRow("longer") << "01 03" << hex("010300") << Kind::FrameLonger << qsizetype(2) << 0x00 << "" << none;
    QTest::newRow("lead byte before ..") << "01 03 .." << hex("0183ff") << Kind::Byte << qsizetype(1) << 0x83 << "03"
                                         << qsizetype(3);
    QTest::newRow("lead shorter before ..")
        << "01 03 .." << hex("01") << Kind::FrameShorter << qsizetype(1) << -1 << "03" << qsizetype(3);
    QTest::newRow("too short for lead and trail")
        << "01 .. 02 03" << hex("0103") << Kind::FrameShorter << qsizetype(2) << -1 << "" << none;
    QTest::newRow("trail byte, offset from the end")
        << ".. 0D 0A" << hex("4142430d0d") << Kind::Byte << qsizetype(4) << 0x0d << "0A" << qsizetype(6);
    QTest::newRow("middle run not found")
        << "01 .. 22 .. FF" << hex("01111111ff") << Kind::NotFound << qsizetype(1) << -1 << "" << qsizetype(6);
    QTest::newRow("second middle run not found")
        << "01 .. 22 .. 33 .. FF" << hex("0122ff44aaff") << Kind::NotFound << qsizetype(2) << -1 << "" << qsizetype(12);
}

void tst_HexPattern::firstDifference()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, frame);
    QFETCH(Kind, kind);
    QFETCH(qsizetype, offset);
    QFETCH(int, actual);
    QFETCH(QString, expected);
    QFETCH(qsizetype, column);
    const HexPattern::ParseResult parsed = HexPattern::parse(pattern);
    QVERIFY(parsed.ok());
    const FrameDifference d = parsed.pattern.match(frame);
    QCOMPARE(d.kind, kind);
    QCOMPARE(d.offset, offset);
    QCOMPARE(d.actual, actual);
    QCOMPARE(d.expectedText(), expected);
    QCOMPARE(d.hasExpected, !expected.isEmpty());
    QCOMPARE(d.patternColumn, column);
}

QTEST_APPLESS_MAIN(tst_HexPattern)
#include "tst_hexpattern.moc"
