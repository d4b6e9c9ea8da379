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
    // timeoutMs fails with QAbstractSocket::SocketTimeoutError (detail empty: Qt has no text for it); timeoutMs <= 0
    // leaves it to the OS. Opening while open or opening drops the previous connection first (peerDisconnected for
    // it, then Opening; it closes gracefully in the background).
    // Errors: while connecting, errorOccurred(0, ...) then Idle. While connected, RemoteHostClosedError is not
    // reported as an error (Qt gives it for both FIN and reset): peerDisconnected says it; other errors carry the
    // peer id. close() is graceful (Closing until unsent data is out, then peerDisconnected + Idle); calling it again
    // while Closing aborts.
    void open(const QString &host, quint16 port, quint16 localPort = 0, int timeoutMs = DefaultConnectTimeoutMs);

    State state() const override { return m_state; }
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    QList<PeerId> peers() const override;
    PeerInfo peerInfo(PeerId id) const override;
    void disconnectPeer(PeerId id) override;
    void close() override;
    QString localEndpoint() const override;
    qint64 bytesToWrite(PeerId id) const override;
    QString peerEndpoint() const { return m_peer.endpoint; }

private:
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onReadyRead();
    void onTimeout();
    void dropSocket();

    QTcpSocket *m_socket = nullptr;
    QTimer m_connectTimer;
    State m_state = State::Idle;
    PeerInfo m_peer;
    PeerId m_nextId = 1;
};
