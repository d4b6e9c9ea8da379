#include "script/jsonfieldreader.h"

#include "bytes/payloadjson.h"
#include "text/codecs.h"

#include <QJsonValue>

#include <cmath>

using Kind = SequenceError::Kind;

JsonFieldReader::JsonFieldReader(const QJsonObject &object, int stepIndex, SequenceError *error)
    : m_object(object)
    , m_stepIndex(stepIndex)
    , m_error(error)
{ }

bool JsonFieldReader::fail(Kind kind, const QString &field)
{
    if (!failed()) {
        m_error->kind = kind;
        m_error->stepIndex = m_stepIndex;
        m_error->field = field;
    }
    return false;
}

bool JsonFieldReader::onlyKeys(const QStringList &allowed)
{
    for (const QString &key : m_object.keys()) {
        if (!allowed.contains(key))
            return fail(Kind::UnknownField, key);
    }
    return !failed();
}

bool JsonFieldReader::string(const QString &key, QString *out, bool required)
{
    if (failed())
        return false;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return required ? fail(Kind::MissingField, key) : true;
    if (!value.isString())
        return fail(Kind::WrongType, key);
    *out = value.toString();
    return true;
}

bool JsonFieldReader::boolean(const QString &key, bool *out)
{
    if (failed())
        return false;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isBool())
        return fail(Kind::WrongType, key);
    *out = value.toBool();
    return true;
}

bool JsonFieldReader::integer(const QString &key, int *out, qint64 minimum, qint64 maximum, bool required)
{
    if (failed())
        return false;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return required ? fail(Kind::MissingField, key) : true;
    if (!value.isDouble())
        return fail(Kind::WrongType, key);
    const double number = value.toDouble();
    if (std::floor(number) != number || number < double(minimum) || number > double(maximum)) {
        fail(Kind::BadNumber, key);
        m_error->minimum = minimum;
        m_error->maximum = maximum;
        return false;
    }
    *out = int(number);
    return true;
}

bool JsonFieldReader::encoding(const QString &key, QByteArray *out)
{
    QString text;
    if (!string(key, &text) || !has(key))
        return !failed();
    for (const QByteArray &candidate : Codecs::available()) {
        if (candidate.compare(text.toUtf8(), Qt::CaseInsensitive) == 0) {
            *out = candidate;
            return true;
        }
    }
    return fail(Kind::BadValue, key);
}

bool JsonFieldReader::spec(Payload::Spec *spec)
{
    id(QStringLiteral("mode"), &spec->mode,
        [](QByteArrayView id, bool *ok) { return PayloadJson::modeFromId(id, ok); });
    encoding(QStringLiteral("encoding"), &spec->encoding);
    boolean(QStringLiteral("escapes"), &spec->escapes);
    id(QStringLiteral("lineEnding"), &spec->lineEnding,
        [](QByteArrayView id, bool *ok) { return PayloadJson::lineEndingFromId(id, ok); });
    return !failed();
}

bool JsonFieldReader::checksum(Checksum::Algorithm *algorithm, Checksum::ByteOrder *order)
{
    id(QStringLiteral("checksum"), algorithm, [](QByteArrayView id, bool *ok) {
        const Checksum::Algorithm found = Checksum::fromId(id);
        *ok = QByteArrayView(Checksum::id(found)) == id; // fromId gives None for an unknown id too
        return found;
    });
    *order = Checksum::naturalOrder(*algorithm);
    id(QStringLiteral("checksumOrder"), order,
        [](QByteArrayView id, bool *ok) { return PayloadJson::byteOrderFromId(id, ok); });
    return !failed();
}
