#include "bytes/escapes.h"

#include "bytes/hex.h"

namespace {

// The character a simple escape stands for, or -1 if the letter is not a simple escape.
int simpleEscape(QChar letter)
{
    switch (letter.unicode()) {
    case u'r':
        return '\r';
    case u'n':
        return '\n';
    case u't':
        return '\t';
    case u'\\':
        return '\\';
    case u'0':
        return 0;
    case u'a':
        return '\a';
    case u'b':
        return '\b';
    case u'f':
        return '\f';
    case u'v':
        return '\v';
    case u'e':
        return 0x1b;
    case u'"':
        return '"';
    case u'\'':
        return '\'';
    default:
        return -1;
    }
}

} // namespace

namespace Escapes {

Result decode(QStringView text)
{
    Result result;
    auto fail = [&result](Error error, qsizetype pos) {
        result.pieces.clear();
        result.error = error;
        result.errorPos = pos;
        return result;
    };
    // Appends to the last piece when it is of the same kind, otherwise starts a new one at sourcePos.
    auto currentPiece = [&result](bool raw, qsizetype sourcePos) -> Piece & {
        if (result.pieces.isEmpty() || result.pieces.last().isRaw() != raw) {
            Piece piece;
            piece.sourcePos = sourcePos;
            result.pieces.append(piece);
        }
        return result.pieces.last();
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c != u'\\') {
            currentPiece(false, i).text.append(c);
            ++i;
            continue;
        }
        if (i + 1 >= n)
            return fail(Error::TrailingBackslash, i);
        const QChar letter = text.at(i + 1);
        if (letter == u'x') {
            const int high = i + 2 < n ? Hex::digitValue(text.at(i + 2)) : -1;
            const int low = i + 3 < n ? Hex::digitValue(text.at(i + 3)) : -1;
            if (high < 0 || low < 0)
                return fail(Error::BadHexEscape, i);
            currentPiece(true, i).raw.append(char(high << 4 | low));
            i += 4;
            continue;
        }
        const int value = simpleEscape(letter);
        if (value < 0)
            return fail(Error::UnknownEscape, i);
        currentPiece(false, i).text.append(QChar(value));
        i += 2;
    }
    return result;
}

qsizetype sourceIndex(QStringView text, const Piece &piece, qsizetype indexInPiece)
{
    qsizetype source = piece.sourcePos;
    // A text piece holds no \x escape, so every backslash in its span starts a two-character escape.
    for (qsizetype produced = 0; produced < indexInPiece && source < text.size(); ++produced)
        source += text.at(source) == u'\\' ? 2 : 1;
    return source;
}

} // namespace Escapes
