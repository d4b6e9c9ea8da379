#include "script/hexpattern.h"

#include "bytes/hex.h"

#include <QStringList>

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u';' || c == u'-' || c == u':';
}

HexPattern::ParseResult failure(HexPattern::Error error, qsizetype pos)
{
    HexPattern::ParseResult result;
    result.error = error;
    result.errorPos = pos;
    return result;
}

} // namespace

HexPattern::ParseResult HexPattern::parse(QStringView text)
{
    using Error = HexPattern::Error;
    ParseResult result;
    QList<Element> &elements = result.pattern.m_elements;
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
            if (i >= n || isSeparator(text.at(i)))
                return failure(Error::BadCharacter, groupStart + 1);
        }
        qsizetype runStart = groupStart;
        bool halfElement = false;
        Element element;
        for (; i < n && !isSeparator(text.at(i)); ++i) {
            const QChar c = text.at(i);
            if (c == u'.') {
                if (i + 1 >= n || text.at(i + 1) != u'.')
                    return failure(Error::BadCharacter, i);
                if (halfElement)
                    return failure(Error::OddDigitCount, runStart);
                if (elements.isEmpty() || !elements.constLast().anyRun) {
                    Element any;
                    any.anyRun = true;
                    any.mask = 0;
                    any.column = i;
                    elements.append(any);
                }
                ++i; // the loop steps over the second '.'
                runStart = i + 1;
                continue;
            }
            int nibble = 0;
            int nibbleMask = 0;
            if (c != u'?') {
                nibble = Hex::digitValue(c);
                if (nibble < 0)
                    return failure(Error::BadCharacter, i);
                nibbleMask = 0xf;
            }
            if (!halfElement) {
                element = Element();
                element.value = quint8(nibble << 4);
                element.mask = quint8(nibbleMask << 4);
                element.column = i;
                halfElement = true;
            } else {
                element.value |= quint8(nibble);
                element.mask |= quint8(nibbleMask);
                elements.append(element);
                halfElement = false;
            }
        }
        if (halfElement)
            return failure(Error::OddDigitCount, runStart);
    }
    if (elements.isEmpty())
        return failure(Error::Empty, -1);
    return result;
}

bool HexPattern::elementMatches(qsizetype element, quint8 byte) const
{
    const Element &e = m_elements.at(element);
    return (byte & e.mask) == e.value;
}

qsizetype HexPattern::firstMismatch(const Run &run, QByteArrayView frame, qsizetype offset) const
{
    for (qsizetype k = 0; k < run.size; ++k) {
        if (!elementMatches(run.begin + k, quint8(frame.at(offset + k))))
            return run.begin + k;
    }
    return -1;
}

FrameDifference HexPattern::byteDifference(qsizetype element, QByteArrayView frame, qsizetype offset) const
{
    const Element &e = m_elements.at(element);
    FrameDifference difference;
    difference.kind = offset < frame.size() ? FrameDifference::Kind::Byte : FrameDifference::Kind::FrameShorter;
    difference.offset = offset;
    difference.actual = offset < frame.size() ? quint8(frame.at(offset)) : -1;
    difference.hasExpected = true;
    difference.expectedValue = e.value;
    difference.expectedMask = e.mask;
    difference.patternColumn = e.column;
    return difference;
}

FrameDifference HexPattern::match(QByteArrayView frame) const
{
    QList<Run> runs {Run {}};
    for (qsizetype k = 0; k < m_elements.size(); ++k) {
        if (m_elements.at(k).anyRun)
            runs.append(Run {k + 1, 0});
        else
            ++runs.last().size;
    }
    const qsizetype n = frame.size();
    const Run &lead = runs.constFirst();
    for (qsizetype k = 0; k < lead.size; ++k) {
        if (k >= n || !elementMatches(lead.begin + k, quint8(frame.at(k))))
            return byteDifference(lead.begin + k, frame, k);
    }
    FrameDifference difference;
    if (runs.size() == 1) {
        if (n > lead.size) {
            difference.kind = FrameDifference::Kind::FrameLonger;
            difference.offset = lead.size;
            difference.actual = quint8(frame.at(lead.size));
        }
        return difference;
    }

    qsizetype fixedBytes = 0;
    for (const Run &run : runs)
        fixedBytes += run.size;
    if (n < fixedBytes) {
        difference.kind = FrameDifference::Kind::FrameShorter;
        difference.offset = n;
        return difference;
    }
    const Run &trail = runs.constLast();
    const qsizetype trailStart = n - trail.size;
    const qsizetype trailMismatch = firstMismatch(trail, frame, trailStart);
    if (trailMismatch >= 0)
        return byteDifference(trailMismatch, frame, trailStart + (trailMismatch - trail.begin));

    qsizetype pos = lead.size;
    for (qsizetype r = 1; r + 1 < runs.size(); ++r) {
        const Run &run = runs.at(r);
        qsizetype found = pos;
        while (found + run.size <= trailStart && firstMismatch(run, frame, found) >= 0)
            ++found;
        if (found + run.size > trailStart) {
            difference.kind = FrameDifference::Kind::NotFound;
            difference.offset = pos;
            difference.patternColumn = m_elements.at(run.begin).column;
            return difference;
        }
        pos = found + run.size;
    }
    return difference;
}

QString HexPattern::toString() const
{
    QStringList parts;
    parts.reserve(m_elements.size());
    for (const Element &e : m_elements)
        parts.append(e.anyRun ? QStringLiteral("..") : FrameDifference::elementText(e.value, e.mask));
    return parts.join(u' ');
}
