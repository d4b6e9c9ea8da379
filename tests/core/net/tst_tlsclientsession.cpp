// TlsClientSession against real TLS servers in other processes (python3's ssl, openssl s_server) with certificates
// made at run time: exact bytes both ways, what was negotiated, each verification and handshake failure as its own
// kind, pinning, client certificates (PEM and PKCS#12), STARTTLS, and a plain client meeting a TLS server.

#include "net/tcpclientsession.h"
#include "net/tlsclientsession.h"
#include "tlstesting.h"

#include <QSignalSpy>
#include <QStringEncoder>
#include <QTest>

using Kind = SessionError::Kind;
using TlsTesting::Peer;

namespace {

QByteArray receivedBytes(const QSignalSpy &spy)
{
    QByteArray all;
    for (const QList<QVariant> &args : spy)
        all += args.at(1).toByteArray();
    return all;
}

QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    return QByteArray(encoder.encode(text));
}

// Every byte value, then GBK text: what must come through unchanged.
QByteArray payload()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes + gbk(QStringLiteral("你好，网络调试助手\r\n"));
}

struct Client
{
    TlsClientSession session;
    QSignalSpy errors {&session, &Session::errorOccurred};
    QSignalSpy received {&session, &Session::received};
    QSignalSpy activities {&session, &Session::activity};

    // Opens to 127.0.0.1:port; true when open, false when an error came first (lastError() says which).
    bool open(quint16 port, const TlsOptions &options)
    {
        session.setTlsOptions(options);
        Session::OpenRequest request;
        request.host = QStringLiteral("127.0.0.1");
        request.port = port;
        request.timeoutMs = 10000;
        session.open(request);
        QElapsedTimer clock;
        clock.start();
        while (session.state() != Session::State::Open && errors.isEmpty() && clock.elapsed() < 15000)
            QTest::qWait(10);
        return session.state() == Session::State::Open && errors.isEmpty();
    }
    SessionError lastError() const
    {
        return errors.isEmpty() ? SessionError {} : errors.last().at(1).value<SessionError>();
    }
    // An error that comes after the connection opened (TLS 1.3 gives the server's verdict then).
    SessionError waitForError()
    {
        QElapsedTimer clock;
        clock.start();
        while (errors.isEmpty() && clock.elapsed() < 10000)
            QTest::qWait(10);
        return lastError();
    }
    bool secured() const
    {
        for (const QList<QVariant> &args : activities) {
            if (args.at(0).value<Session::Activity>() == Session::Activity::Secured)
                return true;
        }
        return false;
    }
};

} // namespace

class tst_TlsClientSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exchangeAndNegotiated();
    void opensslServerTls12();
    void failures_data();
    void failures();
    void clientCertificateRequired();
    void clientCertificate_data();
    void clientCertificate();
    void badCredentials();
    void verifyNoneIsUnverified();
    void pinning();
    void startTls();
    void plainClientSeesTls_data();
    void plainClientSeesTls();

private:
    TlsOptions trusting() const
    {
        TlsOptions options;
        options.verify = TlsOptions::Verify::CaFile;
        options.caFile = m_certs.path(u"ca");
        options.serverName = QStringLiteral("localhost");
        return options;
    }
    bool startServer(Peer *peer, const QString &cert, const QStringList &more = {})
    {
        return peer->startScript(QStringList {QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path(cert),
                                     QStringLiteral("--key"), m_certs.key(cert)}
            + more);
    }

    TlsTesting::Certificates m_certs;
};

void tst_TlsClientSession::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    if (!TlsControl::available())
        QSKIP("no TLS backend");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

