#include "script/sequencejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Kind = SequenceError::Kind;

Q_DECLARE_METATYPE(SequenceError::Kind)
Q_DECLARE_METATYPE(Payload::Error)
Q_DECLARE_METATYPE(HexPattern::Error)

namespace {

// A file with the given step lines: line 5 holds the first step, each step line starts at column 5.
QByteArray fileWith(const QList<QByteArray> &stepLines)
{
    QByteArray json = "{\n"
                      "  \"format\": \"netassist-sequence\",\n"
                      "  \"version\": 1,\n"
                      "  \"steps\": [\n";
    for (int i = 0; i < stepLines.size(); ++i)
        json += "    " + stepLines.at(i) + (i + 1 < stepLines.size() ? ",\n" : "\n");
    return json + "  ]\n}\n";
}

QByteArray fileWith(const QByteArray &stepLine)
{
    return fileWith(QList<QByteArray> {stepLine});
}

Payload::Spec hexSpec(Checksum::Algorithm checksum = Checksum::Algorithm::None)
{
    Payload::Spec spec;
    spec.mode = Payload::Mode::Hex;
    spec.checksum = checksum;
    spec.checksumOrder = Checksum::naturalOrder(checksum);
    return spec;
}

Sequence everyKind()
{
    Sequence s;
    s.name = QStringLiteral("Modbus 读");
    s.description = QStringLiteral("line one\nline \"two\" \\ tab\t");
    s.stopOnFailure = false;
    s.framing = QJsonObject {{QStringLiteral("mode"), QStringLiteral("idle-gap")}, {QStringLiteral("gapMs"), 30}};

    Step request = Step::makeSend(
        QStringLiteral("01 03 00 00 00 0A"), hexSpec(Checksum::Algorithm::Crc16Modbus), SequenceTarget::AllPeers);
    request.label = QStringLiteral("read registers");
    Step reply = Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("01 03 14 .."), 250);
    reply.expect.checksum = {Checksum::Algorithm::Crc16Modbus, Checksum::ByteOrder::LittleEndian};
    Payload::Spec gbk;
    gbk.encoding = "GBK";
    gbk.escapes = true;
    gbk.lineEnding = Payload::LineEnding::CRLF;
    Step text = Step::makeSend(QStringLiteral("你好\\x00"), gbk);
    text.enabled = false;
    Step textReply = Step::makeExpect(ExpectMatch::StartsWith, QStringLiteral("好"), 0, gbk);
    Step regex = Step::makeExpect(ExpectMatch::Regex, QStringLiteral("^T=\\d+C$"));
    Step contains = Step::makeExpect(ExpectMatch::Contains, QStringLiteral("AA 55"), 1000, hexSpec());
    Step equals = Step::makeExpect(ExpectMatch::Equals, QStringLiteral("OK"));
    equals.expect.spec.lineEnding = Payload::LineEnding::LF;
    Step repeat = Step::makeRepeat(3);
    repeat.label = QStringLiteral("three times");
    s.steps = {
        repeat, request, reply, Step::makeWait(500), Step::makeRepeatEnd(), text, textReply, regex, contains, equals};
    return s;
}

} // namespace

class tst_SequenceJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void roundTripThroughObject();
    void savedText();
    void handWrittenDefaults();
    void framingKeptAsWritten();
    void errors_data();
    void errors();
    void errorInAMultiLineStep();
};

void tst_SequenceJson::roundTrip()
{
    const Sequence original = everyKind();
    const QByteArray saved = SequenceJson::save(original);
    const SequenceJson::LoadResult loaded = SequenceJson::load(saved);
    QCOMPARE(loaded.error.kind, Kind::None);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.sequence.steps.size(), original.steps.size());
    for (int i = 0; i < original.steps.size(); ++i)
        QVERIFY2(loaded.sequence.steps.at(i) == original.steps.at(i), qPrintable(QString::number(i)));
    QVERIFY(loaded.sequence == original);
    QCOMPARE(SequenceJson::save(loaded.sequence), saved);
    QVERIFY(QJsonDocument::fromJson(saved).isObject());
}

