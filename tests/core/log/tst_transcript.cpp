#include "log/transcript.h"

#include <QSignalSpy>
#include <QTest>

class tst_Transcript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seqIsConsecutiveFromZero();
    void timeDefaultsToNow();
    void recordFields();
    void peerNames();
    void appendError();
    void countersCountEveryDataRecord();
    void countersSurviveDropsAndClear();
    void resetCounters();
    void streamsAcrossTwoPeers();
    void budgetNeverExceeded_data();
    void budgetNeverExceeded();
    void budgetDropsOldestWholeRecords();
    void budgetKeepsNewestRecordEvenIfTooBig();
    void smallerBudgetDropsAtOnce();
    void clearForgetsRecordsButSeqContinues();
    void bySeq();
    void manyTinyRecords();
};

void tst_Transcript::seqIsConsecutiveFromZero()
{
    Transcript t;
    QSignalSpy spy(&t, &Transcript::appended);
    QCOMPARE(t.firstSeq(), 0);
    QCOMPARE(t.nextSeq(), 0);
    QCOMPARE(t.appendData(Direction::Rx, "a:1", "x"), 0);
    QCOMPARE(t.appendEvent(EventKind::Connected, "a:1"), 1);
    QCOMPARE(t.appendData(Direction::Tx, "a:1", "y"), 2);
    QCOMPARE(t.size(), 3);
    for (qsizetype i = 0; i < t.size(); ++i)
        QCOMPARE(t.at(i).seq, i);
    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy.at(0).at(0).toLongLong(), 0);
    QCOMPARE(spy.at(1).at(0).toLongLong(), 1);
    QCOMPARE(spy.at(2).at(0).toLongLong(), 2);
    QCOMPARE(t.nextSeq(), 3);
}

void tst_Transcript::timeDefaultsToNow()
{
    Transcript t;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    t.appendData(Direction::Rx, {}, "x");
    t.appendEvent(EventKind::Note, {}, "n");
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(t.at(0).timeMs >= before && t.at(0).timeMs <= after);
    QVERIFY(t.at(1).timeMs >= before && t.at(1).timeMs <= after);
    t.appendData(Direction::Rx, {}, "x", 1234);
    QCOMPARE(t.at(2).timeMs, 1234);
}

void tst_Transcript::recordFields()
{
    Transcript t;
    t.appendData(Direction::Tx, "127.0.0.1:5000", QByteArray("\x00\xff", 2), 10);
    t.appendEvent(EventKind::Error, "127.0.0.1:5000", QString::fromUtf8("Connexion refusée"), 20);
    const Record &data = t.at(0);
    QCOMPARE(data.direction, Direction::Tx);
    QCOMPARE(data.event, EventKind::None);
    QCOMPARE(data.data, QByteArray("\x00\xff", 2));
    QCOMPARE(t.peerName(data.peer), QStringLiteral("127.0.0.1:5000"));
    const Record &event = t.at(1);
    QCOMPARE(event.direction, Direction::Event);
    QCOMPARE(event.event, EventKind::Error);
    QCOMPARE(event.data,
        QByteArray("Connexion refus\xc3\xa9"
                   "e"));
    QCOMPARE(event.prevInStream, -1);
    QCOMPARE(event.streamOffset, 0);
    QCOMPARE(event.peer, data.peer);
}

void tst_Transcript::peerNames()
{
    Transcript t;
    QCOMPARE(t.peerIndex("a:1"), 0u);
    t.appendData(Direction::Rx, {}, "x");
    t.appendData(Direction::Rx, "a:1", "x");
    t.appendData(Direction::Rx, "b:2", "x");
    t.appendData(Direction::Rx, "a:1", "x");
    QCOMPARE(t.at(0).peer, 0u);
    QCOMPARE(t.at(1).peer, 1u);
    QCOMPARE(t.at(2).peer, 2u);
    QCOMPARE(t.at(3).peer, 1u);
    QCOMPARE(t.peerIndex("a:1"), 1u);
    QCOMPARE(t.peerIndex("b:2"), 2u);
    QCOMPARE(t.peerIndex({}), 0u);
    QCOMPARE(t.peerName(0), QString());
    QCOMPARE(t.peerName(2), QStringLiteral("b:2"));
    QCOMPARE(t.peerName(99), QString());
}

