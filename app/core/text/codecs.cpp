#include "text/codecs.h"

#include "text/streamdecoder.h"

#include <QStringDecoder>
#include <QStringEncoder>

#ifdef Q_OS_WIN
#include <windows.h> // GetACP(): the ANSI code page, which Qt does not tell
#endif

namespace {

// Qt drops a leading BOM by default on both sides; a debugging tool must show and send exactly what is there.
// Encoders are not Stateless: Qt 6.4's own converters (ISO-8859-1) only count invalid characters with a state.
constexpr auto encoderFlags = QStringConverter::Flag::ConvertInitialBom;
constexpr auto decoderFlags = QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom;

QList<QByteArray> probe()
{
    // Menu order: Unicode first, then Chinese, Japanese, Korean, Western, Cyrillic, and UTF-16 last.
    const char *const candidates[] = {
        "UTF-8",
        "GBK",
        "GB18030",
        "GB2312",
        "Big5",
        "Big5-HKSCS",
        "Shift_JIS",
        "EUC-JP",
        "EUC-KR",
        "ISO-8859-1",
        "Windows-1252",
        "KOI8-R",
        "ISO-8859-5",
        "UTF-16LE",
        "UTF-16BE",
    };
    QList<QByteArray> result;
    for (const char *name : candidates) {
        QByteArray usable = name;
        if (!QStringEncoder(name).isValid() || !QStringDecoder(name).isValid()) {
            // Some converters only know the lower-case IANA spelling.
            usable = usable.toLower();
            if (!QStringEncoder(usable.constData()).isValid() || !QStringDecoder(usable.constData()).isValid())
                continue;
        }
        result.append(usable);
    }
    return result;
}

// The first character (code point) that cannot be encoded; {-1, 0} if none is found on its own.
std::pair<qsizetype, char32_t> firstUnencodable(QStringView text, const QByteArray &encoding)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        qsizetype len = 1;
        char32_t codePoint = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            len = 2;
            codePoint = QChar::surrogateToUcs4(c, text.at(i + 1));
        } else if (c.isSurrogate()) {
            return {i, codePoint};
        }
        if (codePoint >= 0x80) { // every offered encoding represents ASCII
            QStringEncoder encoder(encoding.constData(), encoderFlags);
            const QByteArray ignored = encoder.encode(text.mid(i, len));
            Q_UNUSED(ignored)
            if (encoder.hasError())
                return {i, codePoint};
        }
        i += len;
    }
    return {-1, 0};
}

// Replaces each byte from[i] with to[i] (three bytes each), in one pass so that a replaced byte is not replaced again.
void rotate(QByteArray &bytes, const char (&from)[4], const char (&to)[4])
{
    for (char &b : bytes) {
        for (int i = 0; i < 3; ++i) {
            if (b == from[i]) {
                b = to[i];
                break;
            }
        }
    }
}

std::pair<qsizetype, char32_t> firstLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return {i, c.unicode()};
    }
    return {-1, 0};
}

} // namespace

namespace Codecs {

const QList<QByteArray> &available()
{
    static const QList<QByteArray> list = probe();
    return list;
}

bool isAvailable(const QByteArray &name)
{
    for (const QByteArray &candidate : available()) {
        if (candidate.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray defaultEncoding()
{
    return QByteArrayLiteral("UTF-8");
}

bool isAsciiCompatible(const QByteArray &name)
{
    return !name.toUpper().startsWith("UTF-16");
}

EncodeResult encode(QStringView text, const QByteArray &encoding)
{
    EncodeResult result;
    QStringEncoder encoder(encoding.constData(), encoderFlags);
    if (!encoder.isValid()) {
        result.errorPos = 0;
        result.badChar = text.isEmpty() ? 0 : text.at(0).unicode();
        return result;
    }
    // UTF-16 would pass a lone surrogate through and the others hold one back at the end: refuse both.
    const auto lone = firstLoneSurrogate(text);
    if (lone.first >= 0) {
        result.errorPos = lone.first;
        result.badChar = lone.second;
        return result;
    }
    QByteArray bytes = encoder.encode(text);
    if (!encoder.hasError()) {
        if (rotatesControlCodes(encoding))
            afterIcuEncode(bytes);
        result.bytes = std::move(bytes);
        return result;
    }
    // ICU substitutes ('?', 0x1A...) and only raises the error flag: find the culprit one character at a time.
    const auto bad = firstUnencodable(text, encoding);
    result.errorPos = bad.first >= 0 ? bad.first : 0;
    result.badChar = bad.second;
    return result;
}

QString decode(QByteArrayView bytes, const QByteArray &encoding)
{
    // Qt's one-shot decoders drop a character cut off at the end without a trace (fuzz finding K1: GBK "61 81"
    // decoded to "a"); the stream decoder's finish() shows it as U+FFFD, like any other invalid bytes.
    StreamDecoder decoder(isAvailable(encoding) ? encoding : defaultEncoding());
    QString text = decoder.decode(bytes);
    text += decoder.finish();
    return text;
}

bool rotatesControlCodes(const QByteArray &encoding)
{
    return encoding.compare("Shift_JIS", Qt::CaseInsensitive) == 0;
}

QByteArray beforeIcuDecode(QByteArrayView bytes)
{
    QByteArray out = bytes.toByteArray();
    rotate(out, "\x1a\x1c\x7f", "\x7f\x1a\x1c");
    return out;
}

void afterIcuEncode(QByteArray &bytes)
{
    rotate(bytes, "\x7f\x1a\x1c", "\x1a\x1c\x7f");
}

void repairSubstitutions(QString &decoded, QByteArrayView input)
{
    if (!decoded.contains(QChar(0x1a)) || input.contains('\x1a'))
        return;
    decoded.replace(QChar(0x1a), QChar::ReplacementCharacter);
}

QByteArray forCodePage(unsigned codePage)
{
    static const struct
    {
        unsigned codePage;
        const char *name;
    } table[] = {{936, "GBK"}, {54936, "GB18030"}, {950, "Big5"}, {932, "Shift_JIS"}, {949, "EUC-KR"},
        {20932, "EUC-JP"}, {1252, "Windows-1252"}, {20866, "KOI8-R"}, {28591, "ISO-8859-1"}, {65001, "UTF-8"}};
    for (const auto &entry : table) {
        if (entry.codePage == codePage && isAvailable(entry.name))
            return entry.name;
    }
    return "UTF-8";
}

QByteArray systemDefault()
{
#ifdef Q_OS_WIN
    return forCodePage(GetACP());
#else
    return "UTF-8";
#endif
}

} // namespace Codecs
