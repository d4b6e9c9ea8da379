#pragma once

#include "log/record.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>

// The log model: records of raw bytes under a byte budget. When the budget is exceeded the oldest whole records are
// dropped and counted; the RX/TX counters always count everything that passed, dropped or not.
class Transcript : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultByteBudget = 64 * 1024 * 1024;
    // Bookkeeping cost charged per record on top of its bytes, so a flood of tiny records also stays bounded.
    static constexpr qint64 RecordOverhead = 96;

    struct Counters
    {
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
        qint64 rxMessages = 0;
        qint64 txMessages = 0;
    };

    explicit Transcript(QObject *parent = nullptr);

    void setByteBudget(qint64 bytes); // drops at once if the new budget is smaller
    qint64 byteBudget() const { return m_budget; }

    // peer and local are formatted endpoints ("127.0.0.1:5000") or empty (see Record::local). Returns the new
    // record's seq.
    qint64 appendData(Direction direction, const QString &peer, const QByteArray &data, qint64 timeMs = -1,
        const QString &local = {}, quint8 flags = 0);
    // local: our end of a connection, for Connected / Disconnected (so a pcap capture can write both ends).
    qint64 appendEvent(EventKind kind, const QString &peer, const QString &detail = {}, qint64 timeMs = -1,
        const QString &local = {}, quint8 flags = 0);
    // An Error event: the kind for the UI's words, the library's own text as its detail.
    qint64 appendError(const QString &peer, const SessionError &error, qint64 timeMs = -1);

    qsizetype size() const { return qsizetype(m_records.size()); }
    bool isEmpty() const { return m_records.empty(); }
    const Record &at(qsizetype index) const { return m_records[size_t(index)]; }
    qint64 firstSeq() const { return m_firstSeq; } // seq of at(0) (== nextSeq when empty)
    qint64 nextSeq() const { return m_firstSeq + size(); }
    // The record with this seq, or nullptr when it was dropped or does not exist yet.
    const Record *bySeq(qint64 seq) const;

    QString peerName(quint32 peer) const; // also for Record::local
    quint32 peerIndex(const QString &name) const; // 0 when unknown

    qint64 storedBytes() const { return m_stored; } // data bytes + RecordOverhead per record
    qint64 droppedRecords() const { return m_droppedRecords; }
    qint64 droppedBytes() const { return m_droppedBytes; }

    Counters counters() const { return m_counters; }
    void resetCounters();
    void clear(); // forgets every record (and the dropped counts); counters stay until resetCounters()

Q_SIGNALS:
    void appended(qint64 seq); // emitted last, after any droppedFront() the same append caused
    void droppedFront(qsizetype count); // the first count records were removed
    void cleared();
    void countersChanged(); // after every RX/TX append and after resetCounters()

private:
    qint64 append(Record record);
    quint32 internPeer(const QString &name);
    void enforceBudget();

    std::deque<Record> m_records;
    qint64 m_firstSeq = 0;
    qint64 m_budget = DefaultByteBudget;
    qint64 m_stored = 0;
    qint64 m_droppedRecords = 0;
    qint64 m_droppedBytes = 0;
    Counters m_counters;
    QStringList m_peerNames; // index 0 is the empty name
    QHash<QString, quint32> m_peerIndex;
    struct StreamTail
    {
        qint64 lastSeq = -1;
        qint64 bytes = 0;
    };
    QHash<quint64, StreamTail> m_streams; // key: peer << 8 | direction
};
