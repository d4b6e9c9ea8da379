#include "script/expectation.h"

#include <QTest>

using Kind = FrameDifference::Kind;
using Outcome = Expectation::Outcome;

Q_DECLARE_METATYPE(ExpectStep)
Q_DECLARE_METATYPE(FrameDifference::Kind)
Q_DECLARE_METATYPE(Expectation::Outcome)
Q_DECLARE_METATYPE(Expectation::Error)
Q_DECLARE_METATYPE(Payload::Error)
Q_DECLARE_METATYPE(HexPattern::Error)

namespace {

ExpectStep expect(ExpectMatch match, const QString &pattern)
{
    ExpectStep step;
    step.match = match;
    step.pattern = pattern;
    return step;
}

ExpectStep inHex(ExpectStep step)
{
    step.spec.mode = Payload::Mode::Hex;
    return step;
}

ExpectStep encoded(ExpectStep step, const QByteArray &encoding)
{
    step.spec.encoding = encoding;
    return step;
}

ExpectStep withEscapes(ExpectStep step)
{
    step.spec.escapes = true;
    return step;
}

ExpectStep withLineEnding(ExpectStep step, Payload::LineEnding ending)
{
    step.spec.lineEnding = ending;
    return step;
}

ExpectStep checked(ExpectStep step, Checksum::Algorithm algorithm, Checksum::ByteOrder order)
{
    step.checksum.algorithm = algorithm;
    step.checksum.order = order;
    return step;
}

QByteArray hex(const char *digits)
{
    return QByteArray::fromHex(digits);
}

} // namespace

class tst_Expectation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void difference_data();
    void difference();
    void checksum_data();
    void checksum();
    void compileErrors_data();
    void compileErrors();
    void invalidNeverPasses();
};

void tst_Expectation::check_data()
{
    QTest::addColumn<ExpectStep>("step");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("passes");

    using M = ExpectMatch;
    QTest::newRow("equals") << expect(M::Equals, "OK") << QByteArray("OK") << true;
    QTest::newRow("equals: longer frame") << expect(M::Equals, "OK") << QByteArray("OK\r\n") << false;
    QTest::newRow("equals: case-sensitive") << expect(M::Equals, "OK") << QByteArray("ok") << false;
    QTest::newRow("equals with CRLF line ending")
        << withLineEnding(expect(M::Equals, "OK"), Payload::LineEnding::CRLF) << QByteArray("OK\r\n") << true;
    QTest::newRow("equals with escapes") << withEscapes(expect(M::Equals, "OK\\r\\n\\x00")) << QByteArray("OK\r\n\0", 5)
                                         << true;
    QTest::newRow("equals hex") << inHex(expect(M::Equals, "01 03 02 00 2A")) << hex("010302002a") << true;
    QTest::newRow("starts with") << expect(M::StartsWith, "+OK") << QByteArray("+OK ready") << true;
    QTest::newRow("starts with: equal frame") << expect(M::StartsWith, "+OK") << QByteArray("+OK") << true;
    QTest::newRow("starts with: not at start") << expect(M::StartsWith, "+OK") << QByteArray(" +OK") << false;
    QTest::newRow("starts with hex") << inHex(expect(M::StartsWith, "AA 55")) << hex("aa5501") << true;
    QTest::newRow("contains") << expect(M::Contains, "ERR") << QByteArray("xxERRyy") << true;
    QTest::newRow("contains: absent") << expect(M::Contains, "ERR") << QByteArray("ER R") << false;
    QTest::newRow("contains hex zero byte") << inHex(expect(M::Contains, "00 FF")) << hex("1100ff22") << true;
    QTest::newRow("regex searches") << expect(M::Regex, "T=\\d+C") << QByteArray("now T=25C ok") << true;
    QTest::newRow("regex anchored") << expect(M::Regex, "^T=\\d+C$") << QByteArray("now T=25C") << false;
    QTest::newRow("regex: no match") << expect(M::Regex, "^T=\\d+C$") << QByteArray("T=xC") << false;
    QTest::newRow("hex pattern") << expect(M::HexPattern, "01 03 ?? ?? 00 ..") << hex("01030a0b00ffee") << true;
    QTest::newRow("hex pattern: whole frame") << expect(M::HexPattern, "01 03") << hex("010300") << false;

    // GBK text patterns are GBK bytes: 你好 is C4 E3 BA C3 in GBK, E4 BD A0 E5 A5 BD in UTF-8.
    const QString nihao = QStringLiteral("你好");
    QTest::newRow("GBK equals GBK bytes") << encoded(expect(M::Equals, nihao), "GBK") << hex("c4e3bac3") << true;
    QTest::newRow("GBK does not equal UTF-8 bytes")
        << encoded(expect(M::Equals, nihao), "GBK") << hex("e4bda0e5a5bd") << false;
    QTest::newRow("UTF-8 equals UTF-8 bytes") << expect(M::Equals, nihao) << hex("e4bda0e5a5bd") << true;
    QTest::newRow("GBK starts with") << encoded(expect(M::StartsWith, QStringLiteral("你")), "GBK")
                                     << hex("c4e3bac30d0a") << true;
    QTest::newRow("GBK contains") << encoded(expect(M::Contains, QStringLiteral("好")), "GBK") << hex("41c4e3bac342")
                                  << true;
    QTest::newRow("GBK contains with a raw byte escape")
        << withEscapes(encoded(expect(M::Contains, QStringLiteral("好\\x21")), "GBK")) << hex("c4e3bac321") << true;
    QTest::newRow("GBK regex on decoded text")
        << encoded(expect(M::Regex, QStringLiteral("^你好!$")), "GBK") << hex("c4e3bac321") << true;
    QTest::newRow("GBK regex does not decode as UTF-8")
        << expect(M::Regex, QStringLiteral("^你好")) << hex("c4e3bac321") << false;
}

