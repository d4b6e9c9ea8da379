#include "log/transcript.h"

#include <QDateTime>

namespace {

quint64 streamKey(quint32 peer, Direction direction, quint8 flags)
{
    // A relay's two directions are both RX of the same pair: the target side is a stream of its own.
    const quint64 side = (flags & Record::TargetSide) ? 0x80 : 0;
    return (quint64(peer) << 8) | side | quint64(direction);
}

} // namespace

Transcript::Transcript(QObject *parent)
    : QObject(parent)
{
    m_peerNames.append(QString());
}

void Transcript::setByteBudget(qint64 bytes)
{
    m_budget = qMax<qint64>(0, bytes);
    enforceBudget();
}

qint64 Transcript::appendData(
    Direction direction, const QString &peer, const QByteArray &data, qint64 timeMs, const QString &local, quint8 flags)
{
    Q_ASSERT(direction != Direction::Event);
    Record record;
    record.timeMs = timeMs < 0 ? QDateTime::currentMSecsSinceEpoch() : timeMs;
    record.peer = internPeer(peer);
    record.local = internPeer(local);
    record.flags = flags;
    record.direction = direction;
    record.data = data;

    StreamTail &tail = m_streams[streamKey(record.peer, direction, flags)];
    record.prevInStream = tail.lastSeq;
    record.streamOffset = tail.bytes;
    tail.lastSeq = nextSeq();
    tail.bytes += data.size();

    if (direction == Direction::Rx) {
        m_counters.rxBytes += data.size();
        ++m_counters.rxMessages;
    } else {
        m_counters.txBytes += data.size();
        ++m_counters.txMessages;
    }
    const qint64 seq = append(std::move(record));
    Q_EMIT countersChanged();
    Q_EMIT appended(seq);
    return seq;
}

qint64 Transcript::appendEvent(
    EventKind kind, const QString &peer, const QString &detail, qint64 timeMs, const QString &local, quint8 flags)
{
    Record record;
    record.timeMs = timeMs < 0 ? QDateTime::currentMSecsSinceEpoch() : timeMs;
    record.peer = internPeer(peer);
    record.local = internPeer(local);
    record.direction = Direction::Event;
    record.event = kind;
    record.flags = flags;
    record.data = detail.toUtf8();
    const qint64 seq = append(std::move(record));
    Q_EMIT appended(seq);
    return seq;
}

qint64 Transcript::appendError(const QString &peer, const SessionError &error, qint64 timeMs)
{
    Record record;
    record.timeMs = timeMs < 0 ? QDateTime::currentMSecsSinceEpoch() : timeMs;
    record.peer = internPeer(peer);
    record.direction = Direction::Event;
    record.event = EventKind::Error;
    record.error = error.kind;
    record.data = error.detail.toUtf8();
    const qint64 seq = append(std::move(record));
    Q_EMIT appended(seq);
    return seq;
}

// Stores the record and trims to the budget; the caller emits appended() once the transcript is consistent.
qint64 Transcript::append(Record record)
{
    const qint64 seq = nextSeq();
    record.seq = seq;
    m_stored += record.data.size() + RecordOverhead;
    m_records.push_back(std::move(record));
    enforceBudget();
    return seq;
}

const Record *Transcript::bySeq(qint64 seq) const
{
    const qint64 index = seq - m_firstSeq;
    if (index < 0 || index >= qint64(m_records.size()))
        return nullptr;
    return &m_records[size_t(index)];
}

QString Transcript::peerName(quint32 peer) const
{
    return peer < quint32(m_peerNames.size()) ? m_peerNames.at(peer) : QString();
}

quint32 Transcript::peerIndex(const QString &name) const
{
    return name.isEmpty() ? 0 : m_peerIndex.value(name, 0);
}

quint32 Transcript::internPeer(const QString &name)
{
    if (name.isEmpty())
        return 0;
    const auto it = m_peerIndex.constFind(name);
    if (it != m_peerIndex.constEnd())
        return it.value();
    const auto index = quint32(m_peerNames.size());
    m_peerNames.append(name);
    m_peerIndex.insert(name, index);
    return index;
}

// The newest record always stays, even when it alone exceeds the budget: a log that shows nothing helps nobody.
void Transcript::enforceBudget()
{
    qsizetype dropped = 0;
    while (m_stored > m_budget && m_records.size() > 1) {
        const qint64 bytes = m_records.front().data.size();
        m_stored -= bytes + RecordOverhead;
        m_droppedBytes += bytes;
        ++m_droppedRecords;
        ++dropped;
        m_records.pop_front();
        ++m_firstSeq;
    }
    if (dropped > 0)
        Q_EMIT droppedFront(dropped);
}

void Transcript::resetCounters()
{
    m_counters = Counters();
    Q_EMIT countersChanged();
}

// Streams keep their tails so that offsets (and with them UTF-16 alignment) stay true across a clear.
void Transcript::clear()
{
    m_firstSeq = nextSeq();
    m_records.clear();
    m_stored = 0;
    m_droppedRecords = 0;
    m_droppedBytes = 0;
    Q_EMIT cleared();
}
