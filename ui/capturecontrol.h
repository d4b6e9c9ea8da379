#pragma once

#include "log/capturefile.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class TranscriptCapture;

// "Capture to file…" and what it is capturing to: a view of the tab's TranscriptCapture. Checking the box (by
// mouse, keyboard or an accessibility tool's toggle action: it reacts to the state, not to clicks) asks for the
// file and its format; a capture that stops by itself says why here, in the log and in a message box.
class CaptureControl : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureControl(TranscriptCapture *capture, QWidget *parent = nullptr);

    QCheckBox *toggle() const { return m_check; }

Q_SIGNALS:
    void captureFailed(const QString &reason); // in the user's words

private:
    void onToggled(bool on);
    void onFailed(const QString &path, const QString &error);
    void report(const QString &reason);
    void updateLabel();

    TranscriptCapture *m_capture;
    QCheckBox *m_check = nullptr;
    QLabel *m_status = nullptr;
};