void tst_Expectation::check()
{
    QFETCH(ExpectStep, step);
    QFETCH(QByteArray, frame);
    QFETCH(bool, passes);
    const Expectation expectation = Expectation::compile(step);
    QCOMPARE(expectation.error(), Expectation::Error::None);
    const Expectation::Check result = expectation.check(frame);
    QCOMPARE(result.passed(), passes);
    QCOMPARE(result.outcome, passes ? Outcome::Passed : Outcome::Mismatch);
    QCOMPARE(result.difference.kind == Kind::None, passes);
}

void tst_Expectation::difference_data()
{
    QTest::addColumn<ExpectStep>("step");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("actual");
    QTest::addColumn<QString>("expected");

    using M = ExpectMatch;
    QTest::newRow("equals: byte") << expect(M::Equals, "OK") << QByteArray("OX") << Kind::Byte << qsizetype(1)
                                  << int('X') << "4B";
    QTest::newRow("equals: shorter") << expect(M::Equals, "OK") << QByteArray("O") << Kind::FrameShorter << qsizetype(1)
                                     << -1 << "4B";
    QTest::newRow("equals: longer") << expect(M::Equals, "OK") << QByteArray("OK!") << Kind::FrameLonger << qsizetype(2)
                                    << int('!') << "";
    QTest::newRow("equals GBK: second byte of a character")
        << encoded(expect(M::Equals, QStringLiteral("你好")), "GBK") << hex("c4e4bac3") << Kind::Byte << qsizetype(1)
        << 0xe4 << "E3";
    QTest::newRow("starts with: byte") << inHex(expect(M::StartsWith, "01 03")) << hex("01830201") << Kind::Byte
                                       << qsizetype(1) << 0x83 << "03";
    QTest::newRow("starts with: shorter")
        << inHex(expect(M::StartsWith, "01 03")) << hex("01") << Kind::FrameShorter << qsizetype(1) << -1 << "03";
    QTest::newRow("contains: not found") << expect(M::Contains, "ERR") << QByteArray("OK") << Kind::NotFound
                                         << qsizetype(-1) << -1 << "";
    QTest::newRow("regex: not found") << expect(M::Regex, "^\\d+$") << QByteArray("12a") << Kind::NotFound
                                      << qsizetype(-1) << -1 << "";
    QTest::newRow("hex pattern: nibble") << expect(M::HexPattern, "01 ?3") << hex("0114") << Kind::Byte << qsizetype(1)
                                         << 0x14 << "?3";
}

