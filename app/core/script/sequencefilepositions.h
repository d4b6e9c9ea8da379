#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

// Where things are in a sequence file's text, so that an error found in the parsed document can name a line:
// QJsonDocument keeps no positions. Only what errors point at is recorded: the top-level keys, the start of each
// element of the top-level "steps" array and the keys of each step object. Scanning assumes text QJsonDocument
// accepted (it never reads past the end of anything else); a key that appears twice is where its last copy is,
// since that is the copy QJsonDocument keeps.
class SequenceFilePositions
{
public:
    static SequenceFilePositions scan(QByteArrayView json);

    // Byte offset of the step's key field (of the step's opening brace if field is empty or not found); when
    // stepIndex is -1, of the top-level key (of the document's opening brace if not found); -1 when unknown.
    qsizetype offsetOf(int stepIndex, const QString &field) const;

    struct LineColumn
    {
        int line = 0; // 1-based
        int column = 0; // 1-based, in code points (UTF-8 continuation bytes do not count)
    };
    // offset may be json.size() (an error at the end of the file).
    static LineColumn lineColumn(QByteArrayView json, qsizetype offset);

private:
    qsizetype m_rootOffset = -1;
    QHash<QByteArray, qsizetype> m_topKeys;
    QList<qsizetype> m_stepOffsets;
    QList<QHash<QByteArray, qsizetype>> m_stepKeys;
};
