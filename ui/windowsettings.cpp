#include "windowsettings.h"

#include "bytes/quickcommand.h"
#include "mainwindow.h"
#include "sessionpage.h"
#include "sessiontabs.h"
#include "settingsvalues.h"
#include "tabkinds.h"

#include <QSettings>
#include <QSplitter>

namespace {

const QString TabsArray = QStringLiteral("tabs");
const QString SharedQuickCommandsKey = QStringLiteral("quickCommands/shared");
constexpr int MaxTabs = 200; // a damaged size must not make thousands of tabs

// A tab's splitters are named by its form, the same in every tab of a kind: the key is within the tab's group.
QString splitterKey(const QSplitter *splitter)
{
    return QStringLiteral("splitters/") + splitter->objectName();
}

// The keys of a tab that was never built, copied from where it was restored from (the same file, most often, whose
// tabs array is about to be rewritten).
using Snapshot = QList<std::pair<QString, QVariant>>;

Snapshot snapshotOf(const SessionTabs::Deferred &deferred, QSettings &settings)
{
    const bool same = deferred.file == settings.fileName() && deferred.format == settings.format();
    QSettings other(deferred.file, deferred.format);
    QSettings &source = same ? settings : other;
    source.beginGroup(deferred.group);
    Snapshot keys;
    for (const QString &key : source.allKeys())
        keys.append({key, source.value(key)});
    source.endGroup();
    return keys;
}

void saveTab(const SessionTabs &tabs, int index, QSettings &settings, const Snapshot &deferredKeys)
{
    if (const SessionPage *page = tabs.builtPage(index)) {
        for (const QSplitter *splitter : page->findChildren<QSplitter *>()) {
            if (!splitter->objectName().isEmpty())
                settings.setValue(splitterKey(splitter), splitter->saveState());
        }
        page->saveSettings(settings);
        settings.setValue(QStringLiteral("title"), page->title());
    } else {
        for (const auto &[key, value] : deferredKeys)
            settings.setValue(key, value);
    }
    settings.setValue(QStringLiteral("kind"), QString::fromLatin1(tabs.kindAt(index)));
    settings.setValue(QStringLiteral("name"), tabs.customName(index));
    settings.setValue(QStringLiteral("openAtStart"), tabs.openAtStart(index));
}

// The tabs array: a tab of an unknown kind (a newer version's, or damage) is skipped, the others are kept. Each
// becomes a tab whose page is built when it is first needed.
int restoreTabs(SessionTabs &tabs, QSettings &settings)
{
    const int size = std::clamp(settings.beginReadArray(TabsArray), 0, MaxTabs);
    int restored = 0;
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        const QByteArray kind = SettingsValues::text(settings, QStringLiteral("kind")).toLatin1();
        if (!TabKinds::isKnown(kind))
            continue;
        if (restored == 0)
            tabs.closeAll(); // the first readable tab replaces the defaults
        QString title = SettingsValues::text(settings, QStringLiteral("title"));
        if (title.isEmpty()) {
            for (const TabKinds::Kind &known : TabKinds::all())
                title = known.id == kind ? known.name : title;
        }
        // The group as seen from outside the array (QSettings numbers array entries from 1).
        tabs.addDeferred(kind, settings, TabsArray + QLatin1Char('/') + QString::number(i + 1), title);
        const int index = int(tabs.count()) - 1;
        tabs.setCustomName(index, SettingsValues::text(settings, QStringLiteral("name")));
        tabs.setOpenAtStart(index, SettingsValues::flag(settings, QStringLiteral("openAtStart"), false));
        ++restored;
    }
    settings.endArray();
    return restored;
}

// Settings of version 0.1, before tabs were a list: one "client" and one "server" group.
int restoreLegacyTabs(SessionTabs &tabs, QSettings &settings)
{
    const QStringList groups = settings.childGroups();
    if (!groups.contains(QStringLiteral("client")) && !groups.contains(QStringLiteral("server")))
        return 0;
    tabs.resetToDefaults();
    for (SessionPage *page : tabs.pages()) {
        const QString group = page->kind() == "tcp-client" ? QStringLiteral("client")
            : page->kind() == "tcp-server"                 ? QStringLiteral("server")
                                                           : QString();
        if (group.isEmpty())
            continue;
        settings.beginGroup(group);
        page->restoreSettings(settings);
        settings.endGroup();
    }
    return int(tabs.count());
}

} // namespace

namespace WindowSettings {

void restorePage(SessionPage &page, const QSettings &settings)
{
    page.restoreSettings(settings);
    // QSplitter::restoreState validates its blob and refuses a bad one.
    for (QSplitter *splitter : page.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(settings.value(splitterKey(splitter)).toByteArray());
    }
}

void save(const MainWindow &window, QSettings &settings)
{
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    const SessionTabs &tabs = *window.tabs();
    // Read-only capture tabs are not saved (SessionTabs::addReadOnlyTab says why).
    QList<int> saved;
    int current = 0;
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.isReadOnlyTab(i))
            continue;
        if (i <= tabs.currentIndex())
            current = int(saved.size());
        saved.append(i);
    }
    settings.setValue(QStringLiteral("window/tab"), current);
    // Read before the array is rewritten: a tab never built keeps its settings as they were.
    QList<Snapshot> deferredKeys(tabs.count());
    for (int i = 0; i < tabs.count(); ++i) {
        if (const SessionTabs::Deferred *deferred = tabs.deferred(i))
            deferredKeys[i] = snapshotOf(*deferred, settings);
    }
    // The old layout's groups would otherwise be read again by a version that still knows them.
    settings.remove(QStringLiteral("client"));
    settings.remove(QStringLiteral("server"));
    settings.remove(TabsArray);
    settings.beginWriteArray(TabsArray, int(saved.size()));
    for (int k = 0; k < saved.size(); ++k) {
        settings.setArrayIndex(k);
        saveTab(tabs, saved.at(k), settings, deferredKeys.at(saved.at(k)));
    }
    settings.endArray();
    settings.setValue(
        SharedQuickCommandsKey, QString::fromUtf8(QuickCommands::toJson(tabs.sharedQuickCommands()->items)));
}

void restore(MainWindow &window, QSettings &settings)
{
    // restoreGeometry/restoreState validate their blobs and refuse bad ones.
    if (!window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        window.resize(1200, 760);
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    SessionTabs &tabs = *window.tabs();
    // Before the tabs, which may show it.
    tabs.sharedQuickCommands()->items
        = QuickCommands::fromJson(SettingsValues::text(settings, SharedQuickCommandsKey).toUtf8());
    Q_EMIT tabs.sharedQuickCommands()->changed(nullptr);
    if (restoreTabs(tabs, settings) == 0 && restoreLegacyTabs(tabs, settings) == 0)
        tabs.resetToDefaults();
    tabs.setCurrentIndex(
        SettingsValues::number(settings, QStringLiteral("window/tab"), 0, std::max(0, int(tabs.count()) - 1), 0));
    tabs.currentPage(); // the tab shown is built now, the others when they are first needed
    // Only what the user asked for, tab by tab: nothing connects by itself otherwise.
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.openAtStart(i))
            tabs.page(i)->toggleSession();
    }
}

} // namespace WindowSettings
