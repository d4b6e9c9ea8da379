#pragma once

// What both capture benches print and read of their own process (Linux /proc): figures on stdout ("name: value
// unit"), notes on stderr ("# ..."), VmHWM / VmRSS, and the peak reset.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdio>

namespace CaptureBench {

inline constexpr double MiB = 1024.0 * 1024.0;

inline void figure(const char *name, double value, const char *unit, int decimals = 1)
{
    std::printf("%s: %.*f %s\n", name, decimals, value, unit);
    std::fflush(stdout);
}

inline void note(const QString &text)
{
    std::fprintf(stderr, "# %s\n", text.toUtf8().constData());
    std::fflush(stderr);
}

// A "Vm...:" line of /proc/self/status in MiB; -1 when there is none.
inline double statusMiB(const char *key)
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

// Linux: writing 5 to clear_refs resets the peak resident set size to the current one.
inline void resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

} // namespace CaptureBench
