#pragma once

#include <QString>

// Every interactive widget gets a stable objectName (tests and tools find it by that), an accessible name and a
// tooltip, in one call where it is created.
template<typename W> W *named(W *widget, const char *objectName, const QString &accessibleName, const QString &toolTip)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    widget->setToolTip(toolTip);
    return widget;
}
