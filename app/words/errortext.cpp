#include "errortext.h"

#include "bytes/escapes.h"
#include "bytes/hex.h"

QString ErrorText::character(char32_t c)
{
    const QString code = QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
    return QStringLiteral("U+%1 \u201c%2\u201d").arg(code, QString::fromUcs4(&c, 1));
}

QString ErrorText::payload(const Payload::Result &result, QStringView text)
{
    const qsizetype pos = result.errorPos;
    const QString at = pos >= 0 ? QString::number(pos + 1) : QString();
    const QString found = pos >= 0 && pos < text.size() ? text.mid(pos, 1).toString() : QString();
    switch (result.error) {
    case Payload::Error::None:
        return {};
    case Payload::Error::Empty:
        return tr("Nothing to send: the payload is empty.");
    case Payload::Error::UnknownEncoding:
        return tr("This encoding is not available.");
    case Payload::Error::BadHex:
        if (Hex::ParseError(result.hexError) == Hex::ParseError::OddDigitCount)
            return tr("Invalid hex at column %1: odd number of digits (write 0A, not A).").arg(at);
        return tr("Invalid hex at column %1: \"%2\" is not a hex digit.").arg(at, found);
    case Payload::Error::BadEscape:
        switch (Escapes::Error(result.escapeError)) {
        case Escapes::Error::BadHexEscape:
            return tr("Bad escape at column %1: \\x needs two hex digits, as in \\x0D.").arg(at);
        case Escapes::Error::TrailingBackslash:
            return tr("Bad escape at column %1: a lone backslash at the end (write \\\\ for a backslash).").arg(at);
        default:
            return tr("Unknown escape at column %1 (known: \\r \\n \\t \\\\ \\0 \\xNN).").arg(at);
        }
    case Payload::Error::Unencodable:
        return tr("Column %1: %2 cannot be written in this encoding; choose another encoding or remove it.")
            .arg(at, character(result.badChar));
    }
    return {};
}

QString ErrorText::port(Endpoint::PortError error)
{
    switch (error) {
    case Endpoint::PortError::None:
        return {};
    case Endpoint::PortError::Empty:
        return tr("Enter a port number.");
    case Endpoint::PortError::NotANumber:
        return tr("A port is a number from 1 to 65535.");
    case Endpoint::PortError::OutOfRange:
        return tr("Port out of range: use 1 to 65535.");
    case Endpoint::PortError::ZeroNotAllowed:
        return tr("Port 0 is not allowed here: use 1 to 65535.");
    }
    return {};
}

QString ErrorText::session(const SessionError &error)
{
    using Kind = SessionError::Kind;
    const QString &detail = error.detail;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Refused:
        return tr("Connection refused: nothing is listening on that port.");
    case Kind::ClosedByPeer:
        return tr("The peer closed or reset the connection.");
    case Kind::HostNotFound:
        return tr("Host not found: check the name or address.");
    case Kind::TimedOut:
        return tr("Connection timed out: the host did not answer.");
    case Kind::AddressInUse:
        return tr("The port is already in use: stop the other program or choose another port.");
    case Kind::AddressNotAvailable:
        return tr("That address does not belong to this machine.");
    case Kind::PermissionDenied:
        return tr("Permission denied: ports below 1024 need administrator rights; choose a port of 1024 or above.");
    case Kind::NetworkUnreachable:
        return tr("No route to the host: the network or the host is unreachable (%1).").arg(detail);
    case Kind::DatagramTooLarge:
        return tr("The datagram is too large for the network (%1).").arg(detail);
    case Kind::PortUnreachable:
        return tr("Nothing is listening at that address and port (the host answered \"port unreachable\").");
    case Kind::Resource:
        return tr("Out of resources (too many open connections?): %1").arg(detail);
    case Kind::Unsupported:
        return tr("Not supported on this system (is IPv6 enabled?): %1").arg(detail);
    case Kind::FamilyMismatch:
        return tr("The socket is bound to an address of the other IP version (IPv4 / IPv6): bind to all interfaces "
                  "to reach both.");
    case Kind::Other:
        break;
    case Kind::TlsUnavailable:
    case Kind::TlsCredentials:
    case Kind::TlsExpired:
    case Kind::TlsNotYetValid:
    case Kind::TlsSelfSigned:
    case Kind::TlsUnknownCa:
    case Kind::TlsNameMismatch:
    case Kind::TlsCertificateInvalid:
    case Kind::TlsPinMismatch:
    case Kind::TlsClientCertificateRequired:
    case Kind::TlsCertificateRejected:
    case Kind::TlsNoSharedProtocol:
    case Kind::TlsNoSharedCipher:
    case Kind::TlsNotTls:
    case Kind::TlsHandshakeFailed:
    case Kind::TlsSeenOnPlain:
        return tls(error);
    }
    return detail.isEmpty() ? tr("Network error.") : tr("Network error: %1").arg(detail);
}

QString ErrorText::tls(const SessionError &error)
{
    using Kind = SessionError::Kind;
    const QString &detail = error.detail;
    // Two-part details (sessionerror.h): "the name checked\nthe names held", "pinned\npresented".
    const QString first = detail.section(u'\n', 0, 0);
    const QString second = detail.section(u'\n', 1);
    switch (error.kind) {
    case Kind::TlsUnavailable:
        return tr("TLS is not available on this system: %1").arg(detail);
    case Kind::TlsCredentials:
        return tr("The certificate, key or CA file cannot be used: %1").arg(detail);
    case Kind::TlsExpired:
        return tr("The peer's certificate has expired (valid until %1).").arg(detail);
    case Kind::TlsNotYetValid:
        return tr("The peer's certificate is not valid yet (valid from %1): check this machine's clock.").arg(detail);
    case Kind::TlsSelfSigned:
        return tr("The peer's certificate is self-signed (%1): give its file as the CA, or trust this certificate.")
            .arg(detail);
    case Kind::TlsUnknownCa:
        return tr("The peer's certificate is signed by an unknown CA (%1): give that CA's file.").arg(detail);
    case Kind::TlsNameMismatch:
        return tr("Name mismatch: the certificate is not for \"%1\"; it names %2. Set the server name to one of them.")
            .arg(first, second.isEmpty() ? tr("nothing") : second);
    case Kind::TlsCertificateInvalid:
        return tr("The peer's certificate was not accepted: %1").arg(detail);
    case Kind::TlsPinMismatch:
        return tr("Pin mismatch: the certificate changed since it was trusted (trusted SHA-256 %1, now %2).")
            .arg(first, second);
    case Kind::TlsClientCertificateRequired:
        return tr("The server requires a client certificate: choose a certificate and key.");
    case Kind::TlsCertificateRejected:
        return detail.isEmpty() ? tr("The peer rejected our certificate.")
                                : tr("The peer rejected our certificate (%1).").arg(detail);
    case Kind::TlsNoSharedProtocol:
        return tr("No TLS version both sides accept (%1).").arg(detail);
    case Kind::TlsNoSharedCipher:
        return tr("The handshake failed: no cipher suite both sides accept, or the peer refused the handshake (%1).")
            .arg(detail);
    case Kind::TlsNotTls:
        return tr("The peer does not speak TLS on this port (plain text came back, or it hung up): use a plain tab, "
                  "or the port for TLS.");
    case Kind::TlsHandshakeFailed:
        return tr("The TLS handshake failed: %1").arg(detail);
    case Kind::TlsSeenOnPlain:
        return tr("The server answered with TLS (first byte 0x16 or 0x15): this port speaks TLS; use a TLS client "
                  "tab.");
    default:
        break;
    }
    return {};
}
