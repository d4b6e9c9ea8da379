#include "capture/tcpreassembler.h"

#include <QTest>

namespace {

// Runs segments given as "SEQ DATA" (DATA may be empty), "SEQ DATA/WIRE" (captured DATA of WIRE bytes on the wire),
// "S SEQ [DATA]" (a SYN), "SEQ DATA F" (with FIN), or "flush"; each step's time is its index. Events come back
// as "D@time bytes", "G@time missing", "C@time".
struct Counters
{
    qint64 delivered = 0, duplicate = 0, missing = 0, held = 0;
};

QStringList run(
    const QStringList &steps, qint64 holdLimit = TcpReassembler::DefaultHoldLimit, Counters *counters = nullptr)
{
    QStringList events;
    TcpReassembler r(FlowDirection::AToB, [&](const FlowEvent &e) {
        switch (e.kind) {
        case FlowEvent::Kind::Data:
            events << QStringLiteral("D@%1 %2").arg(e.timeUs).arg(QString::fromLatin1(e.bytes));
            break;
        case FlowEvent::Kind::Gap:
            events << QStringLiteral("G@%1 %2").arg(e.timeUs).arg(e.missing);
            break;
        case FlowEvent::Kind::Closed:
            events << QStringLiteral("C@%1").arg(e.timeUs);
            break;
        default:
            events << QStringLiteral("?");
        }
    });
    r.setHoldLimit(holdLimit);
    for (int t = 0; t < steps.size(); ++t) {
        QStringList w = steps[t].split(QLatin1Char(' '));
        if (w[0] == QLatin1String("flush")) {
            r.flush(t);
            continue;
        }
        const bool syn = w[0] == QLatin1String("S");
        if (syn)
            w.removeFirst();
        const bool fin = w.last() == QLatin1String("F") && w.size() > 1;
        if (fin)
            w.removeLast();
        const quint32 seq = w[0].toUInt();
        QByteArray data = w.value(1).toLatin1();
        qint64 wire = data.size();
        if (data.contains('/')) {
            wire = data.mid(data.indexOf('/') + 1).toLongLong();
            data = data.left(data.indexOf('/'));
        }
        r.segment(seq, syn, fin, data, wire, t);
    }
    if (counters)
        *counters = {r.deliveredBytes(), r.duplicateBytes(), r.missingBytes(), r.heldBytes()};
    return events;
}

} // namespace

class tst_TcpReassembler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reassemble_data();
    void reassemble();
    void holdLimitDeclaresTheFirstHole();
    void counters();
};