void tst_SequenceJson::roundTripThroughObject()
{
    const Sequence original = everyKind();
    const QJsonObject object = SequenceJson::toJson(original);
    QCOMPARE(object.value(QLatin1String("steps")).toArray().size(), original.steps.size());
    const SequenceJson::LoadResult loaded = SequenceJson::fromJson(object);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.sequence == original);
    QCOMPARE(QJsonDocument(object).object(), QJsonDocument::fromJson(SequenceJson::save(original)).object());
}

void tst_SequenceJson::savedText()
{
    Sequence s;
    s.name = QStringLiteral("ping");
    s.steps = {Step::makeSend(QStringLiteral("PING")), Step::makeRepeatEnd()};
    s.steps.last().label = QStringLiteral("x");
    const QByteArray expected = "{\n"
                                "    \"format\": \"netassist-sequence\",\n"
                                "    \"version\": 1,\n"
                                "    \"name\": \"ping\",\n"
                                "    \"description\": \"\",\n"
                                "    \"stopOnFailure\": true,\n"
                                "    \"framing\": {},\n"
                                "    \"steps\": [\n"
                                "        {\"step\": \"send\", \"text\": \"PING\", \"mode\": \"text\", \"encoding\": "
                                "\"UTF-8\", \"escapes\": false, \"lineEnding\": \"none\", \"checksum\": \"none\", "
                                "\"checksumOrder\": \"big\", \"target\": \"current\"},\n"
                                "        {\"step\": \"end-repeat\", \"label\": \"x\"}\n"
                                "    ]\n"
                                "}\n";
    QCOMPARE(SequenceJson::save(s), expected);

    s.steps.clear();
    QVERIFY(SequenceJson::save(s).endsWith("    \"steps\": []\n}\n"));
}

void tst_SequenceJson::handWrittenDefaults()
{
    const SequenceJson::LoadResult loaded = SequenceJson::load(fileWith({
        R"({"step": "send", "text": "01 03", "mode": "hex", "checksum": "crc16-modbus"})",
        R"({"step": "expect", "pattern": "gbk", "encoding": "gbk"})",
        R"({"step": "wait", "ms": 0})",
    }));
    QCOMPARE(loaded.error.kind, Kind::None);
    const QList<Step> &steps = loaded.sequence.steps;
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).send.spec.checksumOrder, Checksum::ByteOrder::LittleEndian); // Modbus' natural order
    QCOMPARE(steps.at(0).send.target, SequenceTarget::CurrentPeer);
    QCOMPARE(steps.at(0).enabled, true);
    QCOMPARE(steps.at(1).expect.match, ExpectMatch::Equals);
    QCOMPARE(steps.at(1).expect.timeoutMs, 1000);
    QCOMPARE(steps.at(1).expect.spec.encoding, QByteArray("GBK")); // canonical spelling
    QCOMPARE(steps.at(1).expect.checksum.algorithm, Checksum::Algorithm::None);
    QCOMPARE(loaded.sequence.stopOnFailure, true);
    QVERIFY(loaded.sequence.name.isEmpty());
    QVERIFY(loaded.sequence.framing.isEmpty());
}

void tst_SequenceJson::framingKeptAsWritten()
{
    const QByteArray json = R"({"format": "netassist-sequence", "version": 1, "steps": [],
        "framing": {"mode": "delimiter", "delimiter": "0D 0A", "future": [1, {"x": null}]}})";
    const SequenceJson::LoadResult loaded = SequenceJson::load(json);
    QVERIFY(loaded.ok());
    const QJsonObject expected
        = QJsonDocument::fromJson(R"({"mode": "delimiter", "delimiter": "0D 0A", "future": [1, {"x": null}]})")
              .object();
    QCOMPARE(loaded.sequence.framing, expected);
    QCOMPARE(SequenceJson::load(SequenceJson::save(loaded.sequence)).sequence.framing, expected);
}

