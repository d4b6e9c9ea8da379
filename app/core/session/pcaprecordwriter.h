#pragma once

#include "capture/flowends.h"
#include "capture/pcapwriter.h"
#include "log/record.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class Transcript;

// Writes transcript records as a pcap capture (PcapWriter): each TX / RX record becomes packets between its real
// endpoints (Record::peer and Record::local, formatted "addr:port" / "[v6]:port"); Record::Datagram makes it UDP,
// otherwise TCP, opened by the Connected event (handshake from us when a Connecting event came before it: we are
// the client) and closed by the Disconnected event. Other events are not traffic and are skipped.
//
// What the log does not hold is not invented beyond what Wireshark needs:
// - times: Record::timeMs is milliseconds, written as ms × 1000 µs (records of one millisecond share a time);
// - who closed: the transcript says only that a connection ended, so the peer's FIN is written first;
// - a datagram sent from a socket bound to "any" address: the system chose the source, which the log does not
//   say; the address the same peer's datagrams last came to (unicast) is taken, so Wireshark sees one
//   conversation, otherwise the unspecified address;
// - a connection whose opening the file never saw (capture started mid-connection, or a record without its
//   local end) gets a synthesized handshake from PacketSynthesizer.
//
// A relay's pair is two flows, as a capture on the relay's host would show them: the client's (client <-> our
// listening end) and the upstream one (our upstream end <-> the target, from its RelayUpstream event). What one
// side sent is written as it came in on its flow and as the relay sent it on on the other (at the time it was read:
// a delay fault's wait is not shown); a datagram that a drop fault took, or a full queue, is written only as it came
// in. A side's end (RelayEnded) is its FIN on its flow and ours on the other. A reset fault resets both flows.
class PcapRecordWriter
{
public:
    bool open(const QString &path, bool append);
    void close();
    bool isOpen() const { return m_writer.isOpen(); }
    QString fileName() const { return m_writer.fileName(); }
    QString errorString() const { return m_writer.errorString(); }
    qint64 packetsWritten() const { return m_writer.packetsWritten(); }
    // Records written as packets, and records of data that could not be (no endpoint, a datagram too large).
    qint64 recordsWritten() const { return m_recordsWritten; }
    qint64 recordsSkipped() const { return m_recordsSkipped; }

    // false when the file could not be written (errorString()); a record that is not traffic returns true.
    bool write(const Record &record, const Transcript &names);
    bool write(const Record &record, const QString &peerName, const QString &localName);
    // Every record the transcript holds, in order (Save log as pcap).
    bool writeAll(const Transcript &transcript);
    // Learns the relay pairs' flows from the transcript's events without writing, so that a capture started while
    // pairs are open writes their target sides too (TranscriptCapture::start).
    void learnRelayFlows(const Transcript &transcript);
    // Writes a datagram a relay forwarded once no drop event follows it; close() does too.
    bool flush();

    // "127.0.0.1:5000", "[::1]:80", "[fe80::1%lo]:80" -> address and port; nullopt when it names no endpoint.
    static std::optional<std::pair<QHostAddress, quint16>> parseEndpoint(const QString &name);

private:
    // A relay pair's two flows, by the client's name.
    struct RelayFlows
    {
        std::optional<FlowEnds> client; // remote: the client, local: our listening end
        std::optional<FlowEnds> upstream; // remote: the target, local: our upstream end
    };
    // The relay's forward of a datagram, held until the next record says whether a fault dropped it.
    struct HeldForward
    {
        QString peerName;
        bool targetSide = false; // from the target (forwarded to the client)
        FlowEnds ends;
        QByteArray data;
        qint64 timeUs = 0;
    };

    std::optional<FlowEnds> endsOf(const QString &peerName, const QString &localName);
    bool writeData(const Record &record, const QString &peerName, const FlowEnds &ends);
    bool writeRelayData(const Record &record, const QString &peerName, const RelayFlows &flows);
    bool openRelayFlow(const QString &key, const FlowEnds &ends, qint64 timeUs, bool upstream);
    bool learn(const Record &record, const QString &peerName, const QString &localName);
    bool settleHeld(const Record &record, const QString &peerName);
    bool closeFlows(const QString &peerName, qint64 timeUs, bool reset);
    bool halfCloseFlows(const QString &peerName, qint64 timeUs, bool targetSide);
    static QString upstreamKey(const QString &peerName) { return peerName + QStringLiteral("\x1f>"); }

    PcapWriter m_writer;
    bool m_connecting = false; // a Connecting event came: the next Connected was our connect
    QHash<QString, FlowEnds> m_connections; // by peer name: open TCP connections, to close them
    QHash<QString, std::optional<std::pair<QHostAddress, quint16>>> m_parsed;
    QHash<QString, QHostAddress> m_reachedAt; // by peer name: the unicast address its last datagram came to
    QHash<QString, RelayFlows> m_relays; // by the client's name
    std::optional<HeldForward> m_held;
    qint64 m_recordsWritten = 0;
    qint64 m_recordsSkipped = 0;
};
