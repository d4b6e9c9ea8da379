#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

// The machine's own addresses, for the server's listen chooser and for telling a user what to connect to.
namespace LocalAddresses {

struct Entry
{
    QHostAddress address;
    QString interfaceName; // "eth0", "lo"; human-readable name on Windows
    bool isLoopback = false;
};

// Addresses of interfaces that are up: IPv4 first, then IPv6; loopback last.
QList<Entry> list();

} // namespace LocalAddresses
