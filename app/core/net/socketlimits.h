#pragma once

#include <QtGlobal>

// Numbers every transport shares, so that they are chosen in one place.
namespace SocketLimits {

// Qt's default read buffer (0) reads everything the kernel holds on each notification: under a flood that is several
// MB per read into freshly mapped memory, a GUI stall of 150-350 ms and a log record of MBs. 256 KiB per read keeps
// the loop turning (bench: stall max 350 -> 16 ms, ingest 0.40 -> 0.6 of a bare socket); Qt reads on once drained.
constexpr qint64 ReadChunkBytes = 256 * 1024;

// A burst of datagrams while the window is busy painting must not overflow the kernel's queue: Linux clamps this
// to net.core.rmem_max (212,992 bytes by default), other systems take it as it is.
constexpr int DatagramReceiveBufferBytes = 4 * 1024 * 1024;

// How long one event-loop turn reads datagrams before the window gets its turn, and how often the clock is read
// (bench: a fixed 256 datagrams a turn made 1,400-byte floods slower; 8 ms keeps the stall far below 50 ms).
constexpr qint64 DatagramReadSliceMs = 8;
constexpr int DatagramTimeCheckEvery = 32;

// What a new tab offers until the user types another port.
constexpr quint16 DefaultPort = 8000;
constexpr quint16 DefaultUdpPort = 9000;

} // namespace SocketLimits
