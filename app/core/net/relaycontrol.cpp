#include "net/relaycontrol.h"

#include <QStringList>

QString RelayControl::describe(const Faults &faults)
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
    return parts.join(QStringLiteral(", "));
}
