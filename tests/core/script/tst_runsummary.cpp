#include "script/stepresult.h"

#include <QTest>

namespace {

StepResult result(Step::Kind kind, StepStatus status, double responseMs = -1)
{
    StepResult r;
    r.kind = kind;
    r.status = status;
    r.responseMs = responseMs;
    return r;
}

StepResult reply(double responseMs, StepStatus status = StepStatus::Passed)
{
    return result(Step::Kind::Expect, status, responseMs);
}

} // namespace

class tst_RunSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responseTimes_data();
    void responseTimes();
    void counts();
};

void tst_RunSummary::responseTimes_data()
{
    QTest::addColumn<QList<StepResult>>("results");
    QTest::addColumn<int>("responses");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("max");

    using L = QList<StepResult>;
    QTest::newRow("none") << L {} << 0 << -1.0 << -1.0 << -1.0;
    QTest::newRow("one") << L {reply(4.5)} << 1 << 4.5 << 4.5 << 4.5;
    QTest::newRow("odd count, unsorted") << L {reply(9), reply(1), reply(5)} << 3 << 1.0 << 5.0 << 9.0;
    QTest::newRow("even count: mean of the middle two")
        << L {reply(8), reply(2), reply(4), reply(1)} << 4 << 1.0 << 3.0 << 8.0;
    QTest::newRow("failed replies count, timeouts do not")
        << L {reply(2, StepStatus::Failed), reply(-1, StepStatus::Failed), reply(6)} << 2 << 2.0 << 4.0 << 6.0;
    QTest::newRow("only expects have response times")
        << L {result(Step::Kind::Send, StepStatus::Passed, 100), reply(3)} << 1 << 3.0 << 3.0 << 3.0;
}

void tst_RunSummary::responseTimes()
{
    QFETCH(QList<StepResult>, results);
    QFETCH(int, responses);
    QFETCH(double, min);
    QFETCH(double, median);
    QFETCH(double, max);
    const RunSummary summary = RunSummary::of(results);
    QCOMPARE(summary.responses, responses);
    QCOMPARE(summary.minResponseMs, min);
    QCOMPARE(summary.medianResponseMs, median);
    QCOMPARE(summary.maxResponseMs, max);
}

void tst_RunSummary::counts()
{
    const RunSummary summary = RunSummary::of({result(Step::Kind::Send, StepStatus::Passed),
        result(Step::Kind::Wait, StepStatus::Skipped), reply(1, StepStatus::Failed), reply(-1, StepStatus::Stopped),
        result(Step::Kind::Send, StepStatus::Passed)});
    QCOMPARE(summary.passed, 2);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.skipped, 1);
    QCOMPARE(summary.stopped, 1);
    QVERIFY(!summary.allPassed());
    RunSummary clean
        = RunSummary::of({result(Step::Kind::Send, StepStatus::Passed), result(Step::Kind::Wait, StepStatus::Skipped)});
    QVERIFY(clean.allPassed());
    clean.end = RunSummary::End::Stopped;
    QVERIFY(!clean.allPassed());
}

QTEST_APPLESS_MAIN(tst_RunSummary)
#include "tst_runsummary.moc"
