#pragma once

#include <QByteArray>
#include <QString>

namespace Hex {

enum class ParseError { None, OddDigitCount, BadCharacter };

struct ParseResult
{
    QByteArray bytes;
    ParseError error = ParseError::None;
    qsizetype errorPos = -1; // index into the input text (UTF-16 code units) where the problem is
    bool ok() const { return error == ParseError::None; }
};

// Accepts what people type: "01 02 0A", "01020a", "0x01,0x02", "01-02-0A", "01:02", newlines and tabs; a "0x"/"0X"
// prefix per byte group. Digits pair up within a group; a group with an odd digit count is an error at its start.
ParseResult parse(QStringView text);

// "01 02 0A" (upper case, as the send preview shows) or "01 02 0a".
enum class Case { Upper, Lower };
QString format(QByteArrayView bytes, Case letterCase = Case::Upper, char separator = ' ');

// xxd-style dump, one line per 16 bytes (offset | hex | printable ASCII, '.' for the rest):
// "00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0d 0a 00 ff 41  |Hello world....A|"
// A short last line is padded so the printable column stays aligned. Offsets start at baseOffset.
QString dumpLine(QByteArrayView sixteenOrFewer, qint64 offset);
QStringList dump(QByteArrayView bytes, qint64 baseOffset = 0);

} // namespace Hex
