#pragma once

#include "bytes/payload.h"

#include <QByteArray>
#include <QJsonObject>

// Payload::Spec in files and settings, by readable ids so that a person can edit them:
//   {"mode":"hex", "encoding":"GBK", "escapes":true, "lineEnding":"crlf", "checksum":"crc16-modbus",
//    "checksumOrder":"little"}
// Reading never fails: a missing or bad field takes its default (an encoding this Qt lacks becomes UTF-8, a missing
// checksumOrder is the checksum's natural order), and keys it does not know are ignored, so the spec can share an
// object with other fields (a quick command's name and text).
namespace PayloadJson {

QJsonObject toJson(const Payload::Spec &spec);
// Adds the spec's keys to object (replacing them if present).
void writeInto(QJsonObject *object, const Payload::Spec &spec);
Payload::Spec fromJson(const QJsonObject &object);

// "text" / "hex"; "none" / "cr" / "lf" / "crlf"; "big" / "little". fromId gives the default for unknown ids.
QByteArray modeId(Payload::Mode mode);
Payload::Mode modeFromId(QByteArrayView id, bool *ok = nullptr);
QByteArray lineEndingId(Payload::LineEnding ending);
Payload::LineEnding lineEndingFromId(QByteArrayView id, bool *ok = nullptr);
QByteArray byteOrderId(Checksum::ByteOrder order);
Checksum::ByteOrder byteOrderFromId(QByteArrayView id, bool *ok = nullptr);

} // namespace PayloadJson
