#pragma once

#include "log/transcript.h"

#include <QWidget>

class LogPanel;
class QLabel;
class QSplitter;
class SendPanel;
class Session;

// What the client and server tabs share: a transcript that records the session, the receive log over it and the
// send box under it. A subclass owns the session and the connection controls.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPage(QWidget *parent = nullptr);

    Transcript *transcript() { return &m_transcript; }
    LogPanel *logPanel() const { return m_log; }
    SendPanel *sendPanel() const { return m_send; }

protected:
    // Puts the log and the send box into the page's splitter and records the session into the transcript.
    // The log goes into logSplitter, the send box into sendSplitter (the same splitter for the client tab).
    void attach(Session *session, QSplitter *logSplitter, QSplitter *sendSplitter);
    // An input problem under the connection row: shown with its reason, hidden when text is empty.
    static void showProblem(QLabel *label, const QString &text);
    static void showState(QLabel *label, const QString &text, bool isError);

private:
    Transcript m_transcript;
    LogPanel *m_log = nullptr;
    SendPanel *m_send = nullptr;
};
