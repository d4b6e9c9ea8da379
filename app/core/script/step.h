#pragma once

#include "bytes/payload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A sequence is a hand test written down: send a command, check the answer, wait, repeat. These are plain values
// (no Qt object, no session) so that the window's editor, the JSON file and the runner share one model.
//
// Repeat blocks are RepeatBegin ... RepeatEnd markers in the flat step list (the editor shows them as rows, the
// file as steps). They do not nest: a RepeatBegin inside a block is refused (SequenceError::RepeatNested), because
// a step's result names one iteration and a hand test rarely needs more.

// Ranges the checks, the file and the editor's spin boxes share.
namespace StepLimits {
inline constexpr int MaxTimeoutMs = 24 * 60 * 60 * 1000;
inline constexpr int MaxWaitMs = 24 * 60 * 60 * 1000;
inline constexpr int MaxRepeatCount = 1000000;
} // namespace StepLimits

enum class SequenceTarget { CurrentPeer, AllPeers };

struct SendStep
{
    QString text; // built with Payload::build(text, spec), exactly as the send box does
    Payload::Spec spec;
    SequenceTarget target = SequenceTarget::CurrentPeer;
    bool operator==(const SendStep &o) const { return text == o.text && spec == o.spec && target == o.target; }
};

// The reply's last width(algorithm) bytes are a checksum over the bytes before them.
struct ReplyChecksum
{
    Checksum::Algorithm algorithm = Checksum::Algorithm::None;
    Checksum::ByteOrder order = Checksum::ByteOrder::BigEndian;
    bool operator==(const ReplyChecksum &o) const { return algorithm == o.algorithm && order == o.order; }
};

enum class ExpectMatch { Equals, StartsWith, Contains, Regex, HexPattern };

struct ExpectStep
{
    ExpectMatch match = ExpectMatch::Equals;
    // Equals / StartsWith / Contains: Payload::build(pattern, spec) gives the bytes (text in spec.encoding with
    // spec.escapes and spec.lineEnding, or hex in spec.mode Hex); spec.checksum is not used (see checksum below).
    // Regex: searched, unanchored, in the frame decoded with spec.encoding (the regex has its own escapes).
    // HexPattern: HexPattern::parse, matched against the whole frame; spec is not used.
    QString pattern;
    Payload::Spec spec;
    int timeoutMs = 1000; // how long to wait for the frame (0: only a frame already queued)
    ReplyChecksum checksum;
    bool operator==(const ExpectStep &o) const
    {
        return match == o.match && pattern == o.pattern && spec == o.spec && timeoutMs == o.timeoutMs
            && checksum == o.checksum;
    }
};

struct Step
{
    enum class Kind { Send, Expect, Wait, RepeatBegin, RepeatEnd };

    Kind kind = Kind::Send;
    QString label; // free text the user gives the step ("read registers")
    bool enabled = true; // a disabled step is reported Skipped; markers ignore it (they are structure)
    SendStep send;
    ExpectStep expect;
    int waitMs = 0; // Wait
    int repeatCount = 1; // RepeatBegin: how many times the block runs (at least 1)

    // Only the fields of the step's kind are compared (an editor may keep the others while the kind changes).
    bool operator==(const Step &o) const;
    bool operator!=(const Step &o) const { return !(*this == o); }

    static Step makeSend(
        const QString &text, const Payload::Spec &spec = {}, SequenceTarget target = SequenceTarget::CurrentPeer);
    static Step makeExpect(
        ExpectMatch match, const QString &pattern, int timeoutMs = 1000, const Payload::Spec &spec = {});
    static Step makeWait(int ms);
    static Step makeRepeat(int count);
    static Step makeRepeatEnd();
};

struct Sequence
{
    QString name;
    QString description; // free text, kept as written
    bool stopOnFailure = true; // false: a failed step is reported and the next one runs
    // How the host groups received bytes into frames for the expect steps; kept as written (the host reads it,
    // e.g. with the receive options' JSON), so the script library does not depend on the log's Framer.
    QJsonObject framing;
    QList<Step> steps;

    bool operator==(const Sequence &o) const;
    bool operator!=(const Sequence &o) const { return !(*this == o); }
};

// Stable identifiers for files ("hex-pattern", "end-repeat", "all"); the fromId functions set *ok to false and
// return the default for an unknown id.
namespace StepIds {

QByteArray kindId(Step::Kind kind);
Step::Kind kindFromId(QByteArrayView id, bool *ok = nullptr);
QByteArray matchId(ExpectMatch match);
ExpectMatch matchFromId(QByteArrayView id, bool *ok = nullptr);
QByteArray targetId(SequenceTarget target);
SequenceTarget targetFromId(QByteArrayView id, bool *ok = nullptr);

} // namespace StepIds
