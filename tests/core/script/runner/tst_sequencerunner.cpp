#include "loopbackdevice.h"

#include <QSignalSpy>
#include <QTest>

using End = RunSummary::End;

namespace {

constexpr int FinishMs = 10000; // generous: a loaded CI machine, never a timing assertion

Payload::Spec lines()
{
    Payload::Spec spec;
    spec.lineEnding = Payload::LineEnding::LF;
    return spec;
}

Step send(const QString &line)
{
    return Step::makeSend(line, lines());
}

Step expectLine(const QString &line, int timeoutMs = 5000)
{
    return Step::makeExpect(ExpectMatch::Equals, line, timeoutMs, lines());
}

Sequence sequenceOf(const QList<Step> &steps, bool stopOnFailure = true)
{
    Sequence s;
    s.name = QStringLiteral("test");
    s.stopOnFailure = stopOnFailure;
    s.steps = steps;
    return s;
}

// Runs to the end; false if it did not finish in time.
bool runToEnd(SequenceRunner &runner)
{
    QSignalSpy finished(&runner, &SequenceRunner::finished);
    return runner.run() && finished.wait(FinishMs) && finished.size() == 1;
}

} // namespace

class tst_SequenceRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passingRunWithResponseTimes();
    void repeatRunsTheBlockKTimes();
    void silentDeviceTimesOut();
    void stopOnFirstFailure();
    void goOnAfterFailure();
    void stepOnce();
    void stopDuringWait();
    void disabledStepIsSkipped();
    void sendFailedAndInvalidSteps();
    void unbalancedRepeatDoesNotStart();
    void sequenceLockedWhileRunning();
};

void tst_SequenceRunner::passingRunWithResponseTimes()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({send("PING"), expectLine("PONG"), send("SLOW"),
        Step::makeExpect(ExpectMatch::Regex, QStringLiteral("^LA.E$"), 5000), Step::makeWait(5)})));
    QSignalSpy started(&runner, &SequenceRunner::stepStarted);
    QSignalSpy finishedSteps(&runner, &SequenceRunner::stepFinished);
    QSignalSpy states(&runner, &SequenceRunner::stateChanged);
    QVERIFY(runToEnd(runner));

    QCOMPARE(started.size(), 5);
    QCOMPARE(finishedSteps.size(), 5);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<SequenceRunner::State>(), SequenceRunner::State::Running);
    QCOMPARE(states.at(1).at(0).value<SequenceRunner::State>(), SequenceRunner::State::Idle);
    const QList<StepResult> &results = runner.results();
    QCOMPARE(results.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(results.at(i).stepIndex, i);
        QCOMPARE(results.at(i).iteration, 0);
        QCOMPARE(results.at(i).status, StepStatus::Passed);
        QCOMPARE(results.at(i).reason, FailureReason::None);
        QCOMPARE(started.at(i).at(0).toInt(), i);
        QCOMPARE(finishedSteps.at(i).at(0).value<StepResult>().stepIndex, i);
        QVERIFY(results.at(i).durationMs >= 0);
        if (i > 0)
            QVERIFY(results.at(i).startedMs >= results.at(i - 1).startedMs);
    }
    QCOMPARE(results.at(0).bytes, QByteArray("PING\n"));
    QCOMPARE(results.at(0).peers, 1);
    QCOMPARE(results.at(1).bytes, QByteArray("PONG\n"));
    QCOMPARE(results.at(3).bytes, QByteArray("LATE\n"));
    QCOMPARE(bench->device.received, (QList<QByteArray> {"PING", "SLOW"}));
    QCOMPARE(
        bench->channel.targets, (QList<SequenceTarget> {SequenceTarget::CurrentPeer, SequenceTarget::CurrentPeer}));

    // Response times: measured from the send before each expect, never negative, never beyond the timeout.
    for (int i : {1, 3}) {
        QVERIFY2(results.at(i).responseMs >= 0, qPrintable(QString::number(results.at(i).responseMs)));
        QVERIFY(results.at(i).responseMs <= 5000);
        QVERIFY(results.at(i).responseMs <= results.at(i).startedMs + results.at(i).durationMs);
    }
    QCOMPARE(results.at(0).responseMs, -1.0);
    const RunSummary summary = runner.summary();
    QCOMPARE(summary.end, End::Completed);
    QVERIFY(summary.allPassed());
    QCOMPARE(summary.passed, 5);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(summary.responses, 2);
    QVERIFY(summary.minResponseMs >= 0);
    QVERIFY(summary.minResponseMs <= summary.medianResponseMs);
    QVERIFY(summary.medianResponseMs <= summary.maxResponseMs);
    QCOMPARE(summary.minResponseMs, qMin(results.at(1).responseMs, results.at(3).responseMs));
    QCOMPARE(summary.maxResponseMs, qMax(results.at(1).responseMs, results.at(3).responseMs));
    QVERIFY(summary.elapsedMs >= results.last().startedMs);
    QVERIFY(summary.startedAt.isValid());
    QCOMPARE(summary.unreadFrames, 0);
}

