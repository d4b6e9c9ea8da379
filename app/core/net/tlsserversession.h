#pragma once

#include "net/tcpserversession.h"
#include "net/tlscontrol.h"

#include <QHash>
#include <QSslConfiguration>

// A TCP server that speaks TLS: TcpServerSession whose listener hands out QSslSockets. A client is listed (and
// peerConnected) when its TCP connection is accepted, so that a failed handshake is an error of that client with its
// endpoint; Activity Secured follows when it is encrypted, and only then does data flow. Everything else (outbox,
// read sizes, the client limit) is the TCP server's.
class TlsServerSession : public TcpServerSession, public TlsControl
{
    Q_OBJECT
public:
    explicit TlsServerSession(QObject *parent = nullptr);

    TlsControl *tls() override { return this; }
    void setTlsOptions(const TlsOptions &options) override { m_options = options; }
    TlsOptions tlsOptions() const override { return m_options; }
    TlsPeerInfo tlsPeer(PeerId id) const override { return m_peers.value(id).info; }
    // A server does not pin its clients; kept for the interface (and a later use).
    void setPins(const QHash<QString, QByteArray> &pins) override { m_pins = pins; }
    QHash<QString, QByteArray> pins() const override { return m_pins; }

protected:
    QTcpServer *createServer() override;
    void setUpClient(PeerId id, QTcpSocket *socket) override;
    SessionError mapError(PeerId id, QTcpSocket *socket, QAbstractSocket::SocketError error) override;

private:
    struct PeerTls
    {
        TlsPeerInfo info;
        int lastAlert = -1;
        QString alertText;
        SessionError pending; // what the socket's coming error is to be reported as
    };

    TlsOptions m_options;
    QHash<QString, QByteArray> m_pins;
    QHash<PeerId, PeerTls> m_peers;
};
