#pragma once

// A real TCP connection for the runner tests: a small line-based "device" on a QTcpServer, and the
// SequenceChannel the runner drives, the client socket, framing what it receives by LF (as a tab set to
// Delimiter LF would) and telling the runner when the connection goes away.

#include "loopbacktesting.h"
#include "script/sequencechannel.h"
#include "script/sequencerunner.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

// Answers each line it receives:
//   PING -> PONG          COUNT -> N=<how many COUNTs so far>     TWICE -> A, B (one write)
//   THREE -> A, B, C      QUIET -> nothing                         SLOW -> LATE, 30 ms later
//   BYE -> BYE, then closes                                        CLOSE -> closes at once
// anything else -> "?" + the line. Every line it got is kept in `received`.
class LoopbackDevice : public QObject
{
public:
    QTcpServer server;
    QTcpSocket *socket = nullptr;
    QList<QByteArray> received;
    int counts = 0;

    void attach(QTcpSocket *accepted)
    {
        socket = accepted;
        connect(socket, &QTcpSocket::readyRead, this, [this] {
            m_buffer += socket->readAll();
            for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
                const QByteArray line = m_buffer.left(end);
                m_buffer.remove(0, end + 1);
                received.append(line);
                answer(line);
            }
        });
    }

    // Writes without being asked, as a device's banner or a late reply would.
    void say(const QByteArray &bytes) { socket->write(bytes); }

private:
    void answer(const QByteArray &line)
    {
        if (line == "PING") {
            socket->write("PONG\n");
        } else if (line == "COUNT") {
            socket->write("N=" + QByteArray::number(++counts) + '\n');
        } else if (line == "TWICE") {
            socket->write("A\nB\n");
        } else if (line == "THREE") {
            socket->write("A\nB\nC\n");
        } else if (line == "SLOW") {
            QTimer::singleShot(30, socket, [s = socket] { s->write("LATE\n"); });
        } else if (line == "BYE") {
            socket->write("BYE\n");
            socket->disconnectFromHost();
        } else if (line == "CLOSE") {
            socket->disconnectFromHost();
        } else if (line != "QUIET") {
            socket->write('?' + line + '\n');
        }
    }

    QByteArray m_buffer;
};

class TcpChannel : public SequenceChannel
{
public:
    QTcpSocket socket;
    SequenceRunner *runner = nullptr;
    bool refuse = false; // send() reaches no peer, as a server tab with no client selected
    QList<SequenceTarget> targets; // of every send

    explicit TcpChannel(SequenceRunner *r)
        : runner(r)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            m_buffer += socket.readAll();
            for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
                runner->frameReceived(m_buffer.left(end + 1));
                m_buffer.remove(0, end + 1);
            }
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { runner->channelClosed(); });
    }

    bool isOpen() const override { return socket.state() == QAbstractSocket::ConnectedState; }

    int send(const QByteArray &bytes, SequenceTarget target) override
    {
        targets.append(target);
        if (refuse)
            return 0;
        return socket.write(bytes) == bytes.size() ? 1 : 0;
    }

private:
    QByteArray m_buffer;
};

// A runner, its channel and the device at the far end, connected.
struct LoopbackBench
{
    SequenceRunner runner;
    TcpChannel channel {&runner};
    LoopbackDevice device;

    static std::unique_ptr<LoopbackBench> connected()
    {
        auto bench = std::make_unique<LoopbackBench>();
        if (!bench->device.server.listen(QHostAddress::LocalHost, 0))
            return nullptr;
        bench->channel.socket.connectToHost(QHostAddress::LocalHost, bench->device.server.serverPort());
        if (!bench->channel.socket.waitForConnected(5000))
            return nullptr;
        QTcpSocket *accepted = LoopbackTesting::acceptOne(bench->device.server);
        if (!accepted)
            return nullptr;
        bench->device.attach(accepted);
        bench->runner.setChannel(&bench->channel);
        return bench;
    }
};
