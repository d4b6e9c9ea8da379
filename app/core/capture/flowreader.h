#pragma once

#include "capture/captureresult.h"
#include "capture/flowevent.h"
#include "capture/flowsummary.h"
#include "capture/transportreader.h"

#include <functional>

// Reads one flow that CaptureIndex listed and delivers its conversation, in order, to a callback: TCP reassembled
// per direction (TcpReassembler: retransmissions dropped, out-of-order segments put back, holes as Gap events),
// UDP one Data event per datagram. Streams the file again from the flow's first packet (a seek, in classic pcap;
// from the start in pcapng, whose packets depend on earlier interface blocks) to its last; memory stays bounded
// by the reassembly hold limit. Synchronous: run it in a worker thread.
//
// At the flow's last packet, a reset or where a damaged file stops, every hole still open is declared a gap and
// everything held is delivered. The result is the file's (Truncated / Corrupt still delivered what came before);
// Cancelled when the callback or the progress callback returned false.
class FlowReader
{
public:
    // Returning false stops the reading.
    using Sink = std::function<bool(const FlowEvent &)>;
    using Progress = TransportReader::Progress; // (bytes read of the flow's span, span)

    struct Stats
    {
        qint64 packets = 0; // transport packets of the flow read
        qint64 delivered[2] = {0, 0}; // Data bytes by FlowDirection
        qint64 missing[2] = {0, 0}; // Gap bytes
        qint64 duplicate[2] = {0, 0}; // TCP bytes dropped as retransmissions
    };

    // Out-of-order bytes one TCP direction may hold before its first hole is declared a gap.
    void setHoldLimit(qint64 bytes) { m_holdLimit = bytes; }

    CaptureResult read(const QString &path, const FlowSummary &flow, const Sink &sink, const Progress &progress = {});
    const Stats &stats() const { return m_stats; }

private:
    qint64 m_holdLimit = 8 * 1024 * 1024;
    Stats m_stats;
};
