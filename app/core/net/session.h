#pragma once

#include "net/sessionerror.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

using PeerId = quint64; // unique within a session's lifetime, never reused; 0 means "none"

class ClientLimit;
class DatagramControl;
class RelayControl;
class TlsControl;

// What a tab talks to, whatever the transport. A transport declares what it is (traits()) and which optional
// abilities it has (clientLimit(), datagrams()), so nothing above app/core/net ever casts to a concrete class; state
// and peer bookkeeping, and the rule that a peer closing is a disconnect rather than an error, live here once.
//
// Peers: a TCP client has at most one, a TCP server one per accepted connection, a UDP session one per remote
// endpoint it has heard from or sent to. Data arrives as received(): one read of a stream, or exactly one datagram.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Opening, Open, Closing };
    Q_ENUM(State)

    enum class Peers { One, Many };
    enum class Delivery { Stream, Datagrams }; // Datagrams: each received() is one message, never to be re-framed
    enum class Role { Connect, Listen, Bind };
    struct Traits
    {
        Peers peers = Peers::One;
        Delivery delivery = Delivery::Stream;
        Role role = Role::Connect;
    };

    // What opening needs, for every role; a transport ignores the fields its role does not use.
    struct OpenRequest
    {
        QString host; // Connect: a name or an IPv4/IPv6 literal (brackets allowed)
        quint16 port = 0; // Connect: the remote port; Listen/Bind: the local port (0 = any free port)
        QHostAddress address = QHostAddress(QHostAddress::Any); // Listen/Bind: the local address
        quint16 localPort = 0; // Connect: bind to this local port first (0 = any)
        bool shareAddress = false; // Bind: let other sockets bind the same port (multicast receivers)
        int timeoutMs = 10000; // Connect: give up after this long (<= 0: leave it to the OS)
        QString targetHost; // Relay (Listen): where each accepted connection is forwarded (name or literal)
        quint16 targetPort = 0; // Relay: the target's port
    };

    // The session's own happenings, for the log: the words are the UI's.
    enum class Activity {
        Connecting, // endpoint: the target as asked ("example.com:80", "[::1]:8000")
        Listening, // endpoint: what it listens on
        Bound, // endpoint: what it is bound to
        Stopped, // stopped listening / unbound (endpoint: what it was)
        Refused, // endpoint: a client refused by the client limit
        Joined, // endpoint: a multicast group, detail: the interface (empty: the system's choice)
        Left, // as Joined
        Secured // TLS: endpoint: the peer; detail: what was negotiated ("TLS 1.3, TLS_AES_256_GCM_SHA384, ALPN h2")
    };
    Q_ENUM(Activity)

    struct PeerInfo
    {
        PeerId id = 0;
        QString endpoint; // formatted, e.g. "127.0.0.1:5000"
        QString localEndpoint; // our end of it ("127.0.0.1:8000"); for datagrams the bound endpoint
        qint64 connectedAtMs = 0; // connected, or first seen (datagrams)
        qint64 lastSeenMs = 0; // last received or sent
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
        qint64 rxCount = 0; // reads or datagrams
        qint64 txCount = 0;
    };

    using QObject::QObject;

    virtual Traits traits() const = 0;
    State state() const { return m_state; }

    // Connect, listen or bind, as the role says. The outcome is signalled: stateChanged, activity, errorOccurred(0).
    // Opening while open first closes what is open.
    virtual void open(const OpenRequest &request) = 0;
    // Ends the session: closes every connection (and the listener or the bound socket).
    virtual void close() = 0;
    // Queues data to the given peers. Empty targets: every peer (stream transports), or the remote target
    // (datagrams, see DatagramControl). Returns how many peers it was queued for. sent() follows for each peer as
    // its socket takes the data: at once, or on later event-loop turns when one send goes to thousands of clients;
    // each peer gets its sends in order.
    virtual int send(const QByteArray &data, const QList<PeerId> &targets = {}) = 0;
    // Graceful for a connection; a datagram peer is forgotten (its row goes, it comes back when heard from again).
    virtual void disconnectPeer(PeerId id) = 0;
    // Bytes queued for the peer that the OS has not taken yet, so a producer (FileSender) can wait instead of
    // queueing a whole file.
    virtual qint64 bytesToWrite(PeerId id) const
    {
        Q_UNUSED(id);
        return 0;
    }

    // The local end: the connection's, the listener's or the bound socket's; null / 0 when not open.
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;
    // Formatted ("0.0.0.0:8000", "127.0.0.1:51234", "[::1]:9000"); empty when not open.
    QString localEndpoint() const;

    // In connection (id) order.
    QList<PeerId> peers() const;
    qsizetype peerCount() const { return m_peers.size(); }
    bool hasPeer(PeerId id) const { return m_peers.contains(id); }
    PeerInfo peerInfo(PeerId id) const { return m_peers.value(id); }

    // Optional abilities; nullptr when the transport has none.
    virtual ClientLimit *clientLimit() { return nullptr; }
    virtual DatagramControl *datagrams() { return nullptr; }
    virtual RelayControl *relay() { return nullptr; }
    virtual TlsControl *tls() { return nullptr; }

Q_SIGNALS:
    void stateChanged(Session::State state);
    void activity(Session::Activity activity, const QString &endpoint, const QString &detail);
    void peerConnected(PeerId id, const QString &endpoint);
    void peerDisconnected(PeerId id, const QString &endpoint);
    // destination: for datagrams, the address:port it was sent to (our unicast address, a broadcast or a multicast
    // group); empty for streams.
    void received(PeerId id, const QByteArray &data, const QString &destination);
    void sent(PeerId id, const QByteArray &data); // queued to the socket
    void bytesWritten(PeerId id, qint64 bytes); // handed from the queue to the OS
    // id is 0 for errors of the session itself (connect failed, listen failed, bind failed).
    void errorOccurred(PeerId id, const SessionError &error);

protected:
    void setState(State state);
    // A new peer, recorded; announcePeer() then emits peerConnected, once the caller has stored the id, so that a
    // slot of peerConnected can already send to it.
    PeerId addPeer(const QString &endpoint, const QString &localEndpoint);
    void announcePeer(PeerId id);
    // Forgets the peer, then peerDisconnected. Nothing when it is not there.
    void removePeer(PeerId id);
    // Every peer, in id order (close()).
    void removeAllPeers();
    // Counted, then received(). Nothing for an unknown peer or empty data of a stream.
    void deliver(PeerId id, const QByteArray &data, const QString &destination = {});
    // Counted (bytes actually taken), then sent().
    void noteSent(PeerId id, const QByteArray &data, qint64 written);
    // errorOccurred, except the peer closing a connection that is still listed: peerDisconnected says that (Qt
    // reports an orderly FIN and a reset alike as RemoteHostClosedError).
    void reportError(PeerId id, const SessionError &error);
    PeerInfo *peer(PeerId id);

private:
    State m_state = State::Idle;
    QHash<PeerId, PeerInfo> m_peers;
    PeerId m_nextId = 1;
};
