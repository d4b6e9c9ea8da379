#include "script/sequencerunner.h"

SequenceRunner::SequenceRunner(QObject *parent)
    : QObject(parent)
{
    // Coarse timers may fire 5% late; a 20 ms wait between Modbus polls must stay 20 ms.
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stepTimer, &QTimer::timeout, this, &SequenceRunner::onTimer);
    m_advanceTimer.setSingleShot(true);
    m_advanceTimer.setInterval(0);
    connect(&m_advanceTimer, &QTimer::timeout, this, &SequenceRunner::advance);
}

SequenceRunner::~SequenceRunner() = default;

void SequenceRunner::setChannel(SequenceChannel *channel)
{
    m_channel = channel;
}

bool SequenceRunner::setSequence(const Sequence &sequence)
{
    if (m_state != State::Idle)
        return false;
    m_sequence = sequence;
    return true;
}

void SequenceRunner::setQueueLimit(int frames)
{
    m_queueLimit = qMax(1, frames);
    while (m_queue.size() > m_queueLimit) {
        m_queue.removeFirst();
        ++m_dropped;
    }
}

RunSummary SequenceRunner::summary() const
{
    RunSummary summary = RunSummary::of(m_results);
    summary.end = m_end;
    summary.startedAt = m_startedAt;
    summary.elapsedMs = m_state == State::Idle ? m_elapsedMs : msSinceStart(m_runClock.nsecsElapsed());
    summary.droppedFrames = m_dropped;
    summary.unreadFrames = m_state == State::Idle ? m_unread : int(m_queue.size());
    return summary;
}

bool SequenceRunner::run()
{
    return start(false);
}

bool SequenceRunner::step()
{
    return start(true);
}

bool SequenceRunner::start(bool pauseAfterStep)
{
    if (m_state == State::Running) {
        m_pauseAfterStep = pauseAfterStep;
        return true;
    }
    if (m_state == State::Idle) {
        if (!SequenceCheck::structure(m_sequence.steps).ok())
            return false;
        m_cursor = StepCursor(m_sequence.steps);
        m_results.clear();
        m_queue.clear();
        m_lastSendNs = -1;
        m_dropped = 0;
        m_unread = 0;
        m_elapsedMs = 0;
        m_end = RunSummary::End::Completed;
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_runClock.start();
    }
    m_pauseAfterStep = pauseAfterStep;
    setState(State::Running);
    m_advanceTimer.start();
    return true;
}

void SequenceRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SequenceRunner::stop()
{
    if (m_state == State::Idle)
        return;
    if (m_inStep)
        finishStep(StepStatus::Stopped);
    if (m_state != State::Idle)
        finishRun(RunSummary::End::Stopped);
}

void SequenceRunner::advance()
{
    if (m_state != State::Running || m_inStep)
        return;
    const StepCursor::Position position = m_cursor.next();
    if (position.atEnd()) {
        finishRun(RunSummary::End::Completed);
        return;
    }
    const Step &step = m_sequence.steps.at(position.index);
    m_current = StepResult();
    m_current.stepIndex = position.index;
    m_current.iteration = position.iteration;
    m_current.kind = step.kind;
    m_stepStartNs = m_runClock.nsecsElapsed();
    m_current.startedMs = msSinceStart(m_stepStartNs);
    m_inStep = true;
    Q_EMIT stepStarted(position.index, position.iteration);
    if (!m_inStep || m_state != State::Running) // stopped from a slot connected to stepStarted
        return;
    if (!step.enabled) {
        finishStep(StepStatus::Skipped);
        return;
    }
    switch (step.kind) {
    case Step::Kind::Send:
        runSend(step);
        break;
    case Step::Kind::Expect:
        runExpect(step);
        break;
    case Step::Kind::Wait:
        m_stepTimer.start(qBound(0, step.waitMs, StepLimits::MaxWaitMs));
        break;
    case Step::Kind::RepeatBegin:
    case Step::Kind::RepeatEnd:
        finishStep(StepStatus::Passed); // the cursor never stops at a marker
        break;
    }
}