void tst_SequenceJson::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<Payload::Error>("payloadError");
    QTest::addColumn<HexPattern::Error>("hexError");
    QTest::addColumn<qint64>("maximum");

    using P = Payload::Error;
    using H = HexPattern::Error;
    const qsizetype noPos = -1;
    const auto row = [&](const char *name, const QByteArray &json, Kind kind, const QString &path, int line, int column,
                         qsizetype position = -1, P payload = P::None, H hex = H::None, qint64 maximum = 0) {
        QTest::newRow(name) << json << kind << path << line << column << position << payload << hex << maximum;
    };

    // JSON syntax: QJsonParseError's byte offset as line:column, columns in characters. Qt reports where it noticed
    // the problem, which is often just after the token at fault ("version" 1 -> the column after the 1).
    row("trailing comma", "{\"a\": 1,}", Kind::NotJson, "", 1, 10);
    row("syntax error on line 3", "{\n  \"format\": \"x\",\n  \"version\" 1\n}", Kind::NotJson, "", 3, 14);
    row("column counts characters, not bytes", "{\"\xc3\xa9\": 1 2}", Kind::NotJson, "", 1, 10);
    row("empty file", "", Kind::NotJson, "", 1, 1);

    // The envelope.
    row("not an object", "[1, 2]", Kind::NotSequence, "", 1, 1);
    row("another format", "{\n  \"format\": \"netassist-quick-commands\"}", Kind::NotSequence, "format", 2, 3);
    row("no format", "{\"version\": 1, \"steps\": []}", Kind::NotSequence, "format", 1, 1);
    row("newer version", "{\"format\": \"netassist-sequence\",\n \"version\": 2, \"steps\": []}", Kind::NewerVersion,
        "version", 2, 2);
    row("no version", "{\"format\": \"netassist-sequence\", \"steps\": []}", Kind::MissingField, "version", 1, 1);
    row("version not a number", "{\"format\": \"netassist-sequence\", \"version\": \"1\", \"steps\": []}",
        Kind::WrongType, "version", 1, 34);
    row("no steps", "{\"format\": \"netassist-sequence\", \"version\": 1}", Kind::MissingField, "steps", 1, 1);
    row("steps not an array", "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": {}}", Kind::WrongType,
        "steps", 1, 48);
    row("unknown top-level key", "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [], \"nmae\": 1}",
        Kind::UnknownField, "nmae", 1, 61);
    row("name not a string", "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [], \"name\": 1}",
        Kind::WrongType, "name", 1, 61);
    row("framing not an object",
        "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [], \"framing\": \"lf\"}", Kind::WrongType,
        "framing", 1, 61);

    // Step structure: positions are the field's key, or the step's opening brace (column 5 of line 5 + index).
    row("step not an object", fileWith({R"({"step": "wait", "ms": 1})", "5"}), Kind::WrongType, "steps[1]", 6, 5);
    row("unknown step", fileWith(R"({"step": "sned", "text": "a"})"), Kind::UnknownStep, "steps[0].step", 5, 6);
    row("step kind missing", fileWith(R"({"text": "a"})"), Kind::MissingField, "steps[0].step", 5, 5);
    row("step kind not a string", fileWith(R"({"text": "a", "step": 1})"), Kind::WrongType, "steps[0].step", 5, 19);
    row("send without text", fileWith(R"({"step": "send"})"), Kind::MissingField, "steps[0].text", 5, 5);
    row("expect without pattern", fileWith(R"({"step": "expect", "match": "contains"})"), Kind::MissingField,
        "steps[0].pattern", 5, 5);
    row("wait without ms", fileWith(R"({"step": "wait"})"), Kind::MissingField, "steps[0].ms", 5, 5);
    row("repeat without count", fileWith(R"({"step": "repeat"})"), Kind::MissingField, "steps[0].count", 5, 5);
    row("unknown step key", fileWith(R"({"step": "wait", "ms": 5, "timeout": 3})"), Kind::UnknownField,
        "steps[0].timeout", 5, 31);
    row("send key on an expect", fileWith(R"({"step": "expect", "pattern": "a", "target": "all"})"), Kind::UnknownField,
        "steps[0].target", 5, 40);
    row("enabled on a marker",
        fileWith({R"({"step": "repeat", "count": 2, "enabled": false})", R"({"step": "end-repeat"})"}),
        Kind::UnknownField, "steps[0].enabled", 5, 36);
    row("text not a string", fileWith(R"({"step": "send", "text": 1})"), Kind::WrongType, "steps[0].text", 5, 22);
    row("escapes not a bool", fileWith(R"({"step": "send", "text": "a", "escapes": "yes"})"), Kind::WrongType,
        "steps[0].escapes", 5, 35);
    row("ms as a string", fileWith(R"({"step": "wait", "ms": "500"})"), Kind::WrongType, "steps[0].ms", 5, 22);

    // Ids.
    row("bad mode", fileWith(R"({"step": "send", "text": "a", "mode": "hax"})"), Kind::BadValue, "steps[0].mode", 5,
        35);
    row("unknown encoding", fileWith(R"({"step": "send", "text": "a", "encoding": "NO-SUCH"})"), Kind::BadValue,
        "steps[0].encoding", 5, 35);
    row("misspelt checksum", fileWith(R"({"step": "send", "text": "a", "checksum": "crc16modbus"})"), Kind::BadValue,
        "steps[0].checksum", 5, 35);
    row("bad checksum order", fileWith(R"({"step": "expect", "pattern": "a", "checksumOrder": "middle"})"),
        Kind::BadValue, "steps[0].checksumOrder", 5, 40);
    row("bad line ending", fileWith(R"({"step": "send", "text": "a", "lineEnding": "crlf2"})"), Kind::BadValue,
        "steps[0].lineEnding", 5, 35);
    row("bad target", fileWith(R"({"step": "send", "text": "a", "target": "some"})"), Kind::BadValue, "steps[0].target",
        5, 35);
    row("bad match", fileWith(R"({"step": "expect", "pattern": "a", "match": "like"})"), Kind::BadValue,
        "steps[0].match", 5, 40);

    // Numbers.
    const qint64 day = 24 * 60 * 60 * 1000;
    row("negative wait", fileWith(R"({"step": "wait", "ms": -1})"), Kind::BadNumber, "steps[0].ms", 5, 22, noPos,
        P::None, H::None, day);
    row("fractional timeout", fileWith(R"({"step": "expect", "pattern": "a", "timeoutMs": 1.5})"), Kind::BadNumber,
        "steps[0].timeoutMs", 5, 40, noPos, P::None, H::None, day);
    row("timeout above a day", fileWith(R"({"step": "expect", "pattern": "a", "timeoutMs": 86400001})"),
        Kind::BadNumber, "steps[0].timeoutMs", 5, 40, noPos, P::None, H::None, day);
    row("repeat zero times", fileWith({R"({"step": "repeat", "count": 0})", R"({"step": "end-repeat"})"}),
        Kind::BadNumber, "steps[0].count", 5, 24, noPos, P::None, H::None, 1000000);

    // What SequenceCheck finds, placed by the same positions.
    row("bad hex payload", fileWith(R"({"step": "send", "text": "01 0G", "mode": "hex"})"), Kind::BadPayload,
        "steps[0].text", 5, 22, 4, P::BadHex);
    row("unencodable payload", fileWith(R"({"step": "send", "text": "a😀", "encoding": "GBK"})"), Kind::BadPayload,
        "steps[0].text", 5, 22, 1, P::Unencodable);
    row("empty payload", fileWith(R"({"step": "send", "text": ""})"), Kind::BadPayload, "steps[0].text", 5, 22, noPos,
        P::Empty);
    row("bad hex pattern", fileWith(R"({"step": "expect", "match": "hex-pattern", "pattern": "01 ?"})"),
        Kind::BadHexPattern, "steps[0].pattern", 5, 48, 3, P::None, H::OddDigitCount);
    row("hex pattern with a lone dot", fileWith(R"({"step": "expect", "match": "hex-pattern", "pattern": "01 . 02"})"),
        Kind::BadHexPattern, "steps[0].pattern", 5, 48, 3, P::None, H::BadCharacter);
    row("bad regex", fileWith(R"({"step": "expect", "match": "regex", "pattern": "a["})"), Kind::BadRegex,
        "steps[0].pattern", 5, 42, 2);
    row("bad escape in a pattern", fileWith(R"({"step": "expect", "pattern": "\\q", "escapes": true})"),
        Kind::BadPattern, "steps[0].pattern", 5, 24, 0, P::BadEscape);
    row("empty pattern", fileWith(R"({"step": "expect", "match": "contains", "pattern": ""})"), Kind::EmptyPattern,
        "steps[0].pattern", 5, 45);
    row("end-repeat without repeat", fileWith({R"({"step": "wait", "ms": 1})", R"({"step": "end-repeat"})"}),
        Kind::RepeatUnbalanced, "steps[1]", 6, 5);
    row("repeat never ended", fileWith({R"({"step": "repeat", "count": 2})", R"({"step": "wait", "ms": 1})"}),
        Kind::RepeatUnbalanced, "steps[0]", 5, 5);
    row("nested repeat",
        fileWith({R"({"step": "repeat", "count": 2})", R"({"step": "repeat", "count": 2})", R"({"step": "end-repeat"})",
            R"({"step": "end-repeat"})"}),
        Kind::RepeatNested, "steps[1]", 6, 5);
    row("first problem in step order",
        fileWith({R"({"step": "end-repeat"})", R"({"step": "send", "text": "", "mode": "hex"})"}),
        Kind::RepeatUnbalanced, "steps[0]", 5, 5);
    row("disabled steps are checked too", fileWith(R"({"step": "send", "enabled": false, "text": "0", "mode": "hex"})"),
        Kind::BadPayload, "steps[0].text", 5, 40, 0, P::BadHex);
}

