#include "commandline.h"
#include "language.h"
#include "launchpresets.h"
#include "mainwindow.h"
#include "runcommand.h"
#include "runcommandline.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>

#include <cstdio>

namespace {

QStringList argumentList(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return args;
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("NetAssist"));
    QCoreApplication::setOrganizationName(QStringLiteral("NetAssist"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETASSIST_VERSION));
}

// Pre-rendered PNGs of resources/netassist.svg: Qt 6.4 draws SVG only through the Qt SVG plugin, which would be
// one more runtime dependency for a single icon.
QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/netassist-%1.png").arg(size), QSize(size, size));
    return icon;
}

void print(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// Help, version and errors: a QCoreApplication is enough to translate them and needs no display.
int report(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setIdentity();
    Language::install(Language::configured(QSettings()));
    const ParseOutcome outcome = parseCommandLine(QCoreApplication::arguments());
    switch (outcome.action) {
    case ParseOutcome::Error:
        print(stderr,
            QStringLiteral("netassist: %1\n%2\n")
                .arg(outcome.message,
                    QCoreApplication::translate("CommandLine", "Try 'netassist --help' for more information.")));
        return 2;
    case ParseOutcome::ShowHelp:
    case ParseOutcome::ShowVersion:
        print(stdout, outcome.message.endsWith(QLatin1Char('\n')) ? outcome.message : outcome.message + u'\n');
        return 0;
    case ParseOutcome::Run:
        break;
    }
    return 0;
}

// `netassist run`: no window, no display; the same translations as the window.
int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setIdentity();
    Language::install(Language::configured(QSettings()));
    return runSequenceCommand(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char *argv[])
{
    if (isRunCommand(argumentList(argc, argv)))
        return runHeadless(argc, argv);
    // QApplication needs a platform plugin (a display), so the command line is read before it exists: --help,
    // --version and a bad argument must work over ssh and in scripts, and fail before any window opens.
    const ParseOutcome outcome = parseCommandLine(argumentList(argc, argv));
    if (outcome.action != ParseOutcome::Run)
        return report(argc, argv);

    // Qt's GLib event dispatcher adds and removes socket watches in linear time; with thousands of clients that
    // froze the window for seconds (bench: 10k-client broadcast 3.2-5.0 s -> 0.5 s, accept stall 1.0-1.8 s ->
    // 0.4 s). Qt's own dispatcher has no such cost. Only Linux builds use GLib; elsewhere this is ignored.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QApplication app(argc, argv);
    setIdentity();
    Language::install(Language::configured(QSettings()));
    QApplication::setWindowIcon(applicationIcon());

    MainWindow window(nullptr, false); // the tabs come from the settings
    window.loadSettings(); // the command line's presets below win over the saved settings
    const QString problem = applyLaunchOptions(window, outcome.options);
    if (!problem.isEmpty()) {
        print(stderr,
            QStringLiteral("netassist: %1\n")
                .arg(QCoreApplication::translate("CommandLine", "cannot capture to %1: %2")
                         .arg(outcome.options.capturePath, problem)));
        return 2;
    }
    window.show();
    if (!outcome.options.openCapture.isEmpty())
        window.openCapture(outcome.options.openCapture); // "netassist open FILE"
    return app.exec();
}
