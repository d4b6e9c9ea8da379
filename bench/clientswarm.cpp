#include "clientswarm.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

ClientSwarm::ClientSwarm(quint16 port, int count, int broadcastBytes, int window)
    : m_port(port)
    , m_count(count)
    , m_broadcastBytes(broadcastBytes)
    , m_window(window)
{ }

ClientSwarm::~ClientSwarm()
{
    stop();
}

void ClientSwarm::start()
{
    m_thread = std::thread([this] { run(); });
}

void ClientSwarm::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ClientSwarm::run()
{
    std::vector<int> fds;
    fds.reserve(size_t(m_count));
    connectAll(fds);
    pollLoop(fds);
    for (const int fd : fds)
        ::close(fd);
}

void ClientSwarm::connectAll(std::vector<int> &fds)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < m_count && !m_stop; ++i) {
        while (i - m_accepted.load() >= m_window && !m_stop)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            ++m_failed;
            continue;
        }
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
            ::close(fd);
            ++m_failed;
            continue;
        }
        fds.push_back(fd);
        ++m_started;
    }
}

void ClientSwarm::pollLoop(const std::vector<int> &fds)
{
    // epoll rather than poll(): a poll() over 10,000 fds per wake-up would take a core from the GUI thread it measures.
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    for (size_t i = 0; i < fds.size(); ++i) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = i;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fds[i], &event);
    }
    std::vector<int> got(fds.size(), 0);
    std::vector<epoll_event> events(1024);
    char buffer[4096];
    while (!m_stop) {
        const int ready = ::epoll_wait(epoll, events.data(), int(events.size()), 10);
        for (int e = 0; e < ready; ++e) {
            const size_t i = events[size_t(e)].data.u64;
            const ssize_t n = ::recv(fds[i], buffer, sizeof buffer, 0);
            if (n <= 0) {
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, fds[i], nullptr); // closed by the server
                continue;
            }
            const int before = got[i];
            got[i] += int(n);
            if (before < m_broadcastBytes && got[i] >= m_broadcastBytes)
                ++m_gotBroadcast;
        }
    }
    ::close(epoll);
}
