#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Hex {

// 0..15 for 0-9, a-f, A-F; -1 for anything else (full-width digits included).
int digitValue(QChar c);

enum class ParseError { None, OddDigitCount, BadCharacter };

struct ParseResult
{
    QByteArray bytes;
    ParseError error = ParseError::None;
    qsizetype errorPos = -1; // index into the input text (UTF-16 code units) where the problem is
    bool ok() const { return error == ParseError::None; }
};

// Accepts what people type: "01 02 0A", "01020a", "0x01,0x02", "01-02-0A", "01:02", newlines and tabs.
// Rules:
// - Separators: any white space (QChar::isSpace, so tabs, newlines, U+3000 too) and , ; - :
// - A group is a run of non-separators. It may start with a "0x"/"0X" prefix; its hex digits pair up into bytes.
// - A group with an odd digit count is OddDigitCount at the group's first character (prefix included):
//   "1 02" -> 0, "0102 0" -> 5, "0x1" -> 0, "0x01,0x2" -> 5.
// - Any other character is BadCharacter at its own index ("01 0G" -> 4, "0x" alone -> 1, "010x02" -> 3).
// - Errors are reported in reading order; empty or separator-only input is no bytes and no error.
ParseResult parse(QStringView text);

// "01 02 0A" (upper case, as the send preview shows) or "01 02 0a". separator '\0' means none ("01020A").
enum class Case { Upper, Lower };
QString format(QByteArrayView bytes, Case letterCase = Case::Upper, char separator = ' ');

// xxd-style dump, one line per 16 bytes (offset | hex | printable ASCII, '.' for the rest), lower-case hex:
// "00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0d 0a 00 ff 41  |Hello world....A|"
// A short last line is padded so the printable column stays aligned. Offsets start at baseOffset and have at least
// 8 digits. Printable means 0x20..0x7e.
QString dumpLine(QByteArrayView sixteenOrFewer, qint64 offset);
QStringList dump(QByteArrayView bytes, qint64 baseOffset = 0);

} // namespace Hex
