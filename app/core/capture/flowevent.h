#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// A → B is from the flow's initiator (FlowSummary's A) to the other end.
enum class FlowDirection : quint8 { AToB, BToA };

// One step of a flow's conversation as FlowReader delivers it, in order.
struct FlowEvent
{
    enum class Kind : quint8 {
        Opened, // the connection's first SYN (or SYN-ACK) in the capture; direction: A → B
        Data, // bytes, in stream order (TCP) or one datagram (UDP, possibly empty)
        Gap, // `missing` bytes of the stream that the capture does not hold (never glued over)
        Closed, // the direction's FIN, once everything before it was delivered or declared missing
        Reset, // an RST from `direction`'s sender; nothing of the connection follows
    };
    Kind kind = Kind::Data;
    FlowDirection direction = FlowDirection::AToB;
    // The capture time of the packet that made the event known: for bytes held back until a hole filled, the
    // packet that filled it, so events come in time order, as an application reading the socket saw them.
    qint64 timeUs = 0;
    QByteArrayView bytes; // Data: valid only during the callback
    qint64 missing = 0; // Gap
};
