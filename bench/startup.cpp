#include "mainwindow.h"
#include "scenarios.h"
#include "windowsettings.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcess>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

// app/main.cpp has no "exit once shown" hook, so the bench spawns itself in a mode that does what main() does
// (QApplication, translators, icon, MainWindow, show) and prints "exposed" the moment the window is exposed. The
// parent's clock runs from before the spawn to that line: exec, dynamic linking, Qt start-up and the first paint.
int runStartupChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // With a settings file (the many-tabs scenario), the window restores its tabs from it, as loadSettings() does.
    const QString settingsPath = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    QCoreApplication::setApplicationName(QStringLiteral("NetAssist"));
    QCoreApplication::setOrganizationName(QStringLiteral("NetAssist"));
    QTranslator qt;
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    QTranslator own;
    if (own.load(QLocale(), QStringLiteral("netassist"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&own);
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/netassist-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // As main() does: the tabs come from the settings (none: the defaults).
    MainWindow window(nullptr, false);
    QSettings settings(settingsPath.isEmpty() ? QStringLiteral("/nonexistent/netassist-bench.ini") : settingsPath,
        QSettings::IniFormat);
    WindowSettings::restore(window, settings);
    if (qEnvironmentVariableIsSet("NETASSIST_BENCH_BUILD_ALL_TABS"))
        window.pages(); // every tab built, as after the user has looked at each
    window.show();
    if (!Bench::waitExposed(&window, 10000))
        return 1;
    std::printf("exposed %.1f\n", Bench::currentRssMiB());
    std::fflush(stdout);
    return 0;
}

namespace {

double spawnOnce()
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--startup-child")});
    double ms = -1;
    Bench::waitUntil(
        [&] {
            if (ms < 0 && child.canReadLine() && child.readLine().startsWith("exposed"))
                ms = double(clock.nsecsElapsed()) / 1e6;
            return ms >= 0 || child.state() == QProcess::NotRunning;
        },
        30000);
    child.waitForFinished(10000);
    return ms;
}

} // namespace

void runStartup(BenchContext &context)
{
    std::vector<double> runs;
    for (int i = 0; i < context.config.startupRuns; ++i) {
        const double ms = spawnOnce();
        if (ms < 0) {
            Bench::note(QStringLiteral("startup: the child never reported its window exposed"));
            context.ok = false;
            return;
        }
        runs.push_back(ms);
    }
    std::sort(runs.begin(), runs.end());
    Bench::note(QStringLiteral("startup: %1 runs, fastest %2 ms, slowest %3 ms")
                    .arg(runs.size())
                    .arg(runs.front(), 0, 'f', 1)
                    .arg(runs.back(), 0, 'f', 1));
    Bench::figure(QStringLiteral("startup_ms"), runs[runs.size() / 2], "ms");

    // The same in this process, Qt already up: what MainWindow itself costs to build and show.
    QElapsedTimer clock;
    clock.start();
    MainWindow window;
    window.show();
    Bench::waitExposed(&window);
    Bench::figure(QStringLiteral("startup_inprocess_ms"), double(clock.nsecsElapsed()) / 1e6, "ms");
}
