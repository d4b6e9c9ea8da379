#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <vector>

class QWidget;

// What a run measures: --quick keeps CI under a minute on 2 cores, the full sizes are the issue's.
struct BenchConfig
{
    bool quick = false;
    qint64 clientFloodBytes = 1024LL * 1024 * 1024;
    int serverClients = 50;
    qint64 serverBytesPerClient = 16LL * 1024 * 1024;
    int shortConnections = 512;
    qint64 shortConnectionBytes = 100 * 1024;
    int acceptTarget = 10000;
    int startupRuns = 5;
    qint64 udpDatagrams = 10 * 1000 * 1000;
    QStringList only; // scenario names to run; empty = all

    bool wants(const char *scenario) const;
};

namespace Bench {

// One figure per line on stdout, "name: value unit"; everything else goes to stderr.
void figure(const QString &name, double value, const char *unit, int decimals = 1);
void note(const QString &text);
long minorPageFaults(); // of the whole process so far (getrusage)

constexpr double MiB = 1024.0 * 1024.0;

// Runs the event loop until done() holds; false when timeoutMs passed first.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
bool waitExposed(QWidget *widget, int timeoutMs = 5000);

// VmHWM / VmRSS of this process in MiB (Linux /proc); resetPeakRss() starts VmHWM again from the current RSS.
double peakRssMiB();
double currentRssMiB();
void resetPeakRss();

// 1 MiB of 64-byte lines of printable text ending in LF, numbered so that a lost or reordered chunk would show.
QByteArray textLines(qsizetype bytes = 1024 * 1024);

} // namespace Bench

// The UI stall probe: a 10 ms timer in the GUI thread whose every tick records how late it fired. A late tick is a
// time the window could not repaint or react to a click.
class StallProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 10;
    static constexpr double TraceAboveMs = 30; // NETASSIST_BENCH_STALL_TRACE notes stalls longer than this

    explicit StallProbe(QObject *parent = nullptr);

    void start();
    void stop();
    double maxMs() const;
    double p99Ms() const;
    // Prints ui_stall_max_ms.<scenario> and ui_stall_p99_ms.<scenario>, and adds this run's ticks to the overall set.
    void report(const QString &scenario);
    void reportOverall();

private:
    void tick();
    void turn();
    static double percentile(std::vector<double> values, double p);

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<double> m_lateMs;
    std::vector<double> m_allLateMs;
    // NETASSIST_BENCH_STALL_TRACE: event-loop turns (QAbstractEventDispatcher::awake) in this run, and the longest
    bool m_trace = false;
    qint64 m_turns = 0;
    qint64 m_lastTurnNs = 0;
    qint64 m_longestTurnNs = 0;
};