void SequenceRunner::runSend(const Step &step)
{
    const Payload::Result built = Payload::build(step.send.text, step.send.spec);
    if (!built.ok()) {
        m_current.problem = SequenceCheck::step(step, m_current.stepIndex);
        fail(FailureReason::PayloadInvalid);
        return;
    }
    if (!m_channel || !m_channel->isOpen()) {
        fail(FailureReason::ChannelClosed);
        return;
    }
    // Taken before the hand-over: a reply can never come before it, whatever the channel does inside send().
    const qint64 sentNs = m_runClock.nsecsElapsed();
    const int peers = m_channel->send(built.bytes, step.send.target);
    if (!m_inStep)
        return; // the host stopped the run from inside send()
    m_current.bytes = built.bytes;
    m_current.peers = qMax(0, peers);
    if (peers <= 0) {
        fail(FailureReason::SendFailed);
        return;
    }
    m_lastSendNs = sentNs;
    finishStep(StepStatus::Passed);
}

void SequenceRunner::runExpect(const Step &step)
{
    m_expectation = Expectation::compile(step.expect);
    if (!m_expectation.ok()) {
        m_current.problem = SequenceCheck::step(step, m_current.stepIndex);
        fail(FailureReason::PatternInvalid);
        return;
    }
    if (!m_queue.isEmpty()) {
        takeFrame();
        return;
    }
    if (!m_channel || !m_channel->isOpen()) {
        fail(FailureReason::ChannelClosed);
        return;
    }
    m_waitingForFrame = true;
    m_stepTimer.start(qBound(0, step.expect.timeoutMs, StepLimits::MaxTimeoutMs));
}

void SequenceRunner::takeFrame()
{
    const QueuedFrame frame = m_queue.takeFirst();
    m_waitingForFrame = false;
    m_stepTimer.stop();
    m_current.bytes = frame.bytes;
    if (m_lastSendNs >= 0 && frame.arrivedNs >= m_lastSendNs)
        m_current.responseMs = msSinceStart(frame.arrivedNs - m_lastSendNs);
    const Expectation::Check check = m_expectation.check(frame.bytes);
    m_current.difference = check.difference;
    switch (check.outcome) {
    case Expectation::Outcome::Passed:
        finishStep(StepStatus::Passed);
        break;
    case Expectation::Outcome::Mismatch:
        fail(FailureReason::Mismatch);
        break;
    case Expectation::Outcome::ChecksumMismatch:
        fail(FailureReason::ChecksumMismatch);
        break;
    }
}

void SequenceRunner::frameReceived(const QByteArray &frame)
{
    if (m_state == State::Idle || frame.isEmpty())
        return;
    m_queue.append(QueuedFrame {frame, m_runClock.nsecsElapsed()});
    if (m_queue.size() > m_queueLimit) {
        m_queue.removeFirst();
        ++m_dropped;
    }
    if (m_waitingForFrame)
        takeFrame();
}

void SequenceRunner::channelClosed()
{
    if (m_waitingForFrame)
        fail(FailureReason::ChannelClosed);
}

void SequenceRunner::onTimer()
{
    if (!m_inStep)
        return;
    if (m_waitingForFrame) {
        m_waitingForFrame = false;
        fail(FailureReason::Timeout);
    } else {
        finishStep(StepStatus::Passed); // a wait
    }
}

void SequenceRunner::finishStep(StepStatus status, FailureReason reason)
{
    m_stepTimer.stop();
    m_waitingForFrame = false;
    m_inStep = false;
    m_current.status = status;
    m_current.reason = reason;
    m_current.durationMs = msSinceStart(m_runClock.nsecsElapsed() - m_stepStartNs);
    m_results.append(m_current);
    Q_EMIT stepFinished(m_current);
    if (m_state != State::Running || status == StepStatus::Stopped)
        return; // stopped from a slot connected to stepFinished, or stop() finishes the run itself
    if (reason == FailureReason::ChannelClosed) {
        finishRun(RunSummary::End::ChannelClosed);
        return;
    }
    if (status == StepStatus::Failed && m_sequence.stopOnFailure) {
        finishRun(RunSummary::End::StoppedOnFailure);
        return;
    }
    if (m_pauseAfterStep && !m_cursor.peek().atEnd()) {
        setState(State::Paused);
        Q_EMIT paused();
        return;
    }
    m_advanceTimer.start();
}

void SequenceRunner::finishRun(RunSummary::End end)
{
    m_stepTimer.stop();
    m_advanceTimer.stop();
    m_inStep = false;
    m_waitingForFrame = false;
    m_end = end;
    m_elapsedMs = msSinceStart(m_runClock.nsecsElapsed());
    m_unread = int(m_queue.size());
    m_queue.clear();
    setState(State::Idle);
    Q_EMIT finished(summary());
}