void tst_SequenceJson::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(Kind, kind);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(qsizetype, position);
    QFETCH(Payload::Error, payloadError);
    QFETCH(HexPattern::Error, hexError);
    QFETCH(qint64, maximum);

    const SequenceJson::LoadResult loaded = SequenceJson::load(json);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error.kind, kind);
    QCOMPARE(loaded.error.path(), path);
    QCOMPARE(loaded.error.line, line);
    QCOMPARE(loaded.error.column, column);
    QCOMPARE(loaded.error.position, position);
    QCOMPARE(loaded.error.payload.error, payloadError);
    QCOMPARE(loaded.error.hexError, hexError);
    QCOMPARE(loaded.error.maximum, maximum);
    QVERIFY(loaded.sequence.steps.isEmpty());
    if (kind == Kind::NotJson || kind == Kind::BadRegex)
        QVERIFY(!loaded.error.detail.isEmpty());
}

void tst_SequenceJson::errorInAMultiLineStep()
{
    const QByteArray json = "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [\n"
                            "  {\"step\": \"wait\", \"ms\": 1},\n"
                            "  {\n"
                            "    \"step\": \"expect\",\n"
                            "    \"match\": \"hex-pattern\",\n"
                            "    \"pattern\": \"01 03 ?? G\",\n"
                            "    \"label\": \"a \\\"pattern\\\": in a string is not the key\"\n"
                            "  }\n"
                            "]}";
    const SequenceJson::LoadResult loaded = SequenceJson::load(json);
    QCOMPARE(loaded.error.kind, Kind::BadHexPattern);
    QCOMPARE(loaded.error.path(), QStringLiteral("steps[1].pattern"));
    QCOMPARE(loaded.error.stepIndex, 1);
    QCOMPARE(loaded.error.field, QStringLiteral("pattern"));
    QCOMPARE(loaded.error.line, 6);
    QCOMPARE(loaded.error.column, 5);
    QCOMPARE(loaded.error.position, qsizetype(9));
    QCOMPARE(loaded.error.hexError, HexPattern::Error::BadCharacter);
}

QTEST_APPLESS_MAIN(tst_SequenceJson)
#include "tst_sequencejson.moc"
