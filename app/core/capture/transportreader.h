#pragma once

#include "capture/captureresult.h"
#include "capture/ipdefragmenter.h"
#include "capture/packetdecoder.h"
#include "capture/pcapreader.h"

#include <functional>

// What a pass over a capture saw, packet by packet.
struct CaptureCounts
{
    qint64 frames = 0; // packets in the file
    qint64 tcpPackets = 0; // frames of TCP segments (each IP fragment counted)
    qint64 udpPackets = 0;
    qint64 otherIpPackets = 0; // IP carrying neither TCP nor UDP (ICMP, ...): ignored
    qint64 notIpPackets = 0; // ARP, LLDP, ...: ignored
    qint64 malformedPackets = 0; // headers too short or inconsistent: ignored
    qint64 fragments = 0; // IP fragments seen (reassembled ones are also in tcpPackets / udpPackets)
    qint64 abandonedFragments = 0; // fragments of datagrams never completed
};

// A TCP segment or UDP datagram of a capture, reassembled from IP fragments when it came in several.
struct TransportPacket
{
    DecodedPacket decoded; // kind is Tcp or Udp
    qint64 frame = 0; // the frame that completed it, and that frame's byte offset in the file
    qint64 offset = 0;
    qint64 firstFrame = 0; // its first frame (the first fragment's) and that frame's byte offset in the file
    qint64 firstOffset = 0;
    int frames = 1; // fragments that carried it
    qint64 timeUs = 0; // of the frame that completed it
};

// Streams the TCP and UDP packets out of a capture: PcapReader reads, PacketDecoder decodes, IpDefragmenter
// reassembles; everything else is counted and skipped. Memory is one packet plus the bounded fragment buffer.
class TransportReader
{
public:
    // Called about every MiB read: (bytes read, file size); returning false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Ok, or why the file cannot be read (including UnsupportedLinkType).
    CaptureResult open(const QString &path);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Classic pcap only: continue at a packet found by an earlier pass (see PcapReader::seek).
    bool seek(qint64 offset, qint64 frame);

    // false at the end, at damage or on cancel; result() says which.
    bool next(TransportPacket &packet);
    CaptureResult result() const { return m_result; }
    CaptureCounts counts() const;
    qint64 fileSize() const { return m_reader.fileSize(); }

private:
    bool reportProgress(qint64 frame, qint64 offset);

    PcapReader m_reader;
    IpDefragmenter m_defragmenter;
    CaptureResult m_result;
    CaptureCounts m_counts;
    Progress m_progress;
    qint64 m_lastProgress = 0;
};
