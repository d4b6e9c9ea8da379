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
    void openCapture();
    void version_data();
    void version();
};

namespace {
QStringList argv(const QString &line)
{
    QStringList args {QStringLiteral("netassist")};
    if (!line.isEmpty())
        args += line.split(QLatin1Char(' '));
    return args;
}

// One line per tab, in order: "kind host-or-address port [open] [to host:port] [join group[@iface]]...".
QStringList describe(const LaunchOptions &options)
{
    QStringList tabs;
    for (const TabPreset &tab : options.tabs) {
        QString line = QString::fromLatin1(tab.kind) + u' '
            + (tab.kind == "tcp-client" || tab.kind == "tls-client"
                    ? tab.host
                    : (tab.address == QHostAddress(QHostAddress::Any) ? QStringLiteral("any") : tab.address.toString()))
            + u' ' + QString::number(tab.port);
        if (tab.open)
            line += QStringLiteral(" open");
        if (!tab.toHost.isEmpty())
            line += QStringLiteral(" to %1:%2").arg(tab.toHost).arg(tab.toPort);
        if (!tab.tlsCaFile.isEmpty())
            line += QStringLiteral(" ca ") + tab.tlsCaFile;
        if (tab.tlsInsecure)
            line += QStringLiteral(" insecure");
        if (!tab.tlsCertificateFile.isEmpty())
            line += QStringLiteral(" cert ") + tab.tlsCertificateFile;
        if (!tab.tlsKeyFile.isEmpty())
            line += QStringLiteral(" key ") + tab.tlsKeyFile;
        for (const TabPreset::Group &group : tab.joins)
            line += QStringLiteral(" join ") + group.group.toString()
                + (group.interfaceName.isEmpty() ? QString() : u'@' + group.interfaceName);
        tabs.append(line);
    }
    return tabs;
}
} // namespace

void tst_CommandLine::presets_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("tabs");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<QString>("capture");

    const QString none;
    using L = QStringList;
    // clang-format off
    QTest::newRow("nothing") << argv({}) << L {} << QByteArray() << false << none;
    QTest::newRow("client ipv4") << argv("--client 192.168.1.10:502") << L {"tcp-client 192.168.1.10 502"}
        << QByteArray() << false << none;
    QTest::newRow("client ipv6 connect") << argv("--client [::1]:8000 --connect") << L {"tcp-client ::1 8000 open"}
        << QByteArray() << false << none;
    QTest::newRow("client name, = syntax") << argv("--client=example.com:80") << L {"tcp-client example.com 80"}
        << QByteArray() << false << none;
    QTest::newRow("server bare port") << argv("--server 8000") << L {"tcp-server any 8000"} << QByteArray() << false << none;
    QTest::newRow("server :port") << argv("--server :7000") << L {"tcp-server any 7000"} << QByteArray() << false << none;
    QTest::newRow("server loopback port 0 listen") << argv("--server 127.0.0.1:0 --listen")
        << L {"tcp-server 127.0.0.1 0 open"} << QByteArray() << false << none;
    QTest::newRow("server 0.0.0.0 is IPv4 only") << argv("--server 0.0.0.0:8000") << L {"tcp-server 0.0.0.0 8000"}
        << QByteArray() << false << none;
    QTest::newRow("server ipv6") << argv("--server [::1]:9000") << L {"tcp-server ::1 9000"} << QByteArray() << false << none;
    QTest::newRow("both, client last") << argv("--server 9000 --listen --client 127.0.0.1:9000 --connect")
        << L {"tcp-server any 9000 open", "tcp-client 127.0.0.1 9000 open"} << QByteArray() << false << none;
    QTest::newRow("both, server last") << argv("--client 127.0.0.1:9000 --server 9000")
        << L {"tcp-client 127.0.0.1 9000", "tcp-server any 9000"} << QByteArray() << false << none;
    QTest::newRow("repeated, each a tab") << argv("--client a:1 --client b:2 --server :8000 --udp :9000 --connect")
        << L {"tcp-client a 1 open", "tcp-client b 2 open", "tcp-server any 8000", "udp any 9000 open"}
        << QByteArray() << false << none;
    QTest::newRow("relay starts, forwarding to its --to") << argv("--relay 127.0.0.1:0 --to 192.168.1.5:502 --relay 8000 --to [::1]:9")
        << L {"relay 127.0.0.1 0 open to 192.168.1.5:502", "relay any 8000 open to ::1:9"} << QByteArray() << false << none;
    QTest::newRow("udp always binds") << argv("--udp 127.0.0.1:0") << L {"udp 127.0.0.1 0 open"} << QByteArray() << false << none;
    QTest::newRow("udp target and groups") << argv("--udp 9000 --to 192.168.1.255:9001 --join 239.1.2.3 --join ff12::1234@lo")
        << L {"udp any 9000 open to 192.168.1.255:9001 join 239.1.2.3 join ff12::1234@lo"} << QByteArray() << false << none;
    QTest::newRow("--to belongs to the udp before it") << argv("--udp 1 --to h:2 --udp 3 --to [::1]:4")
        << L {"udp any 1 open to h:2", "udp any 3 open to ::1:4"} << QByteArray() << false << none;
    QTest::newRow("encoding, any case") << argv("--encoding gbk") << L {} << QByteArray("GBK") << false << none;
    QTest::newRow("encoding utf-8") << argv("--encoding Utf-8 --hex") << L {} << QByteArray("UTF-8") << true << none;
    QTest::newRow("capture") << argv("--server 8000 --capture /tmp/session.log") << L {"tcp-server any 8000"}
        << QByteArray() << false << QStringLiteral("/tmp/session.log");
    QTest::newRow("tls client, system CAs") << argv("--tls-client mqtt.example:8883") << L {"tls-client mqtt.example 8883"}
        << QByteArray() << false << none;
    QTest::newRow("tls clients, ca / insecure, connect") << argv("--tls-client a:1 --ca ca.pem --tls-client [::1]:2 --insecure --connect")
        << L {"tls-client a 1 open ca ca.pem", "tls-client ::1 2 open insecure"} << QByteArray() << false << none;
    QTest::newRow("tls server, listen") << argv("--tls-server 127.0.0.1:8443 --cert s.pem --key s.key --listen")
        << L {"tls-server 127.0.0.1 8443 open cert s.pem key s.key"} << QByteArray() << false << none;
    QTest::newRow("tls server, PKCS#12") << argv("--tls-server 8443 --cert s.p12")
        << L {"tls-server any 8443 cert s.p12"} << QByteArray() << false << none;
    // clang-format on
}

