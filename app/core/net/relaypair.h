#pragma once

// Internal to RelaySession and its control: one relayed pair.

#include "net/relaypipe.h"
#include "net/relaysession.h"

#include <QPointer>
#include <QTcpSocket>

#include <memory>

struct RelaySession::Pair
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    std::unique_ptr<RelayPipe> toTarget; // what the client sends
    std::unique_ptr<RelayPipe> toClient; // what the target sends
    QString upstreamLocal;
    bool upstreamUp = false;
    bool clientClosed = false;
    bool upstreamClosed = false;
    bool cutting = false; // a cut fault closes both connections

    RelayPipe *from(Side side) const { return side == Side::Client ? toTarget.get() : toClient.get(); }
};
