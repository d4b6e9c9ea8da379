#pragma once

#include "net/sessionerror.h"

#include <QByteArray>
#include <QtGlobal>

enum class Direction : quint8 { Rx, Tx, Event };

// What an event was; the words for it are the UI's (tr()), the core keeps only the kind. The record's peer is the
// endpoint named in each comment; detail is the record's data (UTF-8).
enum class EventKind : quint8 {
    None, // RX/TX data records
    Connecting, // client: connecting to peer (the target as asked)
    Connected, // client connected / server accepted a client
    Disconnected, // the connection ended (by us or by the peer)
    Listening, // server started listening on peer (= the listen endpoint)
    Stopped, // server stopped listening on peer
    Error, // the record's error holds the kind, detail the library's own text
    Refused, // server refused a client (client limit)
    Note, // anything else worth a line (detail is the text)
    Bound, // datagram socket bound to peer (= the local endpoint)
    Unbound, // datagram socket closed (peer: what it was bound to)
    Joined, // joined multicast group peer; detail: the interface, empty for the system's choice
    Left, // left multicast group peer; detail as Joined
    NewPeer, // datagrams: the first datagram from, or to, peer
    PeerGone, // datagrams: peer left the peer table (idle too long, or removed)
    CaptureFailed, // capture to file stopped: peer is the file, detail the system's reason
    Secured, // TLS established with peer; detail: what was negotiated ("TLS 1.3, TLS_AES_256_GCM_SHA384")
    // A relay pair's upstream connection (a datagram relay: its upstream socket, flagged Datagram) is up: peer is the
    // pair's client, local our end of the upstream connection, detail the target's endpoint.
    RelayUpstream,
    // A relay's fault acted or its faults changed: peer is the pair's client (none for a change), flagged TargetSide
    // for the target -> client direction; detail is RelayControl::FaultEvent::encode().
    RelayFault,
    // A relay pair's side ended its stream (its FIN) and the end was passed on to the other side, which may still
    // send: peer is the pair's client, flagged TargetSide when the target ended.
    RelayEnded
};

// One entry of the log: what happened, when, with whom, and the raw bytes. Nothing is stored as rendered text, so
// any encoding or view can be applied to the whole history later.
struct Record
{
    qint64 seq = 0; // position since the transcript began; consecutive, survives dropping old records
    qint64 timeMs = 0; // milliseconds since the epoch
    qint64 prevInStream = -1; // seq of the previous record of the same peer and direction, or -1
    qint64 streamOffset = 0; // bytes of this peer+direction stream before this record
    quint32 peer = 0; // index into Transcript's endpoint names; 0 = none
    // Also an index into the endpoint names: our end of the exchange. A datagram's destination (our unicast
    // address, a broadcast or a multicast group) for RX, the bound endpoint for TX; a connection's local endpoint
    // (also on its Connected and Disconnected events).
    quint32 local = 0;
    Direction direction = Direction::Rx;
    EventKind event = EventKind::None;
    SessionError::Kind error = SessionError::Kind::None; // EventKind::Error
    enum Flag : quint8 {
        Datagram = 1, // one datagram: its RX header names the destination it came to (Record::local)
        // A relay's target side: RX bytes the target sent (target -> client), TX bytes injected towards the target.
        // Without it a relay's RX is client -> target. Either way peer is the client's endpoint (it names the pair)
        // and local, for the target side, our end of the upstream connection. A stream of its own (streamOffset).
        TargetSide = 2,
        Unverified = 4 // TLS client: received from a peer whose certificate was not verified (verification off)
    };
    quint8 flags = 0;
    QByteArray data; // raw bytes for RX/TX; UTF-8 detail text for events
};
