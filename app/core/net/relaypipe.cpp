#include "net/relaypipe.h"

#include "net/socketlimits.h"
#include "net/streamchannel.h"

#include <algorithm>

namespace {
// Rate limit: the bucket holds at most this long's worth of bytes, so a pause is not followed by a burst.
constexpr qint64 RateBurstMs = 50;
// What one pump reads at most before it lets the event loop turn.
constexpr qint64 PumpBudgetBytes = 4 * SocketLimits::ReadChunkBytes;
} // namespace

RelayPipe::RelayPipe(StreamChannel *from, StreamChannel *to, qint64 bound, Callbacks callbacks)
    : m_from(from)
    , m_to(to)
    , m_bound(bound)
    , m_callbacks(std::move(callbacks))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // Precise: a coarse timer may fire 5% late, which would stretch every delay and gap.
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { pump(); });
}

void RelayPipe::setFaults(const RelayControl::Faults &faults)
{
    m_faults = faults;
    m_tokens = 0;
    m_tokensAtMs = m_clock.elapsed();
    m_nextWriteMs = 0;
    if (m_faults.cutAfterBytes > 0 && m_forwarded >= m_faults.cutAfterBytes && !m_cutDone)
        m_cutPending = true; // already past it: cut now
    pump();
}

void RelayPipe::start()
{
    m_started = true;
    pump();
}

qint64 RelayPipe::buffered() const
{
    return m_queued + (m_to ? m_to->bytesToWrite() : 0);
}

void RelayPipe::pump()
{
    if (m_stopped || !m_started)
        return;
    // A callback may lead back here (a slot of forwarded() injecting); the loop below picks that up.
    if (m_pumping) {
        m_again = true;
        return;
    }
    m_pumping = true;
    // Writes reach the kernel at once, so a fast sender could keep this loop going for as long as it sends: past
    // the budget the rest waits for the next turn, and the window (and the other pairs) get theirs.
    qint64 budget = PumpBudgetBytes;
    bool more = false;
    do {
        m_again = false;
        budget -= readSome(budget);
        if (m_stopped)
            break;
        writeSome();
        // Reading stopped for want of room and there is room again: read on now. Nothing else would wake this pipe:
        // `from` is not watched again until a read finds nothing.
        more = m_readHeld && m_from && buffered() < m_bound && !m_cutPending && !m_cutDone && budget > 0;
    } while ((m_again || more) && !m_stopped);
    m_pumping = false;
    if (budget <= 0 && !m_stopped)
        wakeIn(0);
}

qint64 RelayPipe::readSome(qint64 budget)
{
    qint64 total = 0;
    while (m_from && !m_cutPending && !m_cutDone) {
        const qint64 room = m_bound - buffered();
        m_readHeld = room <= 0;
        if (m_readHeld)
            return total; // back-pressure: bytesWritten on `to` (or a fault's timer) pumps again
        if (total >= budget)
            return total; // the rest on the next turn (pump)
        // A read that finds nothing has `from` watched again; one that finds the end has it say so.
        QByteArray data = m_from->read(std::min({room, budget - total, SocketLimits::ReadChunkBytes}));
        if (data.isEmpty())
            return total;
        total += data.size();
        if (m_faults.cutAfterBytes > 0 && m_forwarded + data.size() >= m_faults.cutAfterBytes) {
            data.truncate(qsizetype(m_faults.cutAfterBytes - m_forwarded));
            m_cutPending = true;
        }
        m_forwarded += data.size();
        if (!data.isEmpty()) {
            if (m_callbacks.forwarded)
                m_callbacks.forwarded(data);
            if (m_stopped)
                return total;
            enqueue(data);
        }
    }
    return total;
}

void RelayPipe::inject(const QByteArray &data)
{
    if (m_stopped || data.isEmpty())
        return;
    enqueue(data);
    pump();
}

void RelayPipe::enqueue(const QByteArray &data)
{
    m_queue.push_back({data, m_clock.elapsed() + m_faults.delayMs, 0});
    m_queued += data.size();
}

void RelayPipe::writeSome()
{
    if (!m_to)
        return;
    while (!m_queue.empty()) {
        if (!m_to->canWrite())
            return;
        const qint64 now = m_clock.elapsed();
        Chunk &chunk = m_queue.front();
        if (m_faults.delayMs > 0 && chunk.dueMs > now)
            return wakeIn(chunk.dueMs - now);
        if (m_faults.chunkBytes > 0 && m_nextWriteMs > now)
            return wakeIn(m_nextWriteMs - now);
        qint64 n = chunk.data.size() - chunk.offset;
        if (m_faults.chunkBytes > 0)
            n = std::min<qint64>(n, m_faults.chunkBytes);
        if (m_faults.rateKiBps > 0) {
            const double perMs = m_faults.rateKiBps * 1024.0 / 1000.0;
            m_tokens = std::min(m_tokens + perMs * double(now - m_tokensAtMs), std::max(perMs * RateBurstMs, 1.0));
            m_tokensAtMs = now;
            if (m_tokens < 1.0)
                return wakeIn(std::max<qint64>(1, qint64((1.0 - m_tokens) / perMs) + 1));
            n = std::min<qint64>(n, qint64(m_tokens));
        }
        // To the kernel at once: each piece of a split goes on the wire on its own.
        if (!m_to->write(chunk.data.constData() + chunk.offset, n))
            return; // the socket failed; its signals end the pair
        if (m_faults.rateKiBps > 0)
            m_tokens -= double(n);
        m_queued -= n;
        chunk.offset += n;
        if (chunk.offset == chunk.data.size())
            m_queue.pop_front();
        if (m_faults.chunkBytes > 0)
            m_nextWriteMs = now + m_faults.chunkGapMs;
    }
    if (m_cutPending && !m_cutDone) {
        if (m_to->bytesToWrite() > 0)
            return; // bytesWritten pumps again
        m_cutDone = true;
        m_cutPending = false;
        if (m_callbacks.cut)
            m_callbacks.cut();
        return;
    }
    if (m_sourceDone && !m_closedTo && m_queue.empty()) {
        m_closedTo = true;
        // After what waits in `to`: the other side reads the end of the stream and may still answer (unless the
        // source failed: nobody is left to answer).
        if (m_closeToFully)
            m_to->closeAfterWrites();
        else
            m_to->shutdownWrite();
    }
}

void RelayPipe::wakeIn(qint64 ms)
{
    const int wait = int(std::clamp<qint64>(ms, 0, 24 * 3600 * 1000));
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(wait);
}

void RelayPipe::sourceFinished()
{
    m_sourceDone = true;
    pump();
}

void RelayPipe::sourceFailed()
{
    m_closeToFully = true;
    if (m_closedTo && m_to && !m_stopped) {
        // `to` was shut for writing by the source's FIN before: it must now be closed both ways, or nobody would read
        // it again and the pair would never end.
        m_to->closeAfterWrites();
        return;
    }
    sourceFinished();
}

void RelayPipe::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_queue.clear();
    m_queued = 0;
}
