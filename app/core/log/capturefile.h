#pragma once

#include "log/record.h"

#include <QByteArray>
#include <QFile>
#include <QString>

// Appends every log record to a file as it arrives, flushed after each record so that a killed app loses nothing
// already written. No QObject: the caller feeds it records and, on a false return, stops the capture and shows
// errorString().
//
// Text format: one UTF-8 line per record, "\n" ended, fields separated by one space, so grep/awk can pick columns:
//   2026-11-25 12:00:00.123 RX 127.0.0.1:5000 48 65 6C 6C 6F 0D 0A | Hello\r\n
//   2026-11-25 12:00:00.456 EVENT connected 127.0.0.1:5000
//   2026-11-25 12:00:01.000 EVENT error 127.0.0.1:5000 refused Connection refused
// - local date and time with milliseconds;
// - RX, TX or EVENT; an event's kind is its eventId() ("connected", "error", ...);
// - the peer as given, or "-" when there is none;
// - data records: the bytes in upper-case hex separated by spaces, then " | " (hex never holds '|'), then the bytes
//   decoded with the chosen encoding (invalid bytes become U+FFFD), with \ written as \\, CR LF TAB as \r \n \t and
//   the other control characters (below U+0020, U+007F) as \xNN, so a record is always exactly one line;
// - events: an error's kind (SessionError::id), then the detail text escaped the same way, after one space, if there
//   is one.
// RawRx / RawTx: the received (sent) bytes exactly as they were, nothing else: a capture of one direction of the
// stream for another tool.
// Pcap: packets for Wireshark. Only named here (settings ids, the choice by file name): TranscriptCapture writes it
// through PcapRecordWriter (netassist_session, over netassist_capture), so the log library needs no libpcap;
// open() refuses it.
class CaptureFile
{
public:
    enum class Format { Text, RawRx, RawTx, Pcap };

    CaptureFile() = default;
    ~CaptureFile();
    CaptureFile(const CaptureFile &) = delete;
    CaptureFile &operator=(const CaptureFile &) = delete;

    // append false truncates. On failure returns false and errorString() has the system's reason.
    bool open(const QString &path, Format format, bool append);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }
    Format format() const { return m_format; }

    // Text format only: the encoding of the text column (Codecs names); UTF-8 by default.
    void setTextEncoding(const QByteArray &encoding) { m_encoding = encoding; }

    // false when the bytes could not be written (disk full, file gone...) or the file is not open.
    // A record a raw format does not keep (events, the other direction) is skipped and returns true.
    bool write(const Record &record, const QString &peerName);
    QString errorString() const { return m_file.errorString(); }
    // Bytes this capture has written since open() (not counting what an appended file held before).
    qint64 bytesWritten() const { return m_bytesWritten; }

    // The text line of a record, without its "\n" (public for tests and for "copy as capture line").
    static QByteArray textLine(const Record &record, const QString &peerName, const QByteArray &encoding);
    // Stable word of an event kind in the text format ("connected", "error", ...).
    static QByteArray eventId(EventKind kind);
    // Stable identifiers for settings ("raw-rx"); fromId returns Text for unknown ids.
    static QByteArray id(Format format);
    static Format fromId(QByteArrayView id);
    // The format a file name asks for: Pcap for ".pcap" (any case), otherwise fallback.
    static Format forFileName(const QString &path, Format fallback = Format::Text);

private:
    QFile m_file;
    Format m_format = Format::Text;
    QByteArray m_encoding = "UTF-8";
    qint64 m_bytesWritten = 0;
};