void tst_Transcript::appendError()
{
    Transcript t;
    QSignalSpy spy(&t, &Transcript::appended);
    QCOMPARE(t.appendError("a:1", {SessionError::Kind::TimedOut, "Socket operation timed out"}, 77), 0);
    QCOMPARE(spy.size(), 1);
    const Record &r = t.at(0);
    QCOMPARE(r.direction, Direction::Event);
    QCOMPARE(r.event, EventKind::Error);
    QCOMPARE(r.error, SessionError::Kind::TimedOut);
    QCOMPARE(r.data, QByteArray("Socket operation timed out"));
    QCOMPARE(r.timeMs, 77);
    QCOMPARE(t.peerName(r.peer), QStringLiteral("a:1"));
    t.appendEvent(EventKind::Error, {}, "x");
    QCOMPARE(t.at(1).error, SessionError::Kind::None);
    QCOMPARE(t.counters().rxMessages + t.counters().txMessages, 0);
}

void tst_Transcript::countersCountEveryDataRecord()
{
    Transcript t;
    QSignalSpy spy(&t, &Transcript::countersChanged);
    t.appendData(Direction::Rx, "a:1", "hello");
    t.appendData(Direction::Rx, "b:2", "");
    t.appendData(Direction::Tx, "a:1", "abc");
    t.appendEvent(EventKind::Connected, "a:1", "detail text");
    const Transcript::Counters c = t.counters();
    QCOMPARE(c.rxBytes, 5);
    QCOMPARE(c.rxMessages, 2);
    QCOMPARE(c.txBytes, 3);
    QCOMPARE(c.txMessages, 1);
    QCOMPARE(spy.size(), 3); // events do not change counters
    QCOMPARE(t.storedBytes(), 5 + 0 + 3 + 11 + 4 * Transcript::RecordOverhead);
}

void tst_Transcript::countersSurviveDropsAndClear()
{
    Transcript t;
    t.setByteBudget(2 * (Transcript::RecordOverhead + 100));
    for (int i = 0; i < 10; ++i)
        t.appendData(i % 2 ? Direction::Tx : Direction::Rx, "a:1", QByteArray(100, 'x'));
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.droppedRecords(), 8);
    QCOMPARE(t.droppedBytes(), 800);
    QCOMPARE(t.counters().rxBytes, 500);
    QCOMPARE(t.counters().txBytes, 500);
    QCOMPARE(t.counters().rxMessages, 5);
    QCOMPARE(t.counters().txMessages, 5);
    t.clear();
    QCOMPARE(t.counters().rxBytes, 500);
    QCOMPARE(t.counters().txMessages, 5);
    QCOMPARE(t.droppedRecords(), 0);
    QCOMPARE(t.droppedBytes(), 0);
}

void tst_Transcript::resetCounters()
{
    Transcript t;
    t.appendData(Direction::Rx, "a:1", "hello");
    t.appendData(Direction::Tx, "a:1", "hi");
    QSignalSpy spy(&t, &Transcript::countersChanged);
    t.resetCounters();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(t.counters().rxBytes, 0);
    QCOMPARE(t.counters().txBytes, 0);
    QCOMPARE(t.counters().rxMessages, 0);
    QCOMPARE(t.counters().txMessages, 0);
    QCOMPARE(t.size(), 2); // records stay
    t.appendData(Direction::Rx, "a:1", "abc");
    QCOMPARE(t.counters().rxBytes, 3);
    QCOMPARE(t.counters().rxMessages, 1);
}

