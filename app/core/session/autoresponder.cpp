#include "session/autoresponder.h"

#include "log/sessionrecorder.h"

AutoResponder::AutoResponder(Session *session, SessionRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(recorder, &SessionRecorder::frameReceived, this, &AutoResponder::onFrame);
}

void AutoResponder::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    Q_EMIT changed();
}

void AutoResponder::setEcho(bool on)
{
    if (on == m_matcher.echo())
        return;
    m_matcher.setEcho(on);
    Q_EMIT changed();
}

void AutoResponder::setRules(const QList<AutoReply::Rule> &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    m_matcher.setRules(rules);
    Q_EMIT changed();
}

void AutoResponder::setTextEncoding(const QByteArray &encoding)
{
    if (encoding == m_encoding)
        return;
    m_encoding = encoding;
    m_matcher.setTextEncoding(encoding);
    Q_EMIT changed();
}

QJsonObject AutoResponder::toJson() const
{
    return {{QStringLiteral("enabled"), m_enabled}, {QStringLiteral("echo"), echo()},
        {QStringLiteral("rules"), rulesJson()}};
}

void AutoResponder::fromJson(const QJsonObject &object)
{
    setRulesJson(object.value(QStringLiteral("rules")).toArray());
    setEcho(object.value(QStringLiteral("echo")).toBool(false));
    setEnabled(object.value(QStringLiteral("enabled")).toBool(false));
}

void AutoResponder::onFrame(PeerId id, const QByteArray &frame)
{
    if (!m_enabled || !m_session)
        return;
    const std::optional<AutoReply::Matcher::Reply> reply = m_matcher.find(frame);
    if (!reply || reply->bytes.isEmpty())
        return;
    if (m_session->send(reply->bytes, {id}) > 0) {
        ++m_replies;
        Q_EMIT replied(id, reply->ruleIndex);
    }
}
