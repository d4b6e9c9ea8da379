// Hex::parse / format / dump against independent reference models.
// Input: [mode][case][separator][base offset: 6 bytes][payload]. The payload is both the bytes to format and,
// through the mode byte, the text to parse (mapped onto an alphabet dense in hex digits, prefixes and separators,
// or read raw as UTF-16 code units so that any character, lone surrogates included, can occur).

#include "bytes/hex.h"
#include "fuzzinput.h"

#include <algorithm>

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u';' || c == u'-' || c == u':';
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

QString textFrom(QByteArrayView payload, bool raw)
{
    QString text;
    if (raw) {
        for (qsizetype i = 0; i + 1 < payload.size(); i += 2)
            text.append(QChar(char16_t(uchar(payload[i]) | uchar(payload[i + 1]) << 8)));
        return text;
    }
    // U+00A0 and U+3000 are white space for QChar::isSpace; U+FF10 (full-width 0) and 'G' are not hex digits.
    static const char16_t alphabet[] = u"0123456789abcdefABCDEF0x0X  ,;-:\t\n\r\u00a0\u3000\uff10Gg\\.";
    constexpr int size = sizeof(alphabet) / sizeof(alphabet[0]) - 1;
    for (char c : payload)
        text.append(QChar(alphabet[uchar(c) % size]));
    return text;
}

// The documented rules, implemented the other way round: split into groups first, then judge each group.
Hex::ParseResult referenceParse(QStringView text)
{
    Hex::ParseResult result;
    auto fail = [&result](Hex::ParseError error, qsizetype pos) {
        result.bytes.clear();
        result.error = error;
        result.errorPos = pos;
        return result;
    };
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (isSeparator(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && !isSeparator(text[i]))
            ++i;
        const QStringView group = text.mid(start, i - start);
        qsizetype digitsFrom = 0;
        if (group.size() >= 2 && group[0] == u'0' && (group[1] == u'x' || group[1] == u'X')) {
            if (group.size() == 2)
                return fail(Hex::ParseError::BadCharacter, start + 1);
            digitsFrom = 2;
        }
        for (qsizetype k = digitsFrom; k < group.size(); ++k) {
            if (!isHexDigit(group[k]))
                return fail(Hex::ParseError::BadCharacter, start + k);
        }
        if ((group.size() - digitsFrom) % 2)
            return fail(Hex::ParseError::OddDigitCount, start);
        result.bytes.append(QByteArray::fromHex(group.mid(digitsFrom).toLatin1()));
    }
    return result;
}

QString referenceDumpLine(QByteArrayView chunk, qint64 offset)
{
    QString line = QString::number(offset, 16).rightJustified(8, u'0') + u"  "_qs;
    for (int i = 0; i < 16; ++i) {
        line += i < chunk.size() ? QString::number(uchar(chunk[i]), 16).rightJustified(2, u'0') : u"  "_qs;
        line += i == 7 ? u"  "_qs : u" "_qs;
    }
    line += u" |"_qs;
    for (char c : chunk)
        line += (uchar(c) >= 0x20 && uchar(c) <= 0x7e) ? QChar(QLatin1Char(c)) : QChar(u'.');
    return line + u'|';
}

void checkParse(const QString &text)
{
    const Hex::ParseResult got = Hex::parse(text);
    const Hex::ParseResult want = referenceParse(text);
    FUZZ_CHECK(got.error == want.error && got.errorPos == want.errorPos && got.bytes == want.bytes,
        "text %s: error %d at %lld, expected %d at %lld; bytes %s, expected %s", show(text).constData(), int(got.error),
        (long long)got.errorPos, int(want.error), (long long)want.errorPos, show(got.bytes).constData(),
        show(want.bytes).constData());
    if (!got.ok()) {
        FUZZ_CHECK(got.errorPos >= 0 && got.errorPos < text.size(), "errorPos %lld outside input of %lld",
            (long long)got.errorPos, (long long)text.size());
        FUZZ_CHECK(got.bytes.isEmpty(), "bytes returned with an error");
    }
}

void checkFormat(QByteArrayView bytes, Hex::Case letterCase, char separator)
{
    const QString formatted = Hex::format(bytes, letterCase, separator);
    const qsizetype expectedSize = bytes.isEmpty() ? 0 : (separator ? 3 * bytes.size() - 1 : 2 * bytes.size());
    FUZZ_CHECK(formatted.size() == expectedSize, "format size %lld for %lld bytes", (long long)formatted.size(),
        (long long)bytes.size());
    for (QChar c : formatted) {
        const bool wrongCase = letterCase == Hex::Case::Upper ? (c >= u'a' && c <= u'f') : (c >= u'A' && c <= u'F');
        FUZZ_CHECK(!wrongCase, "letter case in %s", qPrintable(formatted));
    }
    const Hex::ParseResult parsed = Hex::parse(formatted);
    FUZZ_CHECK(parsed.ok() && parsed.bytes == bytes, "parse(format(%s)) with separator %d gave %s (error %d)",
        show(bytes).constData(), separator, show(parsed.bytes).constData(), int(parsed.error));
}

void checkDump(QByteArrayView bytes, qint64 baseOffset)
{
    const QStringList lines = Hex::dump(bytes, baseOffset);
    FUZZ_CHECK(lines.size() == (bytes.size() + 15) / 16, "%lld lines for %lld bytes", (long long)lines.size(),
        (long long)bytes.size());
    for (qsizetype k = 0; k < lines.size(); ++k) {
        const QByteArrayView chunk = bytes.sliced(16 * k, std::min<qsizetype>(16, bytes.size() - 16 * k));
        const QString want = referenceDumpLine(chunk, baseOffset + 16 * k);
        FUZZ_CHECK(lines[k] == want, "dump line %lld:\n  got  %s\n  want %s", (long long)k, qPrintable(lines[k]),
            qPrintable(want));
        FUZZ_CHECK(Hex::dumpLine(chunk, baseOffset + 16 * k) == want, "dumpLine differs from dump");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const bool raw = in.byte() >= 0xc0; // mostly the dense alphabet: it reaches the interesting paths far more often
    const auto letterCase = in.flag() ? Hex::Case::Upper : Hex::Case::Lower;
    static const char separators[] = {' ', ',', ';', '-', ':', '\0'};
    const char separator = separators[in.pick(sizeof(separators))];
    qint64 baseOffset = 0;
    for (int i = 0; i < 6; ++i)
        baseOffset = baseOffset << 8 | in.byte();
    const QByteArrayView payload = in.rest();

    checkParse(textFrom(payload, raw));
    checkFormat(payload, letterCase, separator);
    checkDump(payload, baseOffset);
    return 0;
}
