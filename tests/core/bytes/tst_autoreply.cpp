#include "bytes/autoreply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using AutoReply::Match;
using AutoReply::Rule;
using AutoReply::RuleError;

Q_DECLARE_METATYPE(AutoReply::Rule)
Q_DECLARE_METATYPE(AutoReply::RuleError)

namespace {

Rule rule(Match match, const QString &pattern, const QString &reply, bool patternIsHex = false)
{
    Rule r;
    r.match = match;
    r.pattern = pattern;
    r.patternIsHex = patternIsHex;
    r.reply = reply;
    return r;
}

Rule hexReply(Rule r, Checksum::Algorithm checksum = Checksum::Algorithm::None)
{
    r.replySpec.mode = Payload::Mode::Hex;
    r.replySpec.checksum = checksum;
    r.replySpec.checksumOrder = Checksum::naturalOrder(checksum);
    return r;
}

Rule disabled(Rule r)
{
    r.enabled = false;
    return r;
}

} // namespace

class tst_AutoReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replyFor_data();
    void replyFor();
    void validate_data();
    void validate();
    void matcherReportsRuleAndEchoes();
    void matcherFollowsEncoding();
    void jsonRoundTrip();
    void jsonDefaults();
    void jsonGarbage();
};

void tst_AutoReply::replyFor_data()
{
    QTest::addColumn<QList<Rule>>("rules");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<bool>("replies");
    QTest::addColumn<QByteArray>("reply");

    const QByteArray utf8("UTF-8");
    using L = QList<Rule>;
    const L ping {rule(Match::Equals, "PING", "PONG")};
    QTest::newRow("equals") << ping << utf8 << QByteArray("PING") << true << QByteArray("PONG");
    QTest::newRow("equals is whole") << ping << utf8 << QByteArray("PING\n") << false << QByteArray();
    QTest::newRow("equals is case-sensitive") << ping << utf8 << QByteArray("ping") << false << QByteArray();

    const L starts {rule(Match::StartsWith, "GET ", "HTTP/1.0 200 OK")};
    QTest::newRow("starts with") << starts << utf8 << QByteArray("GET / HTTP/1.1") << true
                                 << QByteArray("HTTP/1.0 200 OK");
    QTest::newRow("starts with: not at start") << starts << utf8 << QByteArray(" GET /") << false << QByteArray();

    const L contains {rule(Match::Contains, "ERR", "RESET")};
    QTest::newRow("contains") << contains << utf8 << QByteArray("xxERRyy") << true << QByteArray("RESET");
    QTest::newRow("contains: absent") << contains << utf8 << QByteArray("ER R") << false << QByteArray();

    const L regex {rule(Match::Regex, "^T=(\\d+)C$", "ACK")};
    QTest::newRow("regex") << regex << utf8 << QByteArray("T=25C") << true << QByteArray("ACK");
    QTest::newRow("regex: no match") << regex << utf8 << QByteArray("T=xC") << false << QByteArray();
    QTest::newRow("regex searches, unanchored")
        << L {rule(Match::Regex, "\\d{3}", "N")} << utf8 << QByteArray("ab1234") << true << QByteArray("N");
    QTest::newRow("regex on decoded GBK") << L {rule(Match::Regex, QStringLiteral("^你好"), "hi")} << QByteArray("GBK")
                                          << QByteArray("\xc4\xe3\xba\xc3!") << true << QByteArray("hi");
    QTest::newRow("regex on hex form") << L {hexReply(rule(Match::Regex, "^01 03 .. 0a", "AA", true))} << utf8
                                       << QByteArray::fromHex("0103ff0a") << true << QByteArray::fromHex("aa");

    const L modbus {hexReply(
        rule(Match::Equals, "01 03 00 00 00 01 84 0A", "01 03 02 00 2A", true), Checksum::Algorithm::Crc16Modbus)};
    QTest::newRow("hex equals, reply with CRC")
        << modbus << utf8 << QByteArray::fromHex("010300000001840a") << true << QByteArray::fromHex("010302002a399b");
    QTest::newRow("hex starts with") << L {rule(Match::StartsWith, "0xAA,0x55", "ok", true)} << utf8
                                     << QByteArray::fromHex("aa5501") << true << QByteArray("ok");
    QTest::newRow("hex contains a zero byte") << L {rule(Match::Contains, "00 FF", "z", true)} << utf8
                                              << QByteArray::fromHex("1100ff22") << true << QByteArray("z");

    QTest::newRow("GBK pattern matches GBK bytes")
        << L {rule(Match::Equals, QStringLiteral("你好"), "ok")} << QByteArray("GBK") << QByteArray("\xc4\xe3\xba\xc3")
        << true << QByteArray("ok");
    QTest::newRow("GBK pattern does not match UTF-8 bytes")
        << L {rule(Match::Equals, QStringLiteral("你好"), "ok")} << QByteArray("GBK")
        << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd") << false << QByteArray();

    QTest::newRow("disabled rule skipped")
        << L {disabled(rule(Match::Contains, "a", "first")), rule(Match::Contains, "a", "second")} << utf8
        << QByteArray("a") << true << QByteArray("second");
    QTest::newRow("first match wins") << L {rule(Match::StartsWith, "AB", "1"), rule(Match::Equals, "ABC", "2")} << utf8
                                      << QByteArray("ABC") << true << QByteArray("1");
    QTest::newRow("invalid rules never match, the next valid one does")
        << L {rule(Match::Equals, "ZZ", "x", true), rule(Match::Regex, "(", "x"), rule(Match::Equals, "a", ""),
               rule(Match::Contains, "", "x"), rule(Match::Contains, "a", "ok")}
        << utf8 << QByteArray("a") << true << QByteArray("ok");
    QTest::newRow("only invalid rules") << L {hexReply(rule(Match::Equals, "a", "GG"))} << utf8 << QByteArray("a")
                                        << false << QByteArray();
    QTest::newRow("no rules") << L {} << utf8 << QByteArray("a") << false << QByteArray();
    QTest::newRow("reply with escapes") << L {[] {
        Rule r = rule(Match::Equals, "?", "OK\\r\\n\\x00");
        r.replySpec.escapes = true;
        return r;
    }()} << utf8 << QByteArray("?") << true
                                        << QByteArray("OK\r\n\x00", 5);
}

