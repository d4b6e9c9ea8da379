#include "benchcommon.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QWidget>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <time.h>

bool BenchConfig::wants(const char *scenario) const
{
    return only.isEmpty() || only.contains(QLatin1String(scenario));
}

namespace Bench {

void figure(const QString &name, double value, const char *unit, int decimals)
{
    std::printf("%s: %.*f %s\n", name.toUtf8().constData(), decimals, value, unit);
    std::fflush(stdout);
}

void note(const QString &text)
{
    std::fprintf(stderr, "# %s\n", text.toUtf8().constData());
    std::fflush(stderr);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    // A real QEventLoop, as under QApplication::exec(): processEvents() alone never runs deferred deletes, and 10,000
    // sockets left to deleteLater() would change what the scenarios after it measure.
    QEventLoop loop;
    QTimer check;
    check.setInterval(1);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

bool waitExposed(QWidget *widget, int timeoutMs)
{
    return waitUntil([widget] { return widget->windowHandle() && widget->windowHandle()->isExposed(); }, timeoutMs);
}

namespace {

double statusMiB(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    }
    return -1;
}

} // namespace

double peakRssMiB()
{
    return statusMiB("VmHWM");
}

double currentRssMiB()
{
    return statusMiB("VmRSS");
}

void resetPeakRss()
{
    // Linux: writing 5 to clear_refs resets the peak resident set size to the current one.
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

QByteArray textLines(qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes);
    for (qint64 line = 0; out.size() < bytes; ++line) {
        QByteArray text = QByteArray::number(line).rightJustified(8, '0')
            + " the quick brown fox jumps over the lazy dog 0123456789";
        text.resize(63, '.');
        out += text + '\n';
    }
    out.truncate(bytes);
    return out;
}

long minorPageFaults()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

} // namespace Bench

namespace {

// As `perf record -k CLOCK_MONOTONIC` stamps samples: find what ran in a stall with `perf script --time <from>,<to>`.
double monotonicSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

StallProbe::StallProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
    m_clock.start();
    m_trace = qEnvironmentVariableIsSet("NETASSIST_BENCH_STALL_TRACE");
    if (m_trace)
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this, &StallProbe::turn);
}

void StallProbe::turn()
{
    if (!m_timer.isActive())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    if (m_turns++ > 0) {
        const qint64 turnNs = now - m_lastTurnNs;
        m_longestTurnNs = std::max(m_longestTurnNs, turnNs);
        if (double(turnNs) / 1e6 > TraceAboveMs)
            Bench::note(QStringLiteral("turn %1 ms: monotonic %2,%3")
                            .arg(double(turnNs) / 1e6, 0, 'f', 1)
                            .arg(monotonicSeconds() - double(turnNs) / 1e9, 0, 'f', 6)
                            .arg(monotonicSeconds(), 0, 'f', 6));
    }
    m_lastTurnNs = now;
}

void StallProbe::start()
{
    m_lateMs.clear();
    m_turns = m_longestTurnNs = 0;
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallProbe::stop()
{
    m_timer.stop();
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double late = double(now - m_lastNs) / 1e6 - IntervalMs;
    m_lastNs = now;
    m_lateMs.push_back(std::max(0.0, late));
    if (late > TraceAboveMs && m_trace) {
        const double end = monotonicSeconds();
        Bench::note(QStringLiteral("stall %1 ms: monotonic %2,%3")
                        .arg(late, 0, 'f', 1)
                        .arg(end - (late + IntervalMs) / 1e3, 0, 'f', 6)
                        .arg(end, 0, 'f', 6));
    }
}

double StallProbe::maxMs() const
{
    return m_lateMs.empty() ? 0.0 : *std::max_element(m_lateMs.begin(), m_lateMs.end());
}

double StallProbe::p99Ms() const
{
    return percentile(m_lateMs, 0.99);
}

double StallProbe::percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    const auto k = size_t(p * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + qsizetype(k), values.end());
    return values[k];
}

void StallProbe::report(const QString &scenario)
{
    stop();
    Bench::figure(QStringLiteral("ui_stall_max_ms.") + scenario, maxMs(), "ms");
    Bench::figure(QStringLiteral("ui_stall_p99_ms.") + scenario, p99Ms(), "ms");
    if (m_trace) {
        Bench::note(QStringLiteral("%1: %2 event-loop turns, longest %3 ms")
                        .arg(scenario)
                        .arg(m_turns)
                        .arg(double(m_longestTurnNs) / 1e6, 0, 'f', 1));
    }
    m_allLateMs.insert(m_allLateMs.end(), m_lateMs.begin(), m_lateMs.end());
}

void StallProbe::reportOverall()
{
    if (m_allLateMs.empty())
        return;
    Bench::figure(QStringLiteral("ui_stall_max_ms"), *std::max_element(m_allLateMs.begin(), m_allLateMs.end()), "ms");
    Bench::figure(QStringLiteral("ui_stall_p99_ms"), percentile(m_allLateMs, 0.99), "ms");
}
