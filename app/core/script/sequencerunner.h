#pragma once

#include "script/expectation.h"
#include "script/sequencechannel.h"
#include "script/stepcursor.h"
#include "script/stepresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Runs a sequence over a SequenceChannel without ever blocking: sends are handed to the channel, waits and expect
// timeouts are precise single-shot timers, and each step starts on its own event-loop turn (a repeat of a thousand
// sends cannot freeze the window, and stop() is honoured between any two steps).
//
// Frames: the host calls frameReceived() for every frame its framing produces (the tab's recorder, or the headless
// command's framer). While a run is on (running or paused), each frame joins a queue; an expect takes the oldest
// queued frame, at once if there is one, or else the first to arrive before its timeout. So a reply that came
// early (during a wait, or while paused) is not lost, and each expect checks exactly one frame: "the next frame".
// Frames that arrive while no run is on are ignored, and a run starts with an empty queue. The queue holds at most
// queueLimit() frames; past that the oldest is dropped and counted (RunSummary::droppedFrames).
//
// A failed step ends the run when the sequence stops on failure; ChannelClosed always ends it (every later send or
// expect would fail the same way). The host tells a waiting expect that the connection went away through
// channelClosed(); frames already queued are still checked first (a device may answer and then close).
//
// Step mode: step() runs exactly the next step and pauses (the queue keeps filling); run() goes on from there.
class SequenceRunner : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused };
    Q_ENUM(State)

    static constexpr int DefaultQueueLimit = 256;

    explicit SequenceRunner(QObject *parent = nullptr);
    ~SequenceRunner() override;

    // Not owned; it must outlive any run (or be replaced while idle).
    void setChannel(SequenceChannel *channel);
    SequenceChannel *channel() const { return m_channel; }
    // Refused (false) while a run is on.
    bool setSequence(const Sequence &sequence);
    const Sequence &sequence() const { return m_sequence; }
    void setQueueLimit(int frames);
    int queueLimit() const { return m_queueLimit; }
    int queuedFrames() const { return int(m_queue.size()); }

    State state() const { return m_state; }
    // The current or last run: one result per executed step, and its summary so far.
    const QList<StepResult> &results() const { return m_results; }
    RunSummary summary() const;

public Q_SLOTS:
    // From Idle: starts a run (false, and nothing starts, when the repeat markers do not pair up: check with
    // SequenceCheck first). From Paused: goes on. While running: cancels a pending pause.
    bool run();
    // From Idle: starts a run that pauses after its first step. From Paused: runs the next step and pauses again.
    // While running: pauses after the current step. The last step ends the run instead of pausing.
    bool step();
    // Ends the run: a step in progress (a wait, an expect waiting) is reported Stopped.
    void stop();
    void frameReceived(const QByteArray &frame);
    void channelClosed();

Q_SIGNALS:
    void stateChanged(SequenceRunner::State state);
    void stepStarted(int stepIndex, int iteration);
    void stepFinished(const StepResult &result);
    void paused();
    void finished(const RunSummary &summary);

private:
    struct QueuedFrame
    {
        QByteArray bytes;
        qint64 arrivedNs = 0; // on m_runClock
    };

    bool start(bool pauseAfterStep);
    void setState(State state);
    void advance();
    void runSend(const Step &step);
    void runExpect(const Step &step);
    void takeFrame();
    void onTimer();
    void finishStep(StepStatus status, FailureReason reason = FailureReason::None);
    void fail(FailureReason reason) { finishStep(StepStatus::Failed, reason); }
    void finishRun(RunSummary::End end);
    double msSinceStart(qint64 ns) const { return double(ns) / 1e6; }

    SequenceChannel *m_channel = nullptr;
    Sequence m_sequence;
    int m_queueLimit = DefaultQueueLimit;
    State m_state = State::Idle;
    bool m_pauseAfterStep = false;

    StepCursor m_cursor;
    bool m_inStep = false;
    bool m_waitingForFrame = false;
    StepResult m_current;
    Expectation m_expectation;
    QList<QueuedFrame> m_queue;
    QList<StepResult> m_results;

    QElapsedTimer m_runClock;
    qint64 m_stepStartNs = 0;
    qint64 m_lastSendNs = -1;
    QDateTime m_startedAt;
    double m_elapsedMs = 0;
    int m_dropped = 0;
    int m_unread = 0;
    RunSummary::End m_end = RunSummary::End::Completed;

    QTimer m_stepTimer; // a wait, or an expect's timeout
    QTimer m_advanceTimer; // starts the next step on the next event-loop turn
};
