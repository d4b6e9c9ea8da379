#pragma once

// Internal to RelaySession and its control: one relayed pair.

#include "net/relaypipe.h"
#include "net/relaysession.h"
#include "net/streamchannel.h"

#include <QPointer>
#include <QTcpSocket>

#include <memory>

struct RelaySession::Pair
{
    std::unique_ptr<StreamChannel> client;
    QPointer<QTcpSocket> connecting; // the upstream connection while Qt connects it
    std::unique_ptr<StreamChannel> upstream; // then
    std::unique_ptr<RelayPipe> toTarget; // what the client sends; both pipes once the upstream is up
    std::unique_ptr<RelayPipe> toClient; // what the target sends
    QString upstreamLocal;
    bool upstreamUp = false;
    bool clientEnded = false; // the client's stream ended (its FIN, or a failure)
    bool upstreamEnded = false;
    bool clientFailed = false; // a reset or a failed write: nothing more reaches it
    bool upstreamFailed = false;
    bool cutting = false; // a cut fault or a disconnect closes both connections

    RelayPipe *from(Side side) const { return side == Side::Client ? toTarget.get() : toClient.get(); }
    StreamChannel *channel(Side side) const { return side == Side::Client ? client.get() : upstream.get(); }
};
