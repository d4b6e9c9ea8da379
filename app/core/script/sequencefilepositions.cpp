#include "script/sequencefilepositions.h"

#include <QString>

namespace {

// Reads valid JSON text; every step is bounded by the end of the text, so malformed text cannot make it loop.
struct Cursor
{
    QByteArrayView text;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= text.size(); }
    char peek() const { return atEnd() ? '\0' : text.at(pos); }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++pos;
    }

    // At a '"': returns the raw text between the quotes (escapes left as written) and steps past the closing quote.
    QByteArray string()
    {
        const qsizetype start = ++pos;
        while (!atEnd() && peek() != '"')
            pos += peek() == '\\' ? 2 : 1;
        const QByteArray raw = text.sliced(start, qMin(pos, text.size()) - start).toByteArray();
        ++pos;
        return raw;
    }

    void skipValue()
    {
        if (peek() == '"') {
            string();
            return;
        }
        if (peek() != '{' && peek() != '[') {
            while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n'
                && peek() != '\r' && peek() != '\t')
                ++pos;
            return;
        }
        int depth = 0;
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            ++pos;
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return;
            }
        }
    }

    // At a '{': calls onKey(key, keyOffset) with the cursor at the value, which onKey must consume.
    template<typename OnKey> void object(OnKey onKey)
    {
        ++pos;
        while (true) {
            skipSpace();
            if (atEnd() || peek() == '}') {
                ++pos;
                return;
            }
            if (peek() == ',') {
                ++pos;
                continue;
            }
            if (peek() != '"') {
                pos = text.size();
                return;
            }
            const qsizetype keyOffset = pos;
            const QByteArray key = string();
            skipSpace();
            if (peek() == ':')
                ++pos;
            skipSpace();
            onKey(key, keyOffset);
        }
    }
};

} // namespace

SequenceFilePositions SequenceFilePositions::scan(QByteArrayView json)
{
    SequenceFilePositions positions;
    Cursor cursor {json};
    cursor.skipSpace();
    if (cursor.peek() != '{')
        return positions;
    positions.m_rootOffset = cursor.pos;
    cursor.object([&](const QByteArray &key, qsizetype keyOffset) {
        positions.m_topKeys.insert(key, keyOffset);
        if (key != "steps" || cursor.peek() != '[') {
            cursor.skipValue();
            return;
        }
        positions.m_stepOffsets.clear();
        positions.m_stepKeys.clear();
        ++cursor.pos;
        while (true) {
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() == ']') {
                ++cursor.pos;
                return;
            }
            if (cursor.peek() == ',') {
                ++cursor.pos;
                continue;
            }
            positions.m_stepOffsets.append(cursor.pos);
            QHash<QByteArray, qsizetype> keys;
            if (cursor.peek() == '{') {
                cursor.object([&](const QByteArray &stepKey, qsizetype stepKeyOffset) {
                    keys.insert(stepKey, stepKeyOffset);
                    cursor.skipValue();
                });
            } else {
                cursor.skipValue();
            }
            positions.m_stepKeys.append(keys);
        }
    });
    return positions;
}

qsizetype SequenceFilePositions::offsetOf(int stepIndex, const QString &field) const
{
    const QByteArray key = field.toUtf8();
    if (stepIndex < 0)
        return m_topKeys.value(key, m_rootOffset);
    if (stepIndex >= m_stepOffsets.size())
        return -1;
    return m_stepKeys.at(stepIndex).value(key, m_stepOffsets.at(stepIndex));
}

SequenceFilePositions::LineColumn SequenceFilePositions::lineColumn(QByteArrayView json, qsizetype offset)
{
    LineColumn at {1, 1};
    const qsizetype end = qBound<qsizetype>(0, offset, json.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = quint8(json.at(i));
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((byte & 0xc0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}
