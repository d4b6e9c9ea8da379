#include "net/relaydatagrampipe.h"

#include <algorithm>

namespace {
// Rate limit: the bucket holds at most this long's worth of bytes (or one datagram, if that is more), so a pause is
// not followed by a burst.
constexpr qint64 RateBurstMs = 50;
// A socket that could not take a datagram (its send buffer full) is tried again this much later.
constexpr int RetryMs = 1;
} // namespace

RelayDatagramPipe::RelayDatagramPipe(qint64 bound, Callbacks callbacks)
    : m_bound(bound)
    , m_callbacks(std::move(callbacks))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // Precise: a coarse timer may fire 5% late, which would stretch every delay.
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { pump(); });
}

void RelayDatagramPipe::setFaults(const RelayControl::Faults &faults)
{
    m_faults = faults;
    m_tokens = 0;
    m_tokensAtMs = m_clock.elapsed();
    pump();
}

void RelayDatagramPipe::start()
{
    m_started = true;
    pump();
}

void RelayDatagramPipe::push(const QByteArray &datagram)
{
    if (m_stopped)
        return;
    // The common case, no fault and nothing waiting: straight through, no copy, no clock.
    if (m_started && m_queue.empty() && m_faults.delayMs <= 0 && m_faults.rateKiBps <= 0 && m_callbacks.write(datagram))
        return;
    if (m_queued + datagram.size() > m_bound && !m_queue.empty()) {
        if (m_callbacks.overflowed)
            m_callbacks.overflowed(datagram);
        return;
    }
    m_queue.push_back({datagram, m_clock.elapsed() + m_faults.delayMs});
    m_queued += datagram.size();
    pump();
}

void RelayDatagramPipe::pump()
{
    if (m_stopped || !m_started || m_pumping)
        return;
    m_pumping = true;
    while (!m_queue.empty() && !m_stopped) {
        const qint64 now = m_clock.elapsed();
        const Datagram &front = m_queue.front();
        if (m_faults.delayMs > 0 && front.dueMs > now) {
            wakeIn(front.dueMs - now);
            break;
        }
        const auto size = double(front.data.size());
        if (m_faults.rateKiBps > 0) {
            const double perMs = m_faults.rateKiBps * 1024.0 / 1000.0;
            const double cap = std::max({perMs * RateBurstMs, size, 1.0});
            m_tokens = std::min(m_tokens + perMs * double(now - m_tokensAtMs), cap);
            m_tokensAtMs = now;
            if (m_tokens < size) {
                wakeIn(std::max<qint64>(1, qint64((size - m_tokens) / perMs) + 1));
                break;
            }
        }
        if (!m_callbacks.write(front.data)) {
            wakeIn(RetryMs);
            break;
        }
        if (m_faults.rateKiBps > 0)
            m_tokens -= size;
        m_queued -= front.data.size();
        m_queue.pop_front();
    }
    m_pumping = false;
}

void RelayDatagramPipe::wakeIn(qint64 ms)
{
    const int wait = int(std::clamp<qint64>(ms, 0, 24 * 3600 * 1000));
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(wait);
}

void RelayDatagramPipe::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_queue.clear();
    m_queued = 0;
}
