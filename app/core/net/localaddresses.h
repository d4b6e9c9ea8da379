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
    QHostAddress broadcast; // IPv4 on an interface that broadcasts: its directed broadcast; null otherwise
    QString systemName; // "eth0": what QNetworkInterface::interfaceFromName() takes
};

// Addresses of interfaces that are up: IPv4 first, then IPv6; loopback last.
QList<Entry> list();
// Interfaces that are up and can take part in multicast, by system name ("eth0"), in the system's order.
QStringList multicastInterfaces();

} // namespace LocalAddresses
