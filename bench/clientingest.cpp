#include "clientpage.h"
#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "loopsender.h"
#include "mainwindow.h"
#include "net/tcpclientsession.h"
#include "pagelookup.h"
#include "scenarios.h"

#include <QTabWidget>

#include <algorithm>

namespace {

// One flood into the TCP Client tab as a user sees it: the page visible, the log following the data.
// A warm-up flood is only noted, not reported as a figure.
void flood(BenchContext &context, RenderOptions::View view, const QString &name, qint64 total, bool warmUp = false)
{
    ClientPage *page = clientPageOf(*context.window);
    context.window->tabs()->setCurrentWidget(page);
    Transcript *transcript = page->transcript();
    page->logPanel()->clearLog();
    transcript->resetCounters();
    RenderOptions options = page->logPanel()->options();
    options.view = view;
    page->logPanel()->setOptions(options);
    page->logPanel()->view()->setAutoScroll(true);

    LoopbackSender sender(Bench::textLines(), total);
    page->setTarget(QStringLiteral("127.0.0.1"), sender.port());

    const long faultsBefore = Bench::minorPageFaults();
    context.probe->start();
    QElapsedTimer clock;
    clock.start();
    page->toggleSession();
    const bool done = Bench::waitUntil([&] { return transcript->counters().rxBytes >= total; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    // The sender closed after its last byte: the session goes idle once the FIN is read.
    Bench::waitUntil([&] { return page->session()->state() == Session::State::Idle; }, 10000);
    if (warmUp)
        context.probe->stop();
    else
        context.probe->report(QStringLiteral("client_") + name);

    const qint64 rx = transcript->counters().rxBytes;
    if (!done || rx != total || sender.written() != total) {
        Bench::note(QStringLiteral("client %1: RX counter %2, sent %3, expected %4")
                        .arg(name)
                        .arg(rx)
                        .arg(sender.written())
                        .arg(total));
        context.ok = false;
        return;
    }
    if (transcript->storedBytes() > transcript->byteBudget()) {
        Bench::note(QStringLiteral("client %1: transcript holds %2 bytes, over its budget")
                        .arg(name)
                        .arg(transcript->storedBytes()));
        context.ok = false;
    }
    const double rate = double(total) / Bench::MiB / seconds;
    Bench::note(QStringLiteral("client %1: %2 MiB at %3 MiB/s, %4 page faults%5")
                    .arg(name)
                    .arg(total / Bench::MiB)
                    .arg(rate, 0, 'f', 1)
                    .arg(Bench::minorPageFaults() - faultsBefore)
                    .arg(warmUp ? QStringLiteral(" (warm-up, not a figure)") : QString()));
    if (warmUp)
        return;
    Bench::figure(QStringLiteral("client_ingest_%1_MBps").arg(name), rate, "MiB/s");
    if (context.rawDrainMBps > 0)
        Bench::figure(QStringLiteral("client_ingest_%1_ratio").arg(name), rate / context.rawDrainMBps, "x", 2);
    Bench::note(QStringLiteral("client %1: %2 records kept, %3 dropped, %4 rows in the view")
                    .arg(name)
                    .arg(transcript->size())
                    .arg(transcript->droppedRecords())
                    .arg(page->logPanel()->view()->rowCount()));
}

} // namespace

void runClientIngest(BenchContext &context)
{
    // The first flood after start is slower than later ones: the log budget's memory is faulted in for the first time
    // (measured here: 16,583 page faults in the first 256 MiB, ~16 us each in this VM; 371-531 MiB/s, against
    // 1.9-2.3 GiB/s for the same flood later). Both figures are taken after one warm-up flood of four log budgets,
    // so that their order does not decide them; the warm-up's rate is noted.
    const qint64 warmUpBytes = std::min(4 * Transcript::DefaultByteBudget, context.config.clientFloodBytes);
    flood(context, RenderOptions::View::Text, QStringLiteral("warm-up"), warmUpBytes, true);
    flood(context, RenderOptions::View::Text, QStringLiteral("text"), context.config.clientFloodBytes);
    flood(context, RenderOptions::View::Hex, QStringLiteral("hex"), context.config.clientFloodBytes);
    // Read now, before any other scenario: VmHWM is the peak of the whole process so far, i.e. of these floods.
    Bench::figure(QStringLiteral("peak_rss_MB"), Bench::peakRssMiB(), "MiB");
    Bench::figure(QStringLiteral("log_budget_MB"), double(Transcript::DefaultByteBudget) / Bench::MiB, "MiB", 0);
}
