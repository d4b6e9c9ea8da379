#include "capture/pcapreader.h"

#include "capture/pcappath.h"

#include <QFile>

#include <cstdio>
#include <limits>
#include <pcap/pcap.h>

namespace {

// Positions in the FILE libpcap reads from. 64-bit on Windows needs the _i64 forms (long is 32-bit there); the
// stream is Npcap's, which shares the C runtime (UCRT) with the application.
qint64 tell(FILE *file)
{
#ifdef Q_OS_WIN
    return _ftelli64(file);
#else
    return std::ftell(file);
#endif
}

bool seekTo(FILE *file, qint64 offset)
{
#ifdef Q_OS_WIN
    return _fseeki64(file, offset, SEEK_SET) == 0;
#else
    return std::fseek(file, long(offset), SEEK_SET) == 0;
#endif
}

// A damaged pcapng timestamp (64 bits scaled by the interface's resolution) can exceed what fits in qint64
// microseconds: such a time is clamped, never overflowed.
qint64 microseconds(qint64 seconds, qint64 micros)
{
    constexpr qint64 Limit = std::numeric_limits<qint64>::max() / 1000000 - 1;
    return qBound(-Limit, seconds, Limit) * 1000000 + micros;
}

} // namespace

PcapReader::~PcapReader()
{
    close();
}

void PcapReader::close()
{
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
}

CaptureResult PcapReader::open(const QString &path)
{
    close();
    m_result = {};
    m_frame = 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_result.status = CaptureStatus::CannotOpen;
        m_result.detail = file.errorString();
        return m_result;
    }
    m_fileSize = file.size();
    if (m_fileSize == 0) {
        m_result.status = CaptureStatus::Empty;
        return m_result;
    }
    m_pcapng = file.peek(4) == QByteArrayView("\x0a\x0d\x0d\x0a", 4);
    file.close();

    char error[PCAP_ERRBUF_SIZE] = {};
    m_pcap = pcap_open_offline_with_tstamp_precision(
        PcapPath::encode(path).constData(), PCAP_TSTAMP_PRECISION_MICRO, error);
    if (!m_pcap) {
        m_result.status = CaptureStatus::NotACapture;
        m_result.detail = QString::fromLocal8Bit(error);
        return m_result;
    }
    m_result.linkType = pcap_datalink(m_pcap);
    // glibc's ftell asks the kernel (lseek) until the stream's offset is known, and knows it after a seek: one
    // seek to where libpcap stands saves a system call per packet (13,933 lseeks for 13,931 packets, measured).
    FILE *stream = pcap_file(m_pcap);
    seekTo(stream, tell(stream));
    return m_result;
}

qint64 PcapReader::position() const
{
    return m_pcap ? tell(pcap_file(m_pcap)) : 0;
}

bool PcapReader::next(CapturedPacket &packet)
{
    if (!m_pcap || m_result.status != CaptureStatus::Ok)
        return false;
    const qint64 before = position();
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    const int read = pcap_next_ex(m_pcap, &header, &data);
    if (read == 1) {
        packet.frame = ++m_frame;
        packet.offset = before;
        packet.timeUs = microseconds(header->ts.tv_sec, header->ts.tv_usec);
        packet.data = QByteArrayView(data, header->caplen);
        packet.originalLength = header->len;
        return true;
    }
    if (read == PCAP_ERROR_BREAK) // -2: the end of the file
        return false;
    // A cut file makes libpcap read up to its end; an impossible record length stops it before the end.
    m_result.status = position() >= m_fileSize ? CaptureStatus::Truncated : CaptureStatus::Corrupt;
    m_result.detail = QString::fromLocal8Bit(pcap_geterr(m_pcap));
    m_result.stopFrame = m_frame + 1;
    m_result.stopOffset = before;
    return false;
}

bool PcapReader::seek(qint64 offset, qint64 frame)
{
    if (!m_pcap || m_pcapng || m_result.status != CaptureStatus::Ok)
        return false;
    if (!seekTo(pcap_file(m_pcap), offset))
        return false;
    m_frame = frame - 1;
    return true;
}