void tst_Expectation::difference()
{
    QFETCH(ExpectStep, step);
    QFETCH(QByteArray, frame);
    QFETCH(Kind, kind);
    QFETCH(qsizetype, offset);
    QFETCH(int, actual);
    QFETCH(QString, expected);
    const Expectation::Check result = Expectation::compile(step).check(frame);
    QCOMPARE(result.outcome, Outcome::Mismatch);
    QCOMPARE(result.difference.kind, kind);
    QCOMPARE(result.difference.offset, offset);
    QCOMPARE(result.difference.actual, actual);
    QCOMPARE(result.difference.expectedText(), expected);
}

void tst_Expectation::checksum_data()
{
    QTest::addColumn<ExpectStep>("step");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QByteArray>("expectedBytes"); // computed, when the checksum fails
    QTest::addColumn<QByteArray>("actualBytes");

    // Catalogue check values over "123456789" (bytes/checksum.h).
    using A = Checksum::Algorithm;
    using O = Checksum::ByteOrder;
    const QByteArray check("123456789");
    const ExpectStep any = expect(ExpectMatch::HexPattern, "..");
    const QByteArray none;
    QTest::newRow("SUM8") << checked(any, A::Sum8, O::BigEndian) << check + hex("dd") << Outcome::Passed << none
                          << none;
    QTest::newRow("XOR8") << checked(any, A::Xor8, O::BigEndian) << check + hex("31") << Outcome::Passed << none
                          << none;
    QTest::newRow("CRC-8") << checked(any, A::Crc8, O::BigEndian) << check + hex("f4") << Outcome::Passed << none
                           << none;
    QTest::newRow("CRC-16/MODBUS little")
        << checked(any, A::Crc16Modbus, O::LittleEndian) << check + hex("374b") << Outcome::Passed << none << none;
    QTest::newRow("CRC-16/CCITT-FALSE big")
        << checked(any, A::Crc16CcittFalse, O::BigEndian) << check + hex("29b1") << Outcome::Passed << none << none;
    QTest::newRow("CRC-32 big") << checked(any, A::Crc32, O::BigEndian) << check + hex("cbf43926") << Outcome::Passed
                                << none << none;
    QTest::newRow("CRC-16/MODBUS in the wrong order")
        << checked(any, A::Crc16Modbus, O::BigEndian) << check + hex("374b") << Outcome::ChecksumMismatch << hex("4b37")
        << hex("374b");
    QTest::newRow("SUM8 off by one") << checked(any, A::Sum8, O::BigEndian) << check + hex("de")
                                     << Outcome::ChecksumMismatch << hex("dd") << hex("de");
    QTest::newRow("CRC-32 with a changed body byte")
        << checked(any, A::Crc32, O::BigEndian) << QByteArray("123456780") + hex("cbf43926")
        << Outcome::ChecksumMismatch << QByteArray() << hex("cbf43926");
    // Modbus RTU "read holding registers" reply: 01 03 02 00 2A and its CRC 39 9B (low byte first).
    QTest::newRow("modbus reply, pattern and CRC")
        << checked(expect(ExpectMatch::HexPattern, "01 03 02 ?? ?? ?? ??"), A::Crc16Modbus, O::LittleEndian)
        << hex("010302002a399b") << Outcome::Passed << none << none;
    QTest::newRow("modbus reply, pattern fails first")
        << checked(expect(ExpectMatch::HexPattern, "01 04 .."), A::Crc16Modbus, O::LittleEndian)
        << hex("010302002a0000") << Outcome::Mismatch << none << none;
    QTest::newRow("frame no longer than the checksum") << checked(any, A::Crc16Modbus, O::LittleEndian) << hex("374b")
                                                       << Outcome::ChecksumMismatch << none << hex("374b");
}

