#include "net/endpoint.h"

namespace Endpoint {

QHostAddress normalized(const QHostAddress &address)
{
    // Only IPv6Protocol is touched: Any (AnyIPProtocol) must keep meaning dual stack. The bytes are checked by hand
    // because Qt 6.4's toIPv4Address(&ok) also says ok for "::", which must stay IPv6 (listening on it differs).
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR a6 = address.toIPv6Address();
    for (int i = 0; i < 10; ++i) {
        if (a6[i] != 0)
            return address;
    }
    if (a6[10] != 0xff || a6[11] != 0xff)
        return address;
    return QHostAddress(quint32(a6[12]) << 24 | quint32(a6[13]) << 16 | quint32(a6[14]) << 8 | quint32(a6[15]));
}

QString formatAddress(const QHostAddress &address)
{
    // QHostAddress::toString() already appends "%scope" to IPv6 addresses that carry one.
    return normalized(address).toString();
}

QString format(const QHostAddress &address, quint16 port)
{
    const QHostAddress a = normalized(address);
    if (a.isNull())
        return {};
    const QString portText = QString::number(port);
    // QHostAddress::Any (dual stack) prints as "0.0.0.0"; AnyIPv6 is "::" and gets brackets like any IPv6 literal.
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + a.toString() + QLatin1String("]:") + portText;
    return a.toString() + QLatin1Char(':') + portText;
}

QString unbracketed(const QString &host)
{
    const QString target = host.trimmed();
    if (target.startsWith(u'[') && target.endsWith(u']'))
        return target.mid(1, target.size() - 2);
    return target;
}

PortResult parsePort(QStringView text, bool allowZero)
{
    PortResult result;
    QStringView t = text.trimmed();
    if (t.isEmpty()) {
        result.error = PortError::Empty;
        return result;
    }
    // "-1" is a number, just not a port: saying "out of range" helps the user more than "not a number".
    bool negative = false;
    if (t.startsWith(u'-')) {
        negative = true;
        t = t.mid(1);
    }
    if (t.isEmpty()) {
        result.error = PortError::NotANumber;
        return result;
    }
    quint32 value = 0;
    bool tooBig = false;
    for (const QChar c : t) {
        // ASCII only: QChar::isDigit() would also accept Arabic-Indic and full-width digits.
        if (c < u'0' || c > u'9') {
            result.error = PortError::NotANumber;
            return result;
        }
        if (!tooBig) {
            value = value * 10 + quint32(c.unicode() - u'0');
            tooBig = value > 65535; // stop accumulating before a long digit string could overflow
        }
    }
    if (tooBig || (negative && value != 0)) {
        result.error = PortError::OutOfRange;
        return result;
    }
    if (value == 0 && !allowZero) {
        result.error = PortError::ZeroNotAllowed;
        return result;
    }
    result.port = quint16(value);
    return result;
}

PortRange range(quint16 port)
{
    if (port <= 1023)
        return PortRange::WellKnown;
    if (port <= 49151)
        return PortRange::Registered;
    return PortRange::Dynamic;
}

namespace {

bool isAllAsciiDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !text.isEmpty();
}

HostPort withPort(HostPort hp, QStringView portText, bool allowZeroPort)
{
    if (portText.trimmed().isEmpty()) {
        hp.error = HostPortError::MissingPort;
        return hp;
    }
    const PortResult p = parsePort(portText, allowZeroPort);
    if (!p.ok()) {
        hp.error = HostPortError::BadPort;
        return hp;
    }
    hp.port = p.port;
    return hp;
}

} // namespace

HostPort parseHostPort(QStringView text, bool allowBarePort, bool allowZeroPort)
{
    HostPort hp;
    const QStringView t = text.trimmed();
    if (t.isEmpty()) {
        hp.error = HostPortError::Empty;
        return hp;
    }

    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        const QStringView inside = close < 0 ? QStringView() : t.mid(1, close - 1);
        // Brackets exist for IPv6 literals only (RFC 3986); "[example.com]:80" is a typo, not a host.
        if (close < 0 || QHostAddress(inside.toString()).protocol() != QAbstractSocket::IPv6Protocol) {
            hp.error = HostPortError::BadBrackets;
            return hp;
        }
        hp.host = inside.toString();
        const QStringView rest = t.mid(close + 1);
        if (rest.isEmpty()) {
            hp.error = HostPortError::MissingPort;
            return hp;
        }
        if (!rest.startsWith(u':')) {
            hp.error = HostPortError::BadBrackets;
            return hp;
        }
        return withPort(hp, rest.mid(1), allowZeroPort);
    }
    if (t.contains(u']')) {
        hp.error = HostPortError::BadBrackets;
        return hp;
    }

    const qsizetype colons = t.count(u':');
    if (colons == 0) {
        if (allowBarePort && isAllAsciiDigits(t))
            return withPort(hp, t, allowZeroPort);
        hp.host = t.toString();
        hp.error = HostPortError::MissingPort;
        return hp;
    }
    if (colons > 1) {
        // An IPv6 literal without brackets cannot carry a port: "::1:8000" is itself a valid address. A text that
        // parses as one is reported as a missing port (the UI suggests "[addr]:port"); anything else is malformed.
        if (QHostAddress(t.toString()).protocol() == QAbstractSocket::IPv6Protocol) {
            hp.host = t.toString();
            hp.error = HostPortError::MissingPort;
        } else {
            hp.error = HostPortError::BadBrackets;
        }
        return hp;
    }

    const qsizetype colon = t.indexOf(u':');
    const QStringView host = t.left(colon).trimmed();
    if (host.isEmpty() && !allowBarePort) {
        // ":8000" names no host; with allowBarePort it means the same as "8000".
        hp.error = HostPortError::Empty;
        return hp;
    }
    hp.host = host.toString();
    return withPort(hp, t.mid(colon + 1), allowZeroPort);
}

} // namespace Endpoint
