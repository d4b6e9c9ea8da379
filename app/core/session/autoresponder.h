#pragma once

#include "bytes/autoreply.h"
#include "net/session.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class SessionRecorder;

// Answers what a tab receives, when it is switched on: the first matching rule's reply, else the echo if that is
// on, sent back to the peer that sent the data. It answers frames as the recorder records them (each read with
// Per read framing, each line with Delimiter...), because a rule like "equals PING" is about messages, not about how
// the kernel happened to split them. Replies go through Session::send, so the recorder logs them as TX right after
// the RX that caused them.
class AutoResponder : public QObject
{
    Q_OBJECT
public:
    AutoResponder(Session *session, SessionRecorder *recorder, QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on);
    bool echo() const { return m_matcher.echo(); }
    void setEcho(bool on);
    QList<AutoReply::Rule> rules() const { return m_rules; }
    void setRules(const QList<AutoReply::Rule> &rules);
    // The encoding text patterns are matched in (the log's, so what one reads is what one matches).
    void setTextEncoding(const QByteArray &encoding);
    QByteArray textEncoding() const { return m_encoding; }

    // Persistence for the settings code: the rules alone (AutoReply::toJson), or everything:
    // {"enabled": bool, "echo": bool, "rules": [...]}.
    QJsonArray rulesJson() const { return AutoReply::toJson(m_rules); }
    void setRulesJson(const QJsonArray &rules) { setRules(AutoReply::fromJson(rules)); }
    QJsonObject toJson() const;
    void fromJson(const QJsonObject &object);

    qint64 replyCount() const { return m_replies; }

Q_SIGNALS:
    void changed(); // switched, echo, rules or encoding
    void replied(PeerId id, int ruleIndex); // -1: the echo

private:
    void onFrame(PeerId id, const QByteArray &frame);

    QPointer<Session> m_session;
    AutoReply::Matcher m_matcher;
    QList<AutoReply::Rule> m_rules;
    QByteArray m_encoding = "UTF-8";
    bool m_enabled = false;
    qint64 m_replies = 0;
};
