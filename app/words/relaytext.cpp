#include "relaytext.h"

#include <QStringList>

#include <algorithm>
#include <climits>

namespace {
int count(qint64 bytes)
{
    return int(std::min<qint64>(bytes, INT_MAX));
}
} // namespace

QString RelayText::faults(const RelayControl::Faults &faults)
{
    QStringList parts;
    if (faults.delayMs > 0)
        parts << tr("delay %1 ms").arg(faults.delayMs);
    if (faults.rateKiBps > 0)
        parts << tr("limit %1 KiB/s").arg(faults.rateKiBps);
    if (faults.chunkBytes > 0)
        parts << tr("split %1 B / %2 ms").arg(faults.chunkBytes).arg(faults.chunkGapMs);
    if (faults.cutAfterBytes > 0) {
        parts << (faults.cutWithReset ? tr("reset after %1 B").arg(faults.cutAfterBytes)
                                      : tr("close after %1 B").arg(faults.cutAfterBytes));
    }
    if (faults.dropPercent > 0)
        parts << tr("drop %1% of datagrams").arg(faults.dropPercent);
    return parts.isEmpty() ? tr("no faults") : parts.join(QStringLiteral(", "));
}

QString RelayText::event(RelayControl::Side from, const RelayControl::FaultEvent &event)
{
    using Kind = RelayControl::FaultEvent::Kind;
    QString what;
    switch (event.kind) {
    case Kind::Changed:
        what = faults(event.faults);
        break;
    case Kind::Closed:
        what = tr("closed after %n byte(s)", nullptr, count(event.bytes));
        break;
    case Kind::Reset:
        what = tr("reset after %n byte(s)", nullptr, count(event.bytes));
        break;
    case Kind::Dropped:
        what = tr("dropped a datagram of %n byte(s)", nullptr, count(event.bytes));
        break;
    case Kind::Overflowed:
        what = tr("queue full: dropped a datagram of %n byte(s)", nullptr, count(event.bytes));
        break;
    }
    return from == RelayControl::Side::Client ? tr("Fault, client → target: %1").arg(what)
                                              : tr("Fault, target → client: %1").arg(what);
}
