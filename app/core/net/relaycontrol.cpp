#include "net/relaycontrol.h"

#include <QList>

#include <climits>

namespace {
struct KindName
{
    RelayControl::FaultEvent::Kind kind;
    const char *name;
};
constexpr KindName KindNames[] = {
    {RelayControl::FaultEvent::Kind::Changed, "changed"},
    {RelayControl::FaultEvent::Kind::Closed, "closed"},
    {RelayControl::FaultEvent::Kind::Reset, "reset"},
    {RelayControl::FaultEvent::Kind::Dropped, "dropped"},
    {RelayControl::FaultEvent::Kind::Overflowed, "overflowed"},
};
} // namespace

QByteArray RelayControl::FaultEvent::encode() const
{
    QByteArray text;
    for (const KindName &k : KindNames) {
        if (k.kind == kind)
            text = k.name;
    }
    if (kind != Kind::Changed)
        return text + ' ' + QByteArray::number(bytes);
    const Faults &f = faults;
    return text + " delay=" + QByteArray::number(f.delayMs) + " rate=" + QByteArray::number(f.rateKiBps)
        + " chunk=" + QByteArray::number(f.chunkBytes) + " gap=" + QByteArray::number(f.chunkGapMs)
        + " cut=" + QByteArray::number(f.cutAfterBytes) + " reset=" + QByteArray::number(f.cutWithReset ? 1 : 0)
        + " drop=" + QByteArray::number(f.dropPercent);
}

std::optional<RelayControl::FaultEvent> RelayControl::FaultEvent::decode(QByteArrayView text)
{
    const QList<QByteArray> words = text.toByteArray().split(' ');
    FaultEvent event;
    bool known = false;
    for (const KindName &k : KindNames) {
        if (words.value(0) == k.name) {
            event.kind = k.kind;
            known = true;
        }
    }
    if (!known || words.size() < 2)
        return std::nullopt;
    bool ok = true;
    if (event.kind != Kind::Changed) {
        event.bytes = words.at(1).toLongLong(&ok);
        return ok && words.size() == 2 ? std::optional<FaultEvent>(event) : std::nullopt;
    }
    for (qsizetype i = 1; i < words.size() && ok; ++i) {
        const QByteArray &word = words.at(i);
        const qsizetype equals = word.indexOf('=');
        const QByteArray key = word.left(equals);
        const qint64 value = word.mid(equals + 1).toLongLong(&ok);
        if (equals <= 0 || value < 0 || value > INT_MAX)
            return std::nullopt;
        Faults &f = event.faults;
        if (key == "delay")
            f.delayMs = int(value);
        else if (key == "rate")
            f.rateKiBps = int(value);
        else if (key == "chunk")
            f.chunkBytes = int(value);
        else if (key == "gap")
            f.chunkGapMs = int(value);
        else if (key == "cut")
            f.cutAfterBytes = value;
        else if (key == "reset")
            f.cutWithReset = value != 0;
        else if (key == "drop")
            f.dropPercent = int(value);
        // An unknown key is a fault of a later version: what is known is still shown.
    }
    return ok ? std::optional<FaultEvent>(event) : std::nullopt;
}