void tst_Expectation::checksum()
{
    QFETCH(ExpectStep, step);
    QFETCH(QByteArray, frame);
    QFETCH(Outcome, outcome);
    QFETCH(QByteArray, expectedBytes);
    QFETCH(QByteArray, actualBytes);
    const Expectation::Check result = Expectation::compile(step).check(frame);
    QCOMPARE(result.outcome, outcome);
    if (outcome != Outcome::ChecksumMismatch)
        return;
    QCOMPARE(result.difference.kind, Kind::Checksum);
    QCOMPARE(result.difference.actualBytes, actualBytes);
    if (!expectedBytes.isEmpty())
        QCOMPARE(result.difference.expectedBytes, expectedBytes);
    else
        QVERIFY(result.difference.expectedBytes != actualBytes);
    const qsizetype width = actualBytes.size();
    QCOMPARE(result.difference.offset, frame.size() > width ? frame.size() - width : 0);
}

void tst_Expectation::compileErrors_data()
{
    QTest::addColumn<ExpectStep>("step");
    QTest::addColumn<Expectation::Error>("error");
    QTest::addColumn<Payload::Error>("payloadError");
    QTest::addColumn<HexPattern::Error>("hexError");

    using M = ExpectMatch;
    using E = Expectation::Error;
    using P = Payload::Error;
    using H = HexPattern::Error;
    QTest::newRow("ok") << expect(M::Equals, "a") << E::None << P::None << H::None;
    QTest::newRow("empty text") << expect(M::Equals, "") << E::EmptyPattern << P::Empty << H::None;
    QTest::newRow("empty regex") << expect(M::Regex, "") << E::EmptyPattern << P::None << H::None;
    QTest::newRow("empty hex pattern") << expect(M::HexPattern, " ") << E::EmptyPattern << P::None << H::Empty;
    QTest::newRow("bad hex in hex mode") << inHex(expect(M::Contains, "0G")) << E::BadPattern << P::BadHex << H::None;
    QTest::newRow("bad escape") << withEscapes(expect(M::StartsWith, "\\q")) << E::BadPattern << P::BadEscape
                                << H::None;
    QTest::newRow("unencodable in GBK") << encoded(expect(M::Equals, QStringLiteral("😀")), "GBK") << E::BadPattern
                                        << P::Unencodable << H::None;
    QTest::newRow("unknown encoding") << encoded(expect(M::Equals, "a"), "NO-SUCH") << E::BadPattern
                                      << P::UnknownEncoding << H::None;
    QTest::newRow("bad regex") << expect(M::Regex, "a[") << E::BadRegex << P::None << H::None;
    QTest::newRow("regex in an unknown encoding")
        << encoded(expect(M::Regex, "a"), "NO-SUCH") << E::UnknownEncoding << P::None << H::None;
    QTest::newRow("bad hex pattern") << expect(M::HexPattern, "01 ?") << E::BadHexPattern << P::None
                                     << H::OddDigitCount;
}

void tst_Expectation::compileErrors()
{
    QFETCH(ExpectStep, step);
    QFETCH(Expectation::Error, error);
    QFETCH(Payload::Error, payloadError);
    QFETCH(HexPattern::Error, hexError);
    const Expectation expectation = Expectation::compile(step);
    QCOMPARE(expectation.error(), error);
    QCOMPARE(expectation.payload().error, payloadError);
    QCOMPARE(expectation.hexPattern().error, hexError);
    if (error == Expectation::Error::BadRegex) {
        QVERIFY(!expectation.regexError().isEmpty());
        QCOMPARE(expectation.regexErrorOffset(), qsizetype(2));
    }
}

void tst_Expectation::invalidNeverPasses()
{
    const Expectation expectation = Expectation::compile(expect(ExpectMatch::Regex, "("));
    QVERIFY(!expectation.ok());
    const Expectation::Check result = expectation.check("(");
    QCOMPARE(result.outcome, Outcome::Mismatch);
    QCOMPARE(result.difference.kind, Kind::None);
}

QTEST_APPLESS_MAIN(tst_Expectation)
#include "tst_expectation.moc"
