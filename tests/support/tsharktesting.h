#pragma once

// Wireshark's own reading of a capture, for the tests that check what NetAssist writes as pcap.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QStringList>

namespace TsharkTesting {

// tshark's standard output, or "tshark failed: " and its error output.
inline QByteArray run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("tshark"), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return "tshark failed: " + process.readAllStandardError();
    return process.readAllStandardOutput();
}

// "Follow TCP Stream" of one stream: node 0 is the end that connected (its "addr:port"), bytes0 what it sent.
struct Follow
{
    QByteArray node0, node1;
    QByteArray bytes0, bytes1;
};

inline Follow follow(const QString &path, int stream)
{
    const QByteArray out = run({"-r", path, "-q", "-z", QStringLiteral("follow,tcp,raw,%1").arg(stream)});
    Follow f;
    bool inBody = false;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("Node 0: "))
            f.node0 = line.mid(8).trimmed();
        if (line.startsWith("Node 1: ")) {
            f.node1 = line.mid(8).trimmed();
            inBody = true;
            continue;
        }
        if (!inBody || line.startsWith("====") || line.isEmpty())
            continue;
        (line.startsWith('\t') ? f.bytes1 : f.bytes0) += QByteArray::fromHex(line.trimmed());
    }
    return f;
}

// Every UDP datagram: "src-port dst-port hex-payload".
inline QList<QByteArray> udpDatagrams(const QString &path)
{
    const QByteArray out
        = run({"-r", path, "-Y", "udp", "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload"});
    QList<QByteArray> datagrams;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            datagrams << QByteArray(line).replace('\t', ' ');
    }
    return datagrams;
}

} // namespace TsharkTesting