void tst_AutoReply::replyFor()
{
    QFETCH(QList<Rule>, rules);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, received);
    QFETCH(bool, replies);
    QFETCH(QByteArray, reply);

    const std::optional<QByteArray> result = AutoReply::replyFor(received, rules, encoding);
    QCOMPARE(result.has_value(), replies);
    if (replies)
        QCOMPARE(*result, reply);

    AutoReply::Matcher matcher;
    matcher.setRules(rules);
    matcher.setTextEncoding(encoding);
    QCOMPARE(matcher.replyFor(received), result);
}

void tst_AutoReply::validate_data()
{
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<RuleError>("error");

    QTest::newRow("ok") << rule(Match::Equals, "a", "b") << QByteArray("UTF-8") << RuleError::None;
    QTest::newRow("empty pattern") << rule(Match::Contains, "", "b") << QByteArray("UTF-8") << RuleError::EmptyPattern;
    QTest::newRow("hex pattern of separators only")
        << rule(Match::Contains, " , ", "b", true) << QByteArray("UTF-8") << RuleError::EmptyPattern;
    QTest::newRow("bad hex pattern") << rule(Match::Equals, "0G", "b", true) << QByteArray("UTF-8")
                                     << RuleError::BadPatternHex;
    QTest::newRow("odd hex pattern") << rule(Match::Equals, "123", "b", true) << QByteArray("UTF-8")
                                     << RuleError::BadPatternHex;
    QTest::newRow("bad regex") << rule(Match::Regex, "a[", "b") << QByteArray("UTF-8") << RuleError::BadRegex;
    QTest::newRow("hex regex is a regex, not hex")
        << rule(Match::Regex, "^0[13]", "b", true) << QByteArray("UTF-8") << RuleError::None;
    QTest::newRow("unencodable pattern") << rule(Match::Equals, QStringLiteral("😀"), "b") << QByteArray("GBK")
                                         << RuleError::PatternUnencodable;
    QTest::newRow("empty reply") << rule(Match::Equals, "a", "") << QByteArray("UTF-8") << RuleError::BadReply;
    QTest::newRow("bad hex reply") << hexReply(rule(Match::Equals, "a", "1")) << QByteArray("UTF-8")
                                   << RuleError::BadReply;
}

void tst_AutoReply::validate()
{
    QFETCH(Rule, rule);
    QFETCH(QByteArray, encoding);
    QFETCH(RuleError, error);
    QCOMPARE(AutoReply::validate(rule, encoding), error);
}

