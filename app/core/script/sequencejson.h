#pragma once

#include "script/sequenceerror.h"
#include "script/step.h"

#include <QByteArray>
#include <QJsonObject>

// Sequence files: JSON a person can read and edit (docs/sequences.md has the full reference).
//
//   {
//     "format": "netassist-sequence", "version": 1,
//     "name": "Modbus read", "description": "free text", "stopOnFailure": true,
//     "framing": {...kept as written, read by the host...},
//     "steps": [
//       {"step": "send", "text": "01 03 00 00 00 0A", "mode": "hex", "checksum": "crc16-modbus",
//        "checksumOrder": "little", "target": "current"},
//       {"step": "expect", "match": "hex-pattern", "pattern": "01 03 14 ..", "timeoutMs": 1000,
//        "checksum": "crc16-modbus", "checksumOrder": "little"},
//       {"step": "wait", "ms": 500},
//       {"step": "repeat", "count": 3}, ..., {"step": "end-repeat"}
//     ]
//   }
//
// Every step may have "label" (text) and, except the repeat markers, "enabled" (default true). A send takes the
// send box's fields (PayloadJson's ids): "text" (required), "mode", "encoding", "escapes", "lineEnding", "checksum",
// "checksumOrder" (default: the checksum's natural order), "target" ("current" | "all"). An expect takes "pattern"
// (required), "match" ("equals" | "starts-with" | "contains" | "regex" | "hex-pattern", default equals), the text
// pattern's "mode", "encoding", "escapes", "lineEnding", "timeoutMs" (default 1000) and the reply check's "checksum"
// and "checksumOrder". A missing optional field takes its default.
//
// Reading is strict, unlike the settings' forgiving readers, because a test that silently dropped a misspelt field
// would pass for the wrong reason: an unknown key, a wrong type, an unknown id or a number out of range is an
// error, and so is anything SequenceCheck finds. The first error is reported with its path and, from the file's
// text, its line and column (the field's key, or the step's opening brace).
namespace SequenceJson {

inline constexpr int FormatVersion = 1;

struct LoadResult
{
    Sequence sequence; // empty on error
    SequenceError error;
    bool ok() const { return error.ok(); }
};

// Indented UTF-8; every field is written, so load(save(s)) == s.
QByteArray save(const Sequence &sequence);
LoadResult load(const QByteArray &json);

// What reading refuses besides the format itself: Steps also refuses what SequenceCheck finds (a file, which must
// run as written); FormatOnly keeps a step that cannot run yet (a tab's settings keep the editor's work in
// progress, whose problems the editor shows).
enum class Check { Steps, FormatOnly };

// The same object without the text (e.g. a sequence kept inside a tab's settings); errors carry no line.
QJsonObject toJson(const Sequence &sequence);
LoadResult fromJson(const QJsonObject &object, Check check = Check::Steps);

} // namespace SequenceJson
