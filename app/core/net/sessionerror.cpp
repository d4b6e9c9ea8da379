#include "net/sessionerror.h"

#include <QByteArrayView>
#include <QCoreApplication>

#include <array>
#include <utility>

namespace {
// Qt folds several system errors into NetworkError and only its text tells them apart. ENETUNREACH and EHOSTUNREACH
// get Qt's own strings (qnativesocketengine.cpp), translated when Qt's translations are loaded: compare with both.
bool isUnreachable(const QString &detail)
{
    for (const char *text : {"Network unreachable", "Host unreachable"}) {
        if (detail == QLatin1String(text) || detail == QCoreApplication::translate("QNativeSocketEngine", text))
            return true;
    }
    return false;
}
} // namespace

SessionError SessionError::fromSocket(QAbstractSocket::SocketError error, const QString &detail, bool datagram)
{
    Kind kind = Kind::Other;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        kind = datagram ? Kind::PortUnreachable : Kind::Refused;
        break;
    case QAbstractSocket::RemoteHostClosedError:
        kind = Kind::ClosedByPeer;
        break;
    case QAbstractSocket::HostNotFoundError:
        kind = Kind::HostNotFound;
        break;
    case QAbstractSocket::SocketTimeoutError:
        kind = Kind::TimedOut;
        break;
    case QAbstractSocket::AddressInUseError:
        kind = Kind::AddressInUse;
        break;
    case QAbstractSocket::SocketAddressNotAvailableError:
        kind = Kind::AddressNotAvailable;
        break;
    case QAbstractSocket::SocketAccessError:
        kind = Kind::PermissionDenied;
        break;
    case QAbstractSocket::DatagramTooLargeError:
        kind = Kind::DatagramTooLarge;
        break;
    case QAbstractSocket::SocketResourceError:
        kind = Kind::Resource;
        break;
    case QAbstractSocket::UnsupportedSocketOperationError:
        kind = Kind::Unsupported;
        break;
    case QAbstractSocket::NetworkError:
        kind = isUnreachable(detail) ? Kind::NetworkUnreachable : Kind::Other;
        break;
    default:
        break;
    }
    return {kind, detail};
}

namespace {
using Kind = SessionError::Kind;
constexpr std::array<std::pair<Kind, const char *>, 31> Ids {{
    {Kind::None, "none"},
    {Kind::Refused, "refused"},
    {Kind::HostNotFound, "host-not-found"},
    {Kind::TimedOut, "timed-out"},
    {Kind::ClosedByPeer, "closed-by-peer"},
    {Kind::AddressInUse, "address-in-use"},
    {Kind::AddressNotAvailable, "address-not-available"},
    {Kind::PermissionDenied, "permission-denied"},
    {Kind::NetworkUnreachable, "network-unreachable"},
    {Kind::DatagramTooLarge, "datagram-too-large"},
    {Kind::PortUnreachable, "port-unreachable"},
    {Kind::Resource, "resource"},
    {Kind::Unsupported, "unsupported"},
    {Kind::FamilyMismatch, "family-mismatch"},
    {Kind::Other, "other"},
    {Kind::TlsUnavailable, "tls-unavailable"},
    {Kind::TlsCredentials, "tls-credentials"},
    {Kind::TlsExpired, "tls-expired"},
    {Kind::TlsNotYetValid, "tls-not-yet-valid"},
    {Kind::TlsSelfSigned, "tls-self-signed"},
    {Kind::TlsUnknownCa, "tls-unknown-ca"},
    {Kind::TlsNameMismatch, "tls-name-mismatch"},
    {Kind::TlsCertificateInvalid, "tls-certificate-invalid"},
    {Kind::TlsPinMismatch, "tls-pin-mismatch"},
    {Kind::TlsClientCertificateRequired, "tls-client-certificate-required"},
    {Kind::TlsCertificateRejected, "tls-certificate-rejected"},
    {Kind::TlsNoSharedProtocol, "tls-no-shared-protocol"},
    {Kind::TlsNoSharedCipher, "tls-no-shared-cipher"},
    {Kind::TlsNotTls, "tls-not-tls"},
    {Kind::TlsHandshakeFailed, "tls-handshake-failed"},
    {Kind::TlsSeenOnPlain, "tls-seen-on-plain"},
}};
} // namespace

QByteArray SessionError::id(Kind kind)
{
    for (const auto &[k, name] : Ids) {
        if (k == kind)
            return name;
    }
    return "other";
}

SessionError::Kind SessionError::fromId(QByteArrayView id)
{
    for (const auto &[k, name] : Ids) {
        if (id == name)
            return k;
    }
    return Kind::Other;
}
