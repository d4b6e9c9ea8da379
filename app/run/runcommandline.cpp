#include "runcommandline.h"

#include "commandline.h"
#include "net/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

RunParse failure(const QString &message)
{
    RunParse parse;
    parse.action = RunParse::Error;
    parse.message = message;
    return parse;
}

} // namespace

bool isRunCommand(const QStringList &args)
{
    return args.size() > 1 && args.at(1) == QLatin1String("run");
}

RunParse parseRunCommandLine(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(RunCommand::tr(
        "Runs a sequence of send and expect steps against a device without a window, prints one line per step and "
        "a summary, and exits with 0 when every step passed, 1 when one failed (or the device could not be "
        "reached), 2 on bad input."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, RunCommand::tr("Show this help."));
    const QCommandLineOption client(QStringLiteral("client"),
        RunCommand::tr("Connect to this TCP target, e.g. 192.168.1.10:502 or [::1]:8000."),
        RunCommand::tr("HOST:PORT"));
    const QCommandLineOption server(QStringLiteral("server"),
        RunCommand::tr("Listen on this TCP port (and address) and run with the first client that connects."),
        RunCommand::tr("[ADDRESS:]PORT"));
    const QCommandLineOption udp(QStringLiteral("udp"), RunCommand::tr("Bind a UDP socket to this port (and address)."),
        RunCommand::tr("[ADDRESS:]PORT"));
    const QCommandLineOption to(QStringLiteral("to"),
        RunCommand::tr("With --udp: send to this target (without it, to the first endpoint that sends a datagram)."),
        RunCommand::tr("HOST:PORT"));
    const QCommandLineOption junit(QStringLiteral("junit"),
        RunCommand::tr("Also write the results as JUnit XML to FILE."), RunCommand::tr("FILE"));
    const QCommandLineOption wait(QStringLiteral("wait"),
        RunCommand::tr("How long to wait for the connection, the first client or the first datagram (default 30)."),
        RunCommand::tr("SECONDS"));
    parser.addOptions({help, client, server, udp, to, junit, wait});
    parser.addPositionalArgument(
        QStringLiteral("run"), RunCommand::tr("The command: run a sequence."), QStringLiteral("run"));
    parser.addPositionalArgument(
        QStringLiteral("sequence"), RunCommand::tr("The sequence file (JSON)."), RunCommand::tr("SEQUENCE.json"));

    if (!parser.parse(args))
        return failure(parser.errorText());
    if (parser.isSet(help)) {
        RunParse parse;
        parse.action = RunParse::ShowHelp;
        parse.message = parser.helpText();
        return parse;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.constFirst() == QLatin1String("run"))
        positional.removeFirst();
    if (positional.isEmpty())
        return failure(RunCommand::tr("Which sequence? Write netassist run SEQUENCE.json --client HOST:PORT."));
    if (positional.size() > 1)
        return failure(RunCommand::tr("Unexpected argument: %1").arg(positional.at(1)));

    RunParse parse;
    RunOptions &o = parse.options;
    o.sequencePath = positional.constFirst();
    const int modes = int(parser.isSet(client)) + int(parser.isSet(server)) + int(parser.isSet(udp));
    if (modes != 1)
        return failure(RunCommand::tr("Give exactly one of --client HOST:PORT, --server [ADDRESS:]PORT, --udp "
                                      "[ADDRESS:]PORT."));
    if (parser.isSet(to) && !parser.isSet(udp))
        return failure(RunCommand::tr("--to is for --udp."));
    if (parser.isSet(client)) {
        const QString value = parser.value(client);
        const Endpoint::HostPort target = Endpoint::parseHostPort(value);
        if (!target.ok()) {
            return failure(CommandLineText::optionProblem(
                QStringLiteral("--client"), value, CommandLineText::hostPortProblem(target.error, false)));
        }
        o.transport = "tcp-client";
        o.host = target.host;
        o.port = target.port;
    } else {
        const bool isUdp = parser.isSet(udp);
        const QString option = isUdp ? QStringLiteral("--udp") : QStringLiteral("--server");
        const QString value = parser.value(isUdp ? udp : server);
        const Endpoint::HostPort local = Endpoint::parseHostPort(value, true, true);
        if (!local.ok())
            return failure(
                CommandLineText::optionProblem(option, value, CommandLineText::hostPortProblem(local.error, true)));
        o.address = local.host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(local.host);
        if (o.address.isNull()) {
            return failure(CommandLineText::optionProblem(
                option, value, RunCommand::tr("listen on an IP address of this machine, not a host name")));
        }
        o.transport = isUdp ? "udp" : "tcp-server";
        o.port = local.port;
        if (parser.isSet(to)) {
            const QString toValue = parser.value(to);
            const Endpoint::HostPort target = Endpoint::parseHostPort(toValue);
            if (!target.ok()) {
                return failure(CommandLineText::optionProblem(
                    QStringLiteral("--to"), toValue, CommandLineText::hostPortProblem(target.error, false)));
            }
            o.host = target.host;
            o.toPort = target.port;
        }
    }
    if (parser.isSet(junit)) {
        o.junitPath = parser.value(junit);
        if (o.junitPath.trimmed().isEmpty())
            return failure(RunCommand::tr("--junit needs a file name."));
    }
    if (parser.isSet(wait)) {
        bool ok = false;
        const double seconds = parser.value(wait).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 86400)
            return failure(
                RunCommand::tr("--wait %1: a number of seconds from 0.001 to 86400.").arg(parser.value(wait)));
        o.waitMs = qMax(1, int(seconds * 1000));
    }
    return parse;
}