void tst_Transcript::streamsAcrossTwoPeers()
{
    Transcript t;
    t.appendData(Direction::Rx, "a:1", "aaa"); // 0
    t.appendData(Direction::Rx, "b:2", "bb"); // 1
    t.appendEvent(EventKind::Note, "a:1", "n"); // 2
    t.appendData(Direction::Tx, "a:1", "t"); // 3
    t.appendData(Direction::Rx, "a:1", "aaaa"); // 4
    t.appendData(Direction::Rx, "b:2", "b"); // 5
    t.appendData(Direction::Rx, "a:1", "a"); // 6
    t.appendData(Direction::Tx, "a:1", "tt"); // 7

    const struct
    {
        qint64 prev;
        qint64 offset;
    } expected[] = {{-1, 0}, {-1, 0}, {-1, 0}, {-1, 0}, {0, 3}, {1, 2}, {4, 7}, {3, 1}};
    for (qsizetype i = 0; i < t.size(); ++i) {
        QCOMPARE(t.at(i).prevInStream, expected[i].prev);
        QCOMPARE(t.at(i).streamOffset, expected[i].offset);
    }
}

void tst_Transcript::budgetNeverExceeded_data()
{
    QTest::addColumn<qint64>("budget");
    QTest::addColumn<int>("maxSize");
    QTest::newRow("tiny records") << qint64(1000) << 5;
    QTest::newRow("mixed") << qint64(4096) << 700;
    QTest::newRow("large records") << qint64(64 * 1024) << 20000;
}

void tst_Transcript::budgetNeverExceeded()
{
    QFETCH(qint64, budget);
    QFETCH(int, maxSize);
    Transcript t;
    t.setByteBudget(budget);
    qint64 expectedDropped = 0;
    quint32 rng = 12345;
    for (int i = 0; i < 2000; ++i) {
        rng = rng * 1103515245u + 12345u;
        const int n = int((rng >> 8) % quint32(maxSize + 1));
        const qsizetype before = t.size();
        QSignalSpy spy(&t, &Transcript::droppedFront);
        if (i % 7 == 3)
            t.appendEvent(EventKind::Note, "p:1", QString(n, 'e'));
        else
            t.appendData(i % 3 ? Direction::Rx : Direction::Tx, "p:1", QByteArray(n, 'x'));
        QVERIFY(t.storedBytes() <= budget || t.size() == 1);
        qint64 sum = 0;
        for (qsizetype k = 0; k < t.size(); ++k)
            sum += t.at(k).data.size() + Transcript::RecordOverhead;
        QCOMPARE(t.storedBytes(), sum);
        const qsizetype dropped = before + 1 - t.size();
        if (dropped > 0) {
            QCOMPARE(spy.size(), 1);
            QCOMPARE(spy.at(0).at(0).value<qsizetype>(), dropped);
        } else {
            QCOMPARE(spy.size(), 0);
        }
        expectedDropped += dropped;
        QCOMPARE(t.firstSeq() + t.size(), qint64(i + 1));
        QCOMPARE(t.at(t.size() - 1).seq, qint64(i));
    }
    QCOMPARE(t.droppedRecords(), expectedDropped);
    QVERIFY(expectedDropped > 0);
}

void tst_Transcript::budgetDropsOldestWholeRecords()
{
    Transcript t;
    const qint64 o = Transcript::RecordOverhead;
    t.setByteBudget(3 * o + 30);
    t.appendData(Direction::Rx, "a:1", QByteArray(10, 'a'));
    t.appendData(Direction::Rx, "a:1", QByteArray(10, 'b'));
    t.appendData(Direction::Rx, "a:1", QByteArray(10, 'c'));
    QCOMPARE(t.size(), 3);
    QSignalSpy dropped(&t, &Transcript::droppedFront);
    QSignalSpy appended(&t, &Transcript::appended);
    t.appendData(Direction::Rx, "a:1", QByteArray(25, 'd')); // needs a + b gone
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).value<qsizetype>(), 2);
    QCOMPARE(appended.size(), 1);
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.firstSeq(), 2);
    QCOMPARE(t.at(0).data, QByteArray(10, 'c'));
    QCOMPARE(t.at(1).data, QByteArray(25, 'd'));
    QCOMPARE(t.droppedRecords(), 2);
    QCOMPARE(t.droppedBytes(), 20);
    QCOMPARE(t.storedBytes(), 2 * o + 35);
    // The stream chain still names the dropped record; bySeq says it is gone.
    QCOMPARE(t.at(0).prevInStream, 1);
    QCOMPARE(t.bySeq(1), nullptr);
    QCOMPARE(t.at(1).streamOffset, 30);
}

