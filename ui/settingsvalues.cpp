#include "settingsvalues.h"

#include "text/codecs.h"

namespace SettingsValues {

QString text(const QSettings &settings, const QString &key, const QString &fallback)
{
    const QVariant value = settings.value(key);
    return value.isValid() && value.canConvert<QString>() && value.typeId() != QMetaType::QStringList ? value.toString()
                                                                                                      : fallback;
}

bool flag(const QSettings &settings, const QString &key, bool fallback)
{
    // INI files store booleans as "true"/"false" strings; anything else keeps the default.
    const QString value = text(settings, key).trimmed().toLower();
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    return fallback;
}

int number(const QSettings &settings, const QString &key, int min, int max, int fallback)
{
    bool ok = false;
    const int value = text(settings, key).trimmed().toInt(&ok);
    return ok && value >= min && value <= max ? value : fallback;
}

QByteArray encoding(const QSettings &settings, const QString &key, const QByteArray &fallback)
{
    const QByteArray name = text(settings, key).toLatin1();
    for (const QByteArray &available : Codecs::available()) {
        if (available.compare(name, Qt::CaseInsensitive) == 0)
            return available;
    }
    return fallback;
}

QStringList list(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList();
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList out;
        for (const QVariant &item : value.toList()) {
            if (item.canConvert<QString>())
                out << item.toString();
        }
        return out;
    }
    const QString single = text(settings, key);
    return single.isEmpty() ? QStringList() : QStringList {single};
}

} // namespace SettingsValues
