#pragma once

#include <QAbstractSocket>
#include <QMetaType>
#include <QString>

// Why a session, or one of its peers, failed, whatever the transport. Each transport maps its library's error here
// in one place (SessionError::fromSocket for QAbstractSocket); ui/errortext.cpp turns a kind into words, so the same
// problem reads the same on every tab and the core is tested by value, not by English text.
struct SessionError
{
    enum class Kind : quint8 {
        None,
        Refused, // TCP: nothing listens at the target (it answered the SYN with a reset)
        HostNotFound,
        TimedOut,
        ClosedByPeer, // FIN or reset; while connected this is a disconnect, not an error (see Session::reportError)
        AddressInUse,
        AddressNotAvailable, // the local address is not one of this machine's
        PermissionDenied, // a privileged port, or a broadcast the socket may not send
        NetworkUnreachable, // no route to the target
        DatagramTooLarge,
        PortUnreachable, // UDP: an ICMP port unreachable came back, nothing is listening at the target
        Resource, // out of file descriptors or memory
        Unsupported, // e.g. IPv6 switched off on this machine
        FamilyMismatch, // an IPv4-bound socket asked to reach an IPv6 address, or the reverse
        Other,
        // TLS (app/core/net/tlssupport.cpp maps Qt's TLS errors here). detail: what the words need, noted per kind.
        TlsUnavailable, // no TLS backend on this system (detail: Qt's reason)
        TlsCredentials, // a certificate, key or CA file could not be used (detail: "file: why")
        TlsExpired, // the peer's certificate has expired (detail: its notAfter, ISO 8601)
        TlsNotYetValid, // (detail: its notBefore)
        TlsSelfSigned, // (detail: its subject)
        TlsUnknownCa, // signed by a CA we do not trust (detail: its issuer)
        TlsNameMismatch, // (detail: the name checked, a newline, the names the certificate holds, comma-separated)
        TlsCertificateInvalid, // any other verification failure (detail: Qt's words)
        TlsPinMismatch, // the certificate differs from the pinned one (detail: pinned, a newline, presented)
        TlsClientCertificateRequired, // the server wants a client certificate and none was sent
        TlsCertificateRejected, // the peer refused our certificate (detail: the alert)
        TlsNoSharedProtocol, // no TLS version both sides accept
        TlsNoSharedCipher, // no cipher suite both sides accept (or another handshake_failure alert)
        TlsNotTls, // the peer does not speak TLS on this port (plain text came back)
        TlsHandshakeFailed, // anything else during the handshake (detail: Qt's words)
        TlsSeenOnPlain // plain client tab: the server answered with a TLS record (first byte 0x15/0x16)
    };

    Kind kind = Kind::None;
    QString detail; // the library's own text (Qt's errorString, in English), for the log; may be empty

    bool operator==(const SessionError &o) const { return kind == o.kind && detail == o.detail; }
    bool operator!=(const SessionError &o) const { return !(*this == o); }

    // Qt's socket errors. A UDP socket reports ICMP port unreachable as ConnectionRefusedError: datagram is true
    // there, so it becomes PortUnreachable.
    static SessionError fromSocket(QAbstractSocket::SocketError error, const QString &detail, bool datagram = false);
    // Stable identifiers for files and settings ("refused"); fromId gives Other for unknown ids.
    static QByteArray id(Kind kind);
    static Kind fromId(QByteArrayView id);
};

Q_DECLARE_METATYPE(SessionError)
