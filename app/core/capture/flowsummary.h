#pragma once

#include <QHostAddress>

enum class FlowProtocol : quint8 { Tcp, Udp };

// One TCP stream or UDP flow of a capture, as CaptureIndex lists it. A is the end that started it: the SYN's
// sender when the capture holds the SYN (or the SYN-ACK's receiver), otherwise the source of its first packet.
struct FlowSummary
{
    FlowProtocol protocol = FlowProtocol::Tcp;
    // Among the flows of its protocol, from 0 in the order their first packets appear: Wireshark's tcp.stream /
    // udp.stream in ordinary captures.
    int streamNumber = 0;
    QHostAddress addressA;
    quint16 portA = 0;
    QHostAddress addressB;
    quint16 portB = 0;

    // Frames (each IP fragment counted) and payload bytes as they went over the wire; TCP retransmissions are
    // counted again here, FlowReader's reassembled conversation holds them once.
    qint64 packetsAToB = 0;
    qint64 packetsBToA = 0;
    qint64 bytesAToB = 0;
    qint64 bytesBToA = 0;
    qint64 firstTimeUs = 0;
    qint64 lastTimeUs = 0;

    bool synSeen = false; // the capture holds the connection's start
    bool finSeen = false; // either end sent FIN
    bool resetSeen = false;

    // Where FlowReader finds it again: frame numbers (from 1) of its first and last packets and the file offsets
    // where libpcap began reading them (for a fragmented datagram, its earliest fragment's).
    qint64 firstFrame = 0;
    qint64 lastFrame = 0;
    qint64 firstOffset = 0;
    qint64 lastOffset = 0;

    qint64 packets() const { return packetsAToB + packetsBToA; }
    qint64 bytes() const { return bytesAToB + bytesBToA; }
};
