// netassist-capture-bench: the Wireshark support's figures on a capture of ~1 GiB (64 MiB with --quick) that it
// writes itself with PcapWriter (many TCP streams and UDP flows, mixed record sizes, interleaved):
//   capture_write_MBps         PcapWriter, every packet flushed to the system as it is written
//   capture_index_s            CaptureIndex::build of the whole file (the list of streams)
//   capture_index_peak_rss_MB  VmHWM during the index pass alone (Linux: reset through /proc/self/clear_refs)
//   capture_read_flow_MBps     FlowReader on the largest flow, interleaved across the whole file
// "name: value unit" on stdout, notes on stderr ("# ..."); MB is MiB. The file is fresh in the page cache, so the
// read figures are CPU-bound: a cold disk would add its own read time.
#include "capture/captureindex.h"
#include "capture/flowreader.h"
#include "capture/pcapwriter.h"
#include "captureprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <vector>

namespace {

using namespace CaptureBench;

struct Connection
{
    FlowEnds ends;
    bool tcp = true;
    bool used = false; // a UDP flow exists in the capture from its first datagram on
    int recordsLeft = 0;
};

// Record sizes as a device talks: mostly short commands and replies, some KiB blocks, a few large transfers.
qsizetype recordSize(QRandomGenerator &random)
{
    const int roll = random.bounded(100);
    if (roll < 70)
        return 1 + random.bounded(200);
    if (roll < 95)
        return 1024 + random.bounded(15 * 1024);
    return 64 * 1024 + random.bounded(192 * 1024);
}

FlowEnds endsFor(int n, bool ipv6)
{
    const quint16 local = quint16(20000 + n % 40000);
    if (ipv6) {
        return {QHostAddress(QStringLiteral("fd00::1")), local,
            QHostAddress(QStringLiteral("fd00::%1").arg(2 + n % 200, 0, 16)), quint16(1000 + n % 50)};
    }
    return {QHostAddress(QStringLiteral("10.0.0.1")), local,
        QHostAddress(QStringLiteral("10.0.%1.%2").arg(1 + n / 250 % 250).arg(2 + n % 250)), quint16(1000 + n % 50)};
}

// Writes about targetBytes: 200 connections open at a time, each living for a random number of records; a
// new one replaces each that closes. One "big" TCP stream takes every tenth record for the whole run, so the flow
// read touches the entire file.
bool writeCapture(const QString &path, qint64 targetBytes, qint64 *records, int *streams, int *udpFlows)
{
    PcapWriter writer;
    if (!writer.open(path, false)) {
        note(QStringLiteral("cannot write %1: %2").arg(path, writer.errorString()));
        return false;
    }
    QRandomGenerator random(20261125);
    QByteArray source(1024 * 1024, Qt::Uninitialized);
    for (char &c : source)
        c = char(random.bounded(256));
    qint64 time = 1764600000000000;
    int made = 0;
    auto newConnection = [&](Connection &c) {
        c.tcp = random.bounded(100) < 80;
        c.ends = endsFor(made, random.bounded(4) == 0);
        c.recordsLeft = 2 + random.bounded(200);
        c.used = false;
        ++made;
        if (!c.tcp)
            return true;
        ++*streams;
        return writer.tcpOpened(c.ends, time, true);
    };
    std::vector<Connection> open(200);
    for (Connection &c : open) {
        if (!newConnection(c))
            return false;
    }
    Connection big;
    big.ends = {QHostAddress(QStringLiteral("10.9.9.1")), 50000, QHostAddress(QStringLiteral("10.9.9.2")), 502};
    if (!writer.tcpOpened(big.ends, time, true))
        return false;
    ++*streams;

    while (QFileInfo(path).size() < targetBytes) {
        for (int burst = 0; burst < 64; ++burst) {
            time += 100;
            ++*records;
            const bool toBig = *records % 10 == 0;
            Connection &c = toBig ? big : open[size_t(random.bounded(int(open.size())))];
            const bool fromLocal = random.bounded(2) == 0;
            qsizetype size = recordSize(random);
            if (!c.tcp)
                size = qMin<qsizetype>(size, 65507);
            const QByteArrayView bytes = QByteArrayView(source).sliced(random.bounded(int(source.size() - size)), size);
            const bool ok = c.tcp ? writer.tcpData(c.ends, fromLocal, bytes, time)
                                  : writer.udpDatagram(c.ends, fromLocal, bytes, time);
            if (!ok) {
                note(QStringLiteral("write failed: %1").arg(writer.errorString()));
                return false;
            }
            if (!c.tcp && !c.used)
                ++*udpFlows;
            c.used = true;
            if (!toBig && --c.recordsLeft == 0) {
                if (c.tcp && !writer.tcpClosed(c.ends, time, random.bounded(2) == 0))
                    return false;
                if (!newConnection(c))
                    return false;
            }
        }
    }
    return writer.tcpClosed(big.ends, time, true);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    if (app.arguments().size() > (quick ? 2 : 1)) {
        std::fprintf(stderr, "usage: netassist-capture-bench [--quick]\n");
        return 2;
    }
    const qint64 target = (quick ? 64 : 1024) * 1024LL * 1024;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        note(QStringLiteral("no temporary directory: %1").arg(dir.errorString()));
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("bench.pcap"));
    note(QStringLiteral("%1 mode: writing %2 MiB to %3").arg(quick ? "quick" : "full").arg(target / MiB).arg(path));

