#include "commandline.h"

#include "net/endpoint.h"
#include "text/codecs.h"

#include <QCommandLineParser>
#include <QCoreApplication>

// lupdate files these strings under the "CommandLine" context; they are used before any widget exists.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

namespace {

QString availableEncodings()
{
    QStringList names;
    for (const QByteArray &name : Codecs::available())
        names.append(QString::fromLatin1(name));
    return names.join(QStringLiteral(", "));
}

// Shared by --client and --server: the brackets and port rules are the same, only the port range differs.
QString hostPortProblem(Endpoint::HostPortError error, bool server)
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

QString optionProblem(const QString &option, const QString &value, const QString &problem)
{
    return CommandLine::tr("%1 %2: %3.").arg(option, value, problem);
}

std::optional<QByteArray> canonicalEncoding(const QString &name)
{
    for (const QByteArray &known : Codecs::available()) {
        if (QString::fromLatin1(known).compare(name, Qt::CaseInsensitive) == 0)
            return known;
    }
    return std::nullopt;
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
        CommandLine::tr("NetAssist: a network debugging assistant (TCP client and server)."));
    // Not addHelpOption(): it also offers --help-all for Qt's own options, which this command line does not take
    // (it is read before the QApplication that would understand them exists).
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, CommandLine::tr("Show this help."));
    parser.addOption(help);
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption client(QStringLiteral("client"),
        CommandLine::tr("Open the TCP Client tab with this target, e.g. 192.168.1.10:502 or [::1]:8000."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption connect(
        QStringLiteral("connect"), CommandLine::tr("Connect to the --client target at once."));
    const QCommandLineOption server(QStringLiteral("server"),
        CommandLine::tr("Open the TCP Server tab with this port and listen address (default: all "
                        "interfaces; port 0: any free port)."),
        CommandLine::tr("[ADDRESS:]PORT"));
    const QCommandLineOption listen(
        QStringLiteral("listen"), CommandLine::tr("Start listening on the --server port at once."));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
        CommandLine::tr("Encoding of the send box and the receive log: %1.").arg(availableEncodings()),
        CommandLine::tr("NAME"));
    const QCommandLineOption hex(QStringLiteral("hex"), CommandLine::tr("Send and show bytes as hex."));
    const QCommandLineOption capture(QStringLiteral("capture"),
        CommandLine::tr("Record every record of the shown tab to FILE (text with timestamps)."), CommandLine::tr("FILE"));
    parser.addOptions({client, connect, server, listen, encoding, hex, capture});

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
    if (!parser.positionalArguments().isEmpty())
        return failure(CommandLine::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ParseOutcome outcome;
    LaunchOptions &options = outcome.options;
    if (parser.isSet(client)) {
        const QString value = parser.value(client);
        const Endpoint::HostPort target = Endpoint::parseHostPort(value);
        if (!target.ok())
            return failure(optionProblem(QStringLiteral("--client"), value, hostPortProblem(target.error, false)));
        options.hasClient = true;
        options.clientHost = target.host;
        options.clientPort = target.port;
    }
    if (parser.isSet(server)) {
        const QString value = parser.value(server);
        const Endpoint::HostPort local = Endpoint::parseHostPort(value, true, true);
        if (!local.ok())
            return failure(optionProblem(QStringLiteral("--server"), value, hostPortProblem(local.error, true)));
        // A server binds to an address of this machine; a name would need a lookup with several possible answers.
        const QHostAddress address = local.host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(local.host);
        if (address.isNull()) {
            return failure(optionProblem(QStringLiteral("--server"), value,
                CommandLine::tr("listen on an IP address of this machine, not a host name")));
        }
        options.hasServer = true;
        options.serverAddress = address;
        options.serverPort = local.port;
    }
    if (parser.isSet(connect) && !options.hasClient)
        return failure(CommandLine::tr("--connect needs --client HOST:PORT."));
    if (parser.isSet(listen) && !options.hasServer)
        return failure(CommandLine::tr("--listen needs --server [ADDRESS:]PORT."));
    options.connect = parser.isSet(connect);
    options.listen = parser.isSet(listen);

    for (const QString &name : parser.optionNames()) {
        if (name == client.names().constFirst())
            options.tab = LaunchOptions::Tab::Client;
        else if (name == server.names().constFirst())
            options.tab = LaunchOptions::Tab::Server;
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
