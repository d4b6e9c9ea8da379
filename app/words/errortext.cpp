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
    }
    return detail.isEmpty() ? tr("Network error.") : tr("Network error: %1").arg(detail);
}
