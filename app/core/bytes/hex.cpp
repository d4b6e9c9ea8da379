#include "bytes/hex.h"

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u';' || c == u'-' || c == u':';
}

constexpr char lowerDigits[] = "0123456789abcdef";
constexpr int bytesPerLine = 16;
constexpr int hexColumnWidth = bytesPerLine * 3 + 1; // "xx " per byte and one extra space after the eighth

// Writes one dump line at out and returns the position after it; out must have room for it.
QChar *writeLine(QChar *out, const uchar *bytes, qsizetype count, qint64 offset)
{
    int offsetDigits = 8;
    while (offsetDigits < 16 && (static_cast<quint64>(offset) >> (offsetDigits * 4)) != 0)
        ++offsetDigits;
    for (int i = offsetDigits - 1; i >= 0; --i)
        *out++ = QLatin1Char(lowerDigits[(static_cast<quint64>(offset) >> (i * 4)) & 0xf]);
    *out++ = u' ';
    *out++ = u' ';
    for (int i = 0; i < bytesPerLine; ++i) {
        if (i < count) {
            *out++ = QLatin1Char(lowerDigits[bytes[i] >> 4]);
            *out++ = QLatin1Char(lowerDigits[bytes[i] & 0xf]);
        } else {
            *out++ = u' ';
            *out++ = u' ';
        }
        *out++ = u' ';
        if (i == 7)
            *out++ = u' ';
    }
    *out++ = u' ';
    *out++ = u'|';
    for (qsizetype i = 0; i < count; ++i)
        *out++ = (bytes[i] >= 0x20 && bytes[i] <= 0x7e) ? QLatin1Char(char(bytes[i])) : QLatin1Char('.');
    *out++ = u'|';
    return out;
}

QString makeLine(const uchar *bytes, qsizetype count, qint64 offset)
{
    QString line(16 + 2 + hexColumnWidth + 2 + count + 1, Qt::Uninitialized);
    QChar *end = writeLine(line.data(), bytes, count, offset);
    line.truncate(end - line.constData());
    return line;
}

} // namespace

namespace Hex {

ParseResult parse(QStringView text)
{
    ParseResult result;
    result.bytes.reserve(text.size() / 2);
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (isSeparator(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype groupStart = i;
        if (text.at(i) == u'0' && i + 1 < n && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X')) {
            i += 2;
            if (i >= n || isSeparator(text.at(i))) {
                result.error = ParseError::BadCharacter; // a prefix with nothing after it
                result.errorPos = groupStart + 1;
                break;
            }
        }
        const qsizetype digitsStart = i;
        int high = -1;
        for (; i < n && !isSeparator(text.at(i)); ++i) {
            const int value = digitValue(text.at(i));
            if (value < 0) {
                result.error = ParseError::BadCharacter;
                result.errorPos = i;
                break;
            }
            if (high < 0) {
                high = value;
            } else {
                result.bytes.append(char(high << 4 | value));
                high = -1;
            }
        }
        if (result.error != ParseError::None)
            break;
        if ((i - digitsStart) % 2 != 0) {
            result.error = ParseError::OddDigitCount;
            result.errorPos = groupStart;
            break;
        }
    }
    if (!result.ok())
        result.bytes.clear();
    return result;
}

QString format(QByteArrayView bytes, Case letterCase, char separator)
{
    QByteArray hex = bytes.toByteArray().toHex(separator);
    if (letterCase == Case::Upper)
        hex = std::move(hex).toUpper();
    return QString::fromLatin1(hex);
}

QString dumpLine(QByteArrayView sixteenOrFewer, qint64 offset)
{
    const qsizetype count = qMin<qsizetype>(sixteenOrFewer.size(), bytesPerLine);
    return makeLine(reinterpret_cast<const uchar *>(sixteenOrFewer.data()), count, offset);
}

QStringList dump(QByteArrayView bytes, qint64 baseOffset)
{
    QStringList lines;
    lines.reserve((bytes.size() + bytesPerLine - 1) / bytesPerLine);
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    for (qsizetype pos = 0; pos < bytes.size(); pos += bytesPerLine) {
        const qsizetype count = qMin<qsizetype>(bytes.size() - pos, bytesPerLine);
        lines.append(makeLine(data + pos, count, baseOffset + pos));
    }
    return lines;
}

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace Hex
