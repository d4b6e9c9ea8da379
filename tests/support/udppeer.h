#pragma once

// A python3 UDP peer (tests/support/udp_peer.py) started by a test: a real socket in another process.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QStringList>
#include <QTest>

class UdpPeer
{
public:
    struct Datagram
    {
        QString address;
        quint16 port = 0;
        QByteArray data;
    };

    ~UdpPeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(2000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // false when python3 or the bind failed; error() says why.
    bool start(const QStringList &arguments = {})
    {
        const QString script
            = qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/tests/support/udp_peer.py");
        m_process.start(QStringLiteral("python3"), QStringList {script} + arguments);
        if (!m_process.waitForStarted(5000))
            return fail(QStringLiteral("python3 did not start: ") + m_process.errorString());
        const QByteArray line = readLine(5000);
        if (!line.startsWith("port "))
            return fail(QStringLiteral("udp_peer.py: ") + QString::fromUtf8(line + m_process.readAllStandardError()));
        m_port = quint16(line.mid(5).trimmed().toUInt());
        return true;
    }

    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

    bool send(const QString &host, quint16 port, const QByteArray &data)
    {
        m_process.write(
            QStringLiteral("send %1 %2 %3\n").arg(host).arg(port).arg(QString::fromLatin1(data.toHex())).toLatin1());
        for (;;) {
            const QByteArray line = readLine(5000);
            if (line.isEmpty())
                return false;
            if (line.startsWith("sent "))
                return line == "sent " + QByteArray::number(data.size());
            keep(line);
        }
    }

    // Waits (bounded) until count datagrams have arrived since the last take, and returns them.
    QList<Datagram> take(int count, int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_received.size() < count && clock.elapsed() < timeoutMs) {
            const QByteArray line = readLine(int(timeoutMs - clock.elapsed()));
            if (line.isEmpty())
                break;
            keep(line);
        }
        const QList<Datagram> out = m_received.mid(0, count);
        m_received.remove(0, out.size());
        return out;
    }

private:
    void keep(const QByteArray &line)
    {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.value(0) == "rx" && parts.size() >= 3)
            m_received.append(
                {QString::fromLatin1(parts.at(1)), quint16(parts.at(2).toUInt()), QByteArray::fromHex(parts.value(3))});
    }

    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    // The peer's answers come while the test's event loop must keep running (the session's sockets live there).
    QByteArray readLine(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_process.canReadLine() && clock.elapsed() < timeoutMs && m_process.state() == QProcess::Running)
            QTest::qWait(5);
        return m_process.canReadLine() ? m_process.readLine().trimmed() : QByteArray();
    }

    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QList<Datagram> m_received;
};
