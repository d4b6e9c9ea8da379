#pragma once

#include "net/endpoint.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// One tab the command line asks for. Parsing is separate from applying (ui/launchpresets) so that every rule is
// testable without a widget.
struct TabPreset
{
    QByteArray kind; // a tab kind id: "tcp-client", "tcp-server", "udp", "relay", "udp-relay"
    QString host; // tcp-client: the target, without brackets ("::1", "example.com")
    QHostAddress address = QHostAddress(QHostAddress::Any); // tcp-server, udp: the local address
    quint16 port = 0; // tcp-client: the remote port; tcp-server, udp: the local port (0: the system chooses)
    bool open = false; // connect / listen / bind at once (--connect, --listen; a --udp tab always binds)
    // udp: --to HOST:PORT, the remote target; relay: the target every connection is forwarded to
    QString toHost;
    quint16 toPort = 0;
    // udp: --join GROUP[@IFACE]
    struct Group
    {
        QHostAddress group;
        QString interfaceName; // empty: the system's choice
        bool operator==(const Group &o) const { return group == o.group && interfaceName == o.interfaceName; }
    };
    QList<Group> joins;
    // tls-client: --ca FILE (verify against it) or --insecure (no verification); tls-server: --cert / --key.
    QString tlsCaFile;
    bool tlsInsecure = false;
    QString tlsCertificateFile;
    QString tlsKeyFile;
};

struct LaunchOptions
{
    // In command-line order; each opens a tab (or takes over a restored tab of its kind), and the last is shown.
    QList<TabPreset> tabs;
    QByteArray encoding; // canonical name from Codecs::available(); empty: keep the default
    bool hex = false;
    QString capturePath; // the shown tab records to this file (pcap when it ends in .pcap); empty: no capture
    QString openCapture; // "netassist open FILE": the capture to list at start; empty: none
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

// Words the run command's line shares with this one (context "CommandLine").
namespace CommandLineText {
// --client and --server (server: a local port, 0 allowed): what is wrong with HOST:PORT / [ADDRESS:]PORT.
QString hostPortProblem(Endpoint::HostPortError error, bool server);
// "--client x: the port is missing."
QString optionProblem(const QString &option, const QString &value, const QString &problem);
} // namespace CommandLineText
