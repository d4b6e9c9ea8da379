#pragma once

#include <QHostAddress>
#include <QString>

// How NetAssist writes and reads addresses and ports.
namespace Endpoint {

// An IPv4-mapped IPv6 address (::ffff:127.0.0.1, what a dual-stack server reports) becomes plain IPv4.
QHostAddress normalized(const QHostAddress &address);
// "192.168.1.5", "::1", "fe80::1%eth0" (after normalized()).
QString formatAddress(const QHostAddress &address);
// "192.168.1.5:502", "[::1]:8000", "[fe80::1%eth0]:80"; QHostAddress::Any gives "0.0.0.0:8000" (as Qt prints it),
// AnyIPv6 "[::]:8000"; a null address "".
QString format(const QHostAddress &address, quint16 port);

// A host as typed, trimmed and without the brackets of an IPv6 literal ("[::1]" -> "::1"), for Qt's lookups.
QString unbracketed(const QString &host);

enum class PortError { None, Empty, NotANumber, OutOfRange, ZeroNotAllowed };
struct PortResult
{
    quint16 port = 0;
    PortError error = PortError::None;
    bool ok() const { return error == PortError::None; }
};
// Decimal 0..65535 (surrounding spaces allowed); zero only when allowZero (listen on an OS-chosen port).
// ASCII digits only, no '+'; a negative number ("-1") is OutOfRange, "-0" is zero.
PortResult parsePort(QStringView text, bool allowZero = false);

// System ports need privileges on most systems; the UI hints at that.
enum class PortRange { WellKnown, Registered, Dynamic }; // 0..1023, 1024..49151, 49152..65535
PortRange range(quint16 port);

enum class HostPortError { None, Empty, MissingPort, BadPort, BadBrackets };
struct HostPort
{
    QString host; // name or literal address, without brackets
    quint16 port = 0;
    HostPortError error = HostPortError::None;
    bool ok() const { return error == HostPortError::None; }
};
// "host:port", "1.2.3.4:80", "[::1]:8000", "[fe80::1%eth0]:80"; with allowBarePort also "8000" and ":8000" (host
// empty). Errors: Empty for "" (or ":80" without allowBarePort); MissingPort for a host alone, "host:", "[::1]" and
// a bare IPv6 literal ("::1", even "::1:8000", which is a valid address: the UI should suggest "[addr]:port");
// BadBrackets for unbalanced brackets, brackets around something that is not an IPv6 literal, text after ']' that
// is not ":port", or several colons that do not form an IPv6 address; BadPort for any PortError.
// On MissingPort, host holds what was read so the UI can keep it.
HostPort parseHostPort(QStringView text, bool allowBarePort = false, bool allowZeroPort = false);

} // namespace Endpoint
