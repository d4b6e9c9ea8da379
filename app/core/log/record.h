#pragma once

#include <QByteArray>
#include <QtGlobal>

enum class Direction : quint8 { Rx, Tx, Event };

// What a connection event was; the words for it are the UI's (tr()), the core keeps only the kind.
enum class EventKind : quint8 {
    None, // RX/TX data records
    Connecting, // client: connecting to peer
    Connected, // client connected / server accepted a client
    Disconnected, // the connection ended (by us or by the peer)
    Listening, // server started listening on peer (= the listen endpoint)
    Stopped, // server stopped listening
    Error, // detail holds the socket's error text
    Refused, // server refused a client (client limit)
    Note // anything else worth a line (detail is the text)
};

// One entry of the log: what happened, when, with whom, and the raw bytes. Nothing is stored as rendered text, so
// any encoding or view can be applied to the whole history later.
struct Record
{
    qint64 seq = 0; // position since the transcript began; consecutive, survives dropping old records
    qint64 timeMs = 0; // milliseconds since the epoch
    qint64 prevInStream = -1; // seq of the previous record of the same peer and direction, or -1
    qint64 streamOffset = 0; // bytes of this peer+direction stream before this record
    quint32 peer = 0; // index into Transcript's peer names; 0 = none
    Direction direction = Direction::Rx;
    EventKind event = EventKind::None;
    qint16 socketError = -1; // EventKind::Error of a socket: the QAbstractSocket::SocketError, for the UI's words
    QByteArray data; // raw bytes for RX/TX; UTF-8 detail text for events
};
