#include "loopbackdevice.h"

#include <QSignalSpy>
#include <QTest>

using End = RunSummary::End;

namespace {

constexpr int FinishMs = 10000;

Payload::Spec lines(const QByteArray &encoding = "UTF-8")
{
    Payload::Spec spec;
    spec.encoding = encoding;
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
    s.stopOnFailure = stopOnFailure;
    s.steps = steps;
    return s;
}

bool waitForPause(SequenceRunner &runner)
{
    QSignalSpy paused(&runner, &SequenceRunner::paused);
    return paused.wait(FinishMs) && runner.state() == SequenceRunner::State::Paused;
}

bool runToEnd(SequenceRunner &runner)
{
    QSignalSpy finished(&runner, &SequenceRunner::finished);
    return runner.run() && finished.wait(FinishMs);
}

} // namespace

class tst_SequenceRunnerFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesQueuedBeforeExpectAreTakenOldestFirst();
    void queueDropsTheOldestPastItsLimit();
    void framesBeforeTheRunAreIgnored();
    void responseTimeNeedsAPrecedingSend();
    void unreadFramesAreCounted();
    void gbkTextOverTheWire();
    void checksumFailureReported();
    void queuedReplyCheckedBeforeTheClose();
    void channelClosedWhileWaiting();
    void sendAfterTheChannelClosed();
};

void tst_SequenceRunnerFrames::framesQueuedBeforeExpectAreTakenOldestFirst()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({send("TWICE"), expectLine("A"), expectLine("B")})));
    QVERIFY(runner.step());
    QVERIFY(waitForPause(runner));
    QTRY_COMPARE(runner.queuedFrames(), 2); // both replies arrive while no expect waits
    QVERIFY(runToEnd(runner));
    QCOMPARE(runner.results().size(), 3);
    QCOMPARE(runner.results().at(1).bytes, QByteArray("A\n"));
    QCOMPARE(runner.results().at(2).bytes, QByteArray("B\n"));
    QVERIFY(runner.summary().allPassed());
    QVERIFY(runner.results().at(1).responseMs >= 0);
    QVERIFY(runner.results().at(2).responseMs >= runner.results().at(1).responseMs);
}

void tst_SequenceRunnerFrames::queueDropsTheOldestPastItsLimit()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    runner.setQueueLimit(2);
    QCOMPARE(runner.queueLimit(), 2);
    QVERIFY(runner.setSequence(sequenceOf({send("THREE"), expectLine("B"), expectLine("C")})));
    QVERIFY(runner.step());
    QVERIFY(waitForPause(runner));
    QTRY_COMPARE(runner.summary().droppedFrames, 1);
    QCOMPARE(runner.queuedFrames(), 2);
    QVERIFY(runToEnd(runner));
    QVERIFY(runner.summary().allPassed());
    QCOMPARE(runner.summary().droppedFrames, 1);
}

void tst_SequenceRunnerFrames::framesBeforeTheRunAreIgnored()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    int frames = 0;
    QObject::connect(&bench->channel.socket, &QTcpSocket::readyRead, &bench->runner, [&] { ++frames; });
    bench->device.say("BANNER\n");
    QTRY_COMPARE(frames, 1); // handed to the idle runner, which drops it
    QCOMPARE(bench->runner.queuedFrames(), 0);
    QVERIFY(bench->runner.setSequence(sequenceOf({send("PING"), expectLine("PONG")})));
    QVERIFY(runToEnd(bench->runner));
    QVERIFY(bench->runner.summary().allPassed());
}

void tst_SequenceRunnerFrames::responseTimeNeedsAPrecedingSend()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(
        sequenceOf({Step::makeWait(0), expectLine("BANNER"), send("PING"), expectLine("EARLY"), expectLine("PONG")})));
    QVERIFY(runner.step());
    QVERIFY(waitForPause(runner));
    bench->device.say("BANNER\n");
    QTRY_COMPARE(runner.queuedFrames(), 1);
    QVERIFY(runner.step());
    QVERIFY(waitForPause(runner));
    QCOMPARE(runner.results().at(1).status, StepStatus::Passed);
    QCOMPARE(runner.results().at(1).responseMs, -1.0); // no send yet in this run
    bench->device.say("EARLY\n");
    QTRY_COMPARE(runner.queuedFrames(), 1);
    QVERIFY(runToEnd(runner));
    const QList<StepResult> &results = runner.results();
    QCOMPARE(results.size(), 5);
    QCOMPARE(results.at(3).bytes, QByteArray("EARLY\n"));
    QCOMPARE(results.at(3).responseMs, -1.0); // it arrived before the send: it answered something else
    QCOMPARE(results.at(4).bytes, QByteArray("PONG\n"));
    QVERIFY(results.at(4).responseMs >= 0);
    QCOMPARE(runner.summary().responses, 1);
    QCOMPARE(runner.summary().medianResponseMs, results.at(4).responseMs);
}

