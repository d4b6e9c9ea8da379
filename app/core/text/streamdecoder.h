#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

// Decodes one byte stream (one peer, one direction) that arrives in arbitrary chunks: a multi-byte character split
// across two chunks comes out whole with the second chunk, because the decoder holds the incomplete tail back.
// Invalid bytes become U+FFFD as in Codecs::decode; an unknown encoding decodes as UTF-8.
class StreamDecoder
{
public:
    explicit StreamDecoder(const QByteArray &encoding);

    QString decode(QByteArrayView chunk);
    // Bytes of an incomplete character that are being held back; a stream that ends with them shows U+FFFD.
    // Returns "" when nothing is held. The decoder is ready for a new stream afterwards.
    QString finish();
    void reset();
    QByteArray encoding() const { return m_encoding; }

private:
    enum class Kind { Utf8, Utf16, Icu };

    QString decodeUtf8(QByteArrayView chunk);

    QByteArray m_encoding;
    Kind m_kind = Kind::Icu;
    QStringDecoder m_decoder;
    QByteArray m_held; // UTF-8: the incomplete sequence at the end of the last chunk
    bool m_oddByte = false; // UTF-16: an odd number of bytes has been fed so far
    bool m_rotatesControls = false; // Shift_JIS: see Codecs::rotatesControlCodes()
};
