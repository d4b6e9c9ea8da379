#include "commandline.h"

#include "net/endpoint.h"
#include "text/codecs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QNetworkInterface>

#include <algorithm>
#include <optional>

// lupdate files these strings under the "CommandLine" context; they are used before any widget exists.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// Shared by --client and --server: the brackets and port rules are the same, only the port range differs.
QString CommandLineText::hostPortProblem(Endpoint::HostPortError error, bool server)
{
    switch (error) {
    case Endpoint::HostPortError::None:
        return {};
    case Endpoint::HostPortError::Empty:
        return server ? CommandLine::tr("write PORT or ADDRESS:PORT")
                      : CommandLine::tr("the host is missing (write HOST:PORT)");
    case Endpoint::HostPortError::MissingPort:
        return server ? CommandLine::tr("the port is missing (write PORT, ADDRESS:PORT or [IPv6]:PORT)")
                      : CommandLine::tr("the port is missing (write HOST:PORT or [IPv6]:PORT)");
    case Endpoint::HostPortError::BadPort:
        return server ? CommandLine::tr("the port must be a number from 0 to 65535 (0: any free port)")
                      : CommandLine::tr("the port must be a number from 1 to 65535");
    case Endpoint::HostPortError::BadBrackets:
        return CommandLine::tr("only an IPv6 address goes in brackets, as in [::1]:8000");
    }
    return {};
}

QString CommandLineText::optionProblem(const QString &option, const QString &value, const QString &problem)
{
    return CommandLine::tr("%1 %2: %3.").arg(option, value, problem);
}

namespace {

QString availableEncodings()
{
    QStringList names;
    for (const QByteArray &name : Codecs::available())
        names.append(QString::fromLatin1(name));
    return names.join(QStringLiteral(", "));
}

std::optional<QByteArray> canonicalEncoding(const QString &name)
{
    for (const QByteArray &known : Codecs::available()) {
        if (QString::fromLatin1(known).compare(name, Qt::CaseInsensitive) == 0)
            return known;
    }
    return std::nullopt;
}

// GROUP or GROUP@IFACE: a multicast address, and an interface of this machine by name.
std::optional<TabPreset::Group> parseGroup(const QString &value, QString *problem)
{
    const qsizetype at = value.lastIndexOf(u'@');
    const QString groupText = at < 0 ? value : value.left(at);
    TabPreset::Group group;
    group.group = QHostAddress(groupText);
    if (group.group.isNull() || !group.group.isMulticast()) {
        *problem = CommandLine::tr("not a multicast group (IPv4 224.0.0.0 to 239.255.255.255, IPv6 ff00::/8)");
        return std::nullopt;
    }
    if (at >= 0) {
        group.interfaceName = value.mid(at + 1);
        if (!QNetworkInterface::interfaceFromName(group.interfaceName).isValid()) {
            *problem = CommandLine::tr("this machine has no network interface named \"%1\"").arg(group.interfaceName);
            return std::nullopt;
        }
    }
    return group;
}

ParseOutcome failure(const QString &message)
{
    ParseOutcome outcome;
    outcome.action = ParseOutcome::Error;
    outcome.message = message;
    return outcome;
}

} // namespace

QString versionText()
{
    return QStringLiteral("netassist " NETASSIST_VERSION);
}

