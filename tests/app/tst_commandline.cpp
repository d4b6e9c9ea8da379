#include "commandline.h"

#include <QRegularExpression>
#include <QTest>

// The command line as a specification: argument lists and exactly what the window is asked to do, or the error
// (with the words that must be in it) before any window would open.
class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void errors_data();
    void errors();
    void helpListsEveryOption_data();
    void helpListsEveryOption();
    void version_data();
    void version();
};

namespace {
enum TabColumn { NoTab = -1, ClientTab = 0, ServerTab = 1 };

QStringList argv(const QString &line)
{
    QStringList args {QStringLiteral("netassist")};
    if (!line.isEmpty())
        args += line.split(QLatin1Char(' '));
    return args;
}
} // namespace

void tst_CommandLine::presets_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("tab");
    QTest::addColumn<bool>("hasClient");
    QTest::addColumn<QString>("clientHost");
    QTest::addColumn<int>("clientPort");
    QTest::addColumn<bool>("connect");
    QTest::addColumn<bool>("hasServer");
    QTest::addColumn<QHostAddress>("serverAddress");
    QTest::addColumn<int>("serverPort");
    QTest::addColumn<bool>("listen");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<QString>("capture");

    const QHostAddress any(QHostAddress::Any);
    const QString none;
    // clang-format off
    QTest::newRow("nothing") << argv({})
        << int(NoTab) << false << none << 0 << false << false << any << 0 << false << QByteArray() << false << none;
    QTest::newRow("client ipv4") << argv("--client 192.168.1.10:502")
        << int(ClientTab) << true << QStringLiteral("192.168.1.10") << 502 << false << false << any << 0 << false << QByteArray() << false << none;
    QTest::newRow("client ipv6 connect") << argv("--client [::1]:8000 --connect")
        << int(ClientTab) << true << QStringLiteral("::1") << 8000 << true << false << any << 0 << false << QByteArray() << false << none;
    QTest::newRow("client name, = syntax") << argv("--client=example.com:80")
        << int(ClientTab) << true << QStringLiteral("example.com") << 80 << false << false << any << 0 << false << QByteArray() << false << none;
    QTest::newRow("server bare port") << argv("--server 8000")
        << int(ServerTab) << false << none << 0 << false << true << any << 8000 << false << QByteArray() << false << none;
    QTest::newRow("server :port") << argv("--server :7000")
        << int(ServerTab) << false << none << 0 << false << true << any << 7000 << false << QByteArray() << false << none;
    QTest::newRow("server loopback port 0 listen") << argv("--server 127.0.0.1:0 --listen")
        << int(ServerTab) << false << none << 0 << false << true << QHostAddress(QHostAddress::LocalHost) << 0 << true
        << QByteArray() << false << none;
    QTest::newRow("server 0.0.0.0 is IPv4 only") << argv("--server 0.0.0.0:8000")
        << int(ServerTab) << false << none << 0 << false << true << QHostAddress(QHostAddress::AnyIPv4) << 8000 << false
        << QByteArray() << false << none;
    QTest::newRow("server ipv6") << argv("--server [::1]:9000")
        << int(ServerTab) << false << none << 0 << false << true << QHostAddress(QHostAddress::LocalHostIPv6) << 9000
        << false << QByteArray() << false << none;
    QTest::newRow("both, client named last") << argv("--server 9000 --listen --client 127.0.0.1:9000 --connect")
        << int(ClientTab) << true << QStringLiteral("127.0.0.1") << 9000 << true << true << any << 9000 << true << QByteArray() << false << none;
    QTest::newRow("both, server named last") << argv("--client 127.0.0.1:9000 --server 9000")
        << int(ServerTab) << true << QStringLiteral("127.0.0.1") << 9000 << false << true << any << 9000 << false << QByteArray() << false << none;
    QTest::newRow("encoding, any case") << argv("--encoding gbk")
        << int(NoTab) << false << none << 0 << false << false << any << 0 << false << QByteArray("GBK") << false << none;
    QTest::newRow("encoding utf-8") << argv("--encoding Utf-8 --hex")
        << int(NoTab) << false << none << 0 << false << false << any << 0 << false << QByteArray("UTF-8") << true << none;
    QTest::newRow("capture") << argv("--server 8000 --capture /tmp/session.log")
        << int(ServerTab) << false << none << 0 << false << true << any << 8000 << false << QByteArray() << false
        << QStringLiteral("/tmp/session.log");
    // clang-format on
}

void tst_CommandLine::presets()
{
    QFETCH(QStringList, args);
    const ParseOutcome outcome = parseCommandLine(args);
    QCOMPARE(outcome.message, QString());
    QCOMPARE(outcome.action, ParseOutcome::Run);
    const LaunchOptions &o = outcome.options;

    QFETCH(int, tab);
    QCOMPARE(o.tab.has_value() ? int(*o.tab) : int(NoTab), tab);
    QFETCH(bool, hasClient);
    QCOMPARE(o.hasClient, hasClient);
    QFETCH(QString, clientHost);
    QCOMPARE(o.clientHost, clientHost);
    QFETCH(int, clientPort);
    QCOMPARE(int(o.clientPort), clientPort);
    QFETCH(bool, connect);
    QCOMPARE(o.connect, connect);
    QFETCH(bool, hasServer);
    QCOMPARE(o.hasServer, hasServer);
    QFETCH(QHostAddress, serverAddress);
    QCOMPARE(o.serverAddress, serverAddress);
    QFETCH(int, serverPort);
    QCOMPARE(int(o.serverPort), serverPort);
    QFETCH(bool, listen);
    QCOMPARE(o.listen, listen);
    QFETCH(QByteArray, encoding);
    QCOMPARE(o.encoding, encoding);
    QFETCH(bool, hex);
    QCOMPARE(o.hex, hex);
    QFETCH(QString, capture);
    QCOMPARE(o.capturePath, capture);
}

