#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

// What the command line asks the window to be ready for. Parsing is separate from applying (ui/launchpresets) so
// that every rule is testable without a widget.
struct LaunchOptions
{
    enum class Tab { Client, Server };
    // The tab to show: the last of --client / --server on the command line; none keeps the window's default.
    std::optional<Tab> tab;

    // --client and --server may both be given (e.g. a server and a client talking to it): each tab gets its preset.
    bool hasClient = false;
    QString clientHost; // without brackets: "::1", "example.com"
    quint16 clientPort = 0;
    bool connect = false;

    bool hasServer = false;
    QHostAddress serverAddress = QHostAddress(QHostAddress::Any);
    quint16 serverPort = 0; // 0: the system chooses
    bool listen = false;

    QByteArray encoding; // canonical name from Codecs::available(); empty: keep the default
    bool hex = false;
    QString capturePath; // empty: no capture
};

struct ParseOutcome
{
    enum Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Run;
    LaunchOptions options;
    // Error: one line saying what is wrong. ShowHelp: the help text. ShowVersion: "netassist <version>".
    QString message;
};

// args includes the program name first, as QCoreApplication::arguments(). Nothing exits and nothing is printed:
// main decides. Texts are translated in the "CommandLine" context. The help text's usage line takes the program
// name from the QCoreApplication, so without one (main's look before creating any application) it stays empty.
ParseOutcome parseCommandLine(const QStringList &args);

// "netassist 0.1.0" (the CMake project version).
QString versionText();
