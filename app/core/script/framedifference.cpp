#include "script/framedifference.h"

QString FrameDifference::elementText(quint8 value, quint8 mask)
{
    constexpr char digits[] = "0123456789ABCDEF";
    QString text(2, u'?');
    if (mask & 0xf0)
        text[0] = QLatin1Char(digits[value >> 4]);
    if (mask & 0x0f)
        text[1] = QLatin1Char(digits[value & 0xf]);
    return text;
}

QString FrameDifference::expectedText() const
{
    return hasExpected ? elementText(expectedValue, expectedMask) : QString();
}

bool FrameDifference::operator==(const FrameDifference &o) const
{
    return kind == o.kind && offset == o.offset && actual == o.actual && hasExpected == o.hasExpected
        && expectedValue == o.expectedValue && expectedMask == o.expectedMask && patternColumn == o.patternColumn
        && expectedBytes == o.expectedBytes && actualBytes == o.actualBytes;
}
