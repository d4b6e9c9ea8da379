#pragma once

#include "net/session.h"

#include <QTimer>

class QTcpSocket;

class TcpClientSession : public Session
{
    Q_OBJECT
public:
    static constexpr int DefaultConnectTimeoutMs = 10000;

    explicit TcpClientSession(QObject *parent = nullptr);
    ~TcpClientSession() override;

    // host: a name, an IPv4 or IPv6 literal (brackets allowed). localPort 0 = any. A connect that does not finish in
    // timeoutMs fails with TimedOut; timeoutMs <= 0 leaves it to the OS. Opening while open or opening drops the
    // previous connection first (peerDisconnected for it, then Opening; it closes gracefully in the background).
    // Activity Connecting names the target. Errors: while connecting, errorOccurred(0, ...) then Idle. While
    // connected, the peer closing is not an error: peerDisconnected says it; other errors carry the peer id.
    // close() is graceful (Closing until unsent data is out, then peerDisconnected + Idle); calling it again while
    // Closing aborts.
    void open(const QString &host, quint16 port, quint16 localPort = 0, int timeoutMs = DefaultConnectTimeoutMs);

    Traits traits() const override { return {Peers::One, Delivery::Stream, Role::Connect}; }
    void open(const OpenRequest &request) override;
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    void disconnectPeer(PeerId id) override;
    void close() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    qint64 bytesToWrite(PeerId id) const override;
    QString peerEndpoint() const { return peerInfo(m_peer).endpoint; }

protected:
    // Hooks for a transport built on this one (TLS): the socket to use, how to connect it, and whether opening waits
    // (for a handshake) after the TCP connection is up; then becomeOpen() lists the peer and goes Open, or
    // failOpening() reports why not. mapError() is the one place a socket error becomes a SessionError.
    virtual QTcpSocket *createSocket();
    virtual void connectSocket(QTcpSocket *socket, const QString &host, quint16 port);
    virtual bool holdOpening(QTcpSocket *socket)
    {
        Q_UNUSED(socket);
        return false;
    }
    virtual SessionError mapError(QAbstractSocket::SocketError error);
    void becomeOpen();
    void failOpening(const SessionError &error);
    QTcpSocket *socket() const { return m_socket; }
    PeerId currentPeer() const { return m_peer; }

private:
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onReadyRead();
    void onTimeout();
    void dropSocket();

    QTcpSocket *m_socket = nullptr;
    QTimer m_connectTimer;
    PeerId m_peer = 0;
    bool m_firstRead = true; // the connection's first read is checked for a TLS record (plain tab, see onReadyRead)
};
