#include "net/relaypipe.h"

#include <QTcpSocket>

#include <algorithm>

namespace {
// Rate limit: the bucket holds at most this long's worth of bytes, so a pause is not followed by a burst.
constexpr qint64 RateBurstMs = 50;
} // namespace

RelayPipe::RelayPipe(QTcpSocket *from, QTcpSocket *to, qint64 bound, Callbacks callbacks)
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
    bool more = false;
    do {
        m_again = false;
        const qint64 read = readSome();
        if (m_stopped)
            break;
        writeSome();
        // Room again while `from` still holds bytes: read them now. Nothing else may wake this pipe: Qt stops reading
        // a socket whose read buffer is full until it is drained, and a flush() inside `to`'s own bytesWritten
        // emission writes without emitting it again.
        more
            = read > 0 && m_from && m_from->bytesAvailable() > 0 && buffered() < m_bound && !m_cutPending && !m_cutDone;
    } while ((m_again || more) && !m_stopped);
    m_pumping = false;
}

qint64 RelayPipe::readSome()
{
    qint64 total = 0;
    while (m_from && !m_cutPending && !m_cutDone) {
        const qint64 available = m_from->bytesAvailable();
        if (available <= 0)
            return total;
        // After the source closed, what Qt still holds is taken whole: it is bounded by the read buffer.
        const qint64 room = m_sourceDone ? available : m_bound - buffered();
        if (room <= 0)
            return total; // back-pressure: bytesWritten on `to` (or a fault's timer) pumps again
        QByteArray data = m_from->read(std::min(available, room));
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
        if (m_to->state() != QAbstractSocket::ConnectedState)
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
        qint64 written = 0;
        if (chunk.offset == 0 && n == chunk.data.size())
            written = m_to->write(chunk.data); // shares the bytes instead of copying them
        else
            written = m_to->write(chunk.data.constData() + chunk.offset, n);
        if (written <= 0)
            return; // the socket failed; its signals end the pair
        if (m_faults.rateKiBps > 0)
            m_tokens -= double(written);
        m_queued -= written;
        chunk.offset += written;
        if (chunk.offset == chunk.data.size())
            m_queue.pop_front();
        if (m_faults.chunkBytes > 0) {
            // Each piece on the wire on its own: without the flush Qt would write the pieces of this turn together.
            m_to->flush();
            m_nextWriteMs = now + m_faults.chunkGapMs;
        }
    }
    if (m_cutPending && !m_cutDone) {
        m_to->flush();
        if (m_to->bytesToWrite() > 0)
            return; // bytesWritten pumps again
        m_cutDone = true;
        m_cutPending = false;
        if (m_callbacks.cut)
            m_callbacks.cut();
        return;
    }
    if (m_sourceDone && !m_closedTo && (!m_from || m_from->bytesAvailable() == 0)) {
        m_closedTo = true;
        // Graceful: Qt writes what it holds, then closes; the other side sees the end of the stream.
        m_to->disconnectFromHost();
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

void RelayPipe::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_queue.clear();
    m_queued = 0;
}
