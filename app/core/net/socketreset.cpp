#include "net/socketreset.h"

#include <QAbstractSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

void SocketReset::resetOnClose(qintptr descriptor)
{
    if (descriptor == -1)
        return;
    linger option {};
    option.l_onoff = 1;
    option.l_linger = 0;
#ifdef Q_OS_WIN
    const SOCKET handle = SOCKET(descriptor);
#else
    const int handle = int(descriptor);
#endif
    ::setsockopt(handle, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option), int(sizeof option));
}

void SocketReset::abortWithReset(QAbstractSocket *socket)
{
    resetOnClose(socket->socketDescriptor());
    socket->abort();
}
