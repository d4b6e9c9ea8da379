#include "log/logjson.h"

#include "bytes/hex.h"
#include "text/codecs.h"

#include <algorithm>

namespace FramingJson {

QJsonObject toJson(const Framer::Config &config)
{
    return {{QStringLiteral("mode"), QString::fromLatin1(Framer::id(config.mode))},
        {QStringLiteral("gapMs"), config.gapMs}, {QStringLiteral("delimiter"), Hex::format(config.delimiter)},
        {QStringLiteral("length"), config.length}};
}

Framer::Config fromJson(const QJsonObject &object)
{
    Framer::Config config;
    config.mode = Framer::fromId(object.value(QStringLiteral("mode")).toString().toLatin1());
    config.gapMs = std::clamp(object.value(QStringLiteral("gapMs")).toInt(config.gapMs), 1, 60000);
    config.length = std::clamp(object.value(QStringLiteral("length")).toInt(config.length), 1, 65536);
    const Hex::ParseResult delimiter = Hex::parse(object.value(QStringLiteral("delimiter")).toString());
    if (delimiter.ok() && !delimiter.bytes.isEmpty())
        config.delimiter = delimiter.bytes;
    return config;
}

} // namespace FramingJson

namespace RenderOptionsJson {

namespace {
bool flag(const QJsonObject &object, const char *key, bool fallback)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isBool() ? value.toBool() : fallback;
}
} // namespace

QJsonObject toJson(const RenderOptions &options)
{
    return {{QStringLiteral("view"),
                options.view == RenderOptions::View::Hex ? QStringLiteral("hex") : QStringLiteral("text")},
        {QStringLiteral("encoding"), QString::fromLatin1(options.encoding)},
        {QStringLiteral("timestamps"), options.timestamps}, {QStringLiteral("showPeer"), options.showPeer},
        {QStringLiteral("visibleControls"), options.visibleControls}, {QStringLiteral("showDelta"), options.showDelta}};
}

RenderOptions fromJson(const QJsonObject &object, const RenderOptions &base)
{
    RenderOptions options = base;
    const QString view = object.value(QStringLiteral("view")).toString();
    if (view == QLatin1String("hex"))
        options.view = RenderOptions::View::Hex;
    else if (view == QLatin1String("text"))
        options.view = RenderOptions::View::Text;
    const QByteArray encoding = object.value(QStringLiteral("encoding")).toString().toLatin1();
    if (!encoding.isEmpty() && Codecs::isAvailable(encoding))
        options.encoding = encoding;
    options.timestamps = flag(object, "timestamps", options.timestamps);
    options.showPeer = flag(object, "showPeer", options.showPeer);
    options.visibleControls = flag(object, "visibleControls", options.visibleControls);
    options.showDelta = flag(object, "showDelta", options.showDelta);
    return options;
}

} // namespace RenderOptionsJson
