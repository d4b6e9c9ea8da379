#include "log/framer.h"

#include <algorithm>

bool Framer::Config::operator==(const Config &o) const
{
    return mode == o.mode && gapMs == o.gapMs && delimiter == o.delimiter && keepDelimiter == o.keepDelimiter
        && length == o.length && maxFrameBytes == o.maxFrameBytes;
}

Framer::Framer(const Config &config)
    : m_config(config)
{ }

void Framer::setConfig(const Config &config)
{
    m_config = config;
    m_pending.clear();
}

qsizetype Framer::effectiveMax() const
{
    return std::max(1, m_config.maxFrameBytes);
}

void Framer::emitFrame(QList<Frame> *out, QByteArrayView data, qsizetype begin, qsizetype end, qsizetype oldPendingSize,
    qint64 nowMs) const
{
    if (end <= begin)
        return;
    out->append(
        Frame {data.sliced(begin, end - begin).toByteArray(), begin < oldPendingSize ? m_pendingFirstMs : nowMs});
}

void Framer::cutWhole(QList<Frame> *out, QByteArrayView data, qsizetype *start, qsizetype frameSize,
    qsizetype oldPendingSize, qint64 nowMs) const
{
    while (data.size() - *start >= frameSize) {
        emitFrame(out, data, *start, *start + frameSize, oldPendingSize, nowMs);
        *start += frameSize;
    }
}

void Framer::splitDelimited(
    QList<Frame> *out, QByteArrayView data, qsizetype *start, qsizetype oldPendingSize, qint64 nowMs) const
{
    const QByteArrayView delimiter(m_config.delimiter);
    const qsizetype d = delimiter.size();
    const qsizetype max = effectiveMax();
    // The old pending bytes hold no complete delimiter, but one may begin in their last d-1 bytes.
    qsizetype searchFrom = std::max<qsizetype>(*start, oldPendingSize - (d - 1));
    qsizetype found = -1;
    bool searched = false;
    for (;;) {
        // A delimiter found before a size cut is still the next one after it, unless the cut went past its start:
        // re-searching every time would rescan a long run once per cut.
        if (!searched || (found >= 0 && found < searchFrom)) {
            found = data.indexOf(delimiter, searchFrom);
            searched = true;
        }
        if (found < 0)
            break;
        const qsizetype end = found + d;
        if (end - *start > max) {
            emitFrame(out, data, *start, *start + max, oldPendingSize, nowMs);
            *start += max;
            searchFrom = *start;
            continue;
        }
        emitFrame(out, data, *start, m_config.keepDelimiter ? end : found, oldPendingSize, nowMs);
        *start = end;
        searchFrom = end;
        searched = false;
    }
    cutWhole(out, data, start, max, oldPendingSize, nowMs);
}

QList<Framer::Frame> Framer::feed(QByteArrayView chunk, qint64 nowMs)
{
    QList<Frame> frames;
    if (m_config.mode == Mode::IdleGap)
        frames = expire(nowMs);
    if (chunk.isEmpty())
        return frames;

    Mode mode = m_config.mode;
    if (mode == Mode::Delimiter && m_config.delimiter.isEmpty())
        mode = Mode::PerRead;

    // With nothing pending the chunk is split in place; otherwise it joins the pending bytes once, and every frame
    // is one copy out of that buffer, so a big chunk of many frames costs linear time.
    const qsizetype oldSize = m_pending.size();
    const bool inPending = oldSize > 0;
    if (inPending)
        m_pending.append(chunk.data(), chunk.size());
    const QByteArrayView data = inPending ? QByteArrayView(m_pending) : chunk;

    qsizetype start = 0;
    switch (mode) {
    case Mode::PerRead:
        cutWhole(&frames, data, &start, effectiveMax(), oldSize, nowMs);
        emitFrame(&frames, data, start, data.size(), oldSize, nowMs);
        start = data.size();
        break;
    case Mode::IdleGap:
        cutWhole(&frames, data, &start, effectiveMax(), oldSize, nowMs);
        break;
    case Mode::FixedLength:
        cutWhole(
            &frames, data, &start, std::min<qsizetype>(std::max(1, m_config.length), effectiveMax()), oldSize, nowMs);
        break;
    case Mode::Delimiter:
        splitDelimited(&frames, data, &start, oldSize, nowMs);
        break;
    }

    if (start >= oldSize)
        m_pendingFirstMs = nowMs;
    if (inPending) {
        if (start > 0)
            m_pending = m_pending.sliced(start); // also lets a big joined buffer go
    } else {
        m_pending = chunk.sliced(start).toByteArray();
    }
    m_lastByteMs = nowMs;
    return frames;
}

QList<Framer::Frame> Framer::expire(qint64 nowMs)
{
    if (m_config.mode != Mode::IdleGap || m_pending.isEmpty() || nowMs - m_lastByteMs < std::max(0, m_config.gapMs))
        return {};
    return {flush()};
}

qint64 Framer::nextDeadlineMs() const
{
    if (m_config.mode != Mode::IdleGap || m_pending.isEmpty())
        return -1;
    return m_lastByteMs + std::max(0, m_config.gapMs);
}

Framer::Frame Framer::flush()
{
    if (m_pending.isEmpty())
        return {};
    Frame frame {std::move(m_pending), m_pendingFirstMs};
    m_pending = QByteArray();
    return frame;
}

QByteArray Framer::id(Mode mode)
{
    switch (mode) {
    case Mode::PerRead:
        return "per-read";
    case Mode::IdleGap:
        return "idle-gap";
    case Mode::Delimiter:
        return "delimiter";
    case Mode::FixedLength:
        return "fixed-length";
    }
    return "per-read";
}

Framer::Mode Framer::fromId(QByteArrayView id)
{
    for (Mode mode : {Mode::IdleGap, Mode::Delimiter, Mode::FixedLength}) {
        if (id == Framer::id(mode))
            return mode;
    }
    return Mode::PerRead;
}
