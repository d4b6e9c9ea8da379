#pragma once

#include <QString>

// Every interactive widget gets a stable objectName (tests and tools find it by that), an accessible name and a
// tooltip, in one call where it is created.
// A label that shows a value (a state, a count, a preview, an error): assistive technology reads a label's accessible
// name instead of its text, so it gets none; the description says what the value is, and the name follows the text.
template<typename W> W *valueLabel(W *label, const char *objectName, const QString &description, const QString &toolTip)
{
    label->setObjectName(QLatin1String(objectName));
    label->setAccessibleDescription(description);
    label->setToolTip(toolTip);
    return label;
}

template<typename W> W *named(W *widget, const char *objectName, const QString &accessibleName, const QString &toolTip)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    widget->setToolTip(toolTip);
    return widget;
}