void tst_SequenceRunnerFrames::unreadFramesAreCounted()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({send("THREE"), expectLine("A")})));
    QVERIFY(runner.step());
    QVERIFY(waitForPause(runner));
    QTRY_COMPARE(runner.queuedFrames(), 3);
    QVERIFY(runToEnd(runner));
    QCOMPARE(runner.summary().unreadFrames, 2);
    QCOMPARE(runner.queuedFrames(), 0);
    QVERIFY(runner.summary().allPassed());
}

void tst_SequenceRunnerFrames::gbkTextOverTheWire()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    // The device echoes an unknown line after a '?': GBK out, GBK back.
    QVERIFY(bench->runner.setSequence(sequenceOf({Step::makeSend(QStringLiteral("你好"), lines("GBK")),
        Step::makeExpect(ExpectMatch::Equals, QStringLiteral("?你好"), 5000, lines("GBK"))})));
    QVERIFY(runToEnd(bench->runner));
    QVERIFY(bench->runner.summary().allPassed());
    QCOMPARE(bench->device.received, QList<QByteArray> {QByteArray("\xc4\xe3\xba\xc3")});
    QCOMPARE(bench->runner.results().at(1).bytes, QByteArray("?\xc4\xe3\xba\xc3\n"));
}

void tst_SequenceRunnerFrames::checksumFailureReported()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    Step check = Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("50 4F .."), 5000);
    check.expect.checksum.algorithm = Checksum::Algorithm::Sum8;
    QVERIFY(bench->runner.setSequence(sequenceOf({send("PING"), check})));
    QVERIFY(runToEnd(bench->runner));
    const StepResult &result = bench->runner.results().at(1);
    QCOMPARE(result.reason, FailureReason::ChecksumMismatch);
    QCOMPARE(result.difference.kind, FrameDifference::Kind::Checksum);
    QCOMPARE(result.difference.offset, qsizetype(4));
    QCOMPARE(result.difference.expectedBytes, QByteArray("\x34")); // 50+4F+4E+47 = 0x134
    QCOMPARE(result.difference.actualBytes, QByteArray("\n"));
}

void tst_SequenceRunnerFrames::queuedReplyCheckedBeforeTheClose()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    const int forever = StepLimits::MaxTimeoutMs;
    QVERIFY(bench->runner.setSequence(
        sequenceOf({send("BYE"), expectLine("BYE", forever), expectLine("MORE", forever), send("PING")}, false)));
    QVERIFY(runToEnd(bench->runner));
    const QList<StepResult> &results = bench->runner.results();
    QCOMPARE(results.size(), 3); // ChannelClosed ends the run even when the sequence goes on after failures
    QCOMPARE(results.at(1).status, StepStatus::Passed);
    QCOMPARE(results.at(2).reason, FailureReason::ChannelClosed);
    QCOMPARE(bench->runner.summary().end, End::ChannelClosed);
    QVERIFY(!bench->runner.summary().allPassed());
}

void tst_SequenceRunnerFrames::channelClosedWhileWaiting()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    SequenceRunner &runner = bench->runner;
    QVERIFY(runner.setSequence(sequenceOf({expectLine("X", StepLimits::MaxTimeoutMs)})));
    QSignalSpy started(&runner, &SequenceRunner::stepStarted);
    QSignalSpy finished(&runner, &SequenceRunner::finished);
    QVERIFY(runner.run());
    QTRY_COMPARE(started.size(), 1); // the expect is waiting now
    bench->device.socket->disconnectFromHost();
    QVERIFY(finished.wait(FinishMs));
    QCOMPARE(runner.results().size(), 1);
    QCOMPARE(runner.results().at(0).reason, FailureReason::ChannelClosed);
    QCOMPARE(finished.at(0).at(0).value<RunSummary>().end, End::ChannelClosed);
}

void tst_SequenceRunnerFrames::sendAfterTheChannelClosed()
{
    auto bench = LoopbackBench::connected();
    QVERIFY(bench);
    bench->device.socket->disconnectFromHost();
    QTRY_COMPARE(bench->channel.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(bench->runner.setSequence(sequenceOf({Step::makeWait(0), send("PING")}, false)));
    QVERIFY(runToEnd(bench->runner));
    QCOMPARE(bench->runner.results().size(), 2);
    QCOMPARE(bench->runner.results().at(0).status, StepStatus::Passed); // a wait needs no channel
    QCOMPARE(bench->runner.results().at(1).reason, FailureReason::ChannelClosed);
    QVERIFY(bench->channel.targets.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SequenceRunnerFrames)
#include "tst_sequencerunnerframes.moc"