void tst_TlsClientSession::exchangeAndNegotiated()
{
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("server"), {QStringLiteral("--alpn"), QStringLiteral("h2")}));
    Client client;
    TlsOptions options = trusting();
    options.alpn = {"x-netassist", "h2"};
    QVERIFY2(client.open(server.port(), options), qPrintable(client.lastError().detail));
    QVERIFY(client.secured());

    const PeerId id = client.session.peers().value(0);
    const TlsPeerInfo info = client.session.tlsPeer(id);
    QVERIFY(info.encrypted);
    QVERIFY(info.verified);
    QVERIFY(!info.pinned);
    QCOMPARE(info.protocol, QStringLiteral("TLS 1.3"));
    QVERIFY(!info.cipher.isEmpty());
    QCOMPARE(info.alpn, QByteArray("h2"));
    QCOMPARE(info.serverName, QStringLiteral("localhost"));
    QVERIFY(info.problems.isEmpty());
    QVERIFY(!info.chain.isEmpty());
    const TlsCertificateInfo &leaf = info.chain.first();
    QCOMPARE(leaf.subject, QStringLiteral("CN=localhost"));
    QCOMPARE(leaf.issuer, QStringLiteral("CN=NetAssist Test CA"));
    QVERIFY2(leaf.altNames.contains(QStringLiteral("DNS:localhost")), qPrintable(leaf.altNames.join(u' ')));
    QVERIFY(leaf.altNames.contains(QStringLiteral("IP:127.0.0.1")));
    QCOMPARE(leaf.keyType, QStringLiteral("EC"));
    QCOMPARE(leaf.keyBits, 256);
    QCOMPARE(leaf.sha256, m_certs.sha256(u"server"));
    QVERIFY(leaf.notBefore.isValid() && leaf.notAfter > leaf.notBefore);
    const QByteArray line = server.waitForLine("tls ");
    QVERIFY2(line.startsWith("tls TLSv1.3 ") && line.contains(" h2 "), line.constData());

    const QByteArray data = payload();
    QCOMPARE(client.session.send(data), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(client.received), data, 10000);
    QCOMPARE(server.received(), data);
}

void tst_TlsClientSession::opensslServerTls12()
{
    Peer server;
    // -rev: s_server answers each line reversed, which shows what it received without reading its stdout (which it
    // buffers when it is a pipe).
    QVERIFY(server.start(QStringLiteral("openssl"),
        {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"),
            m_certs.path(u"server"), QStringLiteral("-key"), m_certs.key(u"server"), QStringLiteral("-tls1_2"),
            QStringLiteral("-naccept"), QStringLiteral("1"), QStringLiteral("-rev")}));
    const QByteArray accept = server.waitForLine("ACCEPT");
    QVERIFY2(!accept.isEmpty(), server.lines().join('\n').constData());
    const quint16 port = quint16(accept.mid(accept.lastIndexOf(':') + 1).toUInt());
    Client client;
    QVERIFY2(client.open(port, trusting()), qPrintable(client.lastError().detail));
    const TlsPeerInfo info = client.session.tlsPeer(client.session.peers().value(0));
    QCOMPARE(info.protocol, QStringLiteral("TLS 1.2"));
    QVERIFY(info.cipher.startsWith(QStringLiteral("ECDHE-ECDSA-")));
    QVERIFY(info.verified);
    QCOMPARE(client.session.send("hello s_server\n"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(receivedBytes(client.received).contains("revres_s olleh"), 10000);
}

void tst_TlsClientSession::failures_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QStringList>("serverArguments");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detailHas");
    QTest::newRow("expired") << "expired" << QStringList() << int(Kind::TlsExpired) << "2020-02-01";
    QTest::newRow("not yet valid") << "future" << QStringList() << int(Kind::TlsNotYetValid) << "2099-01-01";
    QTest::newRow("self-signed") << "self" << QStringList() << int(Kind::TlsSelfSigned) << "CN=localhost";
    QTest::newRow("unknown CA") << "rogue" << QStringList() << int(Kind::TlsUnknownCa) << "CN=Rogue CA";
    QTest::newRow("name mismatch") << "other" << QStringList() << int(Kind::TlsNameMismatch)
                                   << "localhost\nDNS:other.example";
    QTest::newRow("plain-text server") << "server" << QStringList {"--plain"} << int(Kind::TlsNotTls) << "";
    QTest::newRow("no shared protocol") << "server" << QStringList {"--max-tls", "1.1"}
                                        << int(Kind::TlsNoSharedProtocol) << "";
    QTest::newRow("no shared cipher") << "server" << QStringList {"--ciphers", "PSK-AES128-CBC-SHA"}
                                      << int(Kind::TlsNoSharedCipher) << "";
}

void tst_TlsClientSession::failures()
{
    QFETCH(QString, cert);
    QFETCH(QStringList, serverArguments);
    QFETCH(int, kind);
    QFETCH(QString, detailHas);
    Peer server;
    QVERIFY(startServer(&server, cert, serverArguments));
    Client client;
    QVERIFY(!client.open(server.port(), trusting()));
    const SessionError error = client.lastError();
    QVERIFY2(int(error.kind) == kind,
        qPrintable(QString::fromLatin1(SessionError::id(error.kind)) + QStringLiteral(": ") + error.detail));
    QVERIFY2(error.detail.contains(detailHas), qPrintable(error.detail));
    QCOMPARE(client.errors.size(), 1);
    QCOMPARE(client.errors.first().at(0).value<PeerId>(), PeerId(0));
    QCOMPARE(client.session.state(), Session::State::Idle);
    QCOMPARE(client.session.peerCount(), 0);
}

void tst_TlsClientSession::clientCertificateRequired()
{
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("server"),
        {QStringLiteral("--ca"), m_certs.path(u"ca"), QStringLiteral("--verify"), QStringLiteral("require")}));
    Client client;
    client.open(server.port(), trusting()); // TLS 1.3: may open before the server's verdict arrives
    QCOMPARE(client.waitForError().kind, Kind::TlsClientCertificateRequired);
    QTRY_COMPARE_WITH_TIMEOUT(client.session.state(), Session::State::Idle, 10000);
    QVERIFY(!server.waitForLine("handshake-error").isEmpty());
}

