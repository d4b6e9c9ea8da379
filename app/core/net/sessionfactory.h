#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

class QObject;
class Session;

// The one place that knows the concrete session classes: everything else holds a Session and asks its traits.
enum class Transport { TcpClient, TcpServer, Udp, Relay, UdpRelay, TlsClient, TlsServer };

namespace Sessions {

Session *create(Transport transport, QObject *parent = nullptr);
// Stable identifiers for settings and the command line: "tcp-client", "tcp-server", "udp", "relay", "udp-relay",
// "tls-client", "tls-server".
QByteArray id(Transport transport);
std::optional<Transport> fromId(QByteArrayView id);

} // namespace Sessions
