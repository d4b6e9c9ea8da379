#pragma once

#include "log/capturefile.h"
#include "log/transcript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class AutoResponder;
class CaptureControl;
class LogPanel;
class QCheckBox;
class QLabel;
class QSplitter;
class QToolButton;
class ReceiveOptions;
class SendPanel;
class Session;
class SessionRecorder;

// What the client and server tabs share: a transcript that records the session, the receive log over it and the
// send box under it, and what happens to received data: framing, auto-reply and capture to file (one row of
// controls above the log). A subclass owns the session and the connection controls.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPage(QWidget *parent = nullptr);

    Transcript *transcript() { return &m_transcript; }
    LogPanel *logPanel() const { return m_log; }
    SendPanel *sendPanel() const { return m_send; }
    SessionRecorder *recorder() const { return m_recorder; }
    AutoResponder *autoResponder() const { return m_autoReply; }
    ReceiveOptions *receiveOptions() const { return m_framing; }
    CaptureControl *captureControl() const { return m_capture; }

    // Capture to file (also for the command line's --capture FILE): false when the file cannot be opened, with the
    // reason in captureError().
    bool startCapture(const QString &path, CaptureFile::Format format = CaptureFile::Format::Text, bool append = false);
    void stopCapture();
    bool isCapturing() const;
    QString captureError() const;

    // Settings of the receive side, to save and restore per tab:
    // {"framing": {ReceiveOptions::toJson}, "autoReply": {"enabled", "echo", "rules": [AutoReply::toJson]}}.
    // Capture is not a setting: it is started anew each time.
    QJsonObject receiveSettings() const;
    void setReceiveSettings(const QJsonObject &settings);
    // The auto-reply rules alone (AutoReply::toJson / fromJson).
    QJsonArray autoReplyRulesJson() const;
    void setAutoReplyRulesJson(const QJsonArray &rules);

public Q_SLOTS:
    void editAutoReplyRules(); // opens the rules dialog (window-modal, not blocking the sockets)

protected:
    // Puts the log and the send box into the page's splitter and records the session into the transcript.
    // The log goes into logSplitter, the send box into sendSplitter (the same splitter for the client tab).
    void attach(Session *session, QSplitter *logSplitter, QSplitter *sendSplitter);
    // An input problem under the connection row: shown with its reason, hidden when text is empty.
    static void showProblem(QLabel *label, const QString &text);
    static void showState(QLabel *label, const QString &text, bool isError);

private:
    QWidget *createReceiveRow(Session *session);
    void updateAutoReplyControls();

    Transcript m_transcript;
    LogPanel *m_log = nullptr;
    SendPanel *m_send = nullptr;
    SessionRecorder *m_recorder = nullptr;
    AutoResponder *m_autoReply = nullptr;
    ReceiveOptions *m_framing = nullptr;
    CaptureControl *m_capture = nullptr;
    QCheckBox *m_autoReplyToggle = nullptr;
    QToolButton *m_autoReplyRules = nullptr;
};
