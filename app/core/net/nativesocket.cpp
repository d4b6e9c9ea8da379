#include "net/nativesocket.h"

#include <algorithm>
#include <climits>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#ifdef Q_OS_WIN
namespace {
using Native = SOCKET;
} // namespace

int NativeSocket::lastError()
{
    return WSAGetLastError();
}
bool NativeSocket::wouldBlock(int error)
{
    return error == WSAEWOULDBLOCK;
}
bool NativeSocket::interrupted(int error)
{
    return error == WSAEINTR;
}
bool NativeSocket::isReset(int error)
{
    return error == WSAECONNRESET || error == WSAECONNABORTED || error == WSAESHUTDOWN;
}
qintptr NativeSocket::duplicate(qintptr descriptor)
{
    WSAPROTOCOL_INFOW info;
    if (WSADuplicateSocketW(Native(descriptor), GetCurrentProcessId(), &info) != 0)
        return -1;
    // As Qt makes its own sockets: overlapped, and not inherited by child processes (which would keep the
    // connection open after we close it).
    const Native copy = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0,
        WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (copy == INVALID_SOCKET)
        return -1;
    // Usually refused (WSAEINVAL) while Qt's WSAAsyncSelect registration is shared with the copy, which is
    // non-blocking already; asked anyway for the case where it is not.
    u_long nonBlocking = 1;
    ioctlsocket(copy, FIONBIO, &nonBlocking);
    return qintptr(copy);
}
void NativeSocket::close(qintptr descriptor)
{
    closesocket(Native(descriptor));
}
qint64 NativeSocket::pendingBytes(qintptr descriptor)
{
    u_long n = 0;
    return ioctlsocket(Native(descriptor), FIONREAD, &n) == 0 ? qint64(n) : 0;
}
qint64 NativeSocket::receive(qintptr descriptor, char *data, qint64 size)
{
    return ::recv(Native(descriptor), data, int(std::min<qint64>(size, INT_MAX)), 0);
}
qint64 NativeSocket::peek(qintptr descriptor, char *byte)
{
    return ::recv(Native(descriptor), byte, 1, MSG_PEEK);
}
qint64 NativeSocket::send(qintptr descriptor, const char *data, qint64 size)
{
    return ::send(Native(descriptor), data, int(std::min<qint64>(size, INT_MAX)), 0);
}
void NativeSocket::shutdownSend(qintptr descriptor)
{
    ::shutdown(Native(descriptor), SD_SEND);
}
#else
int NativeSocket::lastError()
{
    return errno;
}
bool NativeSocket::wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}
bool NativeSocket::interrupted(int error)
{
    return error == EINTR;
}
bool NativeSocket::isReset(int error)
{
    return error == ECONNRESET || error == EPIPE || error == ECONNABORTED;
}
qintptr NativeSocket::duplicate(qintptr descriptor)
{
    // The copy shares the open file description, so it is non-blocking as Qt made it.
    return ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
}
void NativeSocket::close(qintptr descriptor)
{
    ::close(int(descriptor));
}
qint64 NativeSocket::pendingBytes(qintptr descriptor)
{
    int n = 0;
    return ::ioctl(int(descriptor), FIONREAD, &n) == 0 ? qint64(n) : 0;
}
qint64 NativeSocket::receive(qintptr descriptor, char *data, qint64 size)
{
    return ::recv(int(descriptor), data, size_t(size), 0);
}
qint64 NativeSocket::peek(qintptr descriptor, char *byte)
{
    return ::recv(int(descriptor), byte, 1, MSG_PEEK);
}
qint64 NativeSocket::send(qintptr descriptor, const char *data, qint64 size)
{
#ifdef MSG_NOSIGNAL
    constexpr int Flags = MSG_NOSIGNAL; // a peer's reset must not kill the process with SIGPIPE
#else
    constexpr int Flags = 0; // macOS: Qt set SO_NOSIGPIPE on the socket, which the copy shares
#endif
    return ::send(int(descriptor), data, size_t(size), Flags);
}
void NativeSocket::shutdownSend(qintptr descriptor)
{
    ::shutdown(int(descriptor), SHUT_WR);
}
#endif

void NativeSocket::resetOnClose(qintptr descriptor)
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
