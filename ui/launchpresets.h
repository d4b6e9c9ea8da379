#pragma once

#include <QString>

struct LaunchOptions;
class MainWindow;

// Makes the window ready for what the command line asked, through the pages' public API only: each preset takes
// the first tab of its kind no other preset took (restored from the settings), or a new one; the encoding and hex
// mode go to those tabs (to every tab when there is no preset); the last preset's tab is shown; then servers and
// UDP tabs open before clients, so a client preset can point at a server preset of the same command line.
// Returns why a preset could not be applied (the capture file cannot be opened), or an empty string.
QString applyLaunchOptions(MainWindow &window, const LaunchOptions &options);
