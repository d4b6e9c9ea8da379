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

void saveTab(const SessionTabs &tabs, int index, QSettings &settings)
{
    const SessionPage *page = tabs.page(index);
    settings.setValue(QStringLiteral("kind"), QString::fromLatin1(page->kind()));
    settings.setValue(QStringLiteral("name"), tabs.customName(index));
    settings.setValue(QStringLiteral("openAtStart"), tabs.openAtStart(index));
    for (const QSplitter *splitter : page->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitterKey(splitter), splitter->saveState());
    }
    page->saveSettings(settings);
}

void restoreTab(SessionTabs &tabs, SessionPage *page, const QSettings &settings)
{
    const int index = tabs.indexOf(page);
    page->restoreSettings(settings);
    tabs.setCustomName(index, SettingsValues::text(settings, QStringLiteral("name")));
    tabs.setOpenAtStart(index, SettingsValues::flag(settings, QStringLiteral("openAtStart"), false));
    // QSplitter::restoreState validates its blob and refuses a bad one.
    for (QSplitter *splitter : page->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(settings.value(splitterKey(splitter)).toByteArray());
    }
}

// The tabs array: a tab of an unknown kind (a newer version's, or damage) is skipped, the others are kept.
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
        restoreTab(tabs, tabs.addPage(kind), settings);
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

void save(const MainWindow &window, QSettings &settings)
{
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    const SessionTabs &tabs = *window.tabs();
    settings.setValue(QStringLiteral("window/tab"), tabs.currentIndex());
    // The old layout's groups would otherwise be read again by a version that still knows them.
    settings.remove(QStringLiteral("client"));
    settings.remove(QStringLiteral("server"));
    settings.remove(TabsArray);
    settings.beginWriteArray(TabsArray, int(tabs.count()));
    for (int i = 0; i < tabs.count(); ++i) {
        settings.setArrayIndex(i);
        saveTab(tabs, i, settings);
    }
    settings.endArray();
    settings.setValue(SharedQuickCommandsKey, QString::fromUtf8(QuickCommands::toJson(tabs.sharedQuickCommands()->items)));
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
    // Only what the user asked for, tab by tab: nothing connects by itself otherwise.
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.openAtStart(i))
            tabs.page(i)->toggleSession();
    }
}

} // namespace WindowSettings
