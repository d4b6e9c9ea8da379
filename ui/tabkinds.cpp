#include "tabkinds.h"

#include "clientpage.h"
#include "net/sessionfactory.h"
#include "relaypage.h"
#include "serverpage.h"
#include "session/tabmodel.h"
#include "tlspages.h"
#include "udppage.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
// lupdate files the names under "TabKinds".
class TabKindNames
{
    Q_DECLARE_TR_FUNCTIONS(TabKinds)
};

TabModel *modelFor(Transport transport)
{
    return new TabModel(Sessions::create(transport));
}
} // namespace

QList<TabKinds::Kind> TabKinds::all()
{
    return {
        {Sessions::id(Transport::TcpClient), TabKindNames::tr("New TCP &Client"), TabKindNames::tr("TCP Client")},
        {Sessions::id(Transport::TcpServer), TabKindNames::tr("New TCP &Server"), TabKindNames::tr("TCP Server")},
        {Sessions::id(Transport::Udp), TabKindNames::tr("New &UDP"), TabKindNames::tr("UDP")},
        {Sessions::id(Transport::Relay), TabKindNames::tr("New TCP &Relay"), TabKindNames::tr("TCP Relay"), false},
        {Sessions::id(Transport::UdpRelay), TabKindNames::tr("New UDP Rela&y"), TabKindNames::tr("UDP Relay"), false},
        {Sessions::id(Transport::TlsClient), TabKindNames::tr("New TLS C&lient"), TabKindNames::tr("TLS Client"),
            false},
        {Sessions::id(Transport::TlsServer), TabKindNames::tr("New TLS Se&rver"), TabKindNames::tr("TLS Server"),
            false},
    };
}

bool TabKinds::isKnown(const QByteArray &id)
{
    const QList<Kind> kinds = all();
    return std::any_of(kinds.cbegin(), kinds.cend(), [&id](const Kind &kind) { return kind.id == id; });
}

SessionPage *TabKinds::create(const QByteArray &id, QWidget *parent)
{
    const std::optional<Transport> transport = Sessions::fromId(id);
    if (!transport)
        return nullptr;
    switch (*transport) {
    case Transport::TcpClient:
        return new ClientPage(modelFor(*transport), parent);
    case Transport::TcpServer:
        return new ServerPage(modelFor(*transport), parent);
    case Transport::Udp:
        return new UdpPage(modelFor(*transport), parent);
    case Transport::Relay:
    case Transport::UdpRelay:
        return new RelayPage(modelFor(*transport), parent);
    case Transport::TlsClient:
        return new TlsClientPage(modelFor(*transport), parent);
    case Transport::TlsServer:
        return new TlsServerPage(modelFor(*transport), parent);
    }
    return nullptr;
}
