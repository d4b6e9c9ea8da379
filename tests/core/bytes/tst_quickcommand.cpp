#include "bytes/payloadjson.h"
#include "bytes/quickcommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using QuickCommands::FileError;

Q_DECLARE_METATYPE(QuickCommands::FileError)
Q_DECLARE_METATYPE(Payload::Spec)

namespace {

QuickCommand command(const QString &name, const QString &text, Payload::Mode mode = Payload::Mode::Text)
{
    QuickCommand c;
    c.name = name;
    c.text = text;
    c.spec.mode = mode;
    return c;
}

QByteArray wrap(const QByteArray &commands)
{
    return R"({"format": "netassist-quick-commands", "version": 1, "commands": )" + commands + "}";
}

} // namespace

class tst_QuickCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void fileIsReadable();
    void malformed_data();
    void malformed();
    void badFieldsDefault_data();
    void badFieldsDefault();
    void badEntriesSkipped();
    void specIds();
};

void tst_QuickCommand::roundTrip()
{
    QuickCommand modbus
        = command(QStringLiteral("Read holding"), QStringLiteral("01 03 00 00 00 01"), Payload::Mode::Hex);
    modbus.spec.checksum = Checksum::Algorithm::Crc16Modbus;
    modbus.spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
    QuickCommand hello = command(QStringLiteral("问候"), QStringLiteral("你好\\x00\\r"));
    hello.spec.encoding = "GBK";
    hello.spec.escapes = true;
    hello.spec.lineEnding = Payload::LineEnding::CRLF;
    QuickCommand crc32 = command(QStringLiteral("big-endian CRC-32"), QStringLiteral("abc"));
    crc32.spec.checksum = Checksum::Algorithm::Crc32;
    crc32.spec.lineEnding = Payload::LineEnding::LF;
    QuickCommand empty; // names and texts may be empty; the list keeps them
    const QList<QuickCommand> commands {modbus, hello, crc32, empty};

    FileError error = FileError::NotJson;
    QString detail = QStringLiteral("stale");
    QCOMPARE(QuickCommands::fromJson(QuickCommands::toJson(commands), &error, &detail), commands);
    QCOMPARE(error, FileError::None);
    QCOMPARE(detail, QString());
    QCOMPARE(QuickCommands::fromJson(QuickCommands::toJson({})), QList<QuickCommand>());
}

void tst_QuickCommand::fileIsReadable()
{
    QuickCommand c = command(QStringLiteral("Read"), QStringLiteral("01 03"), Payload::Mode::Hex);
    c.spec.encoding = "GBK";
    c.spec.escapes = true;
    c.spec.lineEnding = Payload::LineEnding::CRLF;
    c.spec.checksum = Checksum::Algorithm::Crc16Modbus;
    c.spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
    const QByteArray json = QuickCommands::toJson({c});
    QVERIFY(json.contains('\n')); // indented for people
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value("format").toString(), QStringLiteral("netassist-quick-commands"));
    QCOMPARE(root.value("version").toInt(), 1);
    const QJsonObject entry = root.value("commands").toArray().at(0).toObject();
    QCOMPARE(entry.value("name").toString(), QStringLiteral("Read"));
    QCOMPARE(entry.value("text").toString(), QStringLiteral("01 03"));
    QCOMPARE(entry.value("mode").toString(), QStringLiteral("hex"));
    QCOMPARE(entry.value("encoding").toString(), QStringLiteral("GBK"));
    QCOMPARE(entry.value("escapes").toBool(), true);
    QCOMPARE(entry.value("lineEnding").toString(), QStringLiteral("crlf"));
    QCOMPARE(entry.value("checksum").toString(), QStringLiteral("crc16-modbus"));
    QCOMPARE(entry.value("checksumOrder").toString(), QStringLiteral("little"));
    QCOMPARE(entry.size(), 8);
}

void tst_QuickCommand::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<FileError>("error");

    QTest::newRow("empty file") << QByteArray() << FileError::NotJson;
    QTest::newRow("truncated") << wrap(R"([{"name": "a")").chopped(1) << FileError::NotJson;
    QTest::newRow("binary") << QByteArray("\x00\xff\x13", 3) << FileError::NotJson;
    QTest::newRow("an array") << QByteArray(R"([{"name": "a"}])") << FileError::NotQuickCommands;
    QTest::newRow("other format") << QByteArray(R"({"format": "x", "version": 1, "commands": []})")
                                  << FileError::NotQuickCommands;
    QTest::newRow("no format") << QByteArray(R"({"version": 1, "commands": []})") << FileError::NotQuickCommands;
    QTest::newRow("commands not an array")
        << QByteArray(R"({"format": "netassist-quick-commands", "version": 1, "commands": {}})")
        << FileError::NotQuickCommands;
    QTest::newRow("newer version") << QByteArray(
        R"({"format": "netassist-quick-commands", "version": 2, "commands": []})")
                                   << FileError::NewerVersion;
    QTest::newRow("version missing") << QByteArray(R"({"format": "netassist-quick-commands", "commands": []})")
                                     << FileError::NewerVersion;
}