void tst_Transcript::budgetKeepsNewestRecordEvenIfTooBig()
{
    Transcript t;
    t.setByteBudget(100);
    t.appendData(Direction::Rx, {}, "small");
    t.appendData(Direction::Rx, {}, QByteArray(1000, 'x'));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.at(0).seq, 1);
    QCOMPARE(t.droppedRecords(), 1);
}

void tst_Transcript::smallerBudgetDropsAtOnce()
{
    Transcript t;
    for (int i = 0; i < 10; ++i)
        t.appendData(Direction::Rx, {}, QByteArray(4, 'x'));
    QSignalSpy spy(&t, &Transcript::droppedFront);
    t.setByteBudget(3 * (Transcript::RecordOverhead + 4));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<qsizetype>(), 7);
    QCOMPARE(t.size(), 3);
    QCOMPARE(t.firstSeq(), 7);
    QCOMPARE(t.byteBudget(), 3 * (Transcript::RecordOverhead + 4));
}

void tst_Transcript::clearForgetsRecordsButSeqContinues()
{
    Transcript t;
    t.appendData(Direction::Rx, "a:1", "abc");
    t.appendData(Direction::Rx, "a:1", "de");
    QSignalSpy spy(&t, &Transcript::cleared);
    t.clear();
    QCOMPARE(spy.size(), 1);
    QVERIFY(t.isEmpty());
    QCOMPARE(t.storedBytes(), 0);
    QCOMPARE(t.firstSeq(), 2);
    QCOMPARE(t.nextSeq(), 2);
    QCOMPARE(t.bySeq(0), nullptr);
    QCOMPARE(t.appendData(Direction::Rx, "a:1", "f"), 2);
    QCOMPARE(t.firstSeq(), 2);
    QCOMPARE(t.at(0).seq, 2);
    QCOMPARE(t.at(0).prevInStream, 1);
    QCOMPARE(t.at(0).streamOffset, 5);
}

void tst_Transcript::bySeq()
{
    Transcript t;
    QCOMPARE(t.bySeq(0), nullptr);
    t.appendData(Direction::Rx, {}, "a");
    t.appendData(Direction::Rx, {}, "b");
    QVERIFY(t.bySeq(1));
    QCOMPARE(t.bySeq(1)->data, QByteArray("b"));
    QCOMPARE(t.bySeq(2), nullptr);
    QCOMPARE(t.bySeq(-1), nullptr);
}

void tst_Transcript::manyTinyRecords()
{
    // A flood of 64-byte reads under a small budget: stays bounded by record count too.
    Transcript t;
    t.setByteBudget(1024 * 1024);
    const QByteArray chunk(64, 'z');
    for (int i = 0; i < 200000; ++i)
        t.appendData(Direction::Rx, "flood:1", chunk);
    QCOMPARE(t.size(), qsizetype(1024 * 1024 / (64 + Transcript::RecordOverhead)));
    QCOMPARE(t.counters().rxBytes, 200000 * 64);
    QCOMPARE(t.counters().rxMessages, 200000);
    QCOMPARE(t.droppedRecords() + t.size(), 200000);
    QCOMPARE(t.at(t.size() - 1).streamOffset, 199999 * 64);
}

QTEST_GUILESS_MAIN(tst_Transcript)
#include "tst_transcript.moc"
