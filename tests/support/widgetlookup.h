#pragma once

#include <QObject>
#include <QString>
#include <QTest>

// Widgets are found the way an assistive tool finds them: by objectName. A missing one fails the test loudly.
template<typename T>
T *findWidget(QObject *root, const char *objectName)
{
    T *widget = root->findChild<T *>(QString::fromLatin1(objectName));
    if (!widget)
        qWarning("widget %s not found", objectName);
    return widget;
}

#define FIND(Type, var, root, name)                                                                                   \
    Type *var = findWidget<Type>(root, name);                                                                         \
    QVERIFY2(var, name)
