#pragma once

// Opening a relay session for the core relay tests: listening on 127.0.0.1 (a port of the system's choice) towards
// 127.0.0.1:targetPort.

#include "net/session.h"
#include "net/sessionfactory.h"

#include <memory>

namespace RelayTesting {

inline std::unique_ptr<Session> open(Transport transport, quint16 targetPort, int connectTimeoutMs = 10000)
{
    std::unique_ptr<Session> session(Sessions::create(transport));
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    request.port = 0;
    request.targetHost = QStringLiteral("127.0.0.1");
    request.targetPort = targetPort;
    request.timeoutMs = connectTimeoutMs;
    session->open(request);
    return session;
}

} // namespace RelayTesting
