#pragma once

#include <QStringList>

// `netassist run`: reads the options and the sequence file, runs it headless and returns the exit code
// (0 passed, 1 failed or unreachable, 2 bad input). Needs a QCoreApplication (no display) and runs its event loop.
int runSequenceCommand(const QStringList &args);
