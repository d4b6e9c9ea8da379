#pragma once

class MainWindow;
class QSettings;

// Everything a user sets up survives a restart: window geometry and splitters, the last tab, each tab's addresses,
// log view options, send options, draft and history. Stored with QSettings in the platform's normal place; read back
// field by field through SettingsValues, so a corrupt or old file only loses the fields that are bad.
namespace WindowSettings {

void save(const MainWindow &window, QSettings &settings);
// Applies settings to the window; an empty QSettings gives every default (used by "Restore defaults").
void restore(MainWindow &window, QSettings &settings);

} // namespace WindowSettings
