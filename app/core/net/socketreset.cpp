#include "net/socketreset.h"

#include "net/nativesocket.h"

#include <QAbstractSocket>

void SocketReset::abortWithReset(QAbstractSocket *socket)
{
    NativeSocket::resetOnClose(socket->socketDescriptor());
    socket->abort();
}
