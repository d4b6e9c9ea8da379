#pragma once

#include <QByteArray>

#include <atomic>
#include <thread>

// Plain POSIX sockets on 127.0.0.1, so the far end of every flood costs the GUI thread nothing.
namespace Posix {

int connectLoopback(quint16 port); // blocking connect; -1 on failure
// Writes total bytes cycling through pattern, as fast as the kernel takes them. Returns the bytes written.
qint64 writeRepeated(int fd, const QByteArray &pattern, qint64 total);
void closeFd(int fd);
// Raises RLIMIT_NOFILE to its hard limit; returns the new soft limit.
long raiseFdLimit();
int openFdCount();

} // namespace Posix

// A sender in its own thread: listens on 127.0.0.1 (port 0), accepts one connection, writes total bytes of pattern
// and closes. The receiver under test connects to port().
class LoopbackSender
{
public:
    LoopbackSender(const QByteArray &pattern, qint64 total);
    ~LoopbackSender();
    LoopbackSender(const LoopbackSender &) = delete;
    LoopbackSender &operator=(const LoopbackSender &) = delete;

    quint16 port() const { return m_port; }
    bool isListening() const { return m_listenFd >= 0; }
    qint64 written() const { return m_written.load(); }
    bool finished() const { return m_finished.load(); }

private:
    void run();

    QByteArray m_pattern;
    qint64 m_total;
    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<qint64> m_written {0};
    std::atomic<bool> m_finished {false};
    std::thread m_thread;
};
