#include "sequencetext.h"

#include "bytes/hex.h"
#include "errortext.h"

QString SequenceText::kind(Step::Kind kind)
{
    switch (kind) {
    case Step::Kind::Send:
        return tr("send");
    case Step::Kind::Expect:
        return tr("expect");
    case Step::Kind::Wait:
        return tr("wait");
    case Step::Kind::RepeatBegin:
        return tr("repeat");
    case Step::Kind::RepeatEnd:
        return tr("end repeat");
    }
    return {};
}

QString SequenceText::status(StepStatus status)
{
    switch (status) {
    case StepStatus::Passed:
        return tr("passed");
    case StepStatus::Failed:
        return tr("failed");
    case StepStatus::Skipped:
        return tr("skipped");
    case StepStatus::Stopped:
        return tr("stopped");
    }
    return {};
}

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString matchWords(ExpectMatch match)
{
    switch (match) {
    case ExpectMatch::Equals:
        return SequenceText::tr("equals");
    case ExpectMatch::StartsWith:
        return SequenceText::tr("starts with");
    case ExpectMatch::Contains:
        return SequenceText::tr("contains");
    case ExpectMatch::Regex:
        return SequenceText::tr("matches the regex");
    case ExpectMatch::HexPattern:
        return SequenceText::tr("matches the hex pattern");
    }
    return {};
}

} // namespace

QString SequenceText::describe(const Step &step)
{
    switch (step.kind) {
    case Step::Kind::Send: {
        const QString what
            = step.send.spec.mode == Payload::Mode::Hex ? tr("hex %1").arg(step.send.text) : quoted(step.send.text);
        return step.send.target == SequenceTarget::AllPeers ? tr("send %1 to every peer").arg(what)
                                                            : tr("send %1").arg(what);
    }
    case Step::Kind::Expect: {
        const bool hexText = step.expect.match != ExpectMatch::Regex && step.expect.match != ExpectMatch::HexPattern
            && step.expect.spec.mode == Payload::Mode::Hex;
        const QString pattern = hexText ? tr("hex %1").arg(step.expect.pattern) : quoted(step.expect.pattern);
        if (step.expect.match == ExpectMatch::HexPattern)
            return tr("expect a frame that %1 %2 within %3 ms")
                .arg(matchWords(step.expect.match), step.expect.pattern)
                .arg(step.expect.timeoutMs);
        return tr("expect a frame that %1 %2 within %3 ms")
            .arg(matchWords(step.expect.match), pattern)
            .arg(step.expect.timeoutMs);
    }
    case Step::Kind::Wait:
        return tr("wait %1 ms").arg(step.waitMs);
    case Step::Kind::RepeatBegin:
        return tr("repeat %n time(s)", nullptr, step.repeatCount);
    case Step::Kind::RepeatEnd:
        return tr("end of the repeated steps");
    }
    return {};
}

QString SequenceText::reason(FailureReason reason)
{
    switch (reason) {
    case FailureReason::None:
        return {};
    case FailureReason::Timeout:
        return tr("no frame arrived in time");
    case FailureReason::Mismatch:
        return tr("the frame is not the expected one");
    case FailureReason::ChecksumMismatch:
        return tr("the frame's checksum is wrong");
    case FailureReason::ChannelClosed:
        return tr("the connection is closed");
    case FailureReason::SendFailed:
        return tr("nothing was sent: no peer to send to");
    case FailureReason::PayloadInvalid:
        return tr("the payload cannot be built");
    case FailureReason::PatternInvalid:
        return tr("the pattern is invalid");
    }
    return {};
}

QString SequenceText::difference(const FrameDifference &d)
{
    const QString actual = d.actual >= 0 ? Hex::format(QByteArray(1, char(d.actual))) : QString();
    switch (d.kind) {
    case FrameDifference::Kind::None:
        return {};
    case FrameDifference::Kind::Byte:
        return tr("byte %1 is %2, expected %3").arg(d.offset).arg(actual, d.expectedText());
    case FrameDifference::Kind::FrameShorter:
        return d.hasExpected ? tr("the frame ends at byte %1, expected %2 there").arg(d.offset).arg(d.expectedText())
                             : tr("the frame ends at byte %1, too short").arg(d.offset);
    case FrameDifference::Kind::FrameLonger:
        return tr("the frame goes on at byte %1 (%2), longer than expected").arg(d.offset).arg(actual);
    case FrameDifference::Kind::NotFound:
        return d.offset > 0 ? tr("not found from byte %1 on").arg(d.offset) : tr("not found in the frame");
    case FrameDifference::Kind::Checksum:
        return tr("checksum at byte %1 is %2, computed %3")
            .arg(d.offset)
            .arg(Hex::format(d.actualBytes), Hex::format(d.expectedBytes));
    }
    return {};
}

QString SequenceText::bytes(const QByteArray &bytes, int limit)
{
    if (bytes.isEmpty())
        return tr("(no bytes)");
    if (bytes.size() <= limit)
        return Hex::format(bytes);
    return tr("%1 \u2026 (%n byte(s))", nullptr, int(bytes.size())).arg(Hex::format(bytes.first(limit)));
}

QString SequenceText::milliseconds(double ms)
{
    return tr("%1 ms").arg(QString::number(ms, 'f', ms < 10 ? 2 : 1));
}

