#pragma once

#include "bytes/checksum.h"

#include <QByteArray>
#include <QString>

// The one function that turns what the user typed into the exact bytes to send. The preview and the Send button
// both call it, so they cannot disagree.
namespace Payload {

enum class Mode { Text, Hex };
enum class LineEnding { None, CR, LF, CRLF };

struct Spec
{
    Mode mode = Mode::Text;
    QByteArray encoding = "UTF-8";
    bool escapes = false; // text mode only
    LineEnding lineEnding = LineEnding::None; // appended in both modes, before the checksum
    Checksum::Algorithm checksum = Checksum::Algorithm::None; // computed over everything before it
    Checksum::ByteOrder checksumOrder = Checksum::ByteOrder::BigEndian;
    bool operator==(const Spec &o) const;
};

enum class Error { None, Empty, BadHex, BadEscape, Unencodable, UnknownEncoding };

struct Result
{
    QByteArray bytes;
    Error error = Error::None;
    qsizetype errorPos = -1; // index into the input text
    int hexError = 0; // Hex::ParseError when error == BadHex
    int escapeError = 0; // Escapes::Error when error == BadEscape
    char32_t badChar = 0; // when error == Unencodable
    int checksumBytes = 0; // how many trailing bytes are the checksum
    bool ok() const { return error == Error::None; }
};

// Text mode: the text (or, with escapes, its text pieces) encoded in spec.encoding, \xNN bytes as they are.
// Hex mode: Hex::parse; escapes and the encoding are ignored (its line ending is plain ASCII).
// Then the line ending, then the checksum over everything before it. No body bytes at all is Error::Empty (a lone
// line ending is not sent); an encoding Codecs::isAvailable() does not know is UnknownEncoding (text mode only).
// errorPos always indexes the original text; on error bytes is empty.
Result build(QStringView text, const Spec &spec);

// The line ending in the given encoding ("\r\n" is 0D 00 0A 00 in UTF-16LE); ASCII for an unknown encoding.
QByteArray lineEndingBytes(LineEnding ending, const QByteArray &encoding);

} // namespace Payload
