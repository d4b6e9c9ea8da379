#pragma once

#include "net/relaycontrol.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <functional>

// One direction of a datagram relay pair: the datagrams one side sends, on their way to the other side, through
// the direction's delay and rate faults (the drop fault is the session's: it owns the seeded generator). Internal to
// UdpRelaySession.
//
// Bounded: datagrams wait only for a fault (or for a socket that cannot take one now); past the bound a datagram is
// dropped and said so (overflowed), as a router would. UDP has no flow control to slow the sender with.
class RelayDatagramPipe
{
public:
    struct Callbacks
    {
        // Sends one datagram; false when the socket cannot take it now (it is tried again shortly).
        std::function<bool(const QByteArray &)> write;
        std::function<void(const QByteArray &)> overflowed;
    };

    RelayDatagramPipe(qint64 bound, Callbacks callbacks);

    void setFaults(const RelayControl::Faults &faults);
    void setBound(qint64 bytes) { m_bound = bytes; }
    // Nothing is written before the socket to write to is ready (an upstream socket still looking up its target).
    void start();
    void push(const QByteArray &datagram);
    void pump();
    void stop();

    qint64 buffered() const { return m_queued; }

private:
    struct Datagram
    {
        QByteArray data;
        qint64 dueMs = 0; // on the pipe's clock
    };

    void wakeIn(qint64 ms);

    qint64 m_bound;
    Callbacks m_callbacks;
    RelayControl::Faults m_faults;
    std::deque<Datagram> m_queue;
    qint64 m_queued = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
    double m_tokens = 0; // rate: bytes that may be written now
    qint64 m_tokensAtMs = 0;
    bool m_started = false;
    bool m_stopped = false;
    bool m_pumping = false;
};
