#pragma once

#include <QByteArray>
#include <QList>

// Checksums appended to a payload. Parameters follow the CRC catalogue (reveng), verified by the check value of
// "123456789": SUM8 0xDD, XOR8 0x31, CRC-8 0xF4, CRC-16/MODBUS 0x4B37, CRC-16/CCITT-FALSE 0x29B1, CRC-32 0xCBF43926.
namespace Checksum {

enum class Algorithm { None, Sum8, Xor8, Crc8, Crc16Modbus, Crc16CcittFalse, Crc32 };
enum class ByteOrder { BigEndian, LittleEndian };

const QList<Algorithm> &all(); // in menu order, None first
int width(Algorithm algorithm); // bytes appended: 0, 1, 2 or 4
quint32 value(Algorithm algorithm, QByteArrayView data);
// The order a protocol normally uses: Modbus RTU sends its CRC low byte first, the others high byte first.
ByteOrder naturalOrder(Algorithm algorithm);
QByteArray bytes(Algorithm algorithm, QByteArrayView data, ByteOrder order);
// Stable identifiers for settings and files ("crc16-modbus"); fromId returns None for unknown ids.
QByteArray id(Algorithm algorithm);
Algorithm fromId(QByteArrayView id);

} // namespace Checksum
