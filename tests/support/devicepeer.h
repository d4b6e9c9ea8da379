#pragma once

// A toy device (tests/support/device_peer.py) started by a test: a Modbus/TCP unit or a text instrument in another
// process, behaving well, wrongly, silently or closing on the first request.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

class DevicePeer
{
public:
    ~DevicePeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // --listen: waits for "port N". --connect PORT: waits for "connected". false (error() says why) otherwise.
    bool start(const QStringList &arguments)
    {
        const QString script
            = qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/tests/support/device_peer.py");
        m_process.start(QStringLiteral("python3"), QStringList {script} + arguments);
        if (!m_process.waitForStarted(5000)) {
            m_error = QStringLiteral("python3 did not start: ") + m_process.errorString();
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (!m_process.canReadLine() && clock.elapsed() < 5000)
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (line.startsWith("port ")) {
            m_port = quint16(line.mid(5).toUInt());
            return true;
        }
        if (line == "connected")
            return true;
        m_error = QStringLiteral("device_peer.py: ") + QString::fromUtf8(line + m_process.readAllStandardError());
        return false;
    }

    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
