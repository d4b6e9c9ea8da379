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
    qsizetype errorPos = -1;    // index into the input text
    int hexError = 0;           // Hex::ParseError when error == BadHex
    int escapeError = 0;        // Escapes::Error when error == BadEscape
    char32_t badChar = 0;       // when error == Unencodable
    int checksumBytes = 0;      // how many trailing bytes are the checksum
    bool ok() const { return error == Error::None; }
};

Result build(QStringView text, const Spec &spec);

QByteArray lineEndingBytes(LineEnding ending, const QByteArray &encoding);

} // namespace Payload