ParseOutcome parseCommandLine(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("NetAssist: a network debugging assistant (TCP client and server, UDP).\n"
                        "netassist run SEQUENCE.json --client HOST:PORT runs a sequence of checks without a window "
                        "(see netassist run --help)."));
    // Not addHelpOption(): it also offers --help-all for Qt's own options, which this command line does not take
    // (it is read before the QApplication that would understand them exists).
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, CommandLine::tr("Show this help."));
    parser.addOption(help);
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption client(QStringLiteral("client"),
        CommandLine::tr("Open a TCP Client tab with this target, e.g. 192.168.1.10:502 or [::1]:8000. May be "
                        "repeated: each opens a tab."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption connect(
        QStringLiteral("connect"), CommandLine::tr("Connect to the --client targets at once."));
    const QCommandLineOption server(QStringLiteral("server"),
        CommandLine::tr("Open a TCP Server tab with this port and listen address (default: all "
                        "interfaces; port 0: any free port). May be repeated."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption listen(
        QStringLiteral("listen"), CommandLine::tr("Start listening on the --server ports at once."));
    const QCommandLineOption udp(QStringLiteral("udp"),
        CommandLine::tr("Open a UDP tab bound to this port and address (default: all interfaces; port 0: any free "
                        "port). May be repeated."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption to(QStringLiteral("to"),
        CommandLine::tr("The remote target of the --udp tab before it, e.g. 192.168.1.255:9000."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption join(QStringLiteral("join"),
        CommandLine::tr("Join this multicast group on the --udp tab before it, on the named interface or the "
                        "system's choice, e.g. 239.1.2.3 or ff12::1234@eth0. May be repeated."),
        CommandLine::tr("GROUP[@IFACE]"));
    const QCommandLineOption relay(QStringLiteral("relay"),
        CommandLine::tr("Open a Relay tab listening on this port and address, forwarding every connection to the "
                        "--to HOST:PORT after it, and start it. May be repeated."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption udpRelay(QStringLiteral("udp-relay"),
        CommandLine::tr("Open a UDP Relay tab bound to this port and address, forwarding every client's datagrams to "
                        "the --to HOST:PORT after it, and start it. May be repeated."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
        CommandLine::tr("Encoding of the send box and the receive log: %1.").arg(availableEncodings()),
        CommandLine::tr("NAME"));
    const QCommandLineOption hex(QStringLiteral("hex"), CommandLine::tr("Send and show bytes as hex."));
    const QCommandLineOption capture(QStringLiteral("capture"),
        CommandLine::tr("Record every record of the shown tab to FILE (text with timestamps; a FILE ending in .pcap "
                        "gets packets for Wireshark)."),
        CommandLine::tr("FILE"));
    const QCommandLineOption tlsClient(QStringLiteral("tls-client"),
        CommandLine::tr("Open a TLS Client tab with this target, e.g. 192.168.1.10:8883. May be repeated."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption ca(QStringLiteral("ca"),
        CommandLine::tr("Verify the --tls-client before it against the CA certificates in FILE (PEM)."),
        CommandLine::tr("FILE"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
        CommandLine::tr("Do not verify the --tls-client before it (the log marks what it receives as unverified)."));
    const QCommandLineOption tlsServer(QStringLiteral("tls-server"),
        CommandLine::tr("Open a TLS Server tab with this port and listen address; needs --cert and --key. May be "
                        "repeated."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption cert(QStringLiteral("cert"),
        CommandLine::tr("The certificate of the --tls-server before it: PEM, or PKCS#12 (.p12, .pfx)."),
        CommandLine::tr("FILE"));
    const QCommandLineOption key(QStringLiteral("key"),
        CommandLine::tr("The private key (PEM) of the --tls-server before it."), CommandLine::tr("FILE"));
    parser.addOptions({client, connect, server, listen, udp, to, join, relay, udpRelay, encoding, hex, capture,
        tlsClient, ca, insecure, tlsServer, cert, key});
    parser.addPositionalArgument(QStringLiteral("open"),
        CommandLine::tr("open FILE: list the TCP streams and UDP flows of a capture (pcap or pcapng) at start."),
        QStringLiteral("[open FILE]"));

    if (!parser.parse(args))
        return failure(parser.errorText());
    if (parser.isSet(help)) {
        ParseOutcome outcome;
        outcome.action = ParseOutcome::ShowHelp;
        if (QCoreApplication::instance())
            outcome.message = parser.helpText();
        return outcome;
    }
    if (parser.isSet(version)) {
        ParseOutcome outcome;
        outcome.action = ParseOutcome::ShowVersion;
        outcome.message = versionText();
        return outcome;
    }
    // "open FILE": a capture to read (File > Open Capture at start).
    QStringList positional = parser.positionalArguments();
    QString openCapture;
    if (positional.size() >= 1 && positional.constFirst() == QLatin1String("open")) {
        if (positional.size() < 2 || positional.at(1).trimmed().isEmpty())
            return failure(CommandLine::tr("open needs a capture file (.pcap or .pcapng)."));
        openCapture = positional.at(1);
        positional = positional.mid(2);
    }
    if (!positional.isEmpty())
        return failure(CommandLine::tr("Unexpected argument: %1").arg(positional.constFirst()));

    ParseOutcome outcome;
    LaunchOptions &options = outcome.options;
    options.openCapture = openCapture;
    // Options in the order they were given, so that --to and --join belong to the --udp before them.
    QHash<QString, qsizetype> used;
    const auto next = [&](const QCommandLineOption &option) {
        const QString name = option.names().constFirst();
        return parser.values(option).value(used[name]++);
    };
    for (const QString &name : parser.optionNames()) {
        if (name == client.names().constFirst()) {
            const QString value = next(client);
            const Endpoint::HostPort target = Endpoint::parseHostPort(value);
            if (!target.ok())
                return failure(CommandLineText::optionProblem(
                    QStringLiteral("--client"), value, CommandLineText::hostPortProblem(target.error, false)));
            TabPreset preset;
            preset.kind = "tcp-client";
            preset.host = target.host;
            preset.port = target.port;
            options.tabs.append(preset);
        } else if (name == tlsClient.names().constFirst()) {
            const QString value = next(tlsClient);
            const Endpoint::HostPort target = Endpoint::parseHostPort(value);
            if (!target.ok())
                return failure(CommandLineText::optionProblem(
                    QStringLiteral("--tls-client"), value, CommandLineText::hostPortProblem(target.error, false)));
            TabPreset preset;
            preset.kind = "tls-client";
            preset.host = target.host;
            preset.port = target.port;
            options.tabs.append(preset);
        } else if (name == ca.names().constFirst() || name == insecure.names().constFirst()) {
            const bool isCa = name == ca.names().constFirst();
            const QString value = isCa ? next(ca) : QString();
            const QString option = isCa ? QStringLiteral("--ca") : QStringLiteral("--insecure");
            if (options.tabs.isEmpty() || options.tabs.constLast().kind != "tls-client")
                return failure(CommandLine::tr("%1: it follows the --tls-client tab it is for.").arg(option));
            if (isCa && value.trimmed().isEmpty())
                return failure(CommandLine::tr("--ca needs a file name."));
            if (isCa)
                options.tabs.last().tlsCaFile = value;
            else
                options.tabs.last().tlsInsecure = true;
        } else if (name == cert.names().constFirst() || name == key.names().constFirst()) {
            const bool isCert = name == cert.names().constFirst();
            const QString value = next(isCert ? cert : key);
            const QString option = isCert ? QStringLiteral("--cert") : QStringLiteral("--key");
            if (options.tabs.isEmpty() || options.tabs.constLast().kind != "tls-server")
                return failure(CommandLine::tr("%1 %2: it follows the --tls-server tab it is for.").arg(option, value));
            if (value.trimmed().isEmpty())
                return failure(CommandLine::tr("%1 needs a file name.").arg(option));
            (isCert ? options.tabs.last().tlsCertificateFile : options.tabs.last().tlsKeyFile) = value;
        } else if (name == server.names().constFirst() || name == udp.names().constFirst()
            || name == relay.names().constFirst() || name == udpRelay.names().constFirst()
            || name == tlsServer.names().constFirst()) {
            const bool isUdp = name == udp.names().constFirst();
            const bool isUdpRelay = name == udpRelay.names().constFirst();
            const bool isRelay = name == relay.names().constFirst() || isUdpRelay;
            const bool isTls = name == tlsServer.names().constFirst();
            const QString option = isUdp ? QStringLiteral("--udp")
                : isUdpRelay             ? QStringLiteral("--udp-relay")
                : isRelay                ? QStringLiteral("--relay")
                : isTls                  ? QStringLiteral("--tls-server")
                                         : QStringLiteral("--server");
            const QString value = next(isUdp ? udp
                    : isUdpRelay             ? udpRelay
                    : isRelay                ? relay
                    : isTls                  ? tlsServer
                                             : server);
            const Endpoint::HostPort local = Endpoint::parseHostPort(value, true, true);
            if (!local.ok())
                return failure(
                    CommandLineText::optionProblem(option, value, CommandLineText::hostPortProblem(local.error, true)));
            // A socket binds to an address of this machine; a name would need a lookup with several possible answers.
            const QHostAddress address
                = local.host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(local.host);
            if (address.isNull()) {
                return failure(CommandLineText::optionProblem(
                    option, value, CommandLine::tr("listen on an IP address of this machine, not a host name")));
            }
            TabPreset preset;
            preset.kind = isUdp ? "udp"
                : isUdpRelay    ? "udp-relay"
                : isRelay       ? "relay"
                : isTls         ? "tls-server"
                                : "tcp-server";
            preset.address = address;
            preset.port = local.port;
            preset.open = isUdp || isRelay;
            options.tabs.append(preset);
        } else if (name == to.names().constFirst()) {
            const QString value = next(to);
            if (options.tabs.isEmpty()
                || (options.tabs.constLast().kind != "udp" && options.tabs.constLast().kind != "relay"
                    && options.tabs.constLast().kind != "udp-relay"))
                return failure(CommandLine::tr("--to %1: --to follows the --udp, --relay or --udp-relay tab it is for.")
                                   .arg(value));
            const Endpoint::HostPort target = Endpoint::parseHostPort(value);
            if (!target.ok())
                return failure(CommandLineText::optionProblem(
                    QStringLiteral("--to"), value, CommandLineText::hostPortProblem(target.error, false)));
            options.tabs.last().toHost = target.host;
            options.tabs.last().toPort = target.port;
        } else if (name == join.names().constFirst()) {
            const QString value = next(join);
            if (options.tabs.isEmpty() || options.tabs.constLast().kind != "udp")
                return failure(CommandLine::tr("--join %1: --join follows the --udp tab it is for.").arg(value));
            QString problem;
            const std::optional<TabPreset::Group> group = parseGroup(value, &problem);
            if (!group)
                return failure(CommandLineText::optionProblem(QStringLiteral("--join"), value, problem));
            options.tabs.last().joins.append(*group);
        }
    }
    const auto hasKind = [&](const char *kind) {
        return std::any_of(
            options.tabs.cbegin(), options.tabs.cend(), [kind](const TabPreset &p) { return p.kind == kind; });
    };
    for (const TabPreset &preset : std::as_const(options.tabs)) {
        if ((preset.kind == "relay" || preset.kind == "udp-relay") && preset.toHost.isEmpty()) {
            return failure(CommandLine::tr("%1 %2: a relay needs --to HOST:PORT after it.")
                               .arg(preset.kind == "relay" ? QStringLiteral("--relay") : QStringLiteral("--udp-relay"))
                               .arg(preset.port));
        }
    }
    if (parser.isSet(connect) && !hasKind("tcp-client") && !hasKind("tls-client"))
        return failure(CommandLine::tr("--connect needs --client HOST:PORT."));
    if (parser.isSet(listen) && !hasKind("tcp-server") && !hasKind("tls-server"))
        return failure(CommandLine::tr("--listen needs --server [ADDRESS:]PORT."));
    for (TabPreset &preset : options.tabs) {
        if (((preset.kind == "tcp-client" || preset.kind == "tls-client") && parser.isSet(connect))
            || ((preset.kind == "tcp-server" || preset.kind == "tls-server") && parser.isSet(listen)))
            preset.open = true;
        if (preset.kind == "tls-server" && preset.tlsCertificateFile.isEmpty())
            return failure(CommandLine::tr("--tls-server needs --cert FILE (and --key FILE unless the certificate file "
                                           "holds the key)."));
        if (preset.kind == "tls-client" && preset.tlsInsecure && !preset.tlsCaFile.isEmpty())
            return failure(CommandLine::tr("--ca and --insecure contradict each other: choose one."));
    }

    if (parser.isSet(encoding)) {
        const QString value = parser.value(encoding);
        const std::optional<QByteArray> known = canonicalEncoding(value);
        if (!known)
            return failure(CommandLine::tr("Unknown encoding \"%1\". Available: %2.").arg(value, availableEncodings()));
        options.encoding = *known;
    }
    options.hex = parser.isSet(hex);
    if (parser.isSet(capture)) {
        options.capturePath = parser.value(capture);
        if (options.capturePath.trimmed().isEmpty())
            return failure(CommandLine::tr("--capture needs a file name."));
    }
    return outcome;
}
