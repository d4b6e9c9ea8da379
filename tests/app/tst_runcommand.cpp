#include "devicepeer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// `netassist run` as its users run it: the real binary, with no display, against a toy device in another process
// (tests/support/device_peer.py), with the shipped examples and with broken files. The exit code and the words
// printed are the contract.
class tst_RunCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modbusExamplePasses();
    void wrongAnswerFailsAndNamesTheStep();
    void silentDeviceTimesOut();
    void closedConnectionFails();
    void textExamplePassesOverUdp();
    void serverRunsWithTheFirstClient();
    void udpWithoutTargetAnswersTheFirstSender();
    void unreachableDeviceFails();
    void junitReport();
    void badInput_data();
    void badInput();
};

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString example(const char *name)
{
    return qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/examples/") + QLatin1String(name);
}

// No DISPLAY and no platform plugin: the headless run must not need one.
QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

void startRun(QProcess &process, const QStringList &arguments)
{
    process.setProcessEnvironment(headless());
    process.start(QStringLiteral(NETASSIST_BINARY), QStringList {QStringLiteral("run")} + arguments);
}

Outcome finish(QProcess &process)
{
    Outcome outcome;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(2000);
        outcome.err = QStringLiteral("(did not finish within 30 s) ");
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err += QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

Outcome run(const QStringList &arguments)
{
    QProcess process;
    startRun(process, arguments);
    return finish(process);
}

// What the run printed before its first line ended (bounded): where it listens or is bound.
QString firstLines(QProcess &process)
{
    QString out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains(u'\n') && clock.elapsed() < 10000) {
        process.waitForReadyRead(100);
        out += QString::fromUtf8(process.readAllStandardOutput());
    }
    return out;
}

QString client(const DevicePeer &device)
{
    return QStringLiteral("127.0.0.1:%1").arg(device.port());
}

int countLines(const QString &text, const QString &prefix)
{
    int n = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        n += line.startsWith(prefix) ? 1 : 0;
    return n;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

void tst_RunCommand::modbusExamplePasses()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "modbus", "--listen"}), qPrintable(device.error()));
    const Outcome o = run({example("modbus-tcp-read-holding-registers.json"), "--client", client(device)});
    QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
    // 3 iterations of send, expect, wait; each line names its step and iteration.
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 9);
    QVERIFY2(o.out.contains(QStringLiteral("  3 expect #3 (function 03, 20 bytes)")), qPrintable(o.out));
    // The matched reply is shown: transaction 1, function 03, 20 bytes, registers 0..9.
    QVERIFY2(o.out.contains(QStringLiteral("00 01 00 00 00 17 01 03 14 00 00 00 01 00 02")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QRegularExpression(QStringLiteral("PASSED: 9 passed, 0 failed, 0 skipped; response min "
                                                              "[0-9.]+ ms / median [0-9.]+ ms / max [0-9.]+ ms"))),
        qPrintable(o.out));
}

void tst_RunCommand::wrongAnswerFailsAndNamesTheStep()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "modbus", "--behave", "wrong", "--listen"}), qPrintable(device.error()));
    const Outcome o = run({example("modbus-tcp-read-holding-registers.json"), "--client", client(device)});
    QVERIFY2(o.exitCode == 1, qPrintable(o.out + o.err));
    // The exception reply 00 01 00 00 00 03 01 83 02 differs first at byte 5 (length 03, the pattern says 17).
    QVERIFY2(o.out.contains(QStringLiteral("FAIL    3 expect #1 (function 03, 20 bytes)  the frame is not the expected "
                                           "one: byte 5 is 03, expected 17")),
        qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("frame: 00 01 00 00 00 03 01 83 02")), qPrintable(o.out));
    // It stops on the first failure: nothing ran after it.
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 1);
    QVERIFY2(
        o.out.contains(QStringLiteral("FAILED (stopped at the first failure): 1 passed, 1 failed")), qPrintable(o.out));
}

void tst_RunCommand::silentDeviceTimesOut()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "modbus", "--behave", "silent", "--listen"}), qPrintable(device.error()));
    const Outcome o = run({example("modbus-tcp-read-holding-registers.json"), "--client", client(device)});
    QVERIFY2(o.exitCode == 1, qPrintable(o.out + o.err));
    QVERIFY2(o.out.contains(QStringLiteral("FAIL    3 expect #1 (function 03, 20 bytes)  no frame within 1000 ms")),
        qPrintable(o.out));
}

