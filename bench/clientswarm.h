#pragma once

#include <QtGlobal>

#include <atomic>
#include <thread>
#include <vector>

// Thousands of idle TCP clients driven by one thread: non-blocking connects (at most window of them ahead of what
// the server has accepted, so the listen backlog never overflows into SYN retransmits a second later), then a
// epoll loop that counts how many clients have received at least broadcastBytes. Closes every socket on stop().
class ClientSwarm
{
public:
    ClientSwarm(quint16 port, int count, int broadcastBytes, int window = 512);
    ~ClientSwarm();
    ClientSwarm(const ClientSwarm &) = delete;
    ClientSwarm &operator=(const ClientSwarm &) = delete;

    void start();
    void stop(); // closes every client and joins

    // The GUI thread reports each accepted client, which lets the next connects go.
    void noteAccepted() { ++m_accepted; }
    int started() const { return m_started.load(); }
    int failed() const { return m_failed.load(); }
    int received() const { return m_gotBroadcast.load(); }

private:
    void run();
    void connectAll(std::vector<int> &fds);
    void pollLoop(const std::vector<int> &fds);

    quint16 m_port;
    int m_count;
    int m_broadcastBytes;
    int m_window;
    std::atomic<int> m_accepted {0};
    std::atomic<int> m_started {0};
    std::atomic<int> m_failed {0};
    std::atomic<int> m_gotBroadcast {0};
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};
