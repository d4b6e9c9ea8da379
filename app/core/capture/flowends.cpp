#include "capture/flowends.h"

#include <QHash>

#include <cstring>

namespace {

bool isIPv4Mapped(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 10; ++i) {
        if (bytes[i] != 0)
            return false;
    }
    return bytes[10] == 0xff && bytes[11] == 0xff;
}

QHostAddress unmapped(const QHostAddress &address)
{
    // Not toIPv4Address(&ok) alone: Qt 6.4 also converts "::" and "::1"-like compatible forms.
    return isIPv4Mapped(address) ? QHostAddress(address.toIPv4Address()) : address;
}

bool isUnspecified(const QHostAddress &address)
{
    return address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
        || address == QHostAddress::Any;
}

QHostAddress unspecifiedLike(const QHostAddress &other)
{
    return other.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::AnyIPv6)
                                                             : QHostAddress(QHostAddress::AnyIPv4);
}

QHostAddress asIPv6(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return address;
    Q_IPV6ADDR bytes {};
    const quint32 v4 = address.toIPv4Address();
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    bytes[12] = quint8(v4 >> 24);
    bytes[13] = quint8(v4 >> 16);
    bytes[14] = quint8(v4 >> 8);
    bytes[15] = quint8(v4);
    return QHostAddress(bytes);
}

void store(const QHostAddress &address, bool ipv6, std::array<quint8, 16> &out)
{
    out.fill(0);
    if (ipv6) {
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(out.data(), bytes.c, 16);
    } else {
        const quint32 v4 = address.toIPv4Address();
        out[0] = quint8(v4 >> 24);
        out[1] = quint8(v4 >> 16);
        out[2] = quint8(v4 >> 8);
        out[3] = quint8(v4);
    }
}

} // namespace

FlowEnds FlowEnds::normalized() const
{
    FlowEnds out = *this;
    out.localAddress = unmapped(localAddress);
    out.remoteAddress = unmapped(remoteAddress);
    const bool localAny = isUnspecified(out.localAddress);
    const bool remoteAny = isUnspecified(out.remoteAddress);
    if (localAny && remoteAny) {
        const bool v6 = out.localAddress.protocol() == QAbstractSocket::IPv6Protocol
            && out.remoteAddress.protocol() == QAbstractSocket::IPv6Protocol;
        out.localAddress = v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
        out.remoteAddress = out.localAddress;
    } else if (localAny) {
        out.localAddress = unspecifiedLike(out.remoteAddress);
    } else if (remoteAny) {
        out.remoteAddress = unspecifiedLike(out.localAddress);
    } else if (out.localAddress.protocol() != out.remoteAddress.protocol()) {
        out.localAddress = asIPv6(out.localAddress);
        out.remoteAddress = asIPv6(out.remoteAddress);
    }
    return out;
}

WireEnds WireEnds::from(const FlowEnds &ends)
{
    const FlowEnds n = ends.normalized();
    WireEnds out;
    out.ipv6 = n.localAddress.protocol() == QAbstractSocket::IPv6Protocol;
    store(n.localAddress, out.ipv6, out.local);
    store(n.remoteAddress, out.ipv6, out.remote);
    out.localPort = n.localPort;
    out.remotePort = n.remotePort;
    return out;
}

size_t qHash(const WireEnds &ends, size_t seed)
{
    seed = qHashBits(ends.local.data(), ends.local.size(), seed);
    seed = qHashBits(ends.remote.data(), ends.remote.size(), seed);
    return qHashMulti(seed, ends.ipv6, ends.localPort, ends.remotePort);
}
