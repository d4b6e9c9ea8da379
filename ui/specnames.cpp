#include "specnames.h"

#include "text/codecs.h"

#include <QStringList>

QString SpecNames::checksum(Checksum::Algorithm algorithm)
{
    switch (algorithm) {
    case Checksum::Algorithm::None:
        return tr("None", "checksum");
    case Checksum::Algorithm::Sum8:
        return tr("SUM8");
    case Checksum::Algorithm::Xor8:
        return tr("XOR8");
    case Checksum::Algorithm::Crc8:
        return tr("CRC-8");
    case Checksum::Algorithm::Crc16Modbus:
        return tr("CRC-16/MODBUS");
    case Checksum::Algorithm::Crc16CcittFalse:
        return tr("CRC-16/CCITT-FALSE");
    case Checksum::Algorithm::Crc32:
        return tr("CRC-32");
    }
    return {};
}

QString SpecNames::lineEnding(Payload::LineEnding ending)
{
    switch (ending) {
    case Payload::LineEnding::None:
        return tr("None", "line ending");
    case Payload::LineEnding::CR:
        return tr("CR");
    case Payload::LineEnding::LF:
        return tr("LF");
    case Payload::LineEnding::CRLF:
        return tr("CRLF");
    }
    return {};
}

QString SpecNames::tags(const Payload::Spec &spec)
{
    QStringList tags;
    if (spec.mode == Payload::Mode::Hex)
        tags << tr("Hex");
    else if (spec.encoding != Codecs::defaultEncoding())
        tags << QString::fromLatin1(spec.encoding);
    if (spec.lineEnding != Payload::LineEnding::None)
        tags << lineEnding(spec.lineEnding);
    if (spec.checksum != Checksum::Algorithm::None)
        tags << checksum(spec.checksum);
    return tags.join(QLatin1String(", "));
}

QString SpecNames::summary(const QString &text, const Payload::Spec &spec, int maxLength)
{
    QString line = text.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    const QString options = tags(spec);
    return options.isEmpty() ? line : tr("%1  (%2)").arg(line, options);
}