void tst_RunCommand::closedConnectionFails()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "modbus", "--behave", "close", "--listen"}), qPrintable(device.error()));
    const Outcome o = run({example("modbus-tcp-read-holding-registers.json"), "--client", client(device)});
    QVERIFY2(o.exitCode == 1, qPrintable(o.out + o.err));
    QVERIFY2(o.out.contains(QStringLiteral("FAIL    3 expect #1 (function 03, 20 bytes)  the connection is closed")),
        qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("FAILED (ended: the connection closed)")), qPrintable(o.out));
}

void tst_RunCommand::textExamplePassesOverUdp()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--udp", "--listen"}), qPrintable(device.error()));
    const Outcome o = run({example("scpi-identify.json"), "--udp", "127.0.0.1:0", "--to", client(device)});
    QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 4);
    QVERIFY2(o.out.contains(QStringLiteral("4E 45 54 41 53 53 49 53 54")), qPrintable(o.out)); // "NETASSIST"
}

void tst_RunCommand::serverRunsWithTheFirstClient()
{
    QProcess process;
    startRun(process, {example("scpi-identify.json"), "--server", "127.0.0.1:0", "--wait", "10"});
    QVERIFY(process.waitForStarted(5000));
    // The chosen port is printed first: connect the device there.
    const QString first = firstLines(process);
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Listening on 127\\.0\\.0\\.1:(\\d+)")).match(first);
    QVERIFY2(m.hasMatch(), qPrintable(first + process.readAllStandardError()));
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--connect", m.captured(1)}), qPrintable(device.error()));
    Outcome o = finish(process);
    o.out.prepend(first);
    QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
    QVERIFY2(o.out.contains(QStringLiteral("Client 127.0.0.1:")), qPrintable(o.out));
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 4);
}

// A device that speaks first over UDP: without --to, the run starts with its first datagram and answers its sender.
void tst_RunCommand::udpWithoutTargetAnswersTheFirstSender()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sequence = writeFile(dir, QStringLiteral("hello.json"),
        R"({"format": "netassist-sequence", "version": 1, "steps": [
             {"step": "expect", "pattern": "hello", "timeoutMs": 5000},
             {"step": "send", "text": "ack"}]})");
    QVERIFY(!sequence.isEmpty());
    QProcess process;
    startRun(process, {sequence, "--udp", "127.0.0.1:0", "--wait", "10"});
    QVERIFY(process.waitForStarted(5000));
    const QString first = firstLines(process);
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Bound to 127\\.0\\.0\\.1:(\\d+)")).match(first);
    QVERIFY2(m.hasMatch(), qPrintable(first + process.readAllStandardError()));
    // The device: sends "hello" from its own port and prints what comes back to that port.
    QProcess device;
    device.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral(
                "import socket,sys\n"
                "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('127.0.0.1',0)); s.settimeout(10)\n"
                "s.sendto(b'hello',('127.0.0.1',%1))\n"
                "print(s.recvfrom(100)[0].decode(), flush=True)\n")
                .arg(m.captured(1))});
    QVERIFY(device.waitForFinished(15000));
    QCOMPARE(device.readAllStandardOutput().trimmed(), QByteArray("ack"));
    Outcome o = finish(process);
    o.out.prepend(first);
    QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
    QVERIFY2(o.out.contains(QStringLiteral("First datagram from 127.0.0.1:")), qPrintable(o.out));
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 2);
}

