#include "net/sessionfactory.h"

#include "net/relaysession.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"
#include "net/tlsclientsession.h"
#include "net/tlsserversession.h"
#include "net/udprelaysession.h"
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
    case Transport::UdpRelay:
        return new UdpRelaySession(parent);
    case Transport::TlsClient:
        return new TlsClientSession(parent);
    case Transport::TlsServer:
        return new TlsServerSession(parent);
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
    case Transport::UdpRelay:
        return "udp-relay";
    case Transport::TlsClient:
        return "tls-client";
    case Transport::TlsServer:
        return "tls-server";
    }
    return {};
}

std::optional<Transport> Sessions::fromId(QByteArrayView id)
{
    for (Transport transport : {Transport::TcpClient, Transport::TcpServer, Transport::Udp, Transport::Relay,
             Transport::UdpRelay, Transport::TlsClient, Transport::TlsServer}) {
        if (id == Sessions::id(transport))
            return transport;
    }
    return std::nullopt;
}
