#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// C-style escapes in the send box: \r \n \t \\ \0 \a \b \f \v \e \" \' and \xNN.
// \xNN is a raw byte (it is NOT encoded as a character), so the result is a list of pieces: text to encode in the
// chosen encoding, and raw bytes to send as they are. Adjacent text (literal or escaped) is one piece, consecutive
// \xNN bytes are one piece. \0 is the character U+0000 (two bytes in UTF-16), \e is U+001B.
namespace Escapes {

enum class Error { None, UnknownEscape, BadHexEscape, TrailingBackslash };

struct Piece
{
    QString text; // to be encoded (used when raw is empty)
    QByteArray raw; // bytes given as \xNN
    qsizetype sourcePos = 0; // index in the decoded input where this piece starts
    bool isRaw() const { return !raw.isEmpty(); }
    bool operator==(const Piece &o) const { return text == o.text && raw == o.raw && sourcePos == o.sourcePos; }
};

struct Result
{
    QList<Piece> pieces;
    Error error = Error::None;
    qsizetype errorPos = -1; // index of the backslash that starts the bad escape
    bool ok() const { return error == Error::None; }
};

// \xNN takes exactly two hex digits ("\x4" and "\xG1" are BadHexEscape; "\x414" is byte 0x41 then "4").
// On error, pieces is empty.
Result decode(QStringView text);

// Maps an index inside a text piece of decode(text) back to the index in text (each escape is one unit of the
// piece but two of the source), e.g. to point at a character the chosen encoding cannot represent.
qsizetype sourceIndex(QStringView text, const Piece &piece, qsizetype indexInPiece);

} // namespace Escapes
