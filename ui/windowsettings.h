#pragma once

class MainWindow;
class QSettings;
class SessionPage;

// Everything a user sets up survives a restart: window geometry, the tabs (their kinds, order, names, "open at
// start") and each tab's own settings group (addresses, log, send box, receive options, splitters). Stored with
// QSettings in the platform's normal place; read back field by field through SettingsValues, so a corrupt or old
// file only loses the fields (or the tabs) that are bad.
namespace WindowSettings {

void save(const MainWindow &window, QSettings &settings);
// A tab's page from its group (the settings' current group): its own fields, log, send box, receive options and
// splitters. SessionTabs calls it when it builds a restored tab.
void restorePage(SessionPage &page, const QSettings &settings);
// Applies settings to the window: the saved tabs replace the window's; with no readable tab the window gets one tab
// of each kind, so an empty QSettings gives every default ("Restore defaults"). Tabs marked "open at start" open.
void restore(MainWindow &window, QSettings &settings);

} // namespace WindowSettings
