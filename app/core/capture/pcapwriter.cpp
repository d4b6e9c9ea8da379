#include "capture/pcapwriter.h"

#include "capture/pcappath.h"

#include <cerrno>
#include <cstdio>
#include <pcap/pcap.h>

PcapWriter::PcapWriter() = default;

PcapWriter::~PcapWriter()
{
    close();
}

bool PcapWriter::fail(Error error, const QString &reason)
{
    m_error = error;
    m_errorString = reason;
    return false;
}

bool PcapWriter::open(const QString &path, bool append)
{
    close();
    m_error = Error::None;
    m_errorString.clear();
    m_synthesizer = PacketSynthesizer();
    m_packetsWritten = 0;
    m_pcap = pcap_open_dead_with_tstamp_precision(DLT_RAW, SnapLength, PCAP_TSTAMP_PRECISION_MICRO);
    if (!m_pcap)
        return fail(Error::Open);
    const QByteArray name = PcapPath::encode(path);
    // pcap_dump_open_append creates a missing (or empty) file with a header, and refuses a file of another link
    // type, precision or format (pcapng), with the reason in pcap_geterr.
    m_dumper = append ? pcap_dump_open_append(m_pcap, name.constData()) : pcap_dump_open(m_pcap, name.constData());
    if (!m_dumper) {
        const QString reason = QString::fromLocal8Bit(pcap_geterr(m_pcap));
        close();
        return fail(Error::Open, reason);
    }
    m_fileName = path;
    // The header sits in stdio's buffer until a flush: flushing now reports an unwritable file at open().
    if (pcap_dump_flush(m_dumper) != 0) {
        const QString reason = qt_error_string(errno);
        close();
        return fail(Error::Open, reason);
    }
    return true;
}

void PcapWriter::close()
{
    if (m_dumper) {
        pcap_dump_close(m_dumper);
        m_dumper = nullptr;
    }
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
    m_pending.clear();
}

bool PcapWriter::ready()
{
    m_pending.clear();
    if (!m_dumper)
        return fail(Error::NotOpen);
    m_error = Error::None;
    m_errorString.clear();
    return true;
}

bool PcapWriter::writePending()
{
    for (const SynthesizedPacket &packet : m_pending) {
        pcap_pkthdr header {};
        const qint64 timeUs = qMax<qint64>(0, packet.timeUs);
        header.ts.tv_sec = decltype(header.ts.tv_sec)(timeUs / 1000000);
        header.ts.tv_usec = decltype(header.ts.tv_usec)(timeUs % 1000000);
        header.caplen = header.len = bpf_u_int32(packet.bytes.size());
        pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header, reinterpret_cast<const u_char *>(packet.bytes.data()));
        // pcap_dump has no result: a failed fwrite only sets the stream's error flag, which the flush reports.
        errno = 0;
        if (pcap_dump_flush(m_dumper) != 0 || std::ferror(pcap_dump_file(m_dumper))) {
            const int code = errno;
            std::clearerr(pcap_dump_file(m_dumper));
            m_pending.clear();
            return fail(Error::Write, qt_error_string(code ? code : EIO));
        }
        ++m_packetsWritten;
    }
    m_pending.clear();
    return true;
}

bool PcapWriter::tcpOpened(const FlowEnds &ends, qint64 timeUs, bool localInitiated)
{
    if (!ready())
        return false;
    m_synthesizer.tcpOpened(ends, timeUs, localInitiated, m_pending);
    return writePending();
}

bool PcapWriter::tcpData(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs)
{
    if (!ready())
        return false;
    m_synthesizer.tcpData(ends, fromLocal, bytes, timeUs, m_pending);
    return writePending();
}

bool PcapWriter::tcpHalfClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal)
{
    if (!ready())
        return false;
    m_synthesizer.tcpHalfClosed(ends, timeUs, byLocal, m_pending);
    return writePending();
}

bool PcapWriter::tcpClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal)
{
    if (!ready())
        return false;
    m_synthesizer.tcpClosed(ends, timeUs, byLocal, m_pending);
    return writePending();
}

bool PcapWriter::tcpReset(const FlowEnds &ends, qint64 timeUs, bool byLocal)
{
    if (!ready())
        return false;
    m_synthesizer.tcpReset(ends, timeUs, byLocal, m_pending);
    return writePending();
}

bool PcapWriter::udpDatagram(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs)
{
    if (!ready())
        return false;
    if (!m_synthesizer.udpDatagram(ends, fromLocal, bytes, timeUs, m_pending))
        return fail(Error::DatagramTooLarge);
    return writePending();
}
