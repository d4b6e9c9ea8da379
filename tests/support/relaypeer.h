#pragma once

// One end of a relayed connection in another process (tests/support/relay_peer.py): sends pseudo-random bytes,
// reads until the end, and reports hashes, how the stream ended and (optionally) the size of every recv. Or one end
// of a UDP relay's pair (tests/support/udp_relay_peer.py): a client that counts its echoes, or an echoing target.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QStringList>
#include <QTest>

class RelayPeer
{
public:
    // script: in tests/support; udp_relay_peer.py is a UDP relay's client or echoing target.
    explicit RelayPeer(const char *script = "relay_peer.py")
        : m_script(QString::fromLatin1(script))
    { }
    ~RelayPeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // With --listen (or --echo), waits (blocking: nothing of ours is running yet) for "port N".
    bool start(const QStringList &arguments)
    {
        const QString script
            = qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/tests/support/") + m_script;
        m_process.start(QStringLiteral("python3"), QStringList {script} + arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        if (!arguments.contains(QStringLiteral("--listen")) && !arguments.contains(QStringLiteral("--echo")))
            return true;
        QElapsedTimer clock;
        clock.start();
        while (!m_process.canReadLine() && clock.elapsed() < 10000)
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("port "))
            return false;
        m_port = quint16(line.mid(5).toUInt());
        return true;
    }

    // Turns the event loop (the relay lives in it) until the peer has exited; false on timeout.
    bool finish(int timeoutMs = 120000)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
            QTest::qWait(10);
        if (m_process.state() != QProcess::NotRunning)
            return false;
        const QList<QByteArray> lines = m_process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0)
                m_fields.insert(line.left(space), line.mid(space + 1).trimmed());
        }
        m_stderr = m_process.readAllStandardError();
        return true;
    }

    quint16 port() const { return m_port; }
    // "sent" / "recv": "BYTES SHA256"; "end": eof, reset, expect or timeout; "sizes": comma-separated.
    QByteArray field(const QByteArray &name) const { return m_fields.value(name); }
    QByteArray stderrText() const { return m_stderr; }
    QList<int> sizes() const
    {
        QList<int> out;
        const QByteArray text = field("sizes");
        for (const QByteArray &part : text.split(','))
            if (!part.isEmpty())
                out.append(part.toInt());
        return out;
    }

private:
    QString m_script;
    QProcess m_process;
    quint16 m_port = 0;
    QHash<QByteArray, QByteArray> m_fields;
    QByteArray m_stderr;
};
