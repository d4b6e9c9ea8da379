#include "net/localaddresses.h"

#include <QNetworkInterface>

#include <algorithm>

namespace LocalAddresses {

QList<Entry> list()
{
    QList<Entry> entries;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const QNetworkInterface::InterfaceFlags flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning))
            continue;
        const bool loopbackInterface = flags.testFlag(QNetworkInterface::IsLoopBack);
        const QList<QNetworkAddressEntry> addresses = iface.addressEntries();
        for (const QNetworkAddressEntry &addressEntry : addresses) {
            QHostAddress address = addressEntry.ip();
            if (address.isNull())
                continue;
            // fe80::/10 means nothing without the interface; a listen or connect on it needs "%eth0".
            if (address.protocol() == QAbstractSocket::IPv6Protocol && address.isLinkLocal()
                && address.scopeId().isEmpty())
                address.setScopeId(iface.name());
            Entry entry;
            entry.address = address;
            entry.interfaceName = iface.humanReadableName();
            entry.isLoopback = loopbackInterface || address.isLoopback();
            entry.systemName = iface.name();
            if (flags.testFlag(QNetworkInterface::CanBroadcast))
                entry.broadcast = addressEntry.broadcast();
            entries.append(entry);
        }
    }
    // Stable: within a group the system's interface order stays, which is what "ip addr" shows the user.
    const auto rank = [](const Entry &e) {
        return (e.isLoopback ? 2 : 0) + (e.address.protocol() == QAbstractSocket::IPv4Protocol ? 0 : 1);
    };
    std::stable_sort(
        entries.begin(), entries.end(), [&rank](const Entry &a, const Entry &b) { return rank(a) < rank(b); });
    return entries;
}

QStringList multicastInterfaces()
{
    QStringList names;
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const QNetworkInterface::InterfaceFlags flags = iface.flags();
        // lo has no MULTICAST flag on Linux, yet IPv4 groups joined on it are delivered (shared/README.md): offer it.
        if (flags.testFlag(QNetworkInterface::IsUp)
            && (flags.testFlag(QNetworkInterface::CanMulticast) || flags.testFlag(QNetworkInterface::IsLoopBack)))
            names.append(iface.name());
    }
    return names;
}

} // namespace LocalAddresses
