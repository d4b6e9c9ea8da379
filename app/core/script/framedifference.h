#pragma once

#include <QByteArray>
#include <QString>

// Where a received frame first departs from what an expect step wanted, as data for the window and the report.
// An expected element is a byte under a mask: 0A is (0x0A, 0xFF), the nibble wildcard ?3 is (0x03, 0x0F), ?? is
// (0x00, 0x00).
struct FrameDifference
{
    enum class Kind {
        None,
        Byte, // the byte at offset is not the expected element
        FrameShorter, // the frame ends at offset while the expected element (if known) was still to come
        FrameLonger, // the pattern ends at offset; actual is the first extra byte
        NotFound, // Contains / Regex / a fixed run between two ".." found nowhere (from offset on, for the run)
        Checksum // the last expectedBytes.size() bytes (at offset) are actualBytes, the computed checksum differs
    };

    Kind kind = Kind::None;
    qsizetype offset = -1; // in the frame
    int actual = -1; // the frame's byte at offset, -1 when there is none
    bool hasExpected = false; // Byte, and FrameShorter when the pattern says which element was due
    quint8 expectedValue = 0;
    quint8 expectedMask = 0xff;
    qsizetype patternColumn = -1; // HexPattern: index in the pattern text of the expected element (or run)
    QByteArray expectedBytes; // Checksum: computed
    QByteArray actualBytes; // Checksum: received

    // "0A", "?3", "4?", "??" (upper case), as a hex pattern writes the element; empty without one.
    QString expectedText() const;
    static QString elementText(quint8 value, quint8 mask);
    bool operator==(const FrameDifference &o) const;
    bool operator!=(const FrameDifference &o) const { return !(*this == o); }
};
