#include "capture/transportreader.h"

#include <pcap/pcap.h>

namespace {

constexpr qint64 ProgressEvery = 1024 * 1024;

} // namespace

CaptureResult TransportReader::open(const QString &path)
{
    m_counts = {};
    m_lastProgress = 0;
    m_defragmenter = IpDefragmenter();
    m_result = m_reader.open(path);
    if (m_result.ok() && !PacketDecoder::supports(m_result.linkType)) {
        m_result.status = CaptureStatus::UnsupportedLinkType;
        const char *name = pcap_datalink_val_to_name(m_result.linkType);
        m_result.detail = name ? QString::fromLatin1(name) : QString::number(m_result.linkType);
        m_reader.close();
    }
    return m_result;
}

bool TransportReader::seek(qint64 offset, qint64 frame)
{
    return m_result.ok() && m_reader.seek(offset, frame);
}

bool TransportReader::reportProgress(qint64 frame, qint64 offset)
{
    if (!m_progress || offset - m_lastProgress < ProgressEvery)
        return true;
    m_lastProgress = offset;
    if (m_progress(offset, m_reader.fileSize()))
        return true;
    m_result.status = CaptureStatus::Cancelled;
    m_result.stopFrame = frame;
    m_result.stopOffset = offset;
    return false;
}

bool TransportReader::next(TransportPacket &out)
{
    if (!m_result.ok())
        return false;
    CapturedPacket captured;
    while (m_reader.next(captured)) {
        // Asked before the packet is used: a cancel stops at a packet boundary that a later pass could resume.
        if (!reportProgress(captured.frame, captured.offset))
            return false;
        ++m_counts.frames;
        DecodedPacket p = PacketDecoder::decode(m_result.linkType, captured.data);
        out.frame = out.firstFrame = captured.frame;
        out.offset = out.firstOffset = captured.offset;
        out.frames = 1;
        out.timeUs = captured.timeUs;
        if (p.kind == DecodedPacket::Kind::Fragment) {
            ++m_counts.fragments;
            if (!m_defragmenter.add(p, captured.frame, captured.offset))
                continue;
            const IpDefragmenter::Datagram &d = m_defragmenter.completed();
            p = d.packet;
            PacketDecoder::decodeTransport(p, d.transport, d.transport.size());
            out.firstFrame = d.firstFrame;
            out.firstOffset = d.firstOffset;
            out.frames = d.fragments;
        }
        switch (p.kind) {
        case DecodedPacket::Kind::Tcp:
            m_counts.tcpPackets += out.frames;
            break;
        case DecodedPacket::Kind::Udp:
            m_counts.udpPackets += out.frames;
            break;
        case DecodedPacket::Kind::OtherIp:
            m_counts.otherIpPackets += out.frames;
            continue;
        case DecodedPacket::Kind::NotIp:
            ++m_counts.notIpPackets;
            continue;
        case DecodedPacket::Kind::Malformed:
        case DecodedPacket::Kind::Fragment:
            m_counts.malformedPackets += out.frames;
            continue;
        }
        out.decoded = p;
        return true;
    }
    m_result = m_reader.result();
    if (m_progress && m_result.ok())
        m_progress(m_reader.fileSize(), m_reader.fileSize());
    return false;
}

CaptureCounts TransportReader::counts() const
{
    CaptureCounts c = m_counts;
    c.abandonedFragments = m_defragmenter.abandonedFragments() + m_defragmenter.pendingFragments();
    return c;
}
