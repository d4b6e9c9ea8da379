#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

// Decodes one byte stream (one peer, one direction) that arrives in arbitrary chunks: a multi-byte character split
// across two chunks comes out whole with the second chunk, because the decoder holds the incomplete tail back.
class StreamDecoder
{
public:
    explicit StreamDecoder(const QByteArray &encoding);

    QString decode(QByteArrayView chunk);
    // Bytes of an incomplete character that are being held back; a stream that ends with them shows U+FFFD.
    QString finish();
    void reset();
    QByteArray encoding() const { return m_encoding; }

private:
    QByteArray m_encoding;
    QStringDecoder m_decoder;
};