void tst_RunCommand::unreachableDeviceFails()
{
    // A port nobody listens on: bind one, note it, close it.
    quint16 port = 0;
    {
        DevicePeer probe;
        QVERIFY2(probe.start({"--proto", "text", "--listen"}), qPrintable(probe.error()));
        port = probe.port();
    } // the peer is killed: the port is closed again
    const Outcome o = run({example("scpi-identify.json"), "--client", QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY2(o.exitCode == 1, qPrintable(o.out + o.err));
    QVERIFY2(o.err.contains(QStringLiteral("refused")), qPrintable(o.err));
    QCOMPARE(countLines(o.out, QStringLiteral("PASS ")), 0);
}

void tst_RunCommand::junitReport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--behave", "wrong", "--listen"}), qPrintable(device.error()));
    const QString report = dir.filePath(QStringLiteral("report.xml"));
    const Outcome o = run({example("scpi-identify.json"), "--client", client(device), "--junit", report});
    QVERIFY2(o.exitCode == 1, qPrintable(o.out + o.err));
    QFile file(report);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(report));
    QXmlStreamReader xml(&file);
    QXmlStreamAttributes suite, failure;
    QString failureText;
    QStringList cases;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("testsuite")) {
            suite = xml.attributes();
        } else if (xml.name() == QLatin1String("testcase")) {
            cases.append(xml.attributes().value(QLatin1String("name")).toString());
        } else if (xml.name() == QLatin1String("failure")) {
            failure = xml.attributes();
            failureText = xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(suite.value(QLatin1String("name")).toString(), QStringLiteral("SCPI identify and measure"));
    QCOMPARE(suite.value(QLatin1String("tests")).toString(), QStringLiteral("2"));
    QCOMPARE(suite.value(QLatin1String("failures")).toString(), QStringLiteral("1"));
    QCOMPARE(cases, (QStringList {QStringLiteral("1 send: identify"), QStringLiteral("2 expect: four fields")}));
    QCOMPARE(failure.value(QLatin1String("type")).toString(), QStringLiteral("mismatch"));
    const QString message = failure.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("frame: 45 52 52 0A")), qPrintable(message));
    QCOMPARE(failureText.trimmed(), QStringLiteral("45 52 52 0A"));
}

void tst_RunCommand::badInput_data()
{
    QTest::addColumn<QByteArray>("file"); // empty: the path does not exist
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QByteArray good = R"({"format": "netassist-sequence", "version": 1, "steps": [{"step": "wait", "ms": 1}]})";
    QTest::newRow("missing file") << QByteArray() << QStringList {"--client", "127.0.0.1:9"}
                                  << QStringLiteral("cannot read");
    QTest::newRow("not json") << QByteArray("{\n  \"format\": \n") << QStringList {"--client", "127.0.0.1:9"}
                              << QStringLiteral("seq.json:3:1: not valid JSON");
    QTest::newRow("bad hex pattern") << QByteArray(
        "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [\n"
        "  {\"step\": \"expect\", \"match\": \"hex-pattern\", \"pattern\": \"01 0G\"}\n]}")
                                     << QStringList {"--client", "127.0.0.1:9"}
                                     << QStringLiteral("seq.json:2:46: steps[0].pattern: column 5 is not a hex digit");
    QTest::newRow("unknown step") << QByteArray(
        "{\"format\": \"netassist-sequence\", \"version\": 1, \"steps\": [\n  {\"step\": \"sned\"}\n]}")
                                  << QStringList {"--client", "127.0.0.1:9"}
                                  << QStringLiteral("seq.json:2:4: steps[0].step: unknown step");
    QTest::newRow("no transport") << good << QStringList {} << QStringLiteral("Give exactly one of");
    QTest::newRow("bad port") << good << QStringList {"--client", "127.0.0.1:70000"}
                              << QStringLiteral("--client 127.0.0.1:70000: the port must be a number");
    QTest::newRow("to without udp") << good << QStringList {"--client", "127.0.0.1:9", "--to", "127.0.0.1:9"}
                                    << QStringLiteral("--to is for --udp");
    QTest::newRow("junit not writable") << good
                                        << QStringList {"--client", "127.0.0.1:9", "--junit", "/nonexistent/dir/r.xml"}
                                        << QStringLiteral("cannot write /nonexistent/dir/r.xml");
}

void tst_RunCommand::badInput()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = file.isEmpty() ? dir.filePath(QStringLiteral("missing.json"))
                                        : writeFile(dir, QStringLiteral("seq.json"), file);
    QVERIFY(!path.isEmpty());
    const Outcome o = run(QStringList {path} + arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
    QVERIFY2(o.out.isEmpty(), qPrintable(o.out)); // nothing ran
}

QTEST_GUILESS_MAIN(tst_RunCommand)
#include "tst_runcommand.moc"
