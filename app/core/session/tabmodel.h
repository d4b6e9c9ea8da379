#pragma once

#include "log/transcript.h"

#include <QJsonObject>
#include <QObject>

class AutoResponder;
class Session;
class SessionRecorder;
class TranscriptCapture;

// Everything one tab owns, without a widget: its session, the transcript that records it (through a recorder that
// frames streams and logs the session's own activity), auto-reply and capture to file. The tab's page only shows
// this model and hands it what the user asks for, so every rule here is testable without a window.
class TabModel : public QObject
{
    Q_OBJECT
public:
    // Takes the session as its child.
    explicit TabModel(Session *session, QObject *parent = nullptr);
    ~TabModel() override;

    Session *session() const { return m_session; }
    Transcript *transcript() { return &m_transcript; }
    const Transcript *transcript() const { return &m_transcript; }
    SessionRecorder *recorder() const { return m_recorder; }
    AutoResponder *autoResponder() const { return m_autoReply; }
    TranscriptCapture *capture() const { return m_capture; }

    // The encoding text is matched in (auto-reply patterns) and decoded with (the capture's text column): the one
    // the log shows, so that what one reads is what one matches.
    void setTextEncoding(const QByteArray &encoding);
    QByteArray textEncoding() const { return m_encoding; }

    // A line of the user's own words in the log (timed send stopped, file sent...).
    void note(const QString &text);

    // The receive side's settings, to save and restore per tab:
    // {"framing": FramingJson, "autoReply": {"enabled", "echo", "rules": [AutoReply::toJson]}}.
    // Capture is not a setting: it is started anew each time.
    QJsonObject receiveSettings() const;
    void setReceiveSettings(const QJsonObject &settings);

private:
    Transcript m_transcript;
    Session *m_session;
    SessionRecorder *m_recorder;
    AutoResponder *m_autoReply;
    TranscriptCapture *m_capture;
    QByteArray m_encoding = "UTF-8";
};