void tst_TlsClientSession::clientCertificate_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("PEM") << "client.pem"
                         << "client.key" << QString() << true;
    QTest::newRow("PKCS#12") << "client.p12" << QString() << "secret" << true;
    QTest::newRow("unknown CA") << "rogue-client.pem"
                                << "rogue-client.key" << QString() << false;
}

void tst_TlsClientSession::clientCertificate()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("server"),
        {QStringLiteral("--ca"), m_certs.path(u"ca"), QStringLiteral("--verify"), QStringLiteral("require")}));
    Client client;
    TlsOptions options = trusting();
    options.certificateFile = m_certs.file(certificate);
    options.keyFile = key.isEmpty() ? QString() : m_certs.file(key);
    options.password = password;
    if (accepted) {
        QVERIFY2(client.open(server.port(), options), qPrintable(client.lastError().detail));
        const QByteArray line = server.waitForLine("tls ");
        QVERIFY2(line.endsWith(" commonName=NetAssist Client"), line.constData());
        QCOMPARE(client.session.send(gbk(QStringLiteral("证书"))), 1);
        QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(client.received), gbk(QStringLiteral("证书")), 10000);
        QVERIFY(client.errors.isEmpty());
    } else {
        client.open(server.port(), options);
        const SessionError error = client.waitForError();
        QVERIFY2(error.kind == Kind::TlsCertificateRejected, SessionError::id(error.kind).constData());
        QVERIFY(!server.waitForLine("handshake-error").isEmpty());
    }
}

void tst_TlsClientSession::badCredentials()
{
    Client client;
    TlsOptions options = trusting();
    options.certificateFile = m_certs.file(QStringLiteral("client.p12"));
    options.password = QStringLiteral("wrong");
    QVERIFY(!client.open(1, options));
    QCOMPARE(client.lastError().kind, Kind::TlsCredentials);
    QVERIFY(client.lastError().detail.startsWith(QStringLiteral("client.p12: ")));
    options.certificateFile = m_certs.file(QStringLiteral("missing.pem"));
    client.errors.clear();
    QVERIFY(!client.open(1, options));
    QCOMPARE(client.lastError().kind, Kind::TlsCredentials);
    options = trusting();
    options.caFile = m_certs.file(QStringLiteral("index.txt")); // not a certificate
    client.errors.clear();
    QVERIFY(!client.open(1, options));
    QCOMPARE(client.lastError().kind, Kind::TlsCredentials);
}

void tst_TlsClientSession::verifyNoneIsUnverified()
{
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("self")));
    Client client;
    TlsOptions options;
    options.verify = TlsOptions::Verify::None;
    QVERIFY2(client.open(server.port(), options), qPrintable(client.lastError().detail));
    const TlsPeerInfo info = client.session.tlsPeer(client.session.peers().value(0));
    QVERIFY(info.encrypted);
    QVERIFY(!info.verified);
    // What verification would have said is kept for the details view.
    QVERIFY(!info.problems.isEmpty());
    QCOMPARE(info.problems.first().kind, Kind::TlsSelfSigned);
    QCOMPARE(info.serverName, QStringLiteral("127.0.0.1"));
    QCOMPARE(client.session.send("x"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(client.received), QByteArray("x"), 10000);
}