void tst_AutoReply::matcherReportsRuleAndEchoes()
{
    AutoReply::Matcher matcher;
    matcher.setRules(
        {disabled(rule(Match::Equals, "x", "no")), rule(Match::Equals, "a", "b"), rule(Match::Equals, "c", "d")});
    std::optional<AutoReply::Matcher::Reply> reply = matcher.find("c");
    QVERIFY(reply);
    QCOMPARE(reply->bytes, QByteArray("d"));
    QCOMPARE(reply->ruleIndex, 2); // index in the list given, disabled rules counted
    QVERIFY(!matcher.find("zz"));

    matcher.setEcho(true);
    reply = matcher.find(QByteArray("zz\0", 3));
    QVERIFY(reply);
    QCOMPARE(reply->bytes, QByteArray("zz\0", 3));
    QCOMPARE(reply->ruleIndex, -1);
    QCOMPARE(matcher.replyFor("a"), std::optional<QByteArray>("b")); // rules still come first

    matcher.setRules({});
    QCOMPARE(matcher.replyFor("q"), std::optional<QByteArray>("q"));
    QVERIFY(!matcher.find({}));
}

void tst_AutoReply::matcherFollowsEncoding()
{
    AutoReply::Matcher matcher;
    matcher.setRules({rule(Match::Equals, QStringLiteral("你好"), "ok")});
    QVERIFY(matcher.replyFor("\xe4\xbd\xa0\xe5\xa5\xbd"));
    QVERIFY(!matcher.replyFor("\xc4\xe3\xba\xc3"));
    matcher.setTextEncoding("GBK");
    QVERIFY(!matcher.replyFor("\xe4\xbd\xa0\xe5\xa5\xbd"));
    QVERIFY(matcher.replyFor("\xc4\xe3\xba\xc3"));
}

void tst_AutoReply::jsonRoundTrip()
{
    Rule a = hexReply(rule(Match::Regex, "^01 03", "01 83 02", true), Checksum::Algorithm::Crc16Modbus);
    a.name = QStringLiteral("Modbus 异常");
    Rule b = disabled(rule(Match::StartsWith, QStringLiteral("你"), "hi\\n"));
    b.replySpec.encoding = "GBK";
    b.replySpec.escapes = true;
    b.replySpec.lineEnding = Payload::LineEnding::CRLF;
    const QList<Rule> rules {a, b, rule(Match::Contains, "x", "y"), rule(Match::Equals, "e", "f")};

    const QJsonArray json = AutoReply::toJson(rules);
    const QJsonArray reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).array();
    QCOMPARE(AutoReply::fromJson(reparsed), rules);

    const QJsonObject first = json.at(0).toObject();
    QCOMPARE(first.value("match").toString(), QStringLiteral("regex"));
    QCOMPARE(first.value("patternHex").toBool(), true);
    QCOMPARE(first.value("replySpec").toObject().value("checksum").toString(), QStringLiteral("crc16-modbus"));
    QCOMPARE(json.at(2).toObject().value("match").toString(), QStringLiteral("contains"));
    QCOMPARE(json.at(1).toObject().value("match").toString(), QStringLiteral("starts-with"));
}

void tst_AutoReply::jsonDefaults()
{
    const QJsonArray json = QJsonDocument::fromJson(R"([
        {},
        {"match": "sideways", "pattern": 42, "enabled": "yes", "patternHex": 1, "replySpec": "hex"},
        {"match": "contains", "pattern": "p", "reply": "r", "replySpec": {"mode": "hex", "lineEnding": "??"}}
    ])")
                                .array();
    const QList<Rule> rules = AutoReply::fromJson(json);
    QCOMPARE(rules.size(), 3);
    QCOMPARE(rules.at(0), Rule());
    QCOMPARE(rules.at(1), Rule());
    Rule expected = rule(Match::Contains, "p", "r");
    expected.replySpec.mode = Payload::Mode::Hex;
    QCOMPARE(rules.at(2), expected);
}

void tst_AutoReply::jsonGarbage()
{
    const QJsonArray json = QJsonDocument::fromJson(R"([1, "x", null, [], true, {"pattern": "a"}])").array();
    const QList<Rule> rules = AutoReply::fromJson(json);
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.at(0).pattern, QStringLiteral("a"));
    QVERIFY(AutoReply::fromJson(QJsonArray()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_AutoReply)
#include "tst_autoreply.moc"
