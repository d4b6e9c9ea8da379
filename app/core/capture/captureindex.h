#pragma once

#include "capture/captureresult.h"
#include "capture/flowsummary.h"
#include "capture/transportreader.h"

#include <QList>
#include <QString>

// Lists the TCP streams and UDP flows of a pcap or pcapng file in one streaming pass: never the packets
// themselves, only one FlowSummary (and a little state) per flow, so a 1 GB capture indexes in a few tens of MB.
// Synchronous; run it in a worker thread and cancel through the progress callback. A new connection on the ports
// of an earlier one (a SYN with another sequence number) is a new stream, as in Wireshark.
//
// On Truncated, Corrupt or Cancelled the flows seen before the stop are kept, so the UI can offer them.
class CaptureIndex
{
public:
    using Progress = TransportReader::Progress;

    CaptureResult build(const QString &path, const Progress &progress = {});

    QString fileName() const { return m_fileName; }
    const QList<FlowSummary> &flows() const { return m_flows; }
    const CaptureCounts &counts() const { return m_counts; }
    const CaptureResult &result() const { return m_result; }

private:
    QString m_fileName;
    QList<FlowSummary> m_flows; // in the order of their first packets
    CaptureCounts m_counts;
    CaptureResult m_result;
};