    qint64 records = 0;
    int streams = 0;
    int udpFlows = 0;
    QElapsedTimer clock;
    clock.start();
    if (!writeCapture(path, target, &records, &streams, &udpFlows))
        return 1;
    const double writeSeconds = clock.nsecsElapsed() / 1e9;
    const qint64 fileBytes = QFileInfo(path).size();
    note(QStringLiteral("wrote %1 records, %2 TCP streams, %3 UDP flows: %4 MiB in %5 s")
             .arg(records)
             .arg(streams)
             .arg(udpFlows)
             .arg(fileBytes / MiB, 0, 'f', 1)
             .arg(writeSeconds, 0, 'f', 2));
    figure("capture_write_MBps", fileBytes / MiB / writeSeconds, "MiB/s");

    note(QStringLiteral("RSS before indexing: %1 MiB").arg(statusMiB("VmRSS"), 0, 'f', 1));
    resetPeakRss();
    CaptureIndex index;
    int progressCalls = 0;
    clock.restart();
    const CaptureResult indexed = index.build(path, [&](qint64, qint64) {
        ++progressCalls;
        return true;
    });
    const double indexSeconds = clock.nsecsElapsed() / 1e9;
    const double indexPeak = statusMiB("VmHWM");
    if (!indexed.ok() || index.flows().size() != streams + udpFlows) {
        note(QStringLiteral("index failed: status %1, %2 flows of %3")
                 .arg(int(indexed.status))
                 .arg(index.flows().size())
                 .arg(streams + udpFlows));
        return 1;
    }
    note(QStringLiteral("indexed %1 frames, %2 flows, %3 progress calls; %4 MiB/s")
             .arg(index.counts().frames)
             .arg(index.flows().size())
             .arg(progressCalls)
             .arg(fileBytes / MiB / indexSeconds, 0, 'f', 0));
    figure("capture_index_s", indexSeconds, "s", 2);
    figure("capture_index_peak_rss_MB", indexPeak, "MiB");

    const FlowSummary *largest = &index.flows().first();
    for (const FlowSummary &f : index.flows()) {
        if (f.bytes() > largest->bytes())
            largest = &f;
    }
    FlowReader reader;
    qint64 delivered = 0;
    qint64 events = 0;
    clock.restart();
    const CaptureResult read = reader.read(path, *largest, [&](const FlowEvent &e) {
        ++events;
        delivered += e.bytes.size();
        return true;
    });
    const double readSeconds = clock.nsecsElapsed() / 1e9;
    if (!read.ok() || delivered != largest->bytes()) {
        note(QStringLiteral("flow read failed: status %1, %2 of %3 bytes")
                 .arg(int(read.status))
                 .arg(delivered)
                 .arg(largest->bytes()));
        return 1;
    }
    note(QStringLiteral("largest flow: %1 MiB in %2 events, frames %3-%4 of %5 (%6 s)")
             .arg(delivered / MiB, 0, 'f', 1)
             .arg(events)
             .arg(largest->firstFrame)
             .arg(largest->lastFrame)
             .arg(index.counts().frames)
             .arg(readSeconds, 0, 'f', 2));
    figure("capture_read_flow_MBps", delivered / MiB / readSeconds, "MiB/s");
    figure("capture_file_MB", fileBytes / MiB, "MiB");
    return 0;
}
