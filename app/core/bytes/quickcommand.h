#pragma once

#include "bytes/payload.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A named payload the user sends with one click, and the file they are shared in: human-readable JSON,
//   {"format": "netassist-quick-commands", "version": 1,
//    "commands": [{"name": "Read", "text": "01 03 00 00 00 01", "mode": "hex", "encoding": "UTF-8",
//                  "escapes": false, "lineEnding": "none", "checksum": "crc16-modbus", "checksumOrder": "little"}]}
// with the spec fields of PayloadJson. Reading is forgiving per field (a bad field takes its default, an entry that
// is not an object is skipped) and strict about the envelope (not JSON, another format, a newer version: nothing).
struct QuickCommand
{
    QString name;
    QString text;
    Payload::Spec spec;
    bool operator==(const QuickCommand &o) const { return name == o.name && text == o.text && spec == o.spec; }
    bool operator!=(const QuickCommand &o) const { return !(*this == o); }
};

namespace QuickCommands {

inline constexpr int FormatVersion = 1;

enum class FileError {
    None,
    NotJson, // detail: QJsonParseError's text and offset
    NotQuickCommands, // JSON, but not an object with "format": "netassist-quick-commands" and a "commands" array
    NewerVersion // written by a newer NetAssist ("version" above FormatVersion, or not a number)
};

QByteArray toJson(const QList<QuickCommand> &commands); // indented, UTF-8
// A malformed file gives an empty list and *error (the UI words it; detail is technical, for a tooltip).
QList<QuickCommand> fromJson(const QByteArray &json, FileError *error = nullptr, QString *detail = nullptr);

} // namespace QuickCommands