void tst_QuickCommand::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(FileError, error);
    FileError got = FileError::None;
    QString detail;
    QCOMPARE(QuickCommands::fromJson(json, &got, &detail), QList<QuickCommand>());
    QCOMPARE(got, error);
    QCOMPARE(detail.isEmpty(), error != FileError::NotJson);
    QVERIFY(QuickCommands::fromJson(json).isEmpty()); // error pointers are optional
}

void tst_QuickCommand::badFieldsDefault_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Payload::Spec>("spec");

    const Payload::Spec defaults;
    QTest::newRow("empty object") << QByteArray("{}") << QString() << QString() << defaults;
    QTest::newRow("wrong types") << QByteArray(R"({"name": 1, "text": [], "mode": true, "encoding": 5,
                                                   "escapes": "yes", "lineEnding": null, "checksum": {},
                                                   "checksumOrder": 0})")
                                 << QString() << QString() << defaults;
    QTest::newRow("unknown ids") << QByteArray(R"({"name": "n", "text": "t", "mode": "octal",
                                                   "encoding": "EBCDIC-9", "lineEnding": "lfcr",
                                                   "checksum": "md5", "checksumOrder": "middle"})")
                                 << "n"
                                 << "t" << defaults;

    Payload::Spec gbk;
    gbk.encoding = "GBK";
    QTest::newRow("encoding case is canonicalised")
        << QByteArray(R"({"encoding": "gbk"})") << QString() << QString() << gbk;
    Payload::Spec modbus;
    modbus.mode = Payload::Mode::Hex;
    modbus.checksum = Checksum::Algorithm::Crc16Modbus;
    modbus.checksumOrder = Checksum::ByteOrder::LittleEndian;
    QTest::newRow("missing order is the checksum's natural one")
        << QByteArray(R"({"mode": "hex", "checksum": "crc16-modbus"})") << QString() << QString() << modbus;
    Payload::Spec good;
    good.escapes = true;
    good.lineEnding = Payload::LineEnding::CR;
    QTest::newRow("good fields kept beside bad ones")
        << QByteArray(R"({"name": "ok", "escapes": true, "lineEnding": "cr", "mode": 3, "extra": "ignored"})") << "ok"
        << QString() << good;
}

void tst_QuickCommand::badFieldsDefault()
{
    QFETCH(QByteArray, entry);
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(Payload::Spec, spec);

    FileError error = FileError::NotJson;
    const QList<QuickCommand> commands = QuickCommands::fromJson(wrap("[" + entry + "]"), &error);
    QCOMPARE(error, FileError::None);
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.at(0).name, name);
    QCOMPARE(commands.at(0).text, text);
    QVERIFY(commands.at(0).spec == spec);
}

void tst_QuickCommand::badEntriesSkipped()
{
    const QList<QuickCommand> commands
        = QuickCommands::fromJson(wrap(R"([1, "two", null, [], {"name": "kept"}, false])"));
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.at(0).name, QStringLiteral("kept"));
}

void tst_QuickCommand::specIds()
{
    using Payload::LineEnding;
    for (LineEnding ending : {LineEnding::None, LineEnding::CR, LineEnding::LF, LineEnding::CRLF}) {
        bool ok = false;
        QCOMPARE(PayloadJson::lineEndingFromId(PayloadJson::lineEndingId(ending), &ok), ending);
        QVERIFY(ok);
    }
    bool ok = true;
    PayloadJson::lineEndingFromId("CRLF", &ok); // ids are exact, lower case
    QVERIFY(!ok);
    QCOMPARE(PayloadJson::modeFromId(PayloadJson::modeId(Payload::Mode::Hex)), Payload::Mode::Hex);
    QCOMPARE(PayloadJson::byteOrderFromId("little"), Checksum::ByteOrder::LittleEndian);
    QCOMPARE(PayloadJson::byteOrderFromId("big"), Checksum::ByteOrder::BigEndian);

    Payload::Spec spec;
    spec.checksum = Checksum::Algorithm::Xor8;
    QVERIFY(PayloadJson::fromJson(PayloadJson::toJson(spec)) == spec);
}

QTEST_GUILESS_MAIN(tst_QuickCommand)
#include "tst_quickcommand.moc"
