#pragma once

struct LaunchOptions;
class MainWindow;

// Makes the window ready for what the command line asked, through the pages' public API only: the targets, the
// encoding and hex mode of both tabs (log and send box), the tab shown, then listening and connecting.
void applyLaunchOptions(MainWindow &window, const LaunchOptions &options);
