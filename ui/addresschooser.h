#pragma once

#include <QHostAddress>

class QComboBox;

// The "listen on / bind to" chooser of the server and UDP tabs: every interface (IPv4 + IPv6), loopback only (IPv4
// or IPv6), or one of this machine's addresses. Each item's data is its QHostAddress.
namespace AddressChooser {

void fill(QComboBox *combo);
QHostAddress current(const QComboBox *combo);
// Selects address, adding it when it is not listed.
void select(QComboBox *combo, const QHostAddress &address);
// An address that is listed, else every interface: a stored address that is gone (another network) or garbage
// falls back to all interfaces, never to a guess.
QHostAddress known(const QComboBox *combo, const QHostAddress &address);

} // namespace AddressChooser
