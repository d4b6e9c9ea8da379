#pragma once

#include "net/relaycontrol.h"

#include <QCoreApplication>
#include <QString>

// The words for a relay's faults and what they did, for the log and the faults panels: the core reports them as
// RelayControl::FaultEvent, so they follow the window's language and a text capture keeps them machine-readable.
class RelayText
{
    Q_DECLARE_TR_FUNCTIONS(RelayText)
public:
    // "delay 100 ms, split 16 B / 5 ms"; "no faults" when none.
    static QString faults(const RelayControl::Faults &faults);
    // "Fault, client → target: closed after 1,024 bytes"
    static QString event(RelayControl::Side from, const RelayControl::FaultEvent &event);
};
