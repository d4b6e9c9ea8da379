#include "pagesettings.h"

#include "bytes/payloadjson.h"
#include "bytes/quickcommand.h"
#include "log/logjson.h"
#include "logpanel.h"
#include "sendpanel.h"
#include "settingsvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace {

const QString LogKey = QStringLiteral("logOptions");
const QString SendGroup = QStringLiteral("send");
const QString FollowKey = QStringLiteral("followsSendEncoding");

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject entryJson(const QString &text, const Payload::Spec &spec)
{
    QJsonObject object = PayloadJson::toJson(spec);
    object.insert(QStringLiteral("text"), text);
    return object;
}

QString sendKey(const char *name)
{
    return SendGroup + QLatin1Char('/') + QLatin1String(name);
}

} // namespace

namespace PageSettings {

void saveLog(const LogPanel &panel, QSettings &settings)
{
    QJsonObject options = RenderOptionsJson::toJson(panel.options());
    options.insert(FollowKey, panel.followsTabEncoding());
    settings.setValue(LogKey, compact(options));
}

// After the send box: the log follows the encoding the send box restored.
void restoreLog(LogPanel &panel, const QSettings &settings)
{
    const QJsonObject stored = QJsonDocument::fromJson(SettingsValues::text(settings, LogKey).toUtf8()).object();
    panel.setOptions(RenderOptionsJson::fromJson(stored));
    const QJsonValue follow = stored.value(FollowKey);
    panel.setFollowsTabEncoding(follow.isBool() ? follow.toBool() : true);
}

void saveSend(const SendPanel &panel, QSettings &settings)
{
    settings.setValue(sendKey("draft"), compact(entryJson(panel.text(), panel.spec())));
    QJsonArray history;
    for (const SendPanel::HistoryEntry &entry : panel.history())
        history.append(entryJson(entry.text, entry.spec));
    settings.setValue(sendKey("history"), QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    // The same readable format as an exported quick-commands file.
    settings.setValue(sendKey("quickCommands"), QString::fromUtf8(QuickCommands::toJson(panel.quickCommandList())));
    settings.setValue(sendKey("quickCommandsVisible"), panel.isQuickCommandsVisible());
    settings.setValue(sendKey("quickCommandsShared"), panel.showsSharedQuickCommands());
}

void restoreSend(SendPanel &panel, const QSettings &settings)
{
    const QJsonObject draft
        = QJsonDocument::fromJson(SettingsValues::text(settings, sendKey("draft")).toUtf8()).object();
    panel.setSpec(PayloadJson::fromJson(draft)); // an empty object gives the default spec
    panel.setText(draft.value(QStringLiteral("text")).toString());
    QList<SendPanel::HistoryEntry> history;
    const QJsonArray stored
        = QJsonDocument::fromJson(SettingsValues::text(settings, sendKey("history")).toUtf8()).array();
    for (const QJsonValue &value : stored) {
        const QJsonObject object = value.toObject();
        const QString text = object.value(QStringLiteral("text")).toString();
        if (!text.isEmpty())
            history.append({text, PayloadJson::fromJson(object)});
    }
    panel.setHistory(history);
    panel.setQuickCommands(QuickCommands::fromJson(SettingsValues::text(settings, sendKey("quickCommands")).toUtf8()));
    panel.setQuickCommandsVisible(SettingsValues::flag(settings, sendKey("quickCommandsVisible"), true));
    panel.setShowsSharedQuickCommands(SettingsValues::flag(settings, sendKey("quickCommandsShared"), false));
}

} // namespace PageSettings