QString SequenceText::outcome(const StepResult &r, const Sequence &sequence)
{
    const Step step = sequence.steps.value(r.stepIndex);
    if (r.status == StepStatus::Skipped)
        return tr("disabled");
    if (r.status == StepStatus::Stopped)
        return tr("stopped before it finished");
    if (r.status == StepStatus::Passed) {
        switch (r.kind) {
        case Step::Kind::Send:
            return tr("%n byte(s) to %1", nullptr, int(r.bytes.size()))
                .arg(tr("%n peer(s)", nullptr, r.peers))
                .append(QStringLiteral(": ") + bytes(r.bytes));
        case Step::Kind::Expect:
            return (r.responseMs >= 0 ? tr("matched after %1").arg(milliseconds(r.responseMs)) : tr("matched"))
                .append(QStringLiteral(": ") + bytes(r.bytes));
        case Step::Kind::Wait:
            return tr("waited %1").arg(milliseconds(r.durationMs));
        default:
            return {};
        }
    }
    QString text = reason(r.reason);
    switch (r.reason) {
    case FailureReason::Timeout:
        text = tr("no frame within %1 ms").arg(step.expect.timeoutMs);
        break;
    case FailureReason::Mismatch:
    case FailureReason::ChecksumMismatch:
        text += QStringLiteral(": ") + difference(r.difference);
        if (r.responseMs >= 0)
            text += QStringLiteral("; ") + tr("after %1").arg(milliseconds(r.responseMs));
        text += QStringLiteral("; ") + tr("frame: %1").arg(bytes(r.bytes));
        break;
    case FailureReason::PayloadInvalid:
    case FailureReason::PatternInvalid:
        text += QStringLiteral(": ") + error(r.problem);
        break;
    default:
        break;
    }
    return text;
}

QString SequenceText::end(RunSummary::End end)
{
    switch (end) {
    case RunSummary::End::Completed:
        return tr("completed");
    case RunSummary::End::StoppedOnFailure:
        return tr("stopped at the first failure");
    case RunSummary::End::ChannelClosed:
        return tr("ended: the connection closed");
    case RunSummary::End::Stopped:
        return tr("stopped");
    }
    return {};
}

QString SequenceText::summary(const RunSummary &s)
{
    QString text = tr("%1 passed, %2 failed, %3 skipped").arg(s.passed).arg(s.failed).arg(s.skipped);
    if (s.stopped > 0)
        text += tr(", %1 stopped").arg(s.stopped);
    if (s.responses > 0) {
        text += QStringLiteral("; ")
            + tr("response min %1 / median %2 / max %3")
                  .arg(milliseconds(s.minResponseMs), milliseconds(s.medianResponseMs), milliseconds(s.maxResponseMs));
    }
    text += QStringLiteral("; ") + tr("%1 s").arg(QString::number(s.elapsedMs / 1000.0, 'f', 2));
    if (s.droppedFrames > 0)
        text += QStringLiteral("; ") + tr("%n frame(s) dropped (queue full)", nullptr, s.droppedFrames);
    if (s.unreadFrames > 0)
        text += QStringLiteral("; ") + tr("%n frame(s) not expected by any step", nullptr, s.unreadFrames);
    return text;
}

namespace {

QString hexPatternError(HexPattern::Error error, qsizetype position)
{
    const QString column = QString::number(position + 1);
    switch (error) {
    case HexPattern::Error::None:
        return {};
    case HexPattern::Error::Empty:
        return SequenceText::tr("the hex pattern is empty");
    case HexPattern::Error::OddDigitCount:
        return SequenceText::tr("odd number of hex digits at column %1 (write 0A, not A)").arg(column);
    case HexPattern::Error::BadCharacter:
        return SequenceText::tr("column %1 is not a hex digit, ??, ?, or ..").arg(column);
    }
    return {};
}

QString what(const SequenceError &e)
{
    using K = SequenceError::Kind;
    switch (e.kind) {
    case K::None:
        return {};
    case K::NotJson:
        return SequenceText::tr("not valid JSON (%1)").arg(e.detail);
    case K::NotSequence:
        return SequenceText::tr("not a NetAssist sequence (\"format\" must be \"netassist-sequence\")");
    case K::NewerVersion:
        return SequenceText::tr("written by a newer NetAssist (this one reads version %1)").arg(1);
    case K::MissingField:
        return SequenceText::tr("missing");
    case K::UnknownField:
        return SequenceText::tr("unknown field (misspelt?)");
    case K::WrongType:
        return SequenceText::tr("wrong type");
    case K::BadValue:
        return SequenceText::tr("not one of the accepted values");
    case K::BadNumber:
        return SequenceText::tr("must be a whole number from %1 to %2").arg(e.minimum).arg(e.maximum);
    case K::UnknownStep:
        return SequenceText::tr("unknown step (send, expect, wait, repeat, end-repeat)");
    case K::BadPayload:
    case K::BadPattern:
        return ErrorText::payload(e.payload, {});
    case K::EmptyPattern:
        return SequenceText::tr("the pattern is empty");
    case K::BadRegex:
        return SequenceText::tr("bad regular expression at column %1 (%2)").arg(e.position + 1).arg(e.detail);
    case K::BadHexPattern:
        return hexPatternError(e.hexError, e.position);
    case K::UnknownEncoding:
        return SequenceText::tr("this encoding is not available");
    case K::RepeatUnbalanced:
        return SequenceText::tr("a repeat and its end-repeat do not pair up");
    case K::RepeatNested:
        return SequenceText::tr("a repeat inside a repeat (blocks do not nest)");
    }
    return {};
}

} // namespace

QString SequenceText::error(const SequenceError &e)
{
    const QString path = e.path();
    return path.isEmpty() ? what(e) : QStringLiteral("%1: %2").arg(path, what(e));
}
