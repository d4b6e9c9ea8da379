#pragma once

#include "bytes/quickcommand.h"

#include <QList>
#include <QObject>

// A list of quick commands that panels show and edit: each tab has its own, and the window has one shared by every
// tab (the panel's scope chooses which it shows). Panels edit items and call changed() so that every panel showing
// the same list follows.
class QuickCommandStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    QList<QuickCommand> items;

Q_SIGNALS:
    void changed(QObject *editor); // the panel that edited it, or nullptr
};
