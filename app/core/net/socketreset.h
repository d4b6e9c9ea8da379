#pragma once

class QAbstractSocket;

namespace SocketReset {

// Closes a TCP socket with a reset (RST) rather than a FIN, as a device that crashes or a firewall that gives up
// would: Qt has no option for it (abort() sends a FIN unless unread data remains), so SO_LINGER with a zero timeout
// is set on the descriptor first (NativeSocket::resetOnClose).
void abortWithReset(QAbstractSocket *socket);

} // namespace SocketReset
