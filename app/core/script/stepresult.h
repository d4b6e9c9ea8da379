#pragma once

#include "script/framedifference.h"
#include "script/sequenceerror.h"
#include "script/step.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>

enum class StepStatus {
    Passed,
    Failed,
    Skipped, // a disabled step: reported, not executed
    Stopped // the step that was running when the run was stopped
};

enum class FailureReason {
    None,
    Timeout, // expect: no frame within timeoutMs
    Mismatch, // expect: the frame is not what the pattern says (difference says where)
    ChecksumMismatch, // expect: the pattern matched, the reply's checksum did not (difference holds both)
    ChannelClosed, // send / expect: the connection is gone (ends the run, whatever stopOnFailure says)
    SendFailed, // send: the channel took it to no peer
    PayloadInvalid, // send: Payload::build failed (problem says how)
    PatternInvalid // expect: the pattern cannot be compiled (problem says how)
};

// One executed step of one run (a step inside a repeat block has one result per iteration).
struct StepResult
{
    int stepIndex = -1; // into Sequence::steps (markers counted, as the editor numbers rows)
    int iteration = 0; // 1..count inside a repeat block, 0 outside
    Step::Kind kind = Step::Kind::Send;
    StepStatus status = StepStatus::Passed;
    FailureReason reason = FailureReason::None;
    QByteArray bytes; // send: the bytes sent; expect: the frame it took, matched or not
    int peers = 0; // send: how many peers the bytes went to
    FrameDifference difference; // Mismatch, ChecksumMismatch
    SequenceError problem; // PayloadInvalid, PatternInvalid: what SequenceCheck says of the step
    // expect with a frame: from the last send before the expect started to the frame's arrival; -1 when there was
    // no send yet in this run or the frame arrived before that send (it answered something else).
    double responseMs = -1;
    double startedMs = 0; // since the run started
    double durationMs = 0; // from the step's start to its result

    bool passed() const { return status == StepStatus::Passed; }
};

struct RunSummary
{
    enum class End {
        Completed, // every step ran (some may have failed with stopOnFailure off)
        StoppedOnFailure, // a step failed and the sequence stops on the first failure
        ChannelClosed, // the connection went away
        Stopped // stop() was called
    };

    End end = End::Completed;
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    int stopped = 0;
    // Over every expect result with a response time (failed ones too: a wrong answer still took that long).
    int responses = 0;
    double minResponseMs = -1;
    double medianResponseMs = -1; // the mean of the two middle values for an even count
    double maxResponseMs = -1;
    double elapsedMs = 0;
    QDateTime startedAt; // UTC
    int droppedFrames = 0; // frames lost because the queue was full
    int unreadFrames = 0; // frames still queued when the run ended (the device said more than was expected)

    // What `netassist run` exits 0 for.
    bool allPassed() const { return end == End::Completed && failed == 0 && stopped == 0; }

    // The counts and response times of results; the other fields are left for the runner.
    static RunSummary of(const QList<StepResult> &results);
};

Q_DECLARE_METATYPE(StepResult)
Q_DECLARE_METATYPE(RunSummary)
