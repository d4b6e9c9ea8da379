#include "loopsender.h"

#include <arpa/inet.h>
#include <cerrno>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Posix {

namespace {

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

} // namespace

int connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const sockaddr_in address = loopback(port);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

qint64 writeRepeated(int fd, const QByteArray &pattern, qint64 total)
{
    qint64 written = 0;
    qsizetype offset = 0;
    while (written < total) {
        const qint64 chunk = std::min<qint64>(total - written, pattern.size() - offset);
        const ssize_t n = ::send(fd, pattern.constData() + offset, size_t(chunk), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        written += n;
        offset = (offset + n) % pattern.size();
    }
    return written;
}

void closeFd(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

long raiseFdLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return long(limit.rlim_cur);
}

int openFdCount()
{
    int count = 0;
    if (DIR *dir = ::opendir("/proc/self/fd")) {
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] != '.')
                ++count;
        }
        ::closedir(dir);
    }
    return count;
}

} // namespace Posix

LoopbackSender::LoopbackSender(const QByteArray &pattern, qint64 total)
    : m_pattern(pattern)
    , m_total(total)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = Posix::loopback(0);
    socklen_t length = sizeof address;
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::listen(m_listenFd, 1) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        Posix::closeFd(m_listenFd);
        m_listenFd = -1;
        m_finished = true;
        return;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
}

LoopbackSender::~LoopbackSender()
{
    if (m_thread.joinable()) {
        // Unblocks an accept() that never got its connection.
        ::shutdown(m_listenFd, SHUT_RDWR);
        m_thread.join();
    }
    Posix::closeFd(m_listenFd);
}

void LoopbackSender::run()
{
    const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
        m_written = Posix::writeRepeated(fd, m_pattern, m_total);
        ::close(fd);
    }
    m_finished = true;
}
