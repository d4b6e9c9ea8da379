#pragma once

#include "bytes/payload.h"
#include "script/hexpattern.h"
#include "script/step.h"

#include <QString>

// What is wrong with a sequence or its file, as data: the window and `netassist run` put it into words. Where it
// is: a path ("steps[3].pattern") and, for a file, the line and column.
struct SequenceError
{
    enum class Kind {
        None,
        NotJson, // a JSON syntax error at line:column; detail is QJsonParseError::errorString()
        NotSequence, // JSON, but not an object with "format": "netassist-sequence"
        NewerVersion, // "version" is above SequenceJson::FormatVersion, or not a whole number
        MissingField, // field must be there
        UnknownField, // field is not part of the format (a typo is reported, not ignored)
        WrongType, // field has the wrong JSON type (a string where a number belongs...)
        BadValue, // field is not one of its ids ("mode": "hax"), or an encoding this Qt lacks
        BadNumber, // field is not a whole number in [minimum, maximum]
        UnknownStep, // "step" names no step kind
        BadPayload, // a send's text: payload says why (as the send box would)
        EmptyPattern, // an expect's pattern has nothing to compare with
        BadPattern, // an expect's text pattern: payload says why
        BadRegex, // position: index in the pattern; detail: QRegularExpression::errorString()
        BadHexPattern, // hexError at position
        UnknownEncoding, // a regex expect's encoding is not available
        RepeatUnbalanced, // an end-repeat with no repeat before it, or a repeat never ended (stepIndex: the marker)
        RepeatNested // a repeat inside a repeat block (stepIndex: the inner repeat)
    };

    Kind kind = Kind::None;
    int stepIndex = -1; // -1: the sequence itself (or the file)
    QString field; // key inside the step, or at the top level when stepIndex is -1; empty: the whole step
    int line = 0; // 1-based, in the file; 0 when unknown or not from a file
    int column = 0; // 1-based, in characters (code points)
    qsizetype position = -1; // BadRegex, BadHexPattern: index in the pattern; BadPayload, BadPattern: payload.errorPos
    Payload::Result payload; // BadPayload, BadPattern
    HexPattern::Error hexError = HexPattern::Error::None;
    qint64 minimum = 0; // BadNumber: the accepted range
    qint64 maximum = 0;
    QString detail; // Qt's own technical text (JSON syntax, regex): for a tooltip, never the only explanation

    bool ok() const { return kind == Kind::None; }
    // "steps[3].pattern", "steps[3]", "steps", "version", or "" for the whole file.
    QString path() const;
};

// The checks that do not need a file: the editor shows them per step, the loader refuses a file that fails them.
namespace SequenceCheck {

// The problem of one step (kind None when it can run); stepIndex is set to index. Disabled steps are checked too:
// disabling a step must not hide that it is broken.
SequenceError step(const Step &step, int index);
// Repeat markers: balanced and not nested. The first problem, or kind None.
SequenceError structure(const QList<Step> &steps);
// Every problem, in step order (a structure problem sits at its marker).
QList<SequenceError> problems(const Sequence &sequence);

} // namespace SequenceCheck
