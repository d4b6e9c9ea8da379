// Many tabs: start-up time and idle memory with 1 and with 20 tabs restored from the settings, and a flood into one
// tab while 19 others are open.

#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "loopsender.h"
#include "pagelookup.h"
#include "scenarios.h"
#include "windowsettings.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>

namespace {

// Settings with count tabs, of every kind in turn, as a user who works with many would leave them.
QString writeSettings(const QTemporaryDir &dir, int count)
{
    const QString path = dir.filePath(QStringLiteral("tabs-%1.ini").arg(count));
    MainWindow window;
    window.tabs()->closeAll();
    const QByteArray kinds[] = {"tcp-client", "tcp-server", "udp"};
    for (int i = 0; i < count; ++i)
        window.tabs()->addPage(kinds[i % 3]);
    QSettings settings(path, QSettings::IniFormat);
    WindowSettings::save(window, settings);
    settings.sync();
    return path;
}

struct Start
{
    double ms = -1;
    double rssMiB = -1;
};

// The child restores the settings, shows the window and prints "exposed <VmRSS MiB>".
Start spawn(const QString &settingsPath, bool buildAll = false)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (buildAll)
        environment.insert(QStringLiteral("NETASSIST_BENCH_BUILD_ALL_TABS"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--startup-child"), settingsPath});
    Start start;
    Bench::waitUntil(
        [&] {
            if (start.ms < 0 && child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("exposed")) {
                    start.ms = double(clock.nsecsElapsed()) / 1e6;
                    start.rssMiB = line.mid(8).toDouble();
                }
            }
            return start.ms >= 0 || child.state() == QProcess::NotRunning;
        },
        30000);
    child.waitForFinished(10000);
    return start;
}

struct Samples
{
    std::vector<double> ms;
    std::vector<double> rss;
    Start median()
    {
        std::sort(ms.begin(), ms.end());
        std::sort(rss.begin(), rss.end());
        return ms.empty() ? Start() : Start {ms[ms.size() / 2], rss[rss.size() / 2]};
    }
};

void floodOneOfMany(BenchContext &context)
{
    MainWindow &window = *context.window;
    const qsizetype before = window.pages().size();
    while (window.pages().size() < 20)
        window.tabs()->addPage("udp");
    ClientPage *page = clientPageOf(window);
    window.tabs()->setCurrentWidget(page);
    page->logPanel()->clearLog();
    page->transcript()->resetCounters();
    page->logPanel()->view()->setAutoScroll(true);
    const qint64 total = std::min<qint64>(context.config.clientFloodBytes, 256LL * 1024 * 1024);
    LoopbackSender sender(Bench::textLines(), total);
    page->setTarget(QStringLiteral("127.0.0.1"), sender.port());
    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    page->toggleSession();
    const bool done = Bench::waitUntil([&] { return page->transcript()->counters().rxBytes >= total; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    Bench::waitUntil([&] { return page->session()->state() == Session::State::Idle; }, 10000);
    context.probe->report(QStringLiteral("tabs20_flood"));
    if (!done) {
        Bench::note(QStringLiteral("tabs: the flood into one of 20 tabs did not arrive whole"));
        context.ok = false;
    } else {
        Bench::figure(QStringLiteral("tabs20_client_ingest_MBps"), double(total) / Bench::MiB / seconds, "MiB/s");
    }
    while (window.pages().size() > before)
        window.tabs()->closePage(int(window.pages().size()) - 1);
}

} // namespace

void runManyTabs(BenchContext &context)
{
    QTemporaryDir dir;
    const QString oneTab = writeSettings(dir, 1);
    const QString twentyTabs = writeSettings(dir, 20);
    // One after the other in every round, so that a cold first start or a busy moment does not favour either.
    Samples ones;
    Samples twenties;
    for (int i = 0; i < std::max(3, context.config.startupRuns); ++i) {
        for (auto &[path, samples] : {std::pair<const QString &, Samples &>(oneTab, ones), {twentyTabs, twenties}}) {
            const Start start = spawn(path);
            if (start.ms < 0)
                continue;
            samples.ms.push_back(start.ms);
            samples.rss.push_back(start.rssMiB);
        }
    }
    const Start one = ones.median();
    const Start twenty = twenties.median();
    if (one.ms < 0 || twenty.ms < 0) {
        Bench::note(QStringLiteral("tabs: a child never reported its window exposed"));
        context.ok = false;
        return;
    }
    Bench::figure(QStringLiteral("startup_ms.tabs1"), one.ms, "ms");
    Bench::figure(QStringLiteral("startup_ms.tabs20"), twenty.ms, "ms");
    Bench::figure(QStringLiteral("startup_ratio.tabs20"), twenty.ms / one.ms, "x", 2);
    Bench::figure(QStringLiteral("idle_rss_MB.tabs1"), one.rssMiB, "MiB");
    Bench::figure(QStringLiteral("idle_rss_MB.tabs20"), twenty.rssMiB, "MiB");
    Bench::figure(QStringLiteral("idle_rss_ratio.tabs20"), twenty.rssMiB / one.rssMiB, "x", 2);
    // Restored tabs are built when first shown: what 20 cost once the user has looked at every one.
    const Start built = spawn(twentyTabs, true);
    if (built.ms >= 0) {
        Bench::figure(QStringLiteral("startup_ms.tabs20_all_built"), built.ms, "ms");
        Bench::figure(QStringLiteral("idle_rss_MB.tabs20_all_built"), built.rssMiB, "MiB");
    }
    floodOneOfMany(context);
}
