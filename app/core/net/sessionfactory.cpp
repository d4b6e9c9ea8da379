#include "net/sessionfactory.h"

#include "net/relaysession.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"
#include "net/udpsession.h"

Session *Sessions::create(Transport transport, QObject *parent)
{
    switch (transport) {
    case Transport::TcpClient:
        return new TcpClientSession(parent);
    case Transport::TcpServer:
        return new TcpServerSession(parent);
    case Transport::Udp:
        return new UdpSession(parent);
    case Transport::Relay:
        return new RelaySession(parent);
    }
    return nullptr;
}

QByteArray Sessions::id(Transport transport)
{
    switch (transport) {
    case Transport::TcpClient:
        return "tcp-client";
    case Transport::TcpServer:
        return "tcp-server";
    case Transport::Udp:
        return "udp";
    case Transport::Relay:
        return "relay";
    }
    return {};
}

std::optional<Transport> Sessions::fromId(QByteArrayView id)
{
    for (Transport transport : {Transport::TcpClient, Transport::TcpServer, Transport::Udp, Transport::Relay}) {
        if (id == Sessions::id(transport))
            return transport;
    }
    return std::nullopt;
}
