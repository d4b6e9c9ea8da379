#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

using PeerId = quint64; // unique within a session's lifetime, never reused; 0 means "none"

// What the UI talks to, whatever the transport: a TCP client has at most one peer, a TCP server many, and a UDP
// session (to come) one per remote endpoint seen. Data and events arrive as signals; errors carry Qt's socket
// error code, which the UI turns into words.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Opening, Open, Closing };
    Q_ENUM(State)

    struct PeerInfo
    {
        PeerId id = 0;
        QString endpoint; // formatted, e.g. "127.0.0.1:5000"
        qint64 connectedAtMs = 0;
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
    };

    using QObject::QObject;

    virtual State state() const = 0;
    // Queues data to the given peers (all peers when targets is empty). Returns how many peers it was queued for.
    // sent() follows for each peer as its socket takes the data: at once, or on later event-loop turns when one send
    // goes to thousands of clients (TcpServerSession spreads the writes); each peer gets its sends in order.
    virtual int send(const QByteArray &data, const QList<PeerId> &targets = {}) = 0;
    virtual QList<PeerId> peers() const = 0;
    virtual PeerInfo peerInfo(PeerId id) const = 0;
    virtual void disconnectPeer(PeerId id) = 0;
    // Ends the session: closes every connection (and the listener).
    virtual void close() = 0;
    // The local end, formatted ("0.0.0.0:8000", "127.0.0.1:51234"); empty when not open.
    virtual QString localEndpoint() const = 0;
    // Bytes queued for the peer that the OS has not taken yet, so a producer (FileSender) can wait instead of
    // queueing a whole file. Not pure: a transport without a write buffer (and test fakes) have nothing queued.
    virtual qint64 bytesToWrite(PeerId id) const
    {
        Q_UNUSED(id);
        return 0;
    }

Q_SIGNALS:
    void stateChanged(Session::State state);
    void peerConnected(PeerId id, const QString &endpoint);
    void peerDisconnected(PeerId id, const QString &endpoint);
    void received(PeerId id, const QByteArray &data);
    void sent(PeerId id, const QByteArray &data); // queued to the socket
    void bytesWritten(PeerId id, qint64 bytes); // handed from the queue to the OS
    // id is 0 for errors of the session itself (connect failed, listen failed).
    void errorOccurred(PeerId id, QAbstractSocket::SocketError error, const QString &detail);
};
