#include "bytes/payloadjson.h"

#include "text/codecs.h"

#include <QJsonValue>

namespace {

QByteArray stringField(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString().toUtf8() : QByteArray();
}

// The canonical spelling of an available encoding ("gbk" -> "GBK"), or empty.
QByteArray canonicalEncoding(const QByteArray &name)
{
    for (const QByteArray &candidate : Codecs::available()) {
        if (candidate.compare(name, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return {};
}

void setOk(bool *ok, bool value)
{
    if (ok)
        *ok = value;
}

} // namespace

namespace PayloadJson {

QByteArray modeId(Payload::Mode mode)
{
    return mode == Payload::Mode::Hex ? "hex" : "text";
}

Payload::Mode modeFromId(QByteArrayView id, bool *ok)
{
    setOk(ok, id == "text" || id == "hex");
    return id == "hex" ? Payload::Mode::Hex : Payload::Mode::Text;
}

QByteArray lineEndingId(Payload::LineEnding ending)
{
    switch (ending) {
    case Payload::LineEnding::None:
        return "none";
    case Payload::LineEnding::CR:
        return "cr";
    case Payload::LineEnding::LF:
        return "lf";
    case Payload::LineEnding::CRLF:
        return "crlf";
    }
    return "none";
}

Payload::LineEnding lineEndingFromId(QByteArrayView id, bool *ok)
{
    using Payload::LineEnding;
    for (LineEnding ending : {LineEnding::None, LineEnding::CR, LineEnding::LF, LineEnding::CRLF}) {
        if (id == lineEndingId(ending)) {
            setOk(ok, true);
            return ending;
        }
    }
    setOk(ok, false);
    return LineEnding::None;
}

QByteArray byteOrderId(Checksum::ByteOrder order)
{
    return order == Checksum::ByteOrder::LittleEndian ? "little" : "big";
}

Checksum::ByteOrder byteOrderFromId(QByteArrayView id, bool *ok)
{
    setOk(ok, id == "big" || id == "little");
    return id == "little" ? Checksum::ByteOrder::LittleEndian : Checksum::ByteOrder::BigEndian;
}

QJsonObject toJson(const Payload::Spec &spec)
{
    QJsonObject object;
    writeInto(&object, spec);
    return object;
}

void writeInto(QJsonObject *object, const Payload::Spec &spec)
{
    object->insert(QLatin1String("mode"), QString::fromLatin1(modeId(spec.mode)));
    object->insert(QLatin1String("encoding"), QString::fromLatin1(spec.encoding));
    object->insert(QLatin1String("escapes"), spec.escapes);
    object->insert(QLatin1String("lineEnding"), QString::fromLatin1(lineEndingId(spec.lineEnding)));
    object->insert(QLatin1String("checksum"), QString::fromLatin1(Checksum::id(spec.checksum)));
    object->insert(QLatin1String("checksumOrder"), QString::fromLatin1(byteOrderId(spec.checksumOrder)));
}

Payload::Spec fromJson(const QJsonObject &object)
{
    Payload::Spec spec;
    spec.mode = modeFromId(stringField(object, QLatin1String("mode")));
    const QByteArray encoding = canonicalEncoding(stringField(object, QLatin1String("encoding")));
    if (!encoding.isEmpty())
        spec.encoding = encoding;
    const QJsonValue escapes = object.value(QLatin1String("escapes"));
    if (escapes.isBool())
        spec.escapes = escapes.toBool();
    spec.lineEnding = lineEndingFromId(stringField(object, QLatin1String("lineEnding")));
    spec.checksum = Checksum::fromId(stringField(object, QLatin1String("checksum")));
    bool orderOk = false;
    spec.checksumOrder = byteOrderFromId(stringField(object, QLatin1String("checksumOrder")), &orderOk);
    if (!orderOk)
        spec.checksumOrder = Checksum::naturalOrder(spec.checksum);
    return spec;
}

} // namespace PayloadJson