void tst_SequenceRunner::repeatRunsTheBlockKTimes()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    const Step count = Step::makeExpect(ExpectMatch::Regex, QStringLiteral("^N=\\d+\\n$"), 5000);
    QVERIFY(bench->runner.setSequence(sequenceOf(
        {Step::makeRepeat(4), send("COUNT"), count, Step::makeRepeatEnd(), send("COUNT"), expectLine("N=5")})));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 4 * 2 + 2);
    for (int k = 1; k <= 4; ++k) {
        const StepResult &sent = results.at((k - 1) * 2);
        const StepResult &reply = results.at((k - 1) * 2 + 1);
        QCOMPARE(sent.stepIndex, 1);
        QCOMPARE(sent.iteration, k);
        QCOMPARE(reply.stepIndex, 2);
        QCOMPARE(reply.iteration, k);
        QCOMPARE(reply.status, StepStatus::Passed);
        QCOMPARE(reply.bytes, "N=" + QByteArray::number(k) + '\n');
    }
    QCOMPARE(results.at(8).stepIndex, 4);
    QCOMPARE(results.at(8).iteration, 0);
    QCOMPARE(results.at(9).status, StepStatus::Passed);
    QCOMPARE(bench->device.counts, 5);
    QCOMPARE(bench->runner.summary().responses, 5);
}

void tst_SequenceRunner::silentDeviceTimesOut()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    QVERIFY(bench->runner.setSequence(sequenceOf({send("QUIET"), expectLine("ANYTHING", 50), send("PING")})));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).status, StepStatus::Failed);
    QCOMPARE(results.at(1).reason, FailureReason::Timeout);
    QCOMPARE(results.at(1).responseMs, -1.0);
    QVERIFY(results.at(1).bytes.isEmpty());
    QCOMPARE(results.at(1).difference.kind, FrameDifference::Kind::None);
    QCOMPARE(bench->runner.summary().end, End::StoppedOnFailure);
    QCOMPARE(bench->runner.summary().responses, 0);
    QCOMPARE(bench->runner.summary().minResponseMs, -1.0);
    QCOMPARE(bench->device.received, QList<QByteArray> {"QUIET"});
}

void tst_SequenceRunner::stopOnFirstFailure()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    QVERIFY(
        bench->runner.setSequence(sequenceOf({send("PING"), expectLine("PANG"), send("PING"), expectLine("PONG")})));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).reason, FailureReason::Mismatch);
    QCOMPARE(results.at(1).bytes, QByteArray("PONG\n"));
    QCOMPARE(results.at(1).difference.kind, FrameDifference::Kind::Byte);
    QCOMPARE(results.at(1).difference.offset, qsizetype(1));
    QCOMPARE(results.at(1).difference.actual, int('O'));
    QCOMPARE(results.at(1).difference.expectedText(), QStringLiteral("41"));
    QVERIFY(results.at(1).responseMs >= 0); // a wrong answer still has a response time
    const RunSummary summary = bench->runner.summary();
    QCOMPARE(summary.end, End::StoppedOnFailure);
    QCOMPARE(summary.passed, 1);
    QCOMPARE(summary.failed, 1);
    QVERIFY(!summary.allPassed());
    QCOMPARE(bench->device.received, QList<QByteArray> {"PING"});
}

void tst_SequenceRunner::goOnAfterFailure()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    QVERIFY(bench->runner.setSequence(sequenceOf(
        {send("PING"), expectLine("PANG"), send("QUIET"), expectLine("X", 30), send("PING"), expectLine("PONG")},
        false)));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 6);
    QCOMPARE(results.at(1).reason, FailureReason::Mismatch);
    QCOMPARE(results.at(3).reason, FailureReason::Timeout);
    QCOMPARE(results.at(5).status, StepStatus::Passed);
    const RunSummary summary = bench->runner.summary();
    QCOMPARE(summary.end, End::Completed);
    QCOMPARE(summary.passed, 4);
    QCOMPARE(summary.failed, 2);
    QVERIFY(!summary.allPassed());
    QCOMPARE(summary.responses, 2);
}

void tst_SequenceRunner::stepOnce()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({send("PING"), expectLine("PONG"), send("PING"), expectLine("PONG")})));
    QSignalSpy paused(&runner, &SequenceRunner::paused);
    QSignalSpy finished(&runner, &SequenceRunner::finished);

    QVERIFY(runner.step());
    QVERIFY(paused.wait(FinishMs));
    QCOMPARE(runner.state(), SequenceRunner::State::Paused);
    QCOMPARE(runner.results().size(), 1);
    // While paused the reply arrives and waits in the queue; no step runs.
    QTRY_COMPARE(runner.queuedFrames(), 1);
    QCOMPARE(runner.results().size(), 1);

    QVERIFY(runner.step());
    QVERIFY(paused.wait(FinishMs));
    QCOMPARE(runner.results().size(), 2);
    QCOMPARE(runner.results().at(1).status, StepStatus::Passed);
    QVERIFY(runner.results().at(1).responseMs >= 0);
    QCOMPARE(runner.queuedFrames(), 0);

    QVERIFY(runner.run());
    QVERIFY(finished.wait(FinishMs));
    QCOMPARE(paused.size(), 2);
    QCOMPARE(runner.results().size(), 4);
    QCOMPARE(runner.summary().passed, 4);

    // Stepping onto the last step ends the run instead of pausing.
    QVERIFY(runner.setSequence(sequenceOf({Step::makeWait(0)})));
    QVERIFY(runner.step());
    QVERIFY(finished.wait(FinishMs));
    QCOMPARE(paused.size(), 2);
    QCOMPARE(runner.state(), SequenceRunner::State::Idle);
}

