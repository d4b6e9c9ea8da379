#include "script/sequenceerror.h"

#include "script/expectation.h"

#include <algorithm>

namespace {

SequenceError error(SequenceError::Kind kind, int index, const QString &field = {})
{
    SequenceError e;
    e.kind = kind;
    e.stepIndex = index;
    e.field = field;
    return e;
}

SequenceError badNumber(int index, const QString &field, qint64 minimum, qint64 maximum)
{
    SequenceError e = error(SequenceError::Kind::BadNumber, index, field);
    e.minimum = minimum;
    e.maximum = maximum;
    return e;
}

SequenceError expectProblem(const ExpectStep &expect, int index)
{
    using Kind = SequenceError::Kind;
    if (expect.timeoutMs < 0 || expect.timeoutMs > StepLimits::MaxTimeoutMs)
        return badNumber(index, QStringLiteral("timeoutMs"), 0, StepLimits::MaxTimeoutMs);
    const Expectation compiled = Expectation::compile(expect);
    const QString pattern = QStringLiteral("pattern");
    SequenceError e;
    switch (compiled.error()) {
    case Expectation::Error::None:
        return e;
    case Expectation::Error::EmptyPattern:
        return error(Kind::EmptyPattern, index, pattern);
    case Expectation::Error::BadPattern:
        e = error(Kind::BadPattern, index, pattern);
        e.payload = compiled.payload();
        e.position = compiled.payload().errorPos;
        return e;
    case Expectation::Error::BadRegex:
        e = error(Kind::BadRegex, index, pattern);
        e.position = compiled.regexErrorOffset();
        e.detail = compiled.regexError();
        return e;
    case Expectation::Error::BadHexPattern:
        e = error(Kind::BadHexPattern, index, pattern);
        e.hexError = compiled.hexPattern().error;
        e.position = compiled.hexPattern().errorPos;
        return e;
    case Expectation::Error::UnknownEncoding:
        return error(Kind::UnknownEncoding, index, QStringLiteral("encoding"));
    }
    return e;
}

} // namespace

QString SequenceError::path() const
{
    if (stepIndex < 0)
        return field;
    const QString step = QStringLiteral("steps[%1]").arg(stepIndex);
    return field.isEmpty() ? step : step + u'.' + field;
}

namespace SequenceCheck {

SequenceError step(const Step &step, int index)
{
    switch (step.kind) {
    case Step::Kind::Send: {
        const Payload::Result built = Payload::build(step.send.text, step.send.spec);
        if (built.ok())
            return {};
        SequenceError e = error(SequenceError::Kind::BadPayload, index, QStringLiteral("text"));
        e.payload = built;
        e.position = built.errorPos;
        return e;
    }
    case Step::Kind::Expect:
        return expectProblem(step.expect, index);
    case Step::Kind::Wait:
        if (step.waitMs < 0 || step.waitMs > StepLimits::MaxWaitMs)
            return badNumber(index, QStringLiteral("ms"), 0, StepLimits::MaxWaitMs);
        return {};
    case Step::Kind::RepeatBegin:
        if (step.repeatCount < 1 || step.repeatCount > StepLimits::MaxRepeatCount)
            return badNumber(index, QStringLiteral("count"), 1, StepLimits::MaxRepeatCount);
        return {};
    case Step::Kind::RepeatEnd:
        return {};
    }
    return {};
}

SequenceError structure(const QList<Step> &steps)
{
    int open = -1;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).kind == Step::Kind::RepeatBegin) {
            if (open >= 0)
                return error(SequenceError::Kind::RepeatNested, i);
            open = i;
        } else if (steps.at(i).kind == Step::Kind::RepeatEnd) {
            if (open < 0)
                return error(SequenceError::Kind::RepeatUnbalanced, i);
            open = -1;
        }
    }
    if (open >= 0)
        return error(SequenceError::Kind::RepeatUnbalanced, open);
    return {};
}

QList<SequenceError> problems(const Sequence &sequence)
{
    QList<SequenceError> found;
    for (int i = 0; i < sequence.steps.size(); ++i) {
        SequenceError e = step(sequence.steps.at(i), i);
        if (!e.ok())
            found.append(std::move(e));
    }
    SequenceError shape = structure(sequence.steps);
    if (!shape.ok()) {
        // A structure problem belongs before the step problems that follow its marker.
        const auto at = std::find_if(
            found.begin(), found.end(), [&](const SequenceError &e) { return e.stepIndex > shape.stepIndex; });
        found.insert(at, std::move(shape));
    }
    return found;
}

} // namespace SequenceCheck