void tst_TcpReassembler::reassemble_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("events");

    QTest::newRow("in order, FIN on the last segment")
        << QStringList {"S 1000", "1001 hello", "1006 world F"} << QStringList {"D@1 hello", "D@2 world", "C@2"};
    QTest::newRow("whole retransmission dropped")
        << QStringList {"S 1000", "1001 hello", "1001 hello", "1006 !"} << QStringList {"D@1 hello", "D@3 !"};
    QTest::newRow("partial retransmission: only the new bytes")
        << QStringList {"S 1000", "1001 hello", "1004 loWORLD"} << QStringList {"D@1 hello", "D@2 WORLD"};
    QTest::newRow("out of order: held until the hole fills, delivered then") << QStringList {"S 1000", "1006 world",
        "1012 !", "1001 hello", "1011 _"} << QStringList {"D@3 hello", "D@3 world", "D@4 _", "D@4 !"};
    QTest::newRow("out-of-order segments overlapping each other") << QStringList {
        "S 1000", "1004 defg", "1006 fghij", "1001 abc"} << QStringList {"D@3 abc", "D@3 defg", "D@3 hij"};
    QTest::newRow("a hole never filled is a gap at the flush")
        << QStringList {"S 1000", "1001 ab", "1010 cd", "flush"} << QStringList {"D@1 ab", "G@3 7", "D@3 cd"};
    QTest::newRow("FIN after a hole waits; the hole fills")
        << QStringList {"S 1000", "1001 ab", "1005 F", "1003 cd"} << QStringList {"D@1 ab", "D@3 cd", "C@3"};
    QTest::newRow("FIN after a hole that never fills")
        << QStringList {"S 1000", "1001 ab", "1005 F", "flush"} << QStringList {"D@1 ab", "G@3 2", "C@3"};
    QTest::newRow("FIN retransmitted, data after it ignored")
        << QStringList {"S 1000", "1001 ab F", "1003 F", "1003 zz"} << QStringList {"D@1 ab", "C@1"};
    QTest::newRow("sequence wraps at 2^32")
        << QStringList {"S 4294967293", "4294967294 abcd", "2 efgh"} << QStringList {"D@1 abcd", "D@2 efgh"};
    QTest::newRow("out of order across the wrap")
        << QStringList {"S 4294967293", "2 efgh", "4294967294 abcd"} << QStringList {"D@2 abcd", "D@2 efgh"};
    QTest::newRow("mid-connection: starts at the first segment seen")
        << QStringList {"5000 x", "5001 y"} << QStringList {"D@0 x", "D@1 y"};
    QTest::newRow("SYN carrying data (TCP Fast Open)")
        << QStringList {"S 1000 hi", "1003 !"} << QStringList {"D@0 hi", "D@1 !"};
    QTest::newRow("snapshot length cut: the tail is a gap")
        << QStringList {"S 1000", "1001 ab/5", "1006 z"} << QStringList {"D@1 ab", "G@1 3", "D@2 z"};
    QTest::newRow("keep-alive (one old byte) dropped")
        << QStringList {"S 1000", "1001 ab", "1002 ?", "1003 c"} << QStringList {"D@1 ab", "D@3 c"};
    QTest::newRow("late retransmission after a declared gap is not glued in") << QStringList {
        "S 1000", "1001 a", "1003 b", "flush", "1002 X", "1004 c"} << QStringList {"D@1 a", "G@3 1", "D@3 b", "D@5 c"};
    QTest::newRow("empty segments change nothing")
        << QStringList {"S 1000", "1001", "1001 a", "1002"} << QStringList {"D@2 a"};
}

void tst_TcpReassembler::reassemble()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, events);
    QCOMPARE(run(steps), events);
}

void tst_TcpReassembler::holdLimitDeclaresTheFirstHole()
{
    // Limit 4: "bb" and "cc" wait (4 bytes); "dd" makes 6, so the 1-byte hole after "a" is declared.
    QCOMPARE(run({"S 1000", "1001 a", "1003 bb", "1005 cc", "1007 dd", "1002 X"}, 4),
        QStringList({"D@1 a", "G@4 1", "D@4 bb", "D@4 cc", "D@4 dd"}));
    // Two holes: only the first is declared while the rest still fits.
    QCOMPARE(run({"S 1000", "1003 bb", "1010 cc", "1020 dd", "1005 e", "flush"}, 4),
        QStringList({"G@3 2", "D@3 bb", "D@4 e", "G@5 4", "D@5 cc", "G@5 8", "D@5 dd"}));
}

void tst_TcpReassembler::counters()
{
    Counters c;
    run({"S 1000", "1001 hello", "1001 hel", "1004 loWO", "1020 far"}, TcpReassembler::DefaultHoldLimit, &c);
    QCOMPARE(c.held, 3);
    run({"S 1000", "1001 hello", "1001 hel", "1004 loWO", "1020 far", "flush"}, TcpReassembler::DefaultHoldLimit, &c);
    QCOMPARE(c.delivered, 5 + 2 + 3);
    QCOMPARE(c.duplicate, 3 + 2);
    QCOMPARE(c.missing, 1020 - 1008);
    QCOMPARE(c.held, 0);
}

QTEST_APPLESS_MAIN(tst_TcpReassembler)
#include "tst_tcpreassembler.moc"
