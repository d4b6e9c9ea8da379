#pragma once

#include "capture/flowends.h"
#include "capture/packetsynthesizer.h"

#include <QByteArrayView>
#include <QString>

struct pcap;
struct pcap_dumper;

// Writes NetAssist's records as a capture Wireshark and tshark dissect as real traffic (PacketSynthesizer makes
// the packets). Classic pcap, not pcapng: libpcap 1.10 writes only classic pcap. The link type is LINKTYPE_RAW
// (101, libpcap's DLT_RAW): bare IPv4 or IPv6 packets, so one file holds both families with no invented Ethernet
// addresses. Every packet is flushed to the system as it is written, so a killed app loses nothing already written.
// Timestamps are microseconds since the epoch.
//
// Every write returns false when it failed; error() says why (None again after a call that succeeded) and errorString()
// carries libpcap's or the system's reason (untranslated) for Open and Write. After a Write error the file stays open:
// the caller decides to stop.
class PcapWriter
{
public:
    enum class Error {
        None,
        NotOpen, // a write before open() or after close()
        Open, // could not create, open or append to the file (errorString: why, e.g. a different link type)
        Write, // the system refused the bytes (disk full, file gone...)
        DatagramTooLarge, // a UDP datagram larger than one packet holds (65507 bytes IPv4, 65527 IPv6)
    };

    PcapWriter();
    ~PcapWriter();
    PcapWriter(const PcapWriter &) = delete;
    PcapWriter &operator=(const PcapWriter &) = delete;

    // append: add to an existing capture written with the same link type (created when missing); otherwise
    // truncate. Connections are not carried over from an earlier run: their data gets a synthesized handshake.
    bool open(const QString &path, bool append);
    void close();
    bool isOpen() const { return m_dumper != nullptr; }
    QString fileName() const { return m_fileName; }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    bool tcpOpened(const FlowEnds &ends, qint64 timeUs, bool localInitiated);
    bool tcpData(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs);
    bool tcpHalfClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal); // one end's FIN, ACKed
    bool tcpClosed(const FlowEnds &ends, qint64 timeUs, bool byLocal); // FIN-ACK both ways, last ACK
    bool tcpReset(const FlowEnds &ends, qint64 timeUs, bool byLocal); // RST-ACK (an abort)
    bool udpDatagram(const FlowEnds &ends, bool fromLocal, QByteArrayView bytes, qint64 timeUs);

    qint64 packetsWritten() const { return m_packetsWritten; }

    // pcap_open_dead's snapshot length: above the largest packet written (an IPv6 UDP datagram of 65575 bytes).
    static constexpr int SnapLength = 262144;

private:
    bool ready();
    bool writePending();
    bool fail(Error error, const QString &reason = {});

    pcap *m_pcap = nullptr;
    pcap_dumper *m_dumper = nullptr;
    QString m_fileName;
    PacketSynthesizer m_synthesizer;
    PacketSynthesizer::Packets m_pending;
    Error m_error = Error::None;
    QString m_errorString;
    qint64 m_packetsWritten = 0;
};
