// netassist-bench: the real widgets, offscreen, over real loopback sockets. Prints one figure per line as
// "name: value unit" on stdout (notes on stderr) and exits 0 when every scenario delivered every byte.
// See bench/README.md for what each figure means.

#include "loopsender.h"
#include "mainwindow.h"
#include "scenarios.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

namespace {

constexpr const char *Usage = "usage: netassist-bench [--quick] [--only scenario[,scenario...]]\n"
                              "scenarios: raw client server accept rerender startup udp tabs relay udprelay tls\n";

bool parse(int argc, char *argv[], BenchConfig *config)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            config->quick = true;
        } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            config->only = QString::fromLocal8Bit(argv[++i]).split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else {
            std::fputs(Usage, stderr);
            return false;
        }
    }
    if (config->quick) {
        config->clientFloodBytes = 64LL * 1024 * 1024;
        config->serverClients = 50;
        config->serverBytesPerClient = 1024 * 1024;
        config->shortConnections = 512;
        config->acceptTarget = 200;
        config->startupRuns = 2;
        config->udpDatagrams = 200 * 1000;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The figures are of the widgets drawing offscreen; a caller may still pick another platform (xcb under Xvfb).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Measure the event dispatcher the app uses (app/main.cpp sets this; see docs/DESIGN.md).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    if ((argc == 2 || argc == 3) && std::strcmp(argv[1], "--startup-child") == 0)
        return runStartupChild(argc, argv);

    BenchContext context;
    if (!parse(argc, argv, &context.config))
        return 2;
    // Before Qt opens anything: 10,000 clients need about 20,000 fds in this one process.
    context.fdLimit = Posix::raiseFdLimit();

    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("NetAssist"));
    QCoreApplication::setOrganizationName(QStringLiteral("NetAssist"));
    Bench::note(QStringLiteral("mode: %1, platform: %2")
                    .arg(context.config.quick ? QStringLiteral("quick") : QStringLiteral("full"),
                        QApplication::platformName()));

    StallProbe probe;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!Bench::waitExposed(&window)) {
        Bench::note(QStringLiteral("the main window was never exposed"));
        return 1;
    }
    context.window = &window;
    context.probe = &probe;

    const BenchConfig &config = context.config;
    // The client floods come first so that peak RSS (VmHWM) read right after them is theirs.
    if (config.wants("raw") || config.wants("client"))
        runRawDrain(context);
    if (config.wants("client"))
        runClientIngest(context);
    if (config.wants("server"))
        runServerIngest(context);
    if (config.wants("accept"))
        runAccept(context);
    if (config.wants("udp"))
        runUdpIngest(context);
    if (config.wants("rerender"))
        runRerender(context);
    if (config.wants("startup"))
        runStartup(context);
    if (config.wants("tabs"))
        runManyTabs(context);
    if (config.wants("relay"))
        runRelay(context);
    if (config.wants("udprelay"))
        runUdpRelay(context);
    if (config.wants("tls"))
        runTls(context);
    probe.reportOverall();
    if (!context.ok)
        Bench::note(QStringLiteral("FAILED: a scenario lost bytes or timed out (see above)"));
    return context.ok ? 0 : 1;
}
