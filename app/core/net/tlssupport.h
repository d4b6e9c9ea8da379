#pragma once

#include "net/sessionerror.h"
#include "net/tlscontrol.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>

class QSslSocket;

// What the TLS client and server share: building a configuration from TlsOptions, describing what a socket
// negotiated, and the one mapping from Qt's TLS errors and alerts to SessionError kinds.
namespace TlsSupport {

enum class Side { Client, Server };

// A configuration for the options; on failure error holds TlsCredentials (or TlsUnavailable) and the result is
// not to be used.
QSslConfiguration configuration(const TlsOptions &options, Side side, SessionError *error);

TlsCertificateInfo describe(const QSslCertificate &certificate);
QString protocolName(int protocol); // QSsl::SslProtocol -> "TLS 1.3"
// The socket's negotiated parameters and the peer's chain (encrypted true when it is encrypted).
TlsPeerInfo peerInfo(const QSslSocket *socket);
// "TLS 1.3, TLS_AES_256_GCM_SHA384, ALPN h2": Activity Secured's detail.
QString summary(const TlsPeerInfo &info);

// One SessionError per verification problem, most telling first (the kinds in sessionerror.h, with their details).
QList<SessionError> problems(const QList<QSslError> &errors, const QString &checkedName);

// What a handshake that failed without certificate problems means. alert: the last alert the peer sent (-1 for
// none), socketError / errorString: what the socket said.
SessionError handshakeFailure(
    int alert, const QString &alertText, int socketError, const QString &errorString, Side side);

// Whether the first bytes a plain client received look like a TLS record (handshake 0x16 or alert 0x15, version 3.x).
bool looksLikeTls(const QByteArray &firstBytes);

} // namespace TlsSupport