void tst_CommandLine::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("fragments"); // each must appear in the message

    QTest::newRow("unknown option") << argv("--bogus") << QStringList {"bogus"};
    QTest::newRow("unknown short option") << argv("-x") << QStringList {"x"};
    QTest::newRow("missing value") << argv("--client") << QStringList {"--client"};
    QTest::newRow("no Qt options") << argv("--help-all") << QStringList {"help-all"};
    QTest::newRow("positional") << argv("foo") << QStringList {"Unexpected argument: foo"};
    // Rules are checked only after the syntax: an unknown option wins even over --help.
    QTest::newRow("help with unknown option") << argv("--help --bogus") << QStringList {"bogus"};

    QTest::newRow("client without port") << argv("--client example.com")
                                         << QStringList {"--client example.com: the port is missing"};
    QTest::newRow("client bare ipv6") << argv("--client ::1") << QStringList {"--client ::1", "[IPv6]:PORT"};
    QTest::newRow("client without host") << argv("--client :80") << QStringList {"the host is missing"};
    QTest::newRow("client port 0") << argv("--client 10.0.0.1:0") << QStringList {"from 1 to 65535"};
    QTest::newRow("client port too big") << argv("--client 10.0.0.1:65536") << QStringList {"from 1 to 65535"};
    QTest::newRow("client port not a number") << argv("--client 10.0.0.1:http") << QStringList {"from 1 to 65535"};
    QTest::newRow("client ipv4 in brackets") << argv("--client [10.0.0.1]:80") << QStringList {"brackets"};

    QTest::newRow("server host name") << argv("--server localhost:8000")
                                      << QStringList {"--server localhost:8000", "not a host name"};
    QTest::newRow("server port too big") << argv("--server 70000") << QStringList {"from 0 to 65535"};
    QTest::newRow("server empty") << QStringList {"netassist", "--server", ""} << QStringList {"write PORT"};
    QTest::newRow("server unbalanced bracket") << argv("--server [::1:80") << QStringList {"brackets"};

    QTest::newRow("connect alone") << argv("--connect") << QStringList {"--connect needs --client"};
    QTest::newRow("connect with server") << argv("--server 80 --connect") << QStringList {"--connect needs --client"};
    QTest::newRow("listen alone") << argv("--listen") << QStringList {"--listen needs --server"};
    QTest::newRow("listen with client") << argv("--client a:1 --listen") << QStringList {"--listen needs --server"};

    QTest::newRow("unknown encoding") << argv("--encoding klingon")
                                      << QStringList {"Unknown encoding \"klingon\"", "UTF-8, GBK"};
    QTest::newRow("empty capture") << QStringList {"netassist", "--capture", " "} << QStringList {"needs a file name"};
}

void tst_CommandLine::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, fragments);
    const ParseOutcome outcome = parseCommandLine(args);
    QCOMPARE(outcome.action, ParseOutcome::Error);
    QVERIFY(!outcome.message.contains(QLatin1Char('\n')));
    for (const QString &fragment : fragments)
        QVERIFY2(outcome.message.contains(fragment), qPrintable(outcome.message));
}

void tst_CommandLine::helpListsEveryOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--help") << argv("--help");
    QTest::newRow("-h") << argv("-h");
    // Help is asked for: rules about the other options do not matter.
    QTest::newRow("help wins over rules") << argv("--connect --help");
}

void tst_CommandLine::helpListsEveryOption()
{
    QFETCH(QStringList, args);
    const ParseOutcome outcome = parseCommandLine(args);
    QCOMPARE(outcome.action, ParseOutcome::ShowHelp);
    for (const char *fragment : {"--client <HOST:PORT>", "--connect", "--server <[ADDRESS:]PORT>", "--listen",
             "--encoding <NAME>", "GB18030", "--hex", "--capture <FILE>", "--version", "--help"})
        QVERIFY2(outcome.message.contains(QLatin1String(fragment)), fragment);
    QVERIFY(!outcome.message.contains(QLatin1String("--help-all")));
}

void tst_CommandLine::version_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--version") << argv("--version");
    QTest::newRow("-v") << argv("-v");
    QTest::newRow("with presets") << argv("--client 127.0.0.1:80 --version");
}

void tst_CommandLine::version()
{
    QFETCH(QStringList, args);
    const ParseOutcome outcome = parseCommandLine(args);
    QCOMPARE(outcome.action, ParseOutcome::ShowVersion);
    QCOMPARE(outcome.message, QStringLiteral("netassist " NETASSIST_VERSION));
    QVERIFY(QStringLiteral(NETASSIST_VERSION).contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
