#include "script/step.h"

#include <utility>

namespace {

void setOk(bool *ok, bool value)
{
    if (ok)
        *ok = value;
}

template<typename Enum, size_t N>
Enum fromId(QByteArrayView id, const std::pair<Enum, const char *> (&table)[N], bool *ok)
{
    for (const auto &entry : table) {
        if (id == entry.second) {
            setOk(ok, true);
            return entry.first;
        }
    }
    setOk(ok, false);
    return table[0].first;
}

template<typename Enum, size_t N> QByteArray toId(Enum value, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &entry : table) {
        if (entry.first == value)
            return entry.second;
    }
    return table[0].second;
}

const std::pair<Step::Kind, const char *> kinds[] = {
    {Step::Kind::Send, "send"},
    {Step::Kind::Expect, "expect"},
    {Step::Kind::Wait, "wait"},
    {Step::Kind::RepeatBegin, "repeat"},
    {Step::Kind::RepeatEnd, "end-repeat"},
};

const std::pair<ExpectMatch, const char *> matches[] = {
    {ExpectMatch::Equals, "equals"},
    {ExpectMatch::StartsWith, "starts-with"},
    {ExpectMatch::Contains, "contains"},
    {ExpectMatch::Regex, "regex"},
    {ExpectMatch::HexPattern, "hex-pattern"},
};

const std::pair<SequenceTarget, const char *> targets[] = {
    {SequenceTarget::CurrentPeer, "current"},
    {SequenceTarget::AllPeers, "all"},
};

} // namespace

bool Step::operator==(const Step &o) const
{
    if (kind != o.kind || label != o.label)
        return false;
    switch (kind) {
    case Kind::Send:
        return enabled == o.enabled && send == o.send;
    case Kind::Expect:
        return enabled == o.enabled && expect == o.expect;
    case Kind::Wait:
        return enabled == o.enabled && waitMs == o.waitMs;
    case Kind::RepeatBegin:
        return repeatCount == o.repeatCount;
    case Kind::RepeatEnd:
        return true;
    }
    return false;
}

Step Step::makeSend(const QString &text, const Payload::Spec &spec, SequenceTarget target)
{
    Step step;
    step.kind = Kind::Send;
    step.send.text = text;
    step.send.spec = spec;
    step.send.target = target;
    return step;
}

Step Step::makeExpect(ExpectMatch match, const QString &pattern, int timeoutMs, const Payload::Spec &spec)
{
    Step step;
    step.kind = Kind::Expect;
    step.expect.match = match;
    step.expect.pattern = pattern;
    step.expect.timeoutMs = timeoutMs;
    step.expect.spec = spec;
    return step;
}

Step Step::makeWait(int ms)
{
    Step step;
    step.kind = Kind::Wait;
    step.waitMs = ms;
    return step;
}

Step Step::makeRepeat(int count)
{
    Step step;
    step.kind = Kind::RepeatBegin;
    step.repeatCount = count;
    return step;
}

Step Step::makeRepeatEnd()
{
    Step step;
    step.kind = Kind::RepeatEnd;
    return step;
}

bool Sequence::operator==(const Sequence &o) const
{
    return name == o.name && description == o.description && stopOnFailure == o.stopOnFailure && framing == o.framing
        && steps == o.steps;
}

namespace StepIds {

QByteArray kindId(Step::Kind kind)
{
    return toId(kind, kinds);
}

Step::Kind kindFromId(QByteArrayView id, bool *ok)
{
    return fromId(id, kinds, ok);
}

QByteArray matchId(ExpectMatch match)
{
    return toId(match, matches);
}

ExpectMatch matchFromId(QByteArrayView id, bool *ok)
{
    return fromId(id, matches, ok);
}

QByteArray targetId(SequenceTarget target)
{
    return toId(target, targets);
}

SequenceTarget targetFromId(QByteArrayView id, bool *ok)
{
    return fromId(id, targets, ok);
}

} // namespace StepIds
