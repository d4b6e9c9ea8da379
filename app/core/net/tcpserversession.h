#pragma once

#include "net/clientlimit.h"
#include "net/session.h"

#include <QHash>
#include <QHostAddress>
#include <QPointer>

#include <deque>

class QTcpServer;
class QTcpSocket;

class TcpServerSession : public Session, public ClientLimit
{
    Q_OBJECT
public:
    explicit TcpServerSession(QObject *parent = nullptr);
    ~TcpServerSession() override;

    // QHostAddress::Any listens on all IPv4 and IPv6 interfaces; port 0 lets the OS choose (see serverPort()).
    // Returns false and emits errorOccurred(0, ...) when it cannot listen (port busy, privileged port...); on success
    // Activity Listening with localEndpoint(). Listening again first close()s the current listener and clients.
    // localEndpoint() is the formatted serverAddress(): "0.0.0.0:8000" for Any (Qt prints the dual-stack Any that
    // way), "[::1]:8000"... Clients closing are disconnects, not errors. disconnectPeer() is graceful; close() is
    // immediate (peerDisconnected for every client in id order, Activity Stopped, then Idle) and drops data the
    // kernel would not take at once.
    bool listen(const QHostAddress &address, quint16 port);

    // New connections beyond this are closed at once and reported as Activity Refused; 0 = no limit.
    void setMaxClients(int max) override { m_maxClients = max; }
    int maxClients() const override { return m_maxClients; }

    Traits traits() const override { return {Peers::Many, Delivery::Stream, Role::Listen}; }
    void open(const OpenRequest &request) override { listen(request.address, request.port); }
    int send(const QByteArray &data, const QList<PeerId> &targets = {}) override;
    void disconnectPeer(PeerId id) override;
    void close() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    qint64 bytesToWrite(PeerId id) const override;
    ClientLimit *clientLimit() override { return this; }
    // How long one event-loop turn may spend handing a send to clients' sockets (write, TX record, system call)
    // before the rest waits for the next turn; default 8 ms. In one go, a send to 10,000 clients held the window for
    // half a second. 0: one clock check's worth (16 writes) per turn.
    void setWriteSliceMs(qint64 ms) { m_writeSliceMs = ms; }

protected:
    // Hooks for a transport built on this one (TLS): the listener (nullptr: it could not be made, and the hook has
    // reported why), a new client's socket set up before peerConnected (its signals to this session are connected
    // already), and the one place a client socket's error becomes a SessionError.
    virtual QTcpServer *createServer();
    virtual void setUpClient(PeerId id, QTcpSocket *socket)
    {
        Q_UNUSED(id);
        Q_UNUSED(socket);
    }
    virtual SessionError mapError(PeerId id, QTcpSocket *socket, QAbstractSocket::SocketError error);
    QTcpSocket *clientSocket(PeerId id) const;

private:
    void onNewConnection();
    void takePendingConnections();
    void updateReadChunk(); // per-socket read size for the current number of clients
    void onClientReadyRead(PeerId id);
    void onClientDisconnected(PeerId id);
    qint64 writeTo(PeerId id, QTcpSocket *socket, const QByteArray &data);
    void writeOutbox(qint64 sliceMs);
    void retire(QTcpSocket *socket); // a departed client's socket, deleted a batch per turn
    void deleteRetired();
    void scheduleWrite();

    QTcpServer *m_server = nullptr;
    QHash<PeerId, QTcpSocket *> m_sockets; // the connected clients' (their PeerInfo is the base's)
    int m_maxClients = 0;
    qint64 m_readChunk = 0; // what every client socket reads per notification; 0 before the first
    bool m_acceptScheduled = false;
    // Sends not yet handed to every target's socket, oldest first (see writeOutbox()).
    struct Outgoing
    {
        QByteArray data;
        QList<PeerId> ids;
        qsizetype next = 0; // ids before this one are done
    };
    std::deque<Outgoing> m_outbox;
    qint64 m_outboxBytes = 0;
    quint64 m_outboxGeneration = 0; // bumped by close(), which drops the outbox
    bool m_writing = false;
    bool m_writeScheduled = false;
    qint64 m_writeSliceMs = 8;
    // Children of the QTcpServer that accepted them, which close() deletes with whatever is left here.
    QList<QPointer<QTcpSocket>> m_retired;
};
