#include "language.h"

#include "settingsvalues.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Language {

namespace {
const QString Key = QStringLiteral("language");
}

QStringList choices()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString configured(const QSettings &settings)
{
    const QString value = SettingsValues::text(settings, Key);
    return choices().contains(value) ? value : QString();
}

void setConfigured(QSettings &settings, const QString &choice)
{
    settings.setValue(Key, choices().contains(choice) ? choice : QString());
}

QString install(const QString &choice)
{
    const QLocale locale = choice.isEmpty() ? QLocale::system() : QLocale(choice);
    QLocale::setDefault(locale);
    // Process-lifetime objects: translators must outlive every widget.
    static QTranslator qtStrings;
    static QTranslator ownStrings;
    if (qtStrings.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtStrings);
    // A language NetAssist is not translated into gets the English plural forms ("1 byte", "2 bytes").
    if (ownStrings.load(locale, QStringLiteral("netassist"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ownStrings.load(QStringLiteral(":/i18n/netassist_en.qm")))
        QCoreApplication::installTranslator(&ownStrings);
    return locale.name();
}

} // namespace Language