void tst_CommandLine::presets()
{
    QFETCH(QStringList, args);
    const ParseOutcome outcome = parseCommandLine(args);
    QCOMPARE(outcome.message, QString());
    QCOMPARE(outcome.action, ParseOutcome::Run);
    const LaunchOptions &o = outcome.options;

    QFETCH(QStringList, tabs);
    QCOMPARE(describe(o), tabs);
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

    QTest::newRow("relay without target") << argv("--relay 8000") << QStringList {"--relay 8000", "--to HOST:PORT"};
    QTest::newRow("relay host name") << argv("--relay localhost:8000 --to a:1")
                                     << QStringList {"--relay localhost:8000", "not a host name"};
    QTest::newRow("udp host name") << argv("--udp localhost:9000")
                                   << QStringList {"--udp localhost:9000", "not a host name"};
    QTest::newRow("to without udp") << argv("--client a:1 --to b:2") << QStringList {"--to b:2", "follows the --udp"};
    QTest::newRow("to without port") << argv("--udp 9000 --to example.com")
                                     << QStringList {"--to example.com", "port is missing"};
    QTest::newRow("join without udp") << argv("--join 239.1.2.3")
                                      << QStringList {"--join 239.1.2.3", "follows the --udp"};
    QTest::newRow("join unicast") << argv("--udp 9000 --join 10.0.0.1")
                                  << QStringList {"--join 10.0.0.1", "not a multicast group"};
    QTest::newRow("join unknown interface")
        << argv("--udp 9000 --join 239.1.2.3@nosuchif0")
        << QStringList {"--join 239.1.2.3@nosuchif0", "no network interface named \"nosuchif0\""};

    QTest::newRow("ca without tls client") << argv("--client a:1 --ca ca.pem") << QStringList {"--ca", "--tls-client"};
    QTest::newRow("insecure alone") << argv("--insecure") << QStringList {"--insecure", "--tls-client"};
    QTest::newRow("ca and insecure") << argv("--tls-client a:1 --ca c.pem --insecure") << QStringList {"contradict"};
    QTest::newRow("tls server without cert") << argv("--tls-server 8443") << QStringList {"--tls-server needs --cert"};
    QTest::newRow("cert without tls server") << argv("--server 80 --cert s.pem")
                                             << QStringList {"--cert s.pem", "--tls-server"};
    QTest::newRow("tls client without port") << argv("--tls-client example.com")
                                             << QStringList {"--tls-client example.com"};
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
             "--udp <[ADDRESS:]PORT>", "--to <HOST:PORT>", "--join <GROUP[@IFACE]>", "--encoding <NAME>", "GB18030",
             "--hex", "--capture <FILE>", "--version", "--help", "open FILE", "--tls-client <HOST:PORT>", "--ca <FILE>",
             "--insecure", "--tls-server <[ADDRESS:]PORT>", "--cert <FILE>", "--key <FILE>"})
        QVERIFY2(outcome.message.contains(QLatin1String(fragment)), fragment);
    QVERIFY(!outcome.message.contains(QLatin1String("--help-all")));
}

// "netassist open FILE" lists a capture at start; with presets too; never without its file.
void tst_CommandLine::openCapture()
{
    ParseOutcome outcome = parseCommandLine(argv("open /tmp/field.pcap"));
    QCOMPARE(outcome.action, ParseOutcome::Run);
    QCOMPARE(outcome.options.openCapture, QStringLiteral("/tmp/field.pcap"));
    outcome = parseCommandLine(argv("--udp 9000 open a.pcapng"));
    QCOMPARE(outcome.action, ParseOutcome::Run);
    QCOMPARE(outcome.options.openCapture, QStringLiteral("a.pcapng"));
    QCOMPARE(outcome.options.tabs.size(), 1);
    outcome = parseCommandLine(argv("open"));
    QCOMPARE(outcome.action, ParseOutcome::Error);
    QVERIFY2(outcome.message.contains(QLatin1String("capture file")), qPrintable(outcome.message));
    outcome = parseCommandLine(argv("open a.pcap b.pcap"));
    QCOMPARE(outcome.action, ParseOutcome::Error);
    QVERIFY2(outcome.message.contains(QLatin1String("Unexpected argument: b.pcap")), qPrintable(outcome.message));
    QCOMPARE(parseCommandLine(argv("--capture x.pcap")).options.openCapture, QString());
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
