#pragma once

#include <QString>

struct LaunchOptions;
class MainWindow;

// Makes the window ready for what the command line asked, through the pages' public API only: the targets, the
// encoding and hex mode of both tabs (log and send box), the tab shown, then listening and connecting.
// Returns why a preset could not be applied (the capture file cannot be opened), or an empty string.
QString applyLaunchOptions(MainWindow &window, const LaunchOptions &options);
