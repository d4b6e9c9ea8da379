#pragma once

#include "script/framedifference.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

// A hex pattern for a whole frame, as a Modbus reply is described on paper: "01 03 ?? ?? 00 ..".
//   - 0A       that byte;
//   - ??       any one byte;  0? / ?3  one fixed nibble, the other any;
//   - ..       any number of bytes, zero included, anywhere (start, middle, end; ".. .." is one "..").
// Written like Hex::parse input: separators are white space and , ; - : ; a group may start with 0x; inside a group
// the digits and ? pair up ("0103??" is three elements) and ".." may stand between pairs ("01..03").
// Errors, in reading order, at the index (UTF-16 code unit) of the offending character:
//   - OddDigitCount at the start of a run of digits and ? that does not pair up ("01 2" -> 3, "0..1" -> 0);
//   - BadCharacter at anything else, a single '.' included ("01 0G" -> 4, "0x" alone -> 1, "01 ." -> 3);
//   - Empty when the text has no element at all (only separators).
//
// Matching: the run before the first ".." is compared from the frame's start, the run after the last ".." against
// the frame's end, and the runs in between are found leftmost, in order, in what lies between (leftmost is enough:
// runs have fixed lengths). The first difference is therefore deterministic: a byte of the leading run, then a too
// short frame, then a byte of the trailing run, then a middle run not found.
class HexPattern
{
public:
    enum class Error { None, Empty, OddDigitCount, BadCharacter };

    struct Element
    {
        quint8 value = 0;
        quint8 mask = 0xff; // bits that must equal value
        bool anyRun = false; // ".." (value and mask unused)
        qsizetype column = 0; // index in the pattern text
        bool operator==(const Element &o) const
        {
            return value == o.value && mask == o.mask && anyRun == o.anyRun && column == o.column;
        }
    };

    struct ParseResult;
    static ParseResult parse(QStringView text);

    // Kind None when the whole frame matches.
    FrameDifference match(QByteArrayView frame) const;
    bool matches(QByteArrayView frame) const { return match(frame).kind == FrameDifference::Kind::None; }

    const QList<Element> &elements() const { return m_elements; }
    // Canonical text, upper case, one space between elements: "01 03 ?? ?3 00 ..".
    QString toString() const;

private:
    struct Run
    {
        qsizetype begin = 0; // index into m_elements
        qsizetype size = 0;
    };
    bool elementMatches(qsizetype element, quint8 byte) const;
    // The first element of run that differs from frame at offset (run must fit), or -1.
    qsizetype firstMismatch(const Run &run, QByteArrayView frame, qsizetype offset) const;
    FrameDifference byteDifference(qsizetype element, QByteArrayView frame, qsizetype offset) const;

    QList<Element> m_elements; // ".." never twice in a row
};

struct HexPattern::ParseResult
{
    HexPattern pattern;
    Error error = Error::None;
    qsizetype errorPos = -1;
    bool ok() const { return error == Error::None; }
};