void tst_TlsClientSession::pinning()
{
    // Serves the self-signed certificate twice, then a valid CA-signed one.
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("self"),
        {QStringLiteral("--connections"), QStringLiteral("3"), QStringLiteral("--cert2"), m_certs.path(u"server"),
            QStringLiteral("--key2"), m_certs.key(u"server")}));
    Client client;
    QVERIFY(!client.open(server.port(), trusting()));
    QCOMPARE(client.lastError().kind, Kind::TlsSelfSigned);

    const QString key = TlsControl::pinKey(QStringLiteral("127.0.0.1"), server.port());
    QCOMPARE(key, QStringLiteral("127.0.0.1:%1").arg(server.port()));
    const QByteArray pinned = m_certs.sha256(u"self");
    client.session.setPins({{key, pinned}});
    client.errors.clear();
    // The second connection gets cert2 (server): the pin says self, so even a CA-valid certificate is refused.
    QVERIFY(!client.open(server.port(), trusting()));
    QCOMPARE(client.lastError().kind, Kind::TlsPinMismatch);
    QCOMPARE(client.lastError().detail, QString::fromLatin1(pinned + '\n' + m_certs.sha256(u"server")));

    client.session.setPins({{key, m_certs.sha256(u"server")}});
    client.errors.clear();
    QVERIFY2(client.open(server.port(), trusting()), qPrintable(client.lastError().detail));
    const TlsPeerInfo info = client.session.tlsPeer(client.session.peers().value(0));
    QVERIFY(info.pinned);
    QVERIFY(info.verified);
}

void tst_TlsClientSession::startTls()
{
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("server"), {QStringLiteral("--starttls")}));
    Client client;
    TlsOptions options = trusting();
    options.startPlain = true;
    QVERIFY(!client.session.startTls()); // nothing open
    QVERIFY2(client.open(server.port(), options), qPrintable(client.lastError().detail));
    const PeerId id = client.session.peers().value(0);
    QVERIFY(!client.session.tlsPeer(id).encrypted);
    QVERIFY(!client.secured());
    QCOMPARE(client.session.send("STARTTLS\r\n"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(client.received), QByteArray("OK\r\n"), 10000);
    QVERIFY(client.session.startTls());
    QTRY_VERIFY_WITH_TIMEOUT(client.secured(), 10000);
    QVERIFY(client.session.tlsPeer(id).encrypted);
    QVERIFY(client.session.tlsPeer(id).verified);
    QCOMPARE(client.session.peers(), QList<PeerId> {id}); // the same connection
    client.received.clear();
    QCOMPARE(client.session.send("after\n"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(client.received), QByteArray("after\n"), 10000);
    QVERIFY(client.errors.isEmpty());
}

void tst_TlsClientSession::plainClientSeesTls_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("pointedOut");
    // A TLS server's fatal alert (protocol_version) at our plain text, and a TLS hello.
    QTest::newRow("alert") << QByteArray::fromHex("15030300020246") << true;
    QTest::newRow("handshake") << QByteArray::fromHex("160301002a0100002603030000") << true;
    QTest::newRow("plain text") << QByteArray("HTTP/1.0 400 Bad Request\r\n\r\n") << false;
}

void tst_TlsClientSession::plainClientSeesTls()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, pointedOut);
    Peer server;
    QVERIFY(startServer(&server, QStringLiteral("server"),
        {QStringLiteral("--plain"), QStringLiteral("--answer"), QString::fromLatin1(answer.toHex())}));
    TcpClientSession plain;
    QSignalSpy errors(&plain, &Session::errorOccurred);
    QSignalSpy received(&plain, &Session::received);
    QSignalSpy gone(&plain, &Session::peerDisconnected);
    plain.open(QStringLiteral("127.0.0.1"), server.port());
    QTRY_COMPARE_WITH_TIMEOUT(plain.state(), Session::State::Open, 10000);
    QCOMPARE(plain.send("GET / HTTP/1.0\r\n\r\n"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!gone.isEmpty(), 10000);
    QCOMPARE(receivedBytes(received), answer); // the bytes are still shown
    if (pointedOut) {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().at(1).value<SessionError>().kind, Kind::TlsSeenOnPlain);
    } else {
        QVERIFY(errors.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_TlsClientSession)
#include "tst_tlsclientsession.moc"
