#include "loopbacktesting.h"
#include "net/localaddresses.h"

#include <QNetworkInterface>
#include <QTcpServer>
#include <QTest>

namespace {

bool contains(const QList<LocalAddresses::Entry> &entries, const QHostAddress &address)
{
    for (const LocalAddresses::Entry &e : entries) {
        if (e.address.isEqual(address, QHostAddress::StrictConversion))
            return true;
    }
    return false;
}

// 0: other IPv4, 1: other IPv6, 2: loopback IPv4, 3: loopback IPv6 - the order list() promises.
int group(const LocalAddresses::Entry &e)
{
    return (e.isLoopback ? 2 : 0) + (e.address.protocol() == QAbstractSocket::IPv4Protocol ? 0 : 1);
}

} // namespace

class tst_LocalAddresses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void containsLoopback();
    void ordering();
    void entriesAreConsistent();
    void matchesUpInterfaces();
};

void tst_LocalAddresses::containsLoopback()
{
    const QList<LocalAddresses::Entry> entries = LocalAddresses::list();
    QVERIFY(contains(entries, QHostAddress(QHostAddress::LocalHost)));
    if (LoopbackTesting::hasIPv6Loopback())
        QVERIFY(contains(entries, QHostAddress(QHostAddress::LocalHostIPv6)));
}

void tst_LocalAddresses::ordering()
{
    const QList<LocalAddresses::Entry> entries = LocalAddresses::list();
    QVERIFY(!entries.isEmpty());
    for (qsizetype i = 1; i < entries.size(); ++i) {
        QVERIFY2(group(entries[i - 1]) <= group(entries[i]),
            qPrintable(entries[i - 1].address.toString() + " before " + entries[i].address.toString()));
    }
    // Loopback last: nothing after the first loopback entry may be a routable address.
    bool seenLoopback = false;
    for (const LocalAddresses::Entry &e : entries) {
        seenLoopback = seenLoopback || e.isLoopback;
        QVERIFY(!seenLoopback || e.isLoopback);
    }
    QVERIFY(entries.last().isLoopback);
}

void tst_LocalAddresses::entriesAreConsistent()
{
    for (const LocalAddresses::Entry &e : LocalAddresses::list()) {
        QVERIFY(!e.address.isNull());
        QVERIFY(!e.interfaceName.isEmpty());
        QCOMPARE(e.isLoopback, e.address.isLoopback());
        // A link-local IPv6 address is useless without its interface.
        if (e.address.protocol() == QAbstractSocket::IPv6Protocol && e.address.isLinkLocal())
            QVERIFY2(!e.address.scopeId().isEmpty(), qPrintable(e.address.toString()));
    }
}

void tst_LocalAddresses::matchesUpInterfaces()
{
    // Every address of every running interface, and nothing else, in the list.
    int expected = 0;
    const QList<LocalAddresses::Entry> entries = LocalAddresses::list();
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const bool up
            = iface.flags().testFlag(QNetworkInterface::IsUp) && iface.flags().testFlag(QNetworkInterface::IsRunning);
        for (const QNetworkAddressEntry &a : iface.addressEntries()) {
            QHostAddress withoutScope = a.ip();
            withoutScope.setScopeId(QString());
            bool listed = false;
            for (const LocalAddresses::Entry &e : entries) {
                QHostAddress candidate = e.address;
                candidate.setScopeId(QString());
                listed = listed || (candidate == withoutScope && e.interfaceName == iface.humanReadableName());
            }
            QCOMPARE(listed, up);
            expected += up ? 1 : 0;
        }
    }
    QCOMPARE(entries.size(), expected);
}

QTEST_GUILESS_MAIN(tst_LocalAddresses)
#include "tst_localaddresses.moc"
