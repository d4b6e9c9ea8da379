#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// C-style escapes in the send box: \r \n \t \\ \0 \a \b \f \v \e \" \' and \xNN.
// \xNN is a raw byte (it is NOT encoded as a character), so the result is a list of pieces: text to encode in the
// chosen encoding, and raw bytes to send as they are.
namespace Escapes {

enum class Error { None, UnknownEscape, BadHexEscape, TrailingBackslash };

struct Piece
{
    QString text;   // to be encoded (used when raw is empty)
    QByteArray raw; // bytes given as \xNN
    bool isRaw() const { return !raw.isEmpty(); }
};

struct Result
{
    QList<Piece> pieces;
    Error error = Error::None;
    qsizetype errorPos = -1; // index of the backslash that starts the bad escape
    bool ok() const { return error == Error::None; }
};

Result decode(QStringView text);

} // namespace Escapes
