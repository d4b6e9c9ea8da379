#include "bytes/payload.h"

#include "bytes/escapes.h"
#include "bytes/hex.h"
#include "text/codecs.h"

namespace {

using Payload::Error;
using Payload::Result;

Result failure(Error error, qsizetype pos)
{
    Result result;
    result.error = error;
    result.errorPos = pos;
    return result;
}

Result unencodable(const Codecs::EncodeResult &encoded, qsizetype pos)
{
    Result result = failure(Error::Unencodable, pos);
    result.badChar = encoded.badChar;
    return result;
}

// The text-mode body, or the error; escapes turn into text pieces (encoded) and raw pieces (copied).
Result encodeText(QStringView text, const Payload::Spec &spec)
{
    Result result;
    if (!spec.escapes) {
        Codecs::EncodeResult encoded = Codecs::encode(text, spec.encoding);
        if (!encoded.ok())
            return unencodable(encoded, encoded.errorPos);
        result.bytes = std::move(encoded.bytes);
        return result;
    }
    const Escapes::Result decoded = Escapes::decode(text);
    if (!decoded.ok()) {
        result = failure(Error::BadEscape, decoded.errorPos);
        result.escapeError = static_cast<int>(decoded.error);
        return result;
    }
    for (const Escapes::Piece &piece : decoded.pieces) {
        if (piece.isRaw()) {
            result.bytes.append(piece.raw);
            continue;
        }
        const Codecs::EncodeResult encoded = Codecs::encode(piece.text, spec.encoding);
        if (!encoded.ok())
            return unencodable(encoded, Escapes::sourceIndex(text, piece, encoded.errorPos));
        result.bytes.append(encoded.bytes);
    }
    return result;
}

} // namespace

namespace Payload {

bool Spec::operator==(const Spec &o) const
{
    return mode == o.mode && encoding == o.encoding && escapes == o.escapes && lineEnding == o.lineEnding
        && checksum == o.checksum && checksumOrder == o.checksumOrder;
}

Result build(QStringView text, const Spec &spec)
{
    Result result;
    if (spec.mode == Mode::Hex) {
        Hex::ParseResult parsed = Hex::parse(text);
        if (!parsed.ok()) {
            result = failure(Error::BadHex, parsed.errorPos);
            result.hexError = static_cast<int>(parsed.error);
            return result;
        }
        result.bytes = std::move(parsed.bytes);
    } else {
        if (!Codecs::isAvailable(spec.encoding))
            return failure(Error::UnknownEncoding, -1);
        result = encodeText(text, spec);
        if (!result.ok())
            return result;
    }
    if (result.bytes.isEmpty())
        return failure(Error::Empty, -1);

    // Hex mode is bytes already: its line ending is plain ASCII whatever encoding the text mode would use.
    result.bytes.append(lineEndingBytes(spec.lineEnding, spec.mode == Mode::Text ? spec.encoding : "UTF-8"));
    result.checksumBytes = Checksum::width(spec.checksum);
    result.bytes.append(Checksum::bytes(spec.checksum, result.bytes, spec.checksumOrder));
    return result;
}

QByteArray lineEndingBytes(LineEnding ending, const QByteArray &encoding)
{
    QStringView text;
    switch (ending) {
    case LineEnding::None:
        return {};
    case LineEnding::CR:
        text = u"\r";
        break;
    case LineEnding::LF:
        text = u"\n";
        break;
    case LineEnding::CRLF:
        text = u"\r\n";
        break;
    }
    const Codecs::EncodeResult encoded = Codecs::encode(text, encoding);
    // An unknown encoding cannot reach here from build(); ASCII is the sensible answer for any other caller.
    return encoded.ok() ? encoded.bytes : text.toLatin1();
}

} // namespace Payload
