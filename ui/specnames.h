#pragma once

#include "bytes/payload.h"

#include <QCoreApplication>
#include <QString>

// The words for a Payload::Spec's options, shared by the send box, its history and the quick commands, so the same
// option reads the same everywhere.
class SpecNames
{
    Q_DECLARE_TR_FUNCTIONS(SpecNames)
public:
    static QString checksum(Checksum::Algorithm algorithm);
    static QString lineEnding(Payload::LineEnding ending);
    // "Hex, CRLF, CRC-16/MODBUS": what differs from plain UTF-8 text; empty for the default spec.
    static QString tags(const Payload::Spec &spec);
    // The text on one line, cut to maxLength with an ellipsis, then its tags in brackets.
    static QString summary(const QString &text, const Payload::Spec &spec, int maxLength = 48);
};
