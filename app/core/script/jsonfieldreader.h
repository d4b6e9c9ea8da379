#pragma once

#include "bytes/payload.h"
#include "script/sequenceerror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Reads the fields of one JSON object of a sequence file strictly: the first problem is kept in the error (with the
// step index and the key) and every later call returns false, so a reader can read field after field and look at
// the error once. A missing optional field leaves its output untouched (its default).
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &object, int stepIndex, SequenceError *error);

    bool failed() const { return !m_error->ok(); }
    bool fail(SequenceError::Kind kind, const QString &field);
    bool has(const QString &key) const { return m_object.contains(key); }

    // UnknownField for the first key (in QJsonObject's sorted order) not in allowed.
    bool onlyKeys(const QStringList &allowed);
    bool string(const QString &key, QString *out, bool required = false);
    bool boolean(const QString &key, bool *out);
    // BadNumber (with the range) unless a whole number in [minimum, maximum].
    bool integer(const QString &key, int *out, qint64 minimum, qint64 maximum, bool required = false);
    // An id field: fromId(QByteArrayView, bool *ok) must know the text, else BadValue.
    template<typename T, typename FromId> bool id(const QString &key, T *out, FromId fromId)
    {
        QString text;
        if (!string(key, &text) || !has(key))
            return !failed();
        bool ok = false;
        const T value = fromId(text.toUtf8(), &ok);
        if (!ok)
            return fail(SequenceError::Kind::BadValue, key);
        *out = value;
        return true;
    }
    // An encoding this Qt has, in its canonical spelling ("gbk" -> "GBK").
    bool encoding(const QString &key, QByteArray *out);
    // mode, encoding, escapes, lineEnding.
    bool spec(Payload::Spec *spec);
    // checksum and checksumOrder (default: the checksum's natural order).
    bool checksum(Checksum::Algorithm *algorithm, Checksum::ByteOrder *order);

private:
    const QJsonObject &m_object;
    int m_stepIndex;
    SequenceError *m_error;
};
