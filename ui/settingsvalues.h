#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

// Reading settings that may be corrupt, from an older version, or edited by hand: every reader checks type and range
// and falls back to the default for that one field, so a bad value never crashes and never spoils the others.
namespace SettingsValues {

QString text(const QSettings &settings, const QString &key, const QString &fallback = {});
bool flag(const QSettings &settings, const QString &key, bool fallback);
int number(const QSettings &settings, const QString &key, int min, int max, int fallback);
// An encoding name that this Qt can use, else fallback.
QByteArray encoding(const QSettings &settings, const QString &key, const QByteArray &fallback);
// A string list (QSettings stores lists natively; a plain string becomes a one-element list).
QStringList list(const QSettings &settings, const QString &key);

} // namespace SettingsValues
