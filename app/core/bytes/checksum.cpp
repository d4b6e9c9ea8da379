#include "bytes/checksum.h"

#include <array>

namespace {

// Tables are built at compile time from the catalogue polynomials: MSB-first for CRC-8 and CRC-16/CCITT-FALSE,
// LSB-first (reflected polynomial) for CRC-16/MODBUS and CRC-32.
template<typename T> constexpr std::array<T, 256> msbFirstTable(T poly)
{
    constexpr int shift = sizeof(T) * 8 - 8;
    constexpr T topBit = T(T(1) << (sizeof(T) * 8 - 1));
    std::array<T, 256> table {};
    for (unsigned i = 0; i < 256; ++i) {
        T crc = T(T(i) << shift);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & topBit) ? T(T(crc << 1) ^ poly) : T(crc << 1);
        table[i] = crc;
    }
    return table;
}

template<typename T> constexpr std::array<T, 256> lsbFirstTable(T reflectedPoly)
{
    std::array<T, 256> table {};
    for (unsigned i = 0; i < 256; ++i) {
        T crc = T(i);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? T((crc >> 1) ^ reflectedPoly) : T(crc >> 1);
        table[i] = crc;
    }
    return table;
}

constexpr auto crc8Table = msbFirstTable<quint8>(0x07);
constexpr auto ccittTable = msbFirstTable<quint16>(0x1021);
constexpr auto modbusTable = lsbFirstTable<quint16>(0xa001);
constexpr auto crc32Table = lsbFirstTable<quint32>(0xedb88320);

quint32 crc8(QByteArrayView data)
{
    quint8 crc = 0;
    for (char c : data)
        crc = crc8Table[crc ^ quint8(c)];
    return crc;
}

quint32 crc16Ccitt(QByteArrayView data)
{
    quint16 crc = 0xffff;
    for (char c : data)
        crc = quint16(crc << 8) ^ ccittTable[quint8(crc >> 8) ^ quint8(c)];
    return crc;
}

quint32 crc16Modbus(QByteArrayView data)
{
    quint16 crc = 0xffff;
    for (char c : data)
        crc = quint16(crc >> 8) ^ modbusTable[quint8(crc) ^ quint8(c)];
    return crc;
}

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xffffffff;
    for (char c : data)
        crc = (crc >> 8) ^ crc32Table[quint8(crc) ^ quint8(c)];
    return crc ^ 0xffffffff;
}

struct Entry
{
    Checksum::Algorithm algorithm;
    const char *id;
    int width;
};

constexpr Entry entries[] = {
    {Checksum::Algorithm::None, "none", 0},
    {Checksum::Algorithm::Sum8, "sum8", 1},
    {Checksum::Algorithm::Xor8, "xor8", 1},
    {Checksum::Algorithm::Crc8, "crc8", 1},
    {Checksum::Algorithm::Crc16Modbus, "crc16-modbus", 2},
    {Checksum::Algorithm::Crc16CcittFalse, "crc16-ccitt-false", 2},
    {Checksum::Algorithm::Crc32, "crc32", 4},
};

const Entry &entry(Checksum::Algorithm algorithm)
{
    for (const Entry &e : entries) {
        if (e.algorithm == algorithm)
            return e;
    }
    return entries[0];
}

} // namespace

namespace Checksum {

const QList<Algorithm> &all()
{
    static const QList<Algorithm> list = [] {
        QList<Algorithm> algorithms;
        for (const Entry &e : entries)
            algorithms.append(e.algorithm);
        return algorithms;
    }();
    return list;
}

int width(Algorithm algorithm)
{
    return entry(algorithm).width;
}

quint32 value(Algorithm algorithm, QByteArrayView data)
{
    switch (algorithm) {
    case Algorithm::None:
        return 0;
    case Algorithm::Sum8: {
        quint8 sum = 0;
        for (char c : data)
            sum = quint8(sum + quint8(c));
        return sum;
    }
    case Algorithm::Xor8: {
        quint8 x = 0;
        for (char c : data)
            x ^= quint8(c);
        return x;
    }
    case Algorithm::Crc8:
        return crc8(data);
    case Algorithm::Crc16Modbus:
        return crc16Modbus(data);
    case Algorithm::Crc16CcittFalse:
        return crc16Ccitt(data);
    case Algorithm::Crc32:
        return crc32(data);
    }
    return 0;
}

ByteOrder naturalOrder(Algorithm algorithm)
{
    return algorithm == Algorithm::Crc16Modbus ? ByteOrder::LittleEndian : ByteOrder::BigEndian;
}

QByteArray bytes(Algorithm algorithm, QByteArrayView data, ByteOrder order)
{
    const int n = width(algorithm);
    const quint32 v = value(algorithm, data);
    QByteArray out(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i) {
        const int shift = order == ByteOrder::BigEndian ? (n - 1 - i) * 8 : i * 8;
        out[i] = char((v >> shift) & 0xff);
    }
    return out;
}

QByteArray id(Algorithm algorithm)
{
    return QByteArray(entry(algorithm).id);
}

Algorithm fromId(QByteArrayView id)
{
    for (const Entry &e : entries) {
        if (id == QByteArrayView(e.id))
            return e.algorithm;
    }
    return Algorithm::None;
}

} // namespace Checksum
