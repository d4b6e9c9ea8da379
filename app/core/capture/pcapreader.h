#pragma once

#include "capture/captureresult.h"

#include <QByteArrayView>
#include <QString>

struct pcap;

struct CapturedPacket
{
    qint64 frame = 0; // number in the file, from 1
    qint64 offset = 0; // byte offset where libpcap began reading it (its record, for classic pcap)
    qint64 timeUs = 0; // microseconds since the epoch (nanosecond files are converted by libpcap)
    QByteArrayView data; // the captured bytes, valid until the next call to next()
    qint64 originalLength = 0; // the packet's length on the wire
};

// Reads a pcap or pcapng file packet by packet through libpcap, never holding more than one packet. Knows where
// it is in the file (for progress) and where a damaged file stopped.
class PcapReader
{
public:
    PcapReader() = default;
    ~PcapReader();
    PcapReader(const PcapReader &) = delete;
    PcapReader &operator=(const PcapReader &) = delete;

    // Ok, CannotOpen, Empty or NotACapture.
    CaptureResult open(const QString &path);
    void close();

    // false at the end of the file or where it is damaged; result() then says which (Ok, Truncated, Corrupt).
    bool next(CapturedPacket &packet);
    CaptureResult result() const { return m_result; }

    int linkType() const { return m_result.linkType; }
    bool isPcapng() const { return m_pcapng; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 position() const; // bytes of the file read so far

    // Classic pcap only (records are self-contained there; a pcapng packet depends on the interface blocks before
    // it): continues at the record starting at offset, which is packet number frame. false for pcapng.
    bool seek(qint64 offset, qint64 frame);

private:
    pcap *m_pcap = nullptr;
    CaptureResult m_result;
    bool m_pcapng = false;
    qint64 m_fileSize = 0;
    qint64 m_frame = 0;
};
