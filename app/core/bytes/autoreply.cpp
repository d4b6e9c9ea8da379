#include "bytes/autoreply.h"

#include "bytes/hex.h"
#include "bytes/payloadjson.h"
#include "text/codecs.h"

#include <QJsonObject>

namespace AutoReply {

bool Rule::operator==(const Rule &o) const
{
    return enabled == o.enabled && match == o.match && pattern == o.pattern && patternIsHex == o.patternIsHex
        && reply == o.reply && replySpec == o.replySpec && name == o.name;
}

Compiled compile(const Rule &rule, const QByteArray &textEncoding)
{
    Compiled compiled;
    compiled.match = rule.match;
    if (rule.pattern.isEmpty()) {
        // An empty pattern would answer everything: a half-typed rule must not flood the peer.
        compiled.error = RuleError::EmptyPattern;
        return compiled;
    }
    if (rule.match == Match::Regex) {
        compiled.hexRegex = rule.patternIsHex;
        compiled.regex = QRegularExpression(rule.pattern,
            rule.patternIsHex ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
        if (!compiled.regex.isValid()) {
            compiled.error = RuleError::BadRegex;
            return compiled;
        }
        compiled.regex.optimize();
    } else if (rule.patternIsHex) {
        Hex::ParseResult parsed = Hex::parse(rule.pattern);
        if (!parsed.ok() || parsed.bytes.isEmpty()) {
            compiled.error = parsed.ok() ? RuleError::EmptyPattern : RuleError::BadPatternHex;
            return compiled;
        }
        compiled.patternBytes = std::move(parsed.bytes);
    } else {
        Codecs::EncodeResult encoded = Codecs::encode(rule.pattern, textEncoding);
        if (!encoded.ok()) {
            compiled.error = RuleError::PatternUnencodable;
            return compiled;
        }
        compiled.patternBytes = std::move(encoded.bytes);
    }
    Payload::Result reply = Payload::build(rule.reply, rule.replySpec);
    if (!reply.ok()) {
        compiled.error = RuleError::BadReply;
        return compiled;
    }
    compiled.reply = std::move(reply.bytes);
    return compiled;
}

RuleError validate(const Rule &rule, const QByteArray &textEncoding)
{
    return compile(rule, textEncoding).error;
}

void Matcher::setRules(const QList<Rule> &rules)
{
    m_rules = rules;
    recompile();
}

void Matcher::setTextEncoding(const QByteArray &encoding)
{
    m_encoding = encoding;
    recompile();
}

void Matcher::recompile()
{
    m_compiled.clear();
    m_ruleIndex.clear();
    m_needsText = false;
    m_needsHex = false;
    for (int i = 0; i < m_rules.size(); ++i) {
        if (!m_rules.at(i).enabled)
            continue;
        Compiled compiled = compile(m_rules.at(i), m_encoding);
        if (compiled.error != RuleError::None)
            continue;
        if (compiled.match == Match::Regex) {
            m_needsText |= !compiled.hexRegex;
            m_needsHex |= compiled.hexRegex;
        }
        m_compiled.append(std::move(compiled));
        m_ruleIndex.append(i);
    }
}

std::optional<Matcher::Reply> Matcher::find(QByteArrayView received) const
{
    // Decoded once per chunk, and only if a regex rule needs it.
    const QString text = m_needsText ? Codecs::decode(received, m_encoding) : QString();
    const QString hex = m_needsHex ? Hex::format(received, Hex::Case::Upper, ' ') : QString();
    for (int i = 0; i < m_compiled.size(); ++i) {
        const Compiled &rule = m_compiled.at(i);
        bool matched = false;
        switch (rule.match) {
        case Match::Equals:
            matched = received == QByteArrayView(rule.patternBytes);
            break;
        case Match::StartsWith:
            matched = received.startsWith(rule.patternBytes);
            break;
        case Match::Contains:
            matched = received.contains(rule.patternBytes);
            break;
        case Match::Regex:
            matched = rule.regex.match(rule.hexRegex ? hex : text).hasMatch();
            break;
        }
        if (matched)
            return Reply {rule.reply, m_ruleIndex.at(i)};
    }
    if (m_echo && !received.isEmpty())
        return Reply {received.toByteArray(), -1};
    return std::nullopt;
}

std::optional<QByteArray> Matcher::replyFor(QByteArrayView received) const
{
    std::optional<Reply> reply = find(received);
    if (!reply)
        return std::nullopt;
    return std::move(reply->bytes);
}

std::optional<QByteArray> replyFor(QByteArrayView received, const QList<Rule> &rules, const QByteArray &textEncoding)
{
    Matcher matcher;
    matcher.setTextEncoding(textEncoding);
    matcher.setRules(rules);
    return matcher.replyFor(received);
}

QByteArray matchId(Match match)
{
    switch (match) {
    case Match::Equals:
        return "equals";
    case Match::StartsWith:
        return "starts-with";
    case Match::Contains:
        return "contains";
    case Match::Regex:
        return "regex";
    }
    return "equals";
}

Match matchFromId(QByteArrayView id)
{
    for (Match match : {Match::StartsWith, Match::Contains, Match::Regex}) {
        if (id == matchId(match))
            return match;
    }
    return Match::Equals;
}

QJsonArray toJson(const QList<Rule> &rules)
{
    QJsonArray array;
    for (const Rule &rule : rules) {
        QJsonObject object;
        object.insert(QLatin1String("name"), rule.name);
        object.insert(QLatin1String("enabled"), rule.enabled);
        object.insert(QLatin1String("match"), QString::fromLatin1(matchId(rule.match)));
        object.insert(QLatin1String("pattern"), rule.pattern);
        object.insert(QLatin1String("patternHex"), rule.patternIsHex);
        object.insert(QLatin1String("reply"), rule.reply);
        object.insert(QLatin1String("replySpec"), PayloadJson::toJson(rule.replySpec));
        array.append(object);
    }
    return array;
}

QList<Rule> fromJson(const QJsonArray &array)
{
    QList<Rule> rules;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            continue;
        const QJsonObject object = value.toObject();
        Rule rule;
        rule.name = object.value(QLatin1String("name")).toString();
        rule.enabled = object.value(QLatin1String("enabled")).toBool(true);
        rule.match = matchFromId(object.value(QLatin1String("match")).toString().toUtf8());
        rule.pattern = object.value(QLatin1String("pattern")).toString();
        rule.patternIsHex = object.value(QLatin1String("patternHex")).toBool(false);
        rule.reply = object.value(QLatin1String("reply")).toString();
        rule.replySpec = PayloadJson::fromJson(object.value(QLatin1String("replySpec")).toObject());
        rules.append(rule);
    }
    return rules;
}

} // namespace AutoReply
