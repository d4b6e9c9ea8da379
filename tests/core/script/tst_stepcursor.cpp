#include "script/stepcursor.h"

#include <QTest>

using Position = StepCursor::Position;

namespace {

Step wait()
{
    return Step::makeWait(0);
}

QList<Position> walk(const QList<Step> &steps)
{
    StepCursor cursor(steps);
    QList<Position> order;
    // Bounded: no list here expands beyond a few dozen steps.
    for (int guard = 0; guard < 1000; ++guard) {
        const Position peeked = cursor.peek();
        const Position position = cursor.next();
        if (!(peeked == position))
            return {};
        if (position.atEnd())
            return order;
        order.append(position);
    }
    return {};
}

} // namespace

class tst_StepCursor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void order_data();
    void order();
};

void tst_StepCursor::order_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<QList<Position>>("expected");

    const Step begin2 = Step::makeRepeat(2);
    const Step begin3 = Step::makeRepeat(3);
    const Step end = Step::makeRepeatEnd();
    using P = QList<Position>;
    QTest::newRow("empty") << QList<Step> {} << P {};
    QTest::newRow("flat") << QList<Step> {wait(), wait()} << P {{0, 0}, {1, 0}};
    QTest::newRow("repeat 3") << QList<Step> {wait(), begin3, wait(), wait(), end, wait()}
                              << P {{0, 0}, {2, 1}, {3, 1}, {2, 2}, {3, 2}, {2, 3}, {3, 3}, {5, 0}};
    QTest::newRow("two blocks") << QList<Step> {begin2, wait(), end, begin2, wait(), end}
                                << P {{1, 1}, {1, 2}, {4, 1}, {4, 2}};
    QTest::newRow("repeat 1") << QList<Step> {Step::makeRepeat(1), wait(), end} << P {{1, 1}};
    QTest::newRow("empty block is passed at once")
        << QList<Step> {Step::makeRepeat(StepLimits::MaxRepeatCount), end, wait()} << P {{2, 0}};
    QTest::newRow("disabled steps are still visited") << [&] {
        Step off = wait();
        off.enabled = false;
        return QList<Step> {begin2, off, end};
    }() << P {{1, 1}, {1, 2}};
    QTest::newRow("unmatched end is passed through") << QList<Step> {wait(), end, wait()} << P {{0, 0}, {2, 0}};
    QTest::newRow("unended repeat runs once") << QList<Step> {begin3, wait()} << P {{1, 1}};
}

void tst_StepCursor::order()
{
    QFETCH(QList<Step>, steps);
    QFETCH(QList<Position>, expected);
    const QList<Position> order = walk(steps);
    QCOMPARE(order.size(), expected.size());
    for (int i = 0; i < order.size(); ++i) {
        QCOMPARE(order.at(i).index, expected.at(i).index);
        QCOMPARE(order.at(i).iteration, expected.at(i).iteration);
    }
}

QTEST_APPLESS_MAIN(tst_StepCursor)
#include "tst_stepcursor.moc"
