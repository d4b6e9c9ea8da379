#pragma once

#include "script/stepresult.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

// A run as JUnit XML, so a CI system lists device checks like any other tests. The shape is the Apache Ant
// schema's, which the common readers (Jenkins, GitLab, Azure DevOps, GitHub actions' reporters) all accept:
//   <testsuites>
//     <testsuite name tests failures errors skipped time timestamp hostname id="0" package>
//       <properties> netassist.end, netassist.responses, netassist.response{Min,Median,Max}Ms,
//                    netassist.droppedFrames, netassist.unreadFrames </properties>
//       <testcase name classname time> [<failure message type>hex of the frame</failure> | <error ...> |
//                                       <skipped/>] </testcase>   one per executed step, in order
//       <system-out/> <system-err/>
//     </testsuite>
//   </testsuites>
// Times are seconds with three decimals; the timestamp is the run's start in UTC, written without a zone as the
// schema requires. A failed check (Timeout, Mismatch, ChecksumMismatch) is a <failure>; a step that could not be
// carried out (ChannelClosed, SendFailed, PayloadInvalid, PatternInvalid) is an <error>; disabled and stopped steps
// are <skipped>. type is the reason's id ("timeout"); the message comes from the caller, so its words are
// translated outside the core.
namespace JUnitReport {

struct Options
{
    QString suiteName; // empty: the sequence's name, or "sequence" when it has none
    QString hostname; // empty: QSysInfo::machineHostName(), or "localhost"
    // The message of a failed or stopped step, in the caller's words; unset: the reason's id, or "stopped".
    std::function<QString(const StepResult &)> message;
    // The testcase name; unset: caseName(). CI systems track a test's history by name, so the default does not
    // depend on the language.
    std::function<QString(const Sequence &, const StepResult &)> caseName;
};

// "3 expect (iteration 2)", "1 send: read registers": the 1-based row number, the kind's id, the label, the
// iteration inside a repeat block.
QString caseName(const Sequence &sequence, const StepResult &result);
// "timeout", "mismatch", "checksum-mismatch", "channel-closed", "send-failed", "payload-invalid", "pattern-invalid";
// "none" for None.
QByteArray reasonId(FailureReason reason);
// "completed", "stopped-on-failure", "channel-closed", "stopped".
QByteArray endId(RunSummary::End end);

QByteArray write(
    const Sequence &sequence, const QList<StepResult> &results, const RunSummary &summary, const Options &options = {});
bool write(QIODevice *device, const Sequence &sequence, const QList<StepResult> &results, const RunSummary &summary,
    const Options &options = {});

} // namespace JUnitReport
