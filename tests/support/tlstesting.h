#pragma once

// Certificates made at run time with the openssl command (no private key is committed), and TLS peers in other
// processes: tests/support/tls_peer.py (python3's ssl), openssl s_server and s_client.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace TlsTesting {

inline bool run(const QString &program, const QStringList &arguments, const QString &dir, QString *error,
    QByteArray *output = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + u' ' + arguments.join(u' ') + QStringLiteral(": ")
            + QString::fromUtf8(process.readAllStandardError()) + process.errorString();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

// In one temporary directory: ca (the test CA), server (CN=localhost, SANs localhost and 127.0.0.1, by ca), expired
// and future (same names, by ca, outside their validity), other (CN=other.example only, by ca), self (self-signed
// localhost), rogue-ca and rogue (a localhost certificate by a CA nobody trusts), client (CN=NetAssist Client, by
// ca; also as client.p12 with password "secret") and rogue-client (by rogue-ca). EC P-256 keys: fast to make.
// path("server") is the certificate .pem, key("server") its key.
class Certificates
{
public:
    bool make()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary directory"));
        QFile config(file(QStringLiteral("ca.cnf")));
        if (!config.open(QIODevice::WriteOnly))
            return fail(config.errorString());
        config.write("[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\n"
                     "default_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n"
                     "[p]\ncommonName=supplied\n");
        config.close();
        QFile(m_dir.filePath(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
        QFile serial(m_dir.filePath(QStringLiteral("serial")));
        serial.open(QIODevice::WriteOnly);
        serial.write("1000\n");
        serial.close();
        return selfSigned(QStringLiteral("ca"), QStringLiteral("/CN=NetAssist Test CA"), true)
            && selfSigned(QStringLiteral("rogue-ca"), QStringLiteral("/CN=Rogue CA"), true)
            && selfSigned(QStringLiteral("self"), QStringLiteral("/CN=localhost"), false)
            && signedBy(QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("/CN=localhost"),
                QString::fromLatin1(Localhost))
            && signedBy(QStringLiteral("expired"), QStringLiteral("ca"), QStringLiteral("/CN=localhost"),
                QString::fromLatin1(Localhost), QStringLiteral("20200101000000Z"), QStringLiteral("20200201000000Z"))
            && signedBy(QStringLiteral("future"), QStringLiteral("ca"), QStringLiteral("/CN=localhost"),
                QString::fromLatin1(Localhost), QStringLiteral("20990101000000Z"), QStringLiteral("20991231000000Z"))
            && signedBy(QStringLiteral("other"), QStringLiteral("ca"), QStringLiteral("/CN=other.example"),
                QStringLiteral("subjectAltName=DNS:other.example"))
            && signedBy(QStringLiteral("rogue"), QStringLiteral("rogue-ca"), QStringLiteral("/CN=localhost"),
                QString::fromLatin1(Localhost))
            && signedBy(QStringLiteral("client"), QStringLiteral("ca"), QStringLiteral("/CN=NetAssist Client"), {})
            && signedBy(
                QStringLiteral("rogue-client"), QStringLiteral("rogue-ca"), QStringLiteral("/CN=Rogue Client"), {})
            && TlsTesting::run(QStringLiteral("openssl"),
                {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"), path(u"client"),
                    QStringLiteral("-inkey"), key(u"client"), QStringLiteral("-certfile"), path(u"ca"),
                    QStringLiteral("-out"), m_dir.filePath(QStringLiteral("client.p12")), QStringLiteral("-passout"),
                    QStringLiteral("pass:secret")},
                m_dir.path(), &m_error);
    }

    QString path(QStringView name) const { return m_dir.filePath(name.toString() + QStringLiteral(".pem")); }
    QString key(QStringView name) const { return m_dir.filePath(name.toString() + QStringLiteral(".key")); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }
    QString error() const { return m_error; }

    // openssl's own SHA-256 of a certificate, lower-case hex without separators (what TlsCertificateInfo holds).
    QByteArray sha256(QStringView name)
    {
        QByteArray output;
        if (!TlsTesting::run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-in"), path(name), QStringLiteral("-noout"),
                    QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
                m_dir.path(), &m_error, &output))
            return {};
        const QByteArray line = output.trimmed();
        return line.mid(line.indexOf('=') + 1).replace(":", "").toLower();
    }

private:
    static constexpr const char *Localhost = "subjectAltName=DNS:localhost,IP:127.0.0.1";

    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    bool selfSigned(const QString &name, const QString &subject, bool ca)
    {
        QStringList arguments {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key(name), QStringLiteral("-out"), path(name),
            QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), subject};
        if (!ca)
            arguments << QStringLiteral("-addext") << QString::fromLatin1(Localhost);
        return TlsTesting::run(QStringLiteral("openssl"), arguments, m_dir.path(), &m_error);
    }

    bool signedBy(const QString &name, const QString &ca, const QString &subject, const QString &extension,
        const QString &start = {}, const QString &end = {})
    {
        QStringList request {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key(name), QStringLiteral("-out"),
            name + QStringLiteral(".csr"), QStringLiteral("-subj"), subject};
        if (!extension.isEmpty())
            request << QStringLiteral("-addext") << extension;
        if (!TlsTesting::run(QStringLiteral("openssl"), request, m_dir.path(), &m_error))
            return false;
        QStringList sign {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
            QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"), path(ca),
            QStringLiteral("-keyfile"), key(ca), QStringLiteral("-in"), name + QStringLiteral(".csr"),
            QStringLiteral("-out"), path(name)};
        if (start.isEmpty())
            sign << QStringLiteral("-days") << QStringLiteral("30");
        else
            sign << QStringLiteral("-startdate") << start << QStringLiteral("-enddate") << end;
        return TlsTesting::run(QStringLiteral("openssl"), sign, m_dir.path(), &m_error);
    }

    QTemporaryDir m_dir;
    QString m_error;
};

