#include "windowsettings.h"

#include "bytes/payloadjson.h"
#include "bytes/quickcommand.h"
#include "clientpage.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "sendpanel.h"
#include "serverpage.h"
#include "settingsvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace {

const QString LogGroup = QStringLiteral("log");
const QString SendGroup = QStringLiteral("send");

void saveLog(const LogPanel &panel, QSettings &settings)
{
    const RenderOptions options = panel.options();
    settings.beginGroup(LogGroup);
    settings.setValue(QStringLiteral("view"),
        options.view == RenderOptions::View::Hex ? QStringLiteral("hex") : QStringLiteral("text"));
    settings.setValue(QStringLiteral("encoding"), QString::fromLatin1(options.encoding));
    settings.setValue(QStringLiteral("timestamps"), options.timestamps);
    settings.setValue(QStringLiteral("showPeer"), options.showPeer);
    settings.setValue(QStringLiteral("visibleControls"), options.visibleControls);
    settings.setValue(QStringLiteral("showDelta"), options.showDelta);
    settings.endGroup();
}

void restoreLog(LogPanel &panel, const QSettings &settings)
{
    const auto key = [](const char *name) { return LogGroup + QLatin1Char('/') + QLatin1String(name); };
    RenderOptions options = panel.options();
    const RenderOptions defaults;
    options.view = SettingsValues::text(settings, key("view")) == QLatin1String("hex") ? RenderOptions::View::Hex
                                                                                       : RenderOptions::View::Text;
    options.encoding = SettingsValues::encoding(settings, key("encoding"), defaults.encoding);
    options.timestamps = SettingsValues::flag(settings, key("timestamps"), defaults.timestamps);
    options.showPeer = SettingsValues::flag(settings, key("showPeer"), defaults.showPeer);
    options.visibleControls = SettingsValues::flag(settings, key("visibleControls"), defaults.visibleControls);
    options.showDelta = SettingsValues::flag(settings, key("showDelta"), defaults.showDelta);
    panel.setOptions(options);
}

QJsonObject entryJson(const QString &text, const Payload::Spec &spec)
{
    QJsonObject object = PayloadJson::toJson(spec);
    object.insert(QStringLiteral("text"), text);
    return object;
}

void saveSend(const SendPanel &panel, QSettings &settings)
{
    settings.beginGroup(SendGroup);
    settings.setValue(QStringLiteral("draft"),
        QString::fromUtf8(QJsonDocument(entryJson(panel.text(), panel.spec())).toJson(QJsonDocument::Compact)));
    QJsonArray history;
    for (const SendPanel::HistoryEntry &entry : panel.history())
        history.append(entryJson(entry.text, entry.spec));
    settings.setValue(
        QStringLiteral("history"), QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)));
    // The same readable format as an exported quick-commands file.
    settings.setValue(
        QStringLiteral("quickCommands"), QString::fromUtf8(QuickCommands::toJson(panel.quickCommandList())));
    settings.setValue(QStringLiteral("quickCommandsVisible"), panel.isQuickCommandsVisible());
    settings.endGroup();
}

void restoreSend(SendPanel &panel, const QSettings &settings)
{
    const QJsonObject draft
        = QJsonDocument::fromJson(SettingsValues::text(settings, SendGroup + QStringLiteral("/draft")).toUtf8())
              .object();
    panel.setSpec(PayloadJson::fromJson(draft)); // an empty object gives the default spec
    panel.setText(draft.value(QStringLiteral("text")).toString());
    QList<SendPanel::HistoryEntry> history;
    const QJsonArray stored
        = QJsonDocument::fromJson(SettingsValues::text(settings, SendGroup + QStringLiteral("/history")).toUtf8())
              .array();
    for (const QJsonValue &value : stored) {
        const QJsonObject object = value.toObject();
        const QString text = object.value(QStringLiteral("text")).toString();
        if (!text.isEmpty())
            history.append({text, PayloadJson::fromJson(object)});
    }
    panel.setHistory(history);
    panel.setQuickCommands(
        QuickCommands::fromJson(SettingsValues::text(settings, SendGroup + QStringLiteral("/quickCommands")).toUtf8()));
    panel.setQuickCommandsVisible(
        SettingsValues::flag(settings, SendGroup + QStringLiteral("/quickCommandsVisible"), true));
}

// Framing and auto-reply rules: the page's own JSON, stored as one compact string.
const QString ReceiveKey = QStringLiteral("receive");

void saveSession(const SessionPage &page, QSettings &settings)
{
    saveLog(*page.logPanel(), settings);
    saveSend(*page.sendPanel(), settings);
    settings.setValue(
        ReceiveKey, QString::fromUtf8(QJsonDocument(page.receiveSettings()).toJson(QJsonDocument::Compact)));
}

void restoreSession(SessionPage &page, const QSettings &settings)
{
    // Receive settings first: switching framing on also turns the log's delta column on, which the log's own
    // saved options may then turn off again.
    page.setReceiveSettings(QJsonDocument::fromJson(SettingsValues::text(settings, ReceiveKey).toUtf8()).object());
    restoreLog(*page.logPanel(), settings);
    restoreSend(*page.sendPanel(), settings);
}

// Splitters of the two tabs share object names (the same forms and panels), so the key names the tab too.
QString splitterKey(const QSplitter *splitter)
{
    QString page;
    for (const QObject *o = splitter->parent(); o && page.isEmpty(); o = o->parent()) {
        if (qobject_cast<const SessionPage *>(o))
            page = o->objectName();
    }
    return QStringLiteral("splitters/") + (page.isEmpty() ? QString() : page + QLatin1Char('.'))
        + splitter->objectName();
}

} // namespace

namespace WindowSettings {

void save(const MainWindow &window, QSettings &settings)
{
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    settings.setValue(QStringLiteral("window/tab"), window.tabs()->currentIndex());
    for (const QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitterKey(splitter), splitter->saveState());
    }
    settings.beginGroup(QStringLiteral("client"));
    window.clientPage()->saveSettings(settings);
    saveSession(*window.clientPage(), settings);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("server"));
    window.serverPage()->saveSettings(settings);
    saveSession(*window.serverPage(), settings);
    settings.endGroup();
}

void restore(MainWindow &window, QSettings &settings)
{
    // restoreGeometry/restoreState/QSplitter::restoreState validate their blobs and refuse bad ones.
    if (!window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        window.resize(1200, 760);
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(settings.value(splitterKey(splitter)).toByteArray());
    }
    window.tabs()->setCurrentIndex(
        SettingsValues::number(settings, QStringLiteral("window/tab"), 0, window.tabs()->count() - 1, 0));

    settings.beginGroup(QStringLiteral("client"));
    window.clientPage()->restoreSettings(settings);
    restoreSession(*window.clientPage(), settings);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("server"));
    window.serverPage()->restoreSettings(settings);
    restoreSession(*window.serverPage(), settings);
    settings.endGroup();
}

} // namespace WindowSettings
