#pragma once

#include "bytes/payload.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

// Answers received data automatically: "when the data equals / starts with / contains / matches X, reply Y".
// Matching is on bytes, so a text pattern is first encoded in the session's text encoding (GBK text matches GBK
// bytes). A Regex is searched (not anchored: write ^...$ for a whole match) in the received bytes decoded with that
// encoding; with patternIsHex it is searched in the bytes' hex form instead, upper-case and space-separated
// ("01 03 00 0A"), case-insensitively, e.g. "^01 03" for Modbus reads of unit 1.
// An invalid rule never matches; validate() tells the UI why.
namespace AutoReply {

enum class Match { Equals, StartsWith, Contains, Regex };

struct Rule
{
    bool enabled = true;
    Match match = Match::Equals;
    QString pattern;
    bool patternIsHex = false;
    QString reply; // built with Payload::build(reply, replySpec)
    Payload::Spec replySpec;
    QString name;
    bool operator==(const Rule &o) const;
    bool operator!=(const Rule &o) const { return !(*this == o); }
};

enum class RuleError {
    None,
    EmptyPattern,
    BadPatternHex, // Equals / StartsWith / Contains with patternIsHex: Hex::parse failed
    PatternUnencodable, // the text pattern has a character the encoding cannot represent
    BadRegex,
    BadReply // Payload::build failed (empty, bad hex, bad escape...)
};

RuleError validate(const Rule &rule, const QByteArray &textEncoding = "UTF-8");

// A rule made ready to match: bytes encoded, regex compiled, reply built.
struct Compiled
{
    RuleError error = RuleError::None;
    Match match = Match::Equals;
    bool hexRegex = false;
    QByteArray patternBytes;
    QRegularExpression regex;
    QByteArray reply;
};
Compiled compile(const Rule &rule, const QByteArray &textEncoding);

// Compiles the rules once for many received chunks.
class Matcher
{
public:
    struct Reply
    {
        QByteArray bytes;
        int ruleIndex = -1; // -1: the echo
    };

    void setRules(const QList<Rule> &rules);
    void setTextEncoding(const QByteArray &encoding);
    // Echo mode: data no rule matched is sent back as it came.
    void setEcho(bool echo) { m_echo = echo; }
    bool echo() const { return m_echo; }

    // The first enabled valid rule that matches wins; then the echo, if on.
    std::optional<Reply> find(QByteArrayView received) const;
    std::optional<QByteArray> replyFor(QByteArrayView received) const;

private:
    void recompile();

    QList<Rule> m_rules;
    QByteArray m_encoding = "UTF-8";
    QList<Compiled> m_compiled; // enabled rules only, same order
    QList<int> m_ruleIndex; // index in m_rules of each m_compiled entry
    bool m_needsText = false;
    bool m_needsHex = false;
    bool m_echo = false;
};

// One-off convenience (compiles every call): the reply of the first enabled matching rule.
std::optional<QByteArray> replyFor(QByteArrayView received, const QList<Rule> &rules, const QByteArray &textEncoding);

// Persistence: [{"name", "enabled", "match": "equals|starts-with|contains|regex", "pattern", "patternHex",
// "reply", "replySpec": {PayloadJson}}]. Missing or bad fields take defaults; entries that are not objects are skipped.
QJsonArray toJson(const QList<Rule> &rules);
QList<Rule> fromJson(const QJsonArray &array);

QByteArray matchId(Match match);
Match matchFromId(QByteArrayView id); // Equals for unknown ids

} // namespace AutoReply
