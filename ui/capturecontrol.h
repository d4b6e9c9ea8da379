#pragma once

#include "log/capturefile.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class Transcript;

// "Capture to file…": while on, every new record of the tab's transcript is appended to a file as it arrives
// (text lines with timestamps, or the raw bytes of one direction), flushed per record. A failed write stops the
// capture at once: the reason goes into the log (a Note event) and a message box, and the check turns off.
class CaptureControl : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureControl(Transcript *transcript, QWidget *parent = nullptr);

    // Starts capturing into path (truncated unless append). false when the file cannot be opened; errorString()
    // says why. Also what the command line's --capture FILE calls.
    bool startCapture(const QString &path, CaptureFile::Format format, bool append = false);
    void stopCapture();
    bool isCapturing() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }
    CaptureFile::Format format() const { return m_file.format(); }
    QString errorString() const { return m_error; }
    // The text format's encoding for the decoded column (the log's).
    void setTextEncoding(const QByteArray &encoding) { m_file.setTextEncoding(encoding); }

Q_SIGNALS:
    void captureChanged(bool on);
    // The capture stopped by itself; reason is in the user's words.
    void captureFailed(const QString &reason);

private:
    void onToggled(bool on);
    void onAppended(qint64 seq);
    void fail(const QString &reason);
    void updateLabel();

    Transcript *m_transcript;
    CaptureFile m_file;
    QCheckBox *m_check = nullptr;
    QLabel *m_status = nullptr;
    QString m_error;
};