// A peer process that reports on stdout line by line (tls_peer.py, openssl s_server / s_client).
class Peer
{
public:
    ~Peer() { stop(); }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // tls_peer.py with these arguments; for a server, waits for "port N".
    bool startScript(const QStringList &arguments)
    {
        const QString script
            = qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/tests/support/tls_peer.py");
        m_process.start(QStringLiteral("python3"), QStringList {script} + arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        if (arguments.value(0) != u"server")
            return true;
        const QByteArray line = waitForLine("port ");
        m_port = quint16(line.mid(5).toUInt());
        return m_port != 0;
    }

    // Any program; merged stdout and stderr (openssl prints its verdicts on either).
    bool start(const QString &program, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program, arguments);
        return m_process.waitForStarted(5000);
    }

    // The first line starting with prefix (lines before it are kept in lines()); empty after 10 s or at the end.
    QByteArray waitForLine(const QByteArray &prefix, int timeoutMs = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                m_lines.append(line);
                if (line.startsWith(prefix))
                    return line;
            }
            if (clock.elapsed() > timeoutMs)
                return {};
            // The event loop turns meanwhile: the session under test in this process must go on handshaking.
            QTest::qWait(10);
            if (m_process.state() == QProcess::NotRunning && !m_process.canReadLine() && !m_process.bytesAvailable())
                return {};
        }
    }
    // Waits until the output (from now on, ignoring lines) contains text; openssl does not end every line.
    bool waitForText(const QByteArray &text, int timeoutMs = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_text.contains(text) && clock.elapsed() < timeoutMs) {
            QTest::qWait(10);
            m_text += m_process.readAll();
        }
        return m_text.contains(text);
    }
    QByteArray text() const { return m_text; }
    // The bytes of every "got HEX" line so far (after reading what is there).
    QByteArray received()
    {
        waitForLine("\x01", 0);
        QByteArray all;
        for (const QByteArray &line : std::as_const(m_lines)) {
            if (line.startsWith("got "))
                all += QByteArray::fromHex(line.mid(4));
        }
        return all;
    }
    QByteArrayList lines() const { return m_lines; }
    QProcess &process() { return m_process; }
    quint16 port() const { return m_port; }
    void setPort(quint16 port) { m_port = port; }

private:
    QProcess m_process;
    QByteArrayList m_lines;
    QByteArray m_text;
    quint16 m_port = 0;
};

} // namespace TlsTesting
