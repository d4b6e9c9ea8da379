#pragma once

// Helpers shared by the capture test suites: crafted captures (craftpcap.py) and flows as comparable text.

#include "capture/flowsummary.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace CaptureTesting {

// Runs tests/core/capture/craftpcap.py SCENARIO OUTPUT; an empty string on success, else what went wrong.
inline QString craft(const QString &scenario, const QString &output)
{
    const QString source = qEnvironmentVariable("NETASSIST_SOURCE_DIR");
    if (source.isEmpty())
        return QStringLiteral("NETASSIST_SOURCE_DIR is not set (ctest sets it)");
    QProcess python;
    python.start(
        QStringLiteral("python3"), {source + QStringLiteral("/tests/core/capture/craftpcap.py"), scenario, output});
    if (!python.waitForFinished(30000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QStringLiteral("craftpcap.py %1 failed: %2 %3")
            .arg(scenario, python.errorString(), QString::fromLocal8Bit(python.readAllStandardError()));
    return {};
}

inline QString endpoint(const QHostAddress &address, quint16 port)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
        : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

// "TCP#0 10.0.0.1:40000 > 10.0.0.2:502 packets 6/3 bytes 5/6 frames 1-9 SYN FIN"
inline QString describe(const FlowSummary &f)
{
    QString line = QStringLiteral("%1#%2 %3 > %4 packets %5/%6 bytes %7/%8 frames %9-%10")
                       .arg(f.protocol == FlowProtocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP"))
                       .arg(f.streamNumber)
                       .arg(endpoint(f.addressA, f.portA), endpoint(f.addressB, f.portB))
                       .arg(f.packetsAToB)
                       .arg(f.packetsBToA)
                       .arg(f.bytesAToB)
                       .arg(f.bytesBToA)
                       .arg(f.firstFrame)
                       .arg(f.lastFrame);
    if (f.synSeen)
        line += QStringLiteral(" SYN");
    if (f.finSeen)
        line += QStringLiteral(" FIN");
    if (f.resetSeen)
        line += QStringLiteral(" RST");
    return line;
}

inline QStringList describe(const QList<FlowSummary> &flows)
{
    QStringList out;
    for (const FlowSummary &f : flows)
        out << describe(f);
    return out;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Byte offsets of the records of a little-endian classic pcap (the crafted files are).
inline QList<qint64> recordOffsets(const QByteArray &file)
{
    QList<qint64> out;
    for (qint64 at = 24; at + 16 <= file.size();) {
        out << at;
        quint32 captured;
        std::memcpy(&captured, file.constData() + at + 8, 4);
        at += 16 + captured;
    }
    return out;
}

} // namespace CaptureTesting
