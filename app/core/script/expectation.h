#pragma once

#include "bytes/payload.h"
#include "script/framedifference.h"
#include "script/hexpattern.h"
#include "script/step.h"

#include <QByteArray>
#include <QRegularExpression>

// An expect step made ready to check frames: the text pattern built into bytes (so GBK text is compared with GBK
// bytes), the regex compiled, the hex pattern parsed. The runner and the sequence check both compile through here,
// so a step the editor accepts is a step the runner can run.
//
// A frame passes when the pattern matches and, with a reply checksum, its last width bytes equal the checksum of
// the bytes before them (in the step's byte order). The pattern is checked first; a frame not longer than the
// checksum has nothing to check it over and fails the checksum.
class Expectation
{
public:
    enum class Error {
        None,
        EmptyPattern, // nothing to compare with (an empty text, regex or hex pattern)
        BadPattern, // Equals / StartsWith / Contains: Payload::build failed (payload() says how)
        BadRegex, // regexError() / regexErrorOffset()
        BadHexPattern, // hexPattern().error / errorPos
        UnknownEncoding // Regex: the frame cannot be decoded in spec.encoding
    };

    enum class Outcome { Passed, Mismatch, ChecksumMismatch };

    struct Check
    {
        Outcome outcome = Outcome::Passed;
        FrameDifference difference;
        bool passed() const { return outcome == Outcome::Passed; }
    };

    static Expectation compile(const ExpectStep &step);

    Error error() const { return m_error; }
    bool ok() const { return m_error == Error::None; }
    const Payload::Result &payload() const { return m_payload; } // BadPattern, or the pattern's bytes
    const HexPattern::ParseResult &hexPattern() const { return m_hex; }
    QString regexError() const { return m_regex.errorString(); }
    qsizetype regexErrorOffset() const { return m_regex.patternErrorOffset(); }

    // A frame checked by an invalid expectation is a Mismatch with no difference.
    Check check(QByteArrayView frame) const;

private:
    FrameDifference comparePattern(QByteArrayView frame) const;
    FrameDifference compareChecksum(QByteArrayView frame) const;

    Error m_error = Error::None;
    ExpectMatch m_match = ExpectMatch::Equals;
    QByteArray m_encoding;
    ReplyChecksum m_checksum;
    Payload::Result m_payload;
    QRegularExpression m_regex;
    HexPattern::ParseResult m_hex;
};
