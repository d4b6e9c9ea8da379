#pragma once

// Internal to UdpRelaySession and its control: one relayed pair.

#include "net/relaydatagrampipe.h"
#include "net/udprelaysession.h"

#include <QHostAddress>
#include <QPointer>
#include <QUdpSocket>

#include <memory>

struct UdpRelaySession::Pair
{
    QHostAddress clientAddress; // as the datagrams came (an IPv4-mapped address on a dual-stack socket)
    quint16 clientPort = 0;
    Remote key;
    QPointer<QUdpSocket> upstream;
    std::unique_ptr<RelayDatagramPipe> toTarget; // what the client sends
    std::unique_ptr<RelayDatagramPipe> toClient; // what the target sends
    QString upstreamLocal;
    bool upstreamUp = false;

    RelayDatagramPipe *from(Side side) const { return side == Side::Client ? toTarget.get() : toClient.get(); }
};
