#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QWidget;
class SessionPage;

// The kinds of tab the window can open, in menu order: each a page class over a TabModel of its transport. Adding
// a transport adds a row here (and its page class); the window, its menus and settings only read this list.
namespace TabKinds {

struct Kind
{
    QByteArray id; // as in settings and Sessions::id: "tcp-client"
    QString menuText; // "New TCP &Client"
    QString name; // "TCP Client"
    bool byDefault = true; // one of the tabs a new window (or a reset) starts with
};

QList<Kind> all();
bool isKnown(const QByteArray &id);
// A new page with its model and session; nullptr for an unknown id.
SessionPage *create(const QByteArray &id, QWidget *parent = nullptr);

} // namespace TabKinds
