#pragma once

// Loopback helpers shared by the network test suites.

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

namespace LoopbackTesting {

inline bool hasIPv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

// The server side of a connection: QTcpServer takes it from the kernel in the event loop, hence the wait.
inline QTcpSocket *acceptOne(QTcpServer &server)
{
    if (!server.hasPendingConnections()) {
        QSignalSpy spy(&server, &QTcpServer::newConnection);
        if (!spy.wait(5000))
            return nullptr;
    }
    return server.nextPendingConnection();
}

} // namespace LoopbackTesting
