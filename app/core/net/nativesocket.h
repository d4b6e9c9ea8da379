#pragma once

#include <QtGlobal>

// The few socket calls Qt does not offer, the same on POSIX and Winsock: a relay's half-close (StreamChannel) and
// reset (SocketReset) need them. A descriptor is Qt's qintptr; a failure is -1 (sizes) or false, with lastError().
namespace NativeSocket {

int lastError(); // errno or WSAGetLastError()
bool wouldBlock(int error);
bool interrupted(int error);
bool isReset(int error); // the peer reset the connection, or it is gone
qintptr duplicate(qintptr descriptor); // a second descriptor of the same connection, not inherited; -1 on failure
void close(qintptr descriptor);
qint64 pendingBytes(qintptr descriptor); // FIONREAD: bytes the kernel holds to be read
qint64 receive(qintptr descriptor, char *data, qint64 size); // 0: the peer's FIN
qint64 peek(qintptr descriptor, char *byte); // one byte, left in the kernel
qint64 send(qintptr descriptor, const char *data, qint64 size); // no SIGPIPE
void shutdownSend(qintptr descriptor); // our FIN; the peer may still send
void resetOnClose(qintptr descriptor); // SO_LINGER 0: closing it sends a reset (RST), not a FIN

} // namespace NativeSocket
