#pragma once

#include <QString>
#include <QStringList>

class QSettings;

// Which language NetAssist speaks: the system's by default, or the one chosen in View > Language (kept in settings,
// applied at the next start: rebuilding every code-made widget's text at run time is not worth its bugs).
namespace Language {

// "" (follow the system), "en", "zh_CN".
QStringList choices();
QString configured(const QSettings &settings);
void setConfigured(QSettings &settings, const QString &choice);

// Loads Qt's own translations (dialogs, context menus) and ours for choice into the running application. Returns the
// locale name used ("zh_CN", "en_US", ...). Safe to call once per process.
QString install(const QString &choice);

} // namespace Language
