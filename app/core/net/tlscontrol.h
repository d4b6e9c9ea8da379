#pragma once

#include "net/session.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What a TLS session (client or server) can do beyond Session: its options, what each peer negotiated, and pins.
// The types are plain values so that the UI and the tests read them without touching QSslSocket.
struct TlsOptions
{
    enum class Verify { SystemCas, CaFile, None }; // None: the peer is unverified, and every RX record says so
    enum class ClientCertificates { None, Request, Require }; // server: ask for one / refuse clients without one

    QString serverName; // client: SNI and the name checked; empty: the host as typed
    Verify verify = Verify::SystemCas;
    QString caFile; // Verify::CaFile (client), or the CA clients' certificates are checked against (server)
    // Our certificate: PEM (the chain, leaf first; the key may be in the same file) or PKCS#12 (.p12 / .pfx, key
    // and chain inside, keyFile unused). Client: for servers that ask; server: required.
    QString certificateFile;
    QString keyFile;
    QString password; // PEM key or PKCS#12 passphrase; never saved
    QList<QByteArray> alpn; // protocols to offer (client) or accept (server), in preference order
    ClientCertificates clientCertificates = ClientCertificates::None;
    bool startPlain = false; // client: connect in plain text, encrypt later with startTls() (STARTTLS)
};

struct TlsCertificateInfo
{
    QString subject; // "CN=localhost, O=Test"
    QString issuer;
    QStringList altNames; // "DNS:localhost", "IP:127.0.0.1"
    QDateTime notBefore;
    QDateTime notAfter;
    QString keyType; // "RSA", "EC", "DSA", "DH", or empty when unknown
    int keyBits = 0;
    QByteArray sha256; // hex, lower case, no separators
    bool selfSigned = false;
    QByteArray pem;
};

struct TlsPeerInfo
{
    bool encrypted = false;
    // The chain and the name checked out, or the certificate matched its pin. False with Verify::None.
    bool verified = false;
    bool pinned = false; // accepted because of a pin
    QString protocol; // "TLS 1.3"
    QString cipher; // "TLS_AES_256_GCM_SHA384"
    QByteArray alpn; // the protocol chosen; empty when none
    QString serverName; // client: the name sent and checked
    QString pinKey; // client: where a pin of this certificate goes ("host:port" as typed)
    QList<TlsCertificateInfo> chain; // the peer's, leaf first (server: empty when the client sent none)
    // What verification found, even when it was ignored (Verify::None, a pin): one error per problem.
    QList<SessionError> problems;
};

class TlsControl
{
public:
    virtual ~TlsControl() = default;

    // Whether this system has a TLS backend; reason says why not, in Qt's words.
    static bool available();
    static QString unavailableReason();

    // Used by the next open() (client) or listen (server); a session already open keeps what it had.
    virtual void setTlsOptions(const TlsOptions &options) = 0;
    virtual TlsOptions tlsOptions() const = 0;
    // What the peer negotiated; encrypted false while it is still handshaking (or plain, before startTls()).
    virtual TlsPeerInfo tlsPeer(PeerId id) const = 0;
    // Client: the last handshake, also one that failed (its chain is what the user may choose to trust).
    virtual TlsPeerInfo lastHandshake() const { return {}; }

    // Pins: "host:port" (the target as typed, host lower case) -> the leaf's SHA-256 (hex). A pinned target is
    // accepted when its certificate matches whatever the CAs say, and refused with TlsPinMismatch when it does not.
    virtual void setPins(const QHash<QString, QByteArray> &pins) = 0;
    virtual QHash<QString, QByteArray> pins() const = 0;
    static QString pinKey(const QString &host, quint16 port);

    // Client with startPlain: encrypts the open plain connection now. Activity Secured follows, or an error (the
    // connection is closed then). False when there is nothing to upgrade.
    virtual bool startTls() { return false; }
};
