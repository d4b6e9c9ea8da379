#pragma once

#include "net/relaycontrol.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

class StreamChannel;

// One direction of a relay pair: reads what `from` sends and writes it to `to`, through the direction's faults.
// Internal to RelaySession.
//
// Bounded: it reads from `from` only while its queue plus what `to` has not handed to the OS stays under the bound;
// otherwise the bytes stay in the kernel, so TCP's own flow control slows the sender. pump() is called on `from`'s
// readyRead and on `to`'s bytesWritten.
class RelayPipe
{
public:
    struct Callbacks
    {
        std::function<void(const QByteArray &)> forwarded; // bytes read from `from`
        std::function<void()> cut; // cutAfterBytes reached, and those bytes have been handed to the OS
    };

    RelayPipe(StreamChannel *from, StreamChannel *to, qint64 bound, Callbacks callbacks);

    void setFaults(const RelayControl::Faults &faults);
    void setBound(qint64 bytes) { m_bound = bytes; }
    // Nothing is read before the upstream connection is up.
    void start();
    void pump();
    void inject(const QByteArray &data);
    // `from` has ended its stream (its FIN): everything it sent is forwarded, then `to` is shut for writing, which
    // passes the half-close on; `to` may still send the other way.
    void sourceFinished();
    // `from` failed (a reset): what it sent is forwarded, then `to` is closed, both ways.
    void sourceFailed();
    // `to` is gone: nothing more can be written.
    void stop();

    qint64 buffered() const;
    qint64 forwardedBytes() const { return m_forwarded; }

private:
    struct Chunk
    {
        QByteArray data;
        qint64 dueMs = 0; // on the pipe's clock
        qsizetype offset = 0; // bytes of data already written
    };

    qint64 readSome(qint64 budget); // bytes read, at most about `budget`
    void writeSome();
    void enqueue(const QByteArray &data);
    void wakeIn(qint64 ms);

    QPointer<StreamChannel> m_from;
    QPointer<StreamChannel> m_to;
    qint64 m_bound;
    Callbacks m_callbacks;
    RelayControl::Faults m_faults;
    std::deque<Chunk> m_queue;
    qint64 m_queued = 0;
    qint64 m_forwarded = 0;
    QElapsedTimer m_clock;
    QTimer m_timer; // the next write a fault holds back
    qint64 m_nextWriteMs = 0; // split: not before this
    double m_tokens = 0; // rate: bytes that may be written now
    qint64 m_tokensAtMs = 0;
    bool m_started = false;
    bool m_sourceDone = false;
    bool m_readHeld = false; // the last read was held back for want of room: nothing watches `from`
    bool m_closeToFully = false;
    bool m_closedTo = false;
    bool m_cutPending = false; // cutAfterBytes read; cut once they are out
    bool m_cutDone = false;
    bool m_stopped = false;
    bool m_pumping = false;
    bool m_again = false;
};
