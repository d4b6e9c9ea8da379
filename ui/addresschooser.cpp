#include "addresschooser.h"

#include "net/endpoint.h"
#include "net/localaddresses.h"

#include <QComboBox>
#include <QCoreApplication>

namespace {
class Names
{
    Q_DECLARE_TR_FUNCTIONS(AddressChooser)
};
} // namespace

namespace AddressChooser {

void fill(QComboBox *combo)
{
    combo->addItem(Names::tr("All interfaces (IPv4 + IPv6)"), QVariant::fromValue(QHostAddress(QHostAddress::Any)));
    combo->addItem(
        Names::tr("127.0.0.1 (this machine only)"), QVariant::fromValue(QHostAddress(QHostAddress::LocalHost)));
    combo->addItem(
        Names::tr("::1 (this machine only, IPv6)"), QVariant::fromValue(QHostAddress(QHostAddress::LocalHostIPv6)));
    for (const LocalAddresses::Entry &entry : LocalAddresses::list()) {
        if (entry.isLoopback)
            continue;
        combo->addItem(Names::tr("%1 (%2)").arg(Endpoint::formatAddress(entry.address), entry.interfaceName),
            QVariant::fromValue(entry.address));
    }
}

QHostAddress current(const QComboBox *combo)
{
    return combo->currentData().value<QHostAddress>();
}

void select(QComboBox *combo, const QHostAddress &address)
{
    int index = -1;
    for (int i = 0; i < combo->count() && index < 0; ++i) {
        if (combo->itemData(i).value<QHostAddress>() == address)
            index = i;
    }
    if (index < 0) {
        combo->addItem(Endpoint::formatAddress(address), QVariant::fromValue(address));
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QHostAddress known(const QComboBox *combo, const QHostAddress &address)
{
    for (int i = 0; i < combo->count() && !address.isNull(); ++i) {
        if (combo->itemData(i).value<QHostAddress>() == address)
            return address;
    }
    return QHostAddress(QHostAddress::Any);
}

} // namespace AddressChooser
