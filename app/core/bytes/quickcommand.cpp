#include "bytes/quickcommand.h"

#include "bytes/payloadjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QLatin1String formatName("netassist-quick-commands");

QString stringField(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QList<QuickCommand> fail(QuickCommands::FileError value, QuickCommands::FileError *error)
{
    if (error)
        *error = value;
    return {};
}

} // namespace

namespace QuickCommands {

QByteArray toJson(const QList<QuickCommand> &commands)
{
    QJsonArray array;
    for (const QuickCommand &command : commands) {
        QJsonObject object;
        object.insert(QLatin1String("name"), command.name);
        object.insert(QLatin1String("text"), command.text);
        PayloadJson::writeInto(&object, command.spec);
        array.append(object);
    }
    QJsonObject root;
    root.insert(QLatin1String("format"), formatName);
    root.insert(QLatin1String("version"), FormatVersion);
    root.insert(QLatin1String("commands"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QList<QuickCommand> fromJson(const QByteArray &json, FileError *error, QString *detail)
{
    if (error)
        *error = FileError::None;
    if (detail)
        detail->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (detail)
            *detail = QStringLiteral("%1 (offset %2)").arg(parseError.errorString()).arg(parseError.offset);
        return fail(FileError::NotJson, error);
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QLatin1String("format")).toString() != formatName
        || !root.value(QLatin1String("commands")).isArray())
        return fail(FileError::NotQuickCommands, error);
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() > FormatVersion)
        return fail(FileError::NewerVersion, error);

    QList<QuickCommand> commands;
    for (const QJsonValue &value : root.value(QLatin1String("commands")).toArray()) {
        if (!value.isObject())
            continue;
        const QJsonObject object = value.toObject();
        commands.append({stringField(object, QLatin1String("name")), stringField(object, QLatin1String("text")),
            PayloadJson::fromJson(object)});
    }
    return commands;
}

} // namespace QuickCommands
