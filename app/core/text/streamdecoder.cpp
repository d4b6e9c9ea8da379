#include "text/streamdecoder.h"

#include "text/codecs.h"

namespace {

constexpr auto statefulFlags = QStringConverter::Flag::ConvertInitialBom;
constexpr auto statelessFlags = QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom;

// Length of the incomplete UTF-8 sequence at the end of bytes (0 if the last sequence is complete or invalid).
qsizetype incompleteUtf8Tail(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype i = n - 1; i >= 0 && i >= n - 3; --i) {
        const auto b = static_cast<uchar>(bytes.at(i));
        if ((b & 0xc0) == 0x80)
            continue; // continuation byte: keep looking for the lead
        qsizetype need = 1;
        if (b >= 0xc2 && b <= 0xdf)
            need = 2;
        else if (b >= 0xe0 && b <= 0xef)
            need = 3;
        else if (b >= 0xf0 && b <= 0xf4)
            need = 4;
        return need > n - i ? n - i : 0;
    }
    return 0;
}

} // namespace

StreamDecoder::StreamDecoder(const QByteArray &encoding)
    : m_encoding(encoding)
{
    reset();
}

void StreamDecoder::reset()
{
    m_held.clear();
    m_oddByte = false;
    const QByteArray upper = m_encoding.toUpper();
    if (upper == "UTF-8" || upper == "UTF8" || !QStringDecoder(m_encoding.constData()).isValid()) {
        // Qt 6.4's stateful UTF-8 decoder drops the first byte of a chunk that breaks a sequence held from the
        // previous chunk (measured: "\xd0" then "\nAB" gives "\uFFFDAB"), so UTF-8 holds its tail here instead.
        m_kind = Kind::Utf8;
        m_decoder = QStringDecoder(QStringConverter::Utf8, statelessFlags);
    } else {
        m_kind = upper.startsWith("UTF-16") ? Kind::Utf16 : Kind::Icu;
        m_rotatesControls = Codecs::rotatesControlCodes(m_encoding);
        m_decoder = QStringDecoder(m_encoding.constData(), statefulFlags);
    }
}

QString StreamDecoder::decode(QByteArrayView chunk)
{
    switch (m_kind) {
    case Kind::Utf8:
        return decodeUtf8(chunk);
    case Kind::Utf16:
        if (chunk.size() % 2)
            m_oddByte = !m_oddByte;
        return m_decoder.decode(chunk);
    case Kind::Icu:
        break;
    }
    QString text;
    if (m_rotatesControls)
        text = m_decoder.decode(Codecs::beforeIcuDecode(chunk));
    else
        text = m_decoder.decode(chunk);
    Codecs::repairSubstitutions(text, chunk); // a real 0x1A in the input as received
    return text;
}

QString StreamDecoder::decodeUtf8(QByteArrayView chunk)
{
    QByteArray joined;
    QByteArrayView bytes = chunk;
    if (!m_held.isEmpty()) {
        joined = m_held;
        joined.append(chunk);
        bytes = joined;
    }
    const qsizetype tail = incompleteUtf8Tail(bytes);
    QString text = m_decoder.decode(bytes.first(bytes.size() - tail));
    m_held = bytes.last(tail).toByteArray();
    return text;
}

QString StreamDecoder::finish()
{
    QString text;
    switch (m_kind) {
    case Kind::Utf8:
        // The held bytes are one truncated character: one replacement, as Unicode recommends.
        if (!m_held.isEmpty())
            text = QString(QChar::ReplacementCharacter);
        break;
    case Kind::Utf16:
        if (m_oddByte)
            text = QString(QChar::ReplacementCharacter);
        break;
    case Kind::Icu:
        // QStringDecoder has no flush: a line feed is never a valid trail byte in the ASCII-compatible multi-byte
        // encodings offered, so it makes ICU report the held bytes as invalid; the line feed itself is dropped.
        text = m_decoder.decode(QByteArrayView("\n", 1));
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        text.replace(QChar(0x1a), QChar::ReplacementCharacter);
        break;
    }
    reset();
    return text;
}