void tst_SequenceRunner::stopDuringWait()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({send("PING"), Step::makeWait(StepLimits::MaxWaitMs), send("PING")})));
    QSignalSpy started(&runner, &SequenceRunner::stepStarted);
    QSignalSpy finished(&runner, &SequenceRunner::finished);
    QVERIFY(runner.run());
    QTRY_COMPARE(started.size(), 2);
    QCOMPARE(runner.state(), SequenceRunner::State::Running);
    runner.stop();
    QCOMPARE(runner.state(), SequenceRunner::State::Idle);
    QCOMPARE(finished.size(), 1);
    const QList<StepResult> &results = runner.results();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).kind, Step::Kind::Wait);
    QCOMPARE(results.at(1).status, StepStatus::Stopped);
    const RunSummary summary = finished.at(0).at(0).value<RunSummary>();
    QCOMPARE(summary.end, End::Stopped);
    QCOMPARE(summary.stopped, 1);
    QCOMPARE(summary.passed, 1);
    QVERIFY(!summary.allPassed());
    runner.stop(); // idle: nothing happens
    QCOMPARE(finished.size(), 1);
    QCoreApplication::processEvents(); // a stopped run schedules nothing more
    QCOMPARE(started.size(), 2);
}

void tst_SequenceRunner::disabledStepIsSkipped()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    Step skipped = send("COUNT");
    skipped.enabled = false;
    QVERIFY(bench->runner.setSequence(sequenceOf({skipped, send("PING"), expectLine("PONG")})));
    QVERIFY(runToEnd(bench->runner));
    QCOMPARE(bench->runner.results().at(0).status, StepStatus::Skipped);
    QVERIFY(bench->runner.results().at(0).bytes.isEmpty());
    QCOMPARE(bench->runner.summary().skipped, 1);
    QVERIFY(bench->runner.summary().allPassed());
    QCOMPARE(bench->device.received, QList<QByteArray> {"PING"});
}

void tst_SequenceRunner::sendFailedAndInvalidSteps()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    Payload::Spec hex;
    hex.mode = Payload::Mode::Hex;
    bench->channel.refuse = true;
    QVERIFY(bench->runner.setSequence(
        sequenceOf({Step::makeSend("PING", lines(), SequenceTarget::AllPeers), Step::makeSend("01 0", hex),
                       Step::makeExpect(ExpectMatch::HexPattern, "01 .")},
            false)));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).reason, FailureReason::SendFailed);
    QCOMPARE(results.at(0).peers, 0);
    QCOMPARE(bench->channel.targets, QList<SequenceTarget> {SequenceTarget::AllPeers});
    QCOMPARE(results.at(1).reason, FailureReason::PayloadInvalid);
    QCOMPARE(results.at(1).problem.kind, SequenceError::Kind::BadPayload);
    QCOMPARE(results.at(1).problem.payload.error, Payload::Error::BadHex);
    QCOMPARE(results.at(2).reason, FailureReason::PatternInvalid);
    QCOMPARE(results.at(2).problem.kind, SequenceError::Kind::BadHexPattern);
    QCOMPARE(results.at(2).problem.position, qsizetype(3));
    QCOMPARE(bench->runner.summary().failed, 3);
    QCOMPARE(bench->runner.summary().end, End::Completed);
}

void tst_SequenceRunner::unbalancedRepeatDoesNotStart()
{
    SequenceRunner runner;
    QSignalSpy states(&runner, &SequenceRunner::stateChanged);
    QVERIFY(runner.setSequence(sequenceOf({Step::makeRepeat(2), Step::makeWait(0)})));
    QVERIFY(!runner.run());
    QVERIFY(!runner.step());
    QCOMPARE(runner.state(), SequenceRunner::State::Idle);
    QCOMPARE(states.size(), 0);
}

void tst_SequenceRunner::sequenceLockedWhileRunning()
{
    SequenceRunner runner;
    QVERIFY(runner.setSequence(sequenceOf({Step::makeWait(StepLimits::MaxWaitMs)})));
    QVERIFY(runner.run());
    QVERIFY(!runner.setSequence(sequenceOf({})));
    QCOMPARE(runner.sequence().steps.size(), 1);
    runner.stop();
    QVERIFY(runner.setSequence(sequenceOf({})));
    // An empty sequence completes and passes.
    QVERIFY(runToEnd(runner));
    QVERIFY(runner.summary().allPassed());
    QVERIFY(runner.results().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SequenceRunner)
#include "tst_sequencerunner.moc"
