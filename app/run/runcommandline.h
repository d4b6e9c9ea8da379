#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

// `netassist run SEQUENCE.json (--client HOST:PORT | --server [ADDRESS:]PORT | --udp [ADDRESS:]PORT [--to HOST:PORT])
// [--junit FILE] [--wait SECONDS]`: what the headless runner needs, parsed and checked before any socket exists.
struct RunOptions
{
    QString sequencePath;
    QByteArray transport; // a Sessions id: "tcp-client", "tcp-server", "udp"
    QString host; // tcp-client: the target; udp: --to (empty: answer the first sender)
    quint16 port = 0; // tcp-client: remote; tcp-server, udp: local (0: any free port, printed)
    QHostAddress address = QHostAddress(QHostAddress::Any); // tcp-server, udp: the local address
    quint16 toPort = 0; // udp: --to's port
    QString junitPath; // empty: no report
    int waitMs = 30000; // connecting (client) / for the first client or datagram (server, udp without --to)
};

struct RunParse
{
    enum Action { Run, ShowHelp, Error };
    Action action = Run;
    RunOptions options;
    QString message; // Error: one line; ShowHelp: the help text
};

// The "RunCommand" translation context of the run command's own words.
class RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

// True when the arguments (program name first) ask for the run command: the first argument is "run".
bool isRunCommand(const QStringList &args);
// args as QCoreApplication::arguments(): the program, "run", then the command's own arguments. Texts in the
// "RunCommand" context.
RunParse parseRunCommandLine(const QStringList &args);
