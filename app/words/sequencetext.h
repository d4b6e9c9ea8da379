#pragma once

#include "script/sequenceerror.h"
#include "script/step.h"
#include "script/stepresult.h"

#include <QCoreApplication>
#include <QString>

// The words for a sequence's steps, results and file errors: one place for the window's Sequences panel and
// `netassist run`, so a failure reads the same in both and every word is translated.
class SequenceText
{
    Q_DECLARE_TR_FUNCTIONS(SequenceText)
public:
    static QString kind(Step::Kind kind); // "send", "expect"...
    static QString status(StepStatus status); // "passed", "failed"...
    // One line of what a step does, as the panel's row and the runner's header show it: "send hex 01 03 00 00",
    // "expect contains \"OK\" within 1000 ms", "wait 500 ms", "repeat 3 times".
    static QString describe(const Step &step);
    // What happened: for a passed step what it did ("12 bytes to 1 peer", "matched in 3.2 ms"), for a failed one
    // why, with the first difference and the frame it took.
    static QString outcome(const StepResult &result, const Sequence &sequence);
    static QString reason(FailureReason reason);
    static QString difference(const FrameDifference &difference);
    static QString end(RunSummary::End end);
    // "4 passed, 1 failed, 0 skipped; response min 1.2 / median 2.0 / max 3.1 ms; 1.53 s"
    static QString summary(const RunSummary &summary);
    // A file or step problem: "steps[2].pattern: odd number of hex digits at column 5" (the location, when from a
    // file, is the caller's: "file.json:12:9").
    static QString error(const SequenceError &error);
    // Bytes as a log shows them in a one-line message: hex, cut after `limit` bytes with the total.
    static QString bytes(const QByteArray &bytes, int limit = 32);
    static QString milliseconds(double ms);
};
