#pragma once

#include "net/session.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

// What a relay session can do beyond Session (the Relay tab): it listens, and for every accepted connection opens
// an upstream connection to the target; the pair is one peer (its id, its endpoint the client's). Bytes are
// forwarded exactly and in order; what a side sends is reported by forwarded() with that side, so the log shows
// both directions of every pair; faults are set per direction (named by the side that sends) and may change while
// pairs are open.
//
// A QObject of its own (the session's child) so that the recorder can connect to its signals through Session::relay()
// without naming the concrete session.
class RelayControl : public QObject
{
    Q_OBJECT
public:
    enum class Side : quint8 { Client, Target };
    Q_ENUM(Side)
    // Connecting: the upstream connection is not up yet (a datagram relay: its target being looked up);
    // ClientEnded / TargetEnded: that side ended its stream (its FIN, passed on), the other may still send; Closing:
    // a side failed or both ended or the pair is being cut, what is on its way is still forwarded.
    enum class PairState : quint8 { Connecting, Open, ClientEnded, TargetEnded, Closing };
    Q_ENUM(PairState)

    // Off when 0. They act on the bytes one side sends, on their way to the other side.
    struct Faults
    {
        int delayMs = 0; // every chunk read is written this much later
        int rateKiBps = 0; // at most this many KiB per second
        int chunkBytes = 0; // writes of at most this many bytes...
        int chunkGapMs = 0; // ...with this gap between them
        qint64 cutAfterBytes = 0; // after this many bytes in this direction the pair is cut
        bool cutWithReset = false; // cut with a reset (RST) on both connections rather than closing them (FIN)
        int dropPercent = 0; // datagrams only: drop this share of them (0-100), chosen at random

        bool any() const
        {
            return delayMs > 0 || rateKiBps > 0 || chunkBytes > 0 || cutAfterBytes > 0 || dropPercent > 0;
        }
        bool operator==(const Faults &o) const
        {
            return delayMs == o.delayMs && rateKiBps == o.rateKiBps && chunkBytes == o.chunkBytes
                && chunkGapMs == o.chunkGapMs && cutAfterBytes == o.cutAfterBytes && cutWithReset == o.cutWithReset
                && dropPercent == o.dropPercent;
        }
        bool operator!=(const Faults &o) const { return !(*this == o); }
    };

    // What a fault did, or that a direction's faults changed. The log words it in the window's language
    // (app/words/relaytext); a text capture keeps encode()'s machine-readable form.
    struct FaultEvent
    {
        enum class Kind : quint8 {
            Changed, // the direction's faults are now `faults` (pair 0)
            Closed, // cutAfterBytes reached: the pair was closed (FIN) after `bytes`
            Reset, // ...or reset (RST)
            Dropped, // dropPercent took a datagram of `bytes`
            Overflowed // a datagram of `bytes` found its direction's queue full and was dropped
        };
        Kind kind = Kind::Changed;
        Faults faults;
        qint64 bytes = 0;

        // "changed delay=100 rate=0 chunk=16 gap=5 cut=0 reset=0 drop=0", "closed 1024", "dropped 3"...
        QByteArray encode() const;
        static std::optional<FaultEvent> decode(QByteArrayView text);
        bool operator==(const FaultEvent &o) const { return kind == o.kind && faults == o.faults && bytes == o.bytes; }
    };

    // Bytes one direction of a pair may hold (queued by a fault, plus what its destination socket has not written)
    // before the relay stops reading from the sending side (TCP; a UDP relay drops past it): that bounds a pair's
    // memory whatever the speeds.
    static constexpr qint64 DefaultBufferBound = 1024 * 1024;

    using QObject::QObject;

    virtual QString targetHost() const = 0;
    virtual quint16 targetPort() const = 0;

    virtual void setFaults(Side from, const Faults &faults) = 0;
    virtual Faults faults(Side from) const = 0;
    virtual void setBufferBound(qint64 bytes) = 0;
    virtual qint64 bufferBound() const = 0;

    // Sends data to the given side of the given pairs (empty: every pair whose upstream is connected), behind what
    // is already on its way there (and through that direction's faults). Returns the number of pairs.
    virtual int inject(Side to, const QByteArray &data, const QList<PeerId> &pairs = {}) = 0;
    // Our end of the pair's upstream connection ("127.0.0.1:40512"); empty until it is connected.
    virtual QString upstreamEndpoint(PeerId pair) const = 0;
    // What the pair holds in the relay, both directions: what Qt has read and the relay not yet forwarded, fault
    // queues, and what the sockets have not written yet.
    virtual qint64 bufferedBytes(PeerId pair) const = 0;
    virtual PairState pairState(PeerId pair) const = 0;

    // Datagram relays: a pair nobody has sent on for this long is forgotten (its upstream socket closed); the next
    // datagram from that client makes a new pair. 0: never. A stream relay's pairs end when a side closes.
    virtual void setPairExpiryMs(qint64 ms) { Q_UNUSED(ms); }
    virtual qint64 pairExpiryMs() const { return 0; }
    // Datagram relays: which datagrams dropPercent drops follows from this seed, so that a run can be repeated
    // (tests); until it is set, from a random one. Per direction, the generator restarts when the faults change.
    virtual void setDropSeed(quint32 seed) { Q_UNUSED(seed); }

    // 0 for the client, 1 for the target: per-direction arrays are indexed by the sending side.
    static int sideIndex(Side side) { return side == Side::Client ? 0 : 1; }

Q_SIGNALS:
    // The pair's upstream connection is established: from our upstreamLocal to the target.
    void upstreamConnected(PeerId pair, const QString &upstreamLocal, const QString &target);
    // What one side sent, as read (before any fault acts on it).
    void forwarded(PeerId pair, RelayControl::Side from, const QByteArray &data);
    // Injected bytes, queued towards that side.
    void injected(PeerId pair, RelayControl::Side to, const QByteArray &data);
    // One side of a TCP pair ended its stream (its FIN); the end is passed on once what it sent is forwarded.
    void sideEnded(PeerId pair, RelayControl::Side side);
    // A fault acted, or the faults of a direction changed (pair 0).
    void faultEvent(PeerId pair, RelayControl::Side from, const RelayControl::FaultEvent &event);
};

Q_DECLARE_METATYPE(RelayControl::FaultEvent)
