#pragma once

#include "log/capturefile.h"
#include "session/pcaprecordwriter.h"

#include <QObject>

class Transcript;

// Capture to file: while on, every new record of a transcript is appended to a file as it arrives (text lines with
// timestamps, the raw bytes of one direction, or packets for Wireshark: PcapRecordWriter), flushed per record. A failed
// write stops the capture at once and says so in the transcript (EventKind::CaptureFailed, after the file is closed so
// that the event cannot fail the same way) and by failed().
class TranscriptCapture : public QObject
{
    Q_OBJECT
public:
    explicit TranscriptCapture(Transcript *transcript, QObject *parent = nullptr);

    // Starts capturing into path (truncated unless append); a capture already running stops first. false when the
    // file cannot be opened: errorString() says why.
    bool start(const QString &path, CaptureFile::Format format, bool append = false);
    void stop();
    bool isCapturing() const { return m_file.isOpen() || m_pcap.isOpen(); }
    QString fileName() const { return m_format == CaptureFile::Format::Pcap ? m_pcap.fileName() : m_file.fileName(); }
    CaptureFile::Format format() const { return m_format; }
    qint64 bytesWritten() const { return m_file.bytesWritten(); } // text and raw formats
    qint64 packetsWritten() const { return m_pcap.packetsWritten(); } // pcap
    QString errorString() const { return m_error; } // of the last failure
    // The text format's encoding for the decoded column.
    void setTextEncoding(const QByteArray &encoding) { m_file.setTextEncoding(encoding); }

Q_SIGNALS:
    void changed(bool capturing);
    // The capture stopped by itself: the file and the system's reason.
    void failed(const QString &path, const QString &error);

private:
    void onAppended(qint64 seq);

    Transcript *m_transcript;
    CaptureFile m_file;
    PcapRecordWriter m_pcap;
    CaptureFile::Format m_format = CaptureFile::Format::Text;
    QString m_error;
};
