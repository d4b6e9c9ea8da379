// netassist-captureui-bench: File > Open Capture in the real window (offscreen) on a large capture it writes first:
// time until the streams and flows are listed, the longest pause of the window's event loop meanwhile (the index
// runs in a worker thread), time until the largest flow is shown in a tab (read up to the log's budget), and the peak
// resident memory from the open on. --quick: 64 MiB instead of 1 GiB.

#include "capture/pcapwriter.h"
#include "captureflowsdialog.h"
#include "captureopener.h"
#include "capturepage.h"
#include "captureprocess.h"
#include "mainwindow.h"
#include "sessiontabs.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>

namespace {

using namespace CaptureBench;

// A thousand short TCP conversations and UDP flows around one large transfer (a tenth of the file) that is larger
// than the log's budget, interleaved in time.
bool writeCapture(const QString &path, qint64 target)
{
    PcapWriter w;
    if (!w.open(path, false))
        return false;
    QRandomGenerator random(16);
    const QHostAddress local(QStringLiteral("10.0.0.1"));
    const FlowEnds big {local, 40000, QHostAddress(QStringLiteral("10.0.0.2")), 502};
    qint64 written = 0;
    qint64 bigSoFar = 0;
    qint64 t = 1764600000000000;
    int n = 0;
    bool ok = w.tcpOpened(big, t, true);
    const QByteArray block(256 * 1024, 'b');
    while (ok && written < target) {
        const FlowEnds ends {local, quint16(41000 + n % 20000),
            QHostAddress(QStringLiteral("10.0.1.%1").arg(n % 250 + 1)), quint16(8000 + n % 7)};
        if (n % 4 == 3) {
            ok = w.udpDatagram(ends, true, QByteArray(1 + random.bounded(1400), 'u'), ++t);
            written += 1400;
        } else {
            ok = w.tcpOpened(ends, ++t, true);
            for (int i = 0; ok && i < 40; ++i) {
                const QByteArray data(1 + random.bounded(16 * 1024), char('a' + i % 26));
                ok = w.tcpData(ends, i % 2 == 0, data, ++t);
                written += data.size();
            }
            ok = ok && w.tcpClosed(ends, ++t, true);
        }
        // The large transfer gets a ninth of what the others got: a tenth of the file.
        for (qint64 owed = (written - bigSoFar * 10) / 9; ok && owed > 0; owed -= block.size()) {
            const QByteArray chunk = block.left(int(std::min<qint64>(owed, block.size())));
            ok = w.tcpData(big, n % 2 == 0, chunk, ++t);
            written += chunk.size();
            bigSoFar += chunk.size();
        }
        ++n;
    }
    return ok && w.tcpClosed(big, ++t, true);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const qint64 target = (quick ? 64 : 1024) * 1024LL * 1024;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString path = dir.filePath(QStringLiteral("bench.pcap"));
    if (!writeCapture(path, target)) {
        note(QStringLiteral("cannot write %1").arg(path));
        return 1;
    }
    note(QStringLiteral("%1 mode: %2 MiB capture")
             .arg(quick ? "quick" : "full")
             .arg(QFileInfo(path).size() / MiB, 0, 'f', 1));

    MainWindow window;
    window.show();
    // The window's liveness: the longest gap between ticks of a 5 ms timer while the file is read.
    QElapsedTimer tick;
    qint64 maxGapNs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    qint64 maxGapAtNs = 0;
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        if (tick.nsecsElapsed() > maxGapNs) {
            maxGapNs = tick.nsecsElapsed();
            maxGapAtNs = sinceOpen.nsecsElapsed();
        }
        tick.restart();
    });
    // The same measure with nothing to do: what the machine itself adds (other processes, the wait loop).
    tick.start();
    heartbeat.start();
    QTest::qWait(500);
    heartbeat.stop();
    figure("capture_ui_idle_max_stall_ms", maxGapNs / 1e6, "ms");
    maxGapNs = 0;
    resetPeakRss();
    const double rssBefore = statusMiB("VmRSS");

    QElapsedTimer clock;
    clock.start();
    sinceOpen.start();
    tick.start();
    heartbeat.start();
    CaptureOpener *opener = window.openCapture(path);
    if (!QTest::qWaitFor([&] { return opener->flowsDialog() != nullptr; }, 600000)) {
        note(QStringLiteral("no list"));
        return 1;
    }
    const double listSeconds = clock.nsecsElapsed() / 1e9;
    heartbeat.stop();
    CaptureFlowsDialog *list = opener->flowsDialog();
    const int flows = list->list()->topLevelItemCount();
    note(QStringLiteral("%1 streams and flows listed").arg(flows));
    figure("capture_ui_list_s", listSeconds, "s", 2);
    figure("capture_ui_list_max_stall_ms", maxGapNs / 1e6, "ms");
    note(QStringLiteral("the longest stall ended %1 ms after the open").arg(maxGapAtNs / 1e6, 0, 'f', 1));

    QTreeWidgetItem *largest = nullptr;
    for (int i = 0; i < flows; ++i) {
        QTreeWidgetItem *item = list->list()->topLevelItem(i);
        if (!largest || item->data(5, Qt::UserRole).toLongLong() > largest->data(5, Qt::UserRole).toLongLong())
            largest = item;
    }
    list->list()->clearSelection();
    list->list()->setCurrentItem(largest);
    const int tabs = window.tabs()->count();
    clock.restart();
    list->openButton()->click();
    if (!QTest::qWaitFor([&] { return window.tabs()->count() == tabs + 1; }, 600000)) {
        note(QStringLiteral("no tab"));
        return 1;
    }
    const double tabSeconds = clock.nsecsElapsed() / 1e9;
    auto *page = qobject_cast<CapturePage *>(window.tabs()->widget(tabs));
    const Transcript::Counters c = page->transcript()->counters();
    note(QStringLiteral("largest flow: %1 MiB on the wire, %2 MiB shown in %3 records")
             .arg(largest->data(5, Qt::UserRole).toLongLong() / MiB, 0, 'f', 1)
             .arg((c.rxBytes + c.txBytes) / MiB, 0, 'f', 1)
             .arg(page->transcript()->size()));
    figure("capture_ui_tab_s", tabSeconds, "s", 2);
    QTest::qWait(100); // painted once
    figure("capture_ui_peak_rss_MB", statusMiB("VmHWM"), "MiB");
    note(QStringLiteral("RSS before the open: %1 MiB").arg(rssBefore, 0, 'f', 1));
    return 0;
}
