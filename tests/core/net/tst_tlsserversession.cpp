// TlsServerSession against real TLS clients in other processes (python3's ssl, openssl s_client) with certificates
// made at run time: exact bytes both ways, what each client negotiated, client certificates asked for and required
// (accepted, missing, from an unknown CA), a plain-text client on the TLS port, PKCS#12 and unusable identities.

#include "net/tlsserversession.h"
#include "tlstesting.h"

#include <QSignalSpy>
#include <QStringEncoder>
#include <QTcpSocket>
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

QByteArray payload()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    QStringEncoder encoder("GBK");
    return bytes + QByteArray(encoder.encode(QStringLiteral("你好，服务器\r\n")));
}

struct Server
{
    TlsServerSession session;
    QSignalSpy errors {&session, &Session::errorOccurred};
    QSignalSpy received {&session, &Session::received};
    QSignalSpy secured {&session, &Session::activity};
    TlsPeerInfo lastSecured; // what the last client negotiated, read when it was secured (it goes with the client)

    Server()
    {
        QObject::connect(
            &session, &Session::activity, &session, [this](Session::Activity activity, const QString &endpoint) {
                if (activity != Session::Activity::Secured)
                    return;
                for (const PeerId id : session.peers()) {
                    if (session.peerInfo(id).endpoint == endpoint)
                        lastSecured = session.tlsPeer(id);
                }
            });
    }

    bool listen(const TlsOptions &options)
    {
        session.setTlsOptions(options);
        Session::OpenRequest request;
        request.address = QHostAddress(QHostAddress::LocalHost);
        request.port = 0;
        session.open(request);
        return session.state() == Session::State::Open;
    }
    void echo()
    {
        QObject::connect(&session, &Session::received, &session,
            [this](PeerId id, const QByteArray &data) { session.send(data, {id}); });
    }
    int securedCount() const
    {
        int n = 0;
        for (const QList<QVariant> &args : secured)
            n += args.at(0).value<Session::Activity>() == Session::Activity::Secured;
        return n;
    }
    SessionError waitForError()
    {
        QElapsedTimer clock;
        clock.start();
        while (errors.isEmpty() && clock.elapsed() < 10000)
            QTest::qWait(10);
        return errors.isEmpty() ? SessionError {} : errors.first().at(1).value<SessionError>();
    }
};

} // namespace

class tst_TlsServerSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exchangeWithPythonClient();
    void opensslClient();
    void clientCertificates_data();
    void clientCertificates();
    void plainClientOnTlsPort();
    void pkcs12Identity();
    void unusableIdentity();

private:
    TlsOptions identity() const
    {
        TlsOptions options;
        options.certificateFile = m_certs.path(u"server");
        options.keyFile = m_certs.key(u"server");
        return options;
    }
    QStringList clientArguments(quint16 port) const
    {
        return {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port), QStringLiteral("--ca"),
            m_certs.path(u"ca")};
    }

    TlsTesting::Certificates m_certs;
};

void tst_TlsServerSession::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    if (!TlsControl::available())
        QSKIP("no TLS backend");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

void tst_TlsServerSession::exchangeWithPythonClient()
{
    Server server;
    TlsOptions options = identity();
    options.alpn = {"h2", "http/1.1"};
    QVERIFY(server.listen(options));
    server.echo();
    const QByteArray data = payload();
    Peer client;
    QVERIFY(client.startScript(clientArguments(server.session.localPort())
        + QStringList {QStringLiteral("--alpn"), QStringLiteral("http/1.1"), QStringLiteral("--send"),
            QString::fromLatin1(data.toHex()), QStringLiteral("--expect"), QString::number(data.size())}));
    const QByteArray line = client.waitForLine("tls ");
    QVERIFY2(line.startsWith("tls TLSv1.3 ") && line.contains(" http/1.1 "), client.lines().join('\n').constData());
    QVERIFY(!client.waitForLine("closed").isEmpty());
    QCOMPARE(client.received(), data);
    QCOMPARE(receivedBytes(server.received), data);
    QCOMPARE(server.securedCount(), 1);
    QVERIFY(server.errors.isEmpty());
    const TlsPeerInfo info = server.lastSecured;
    QVERIFY(info.encrypted);
    QCOMPARE(info.protocol, QStringLiteral("TLS 1.3"));
    QVERIFY(!info.cipher.isEmpty());
    QCOMPARE(info.alpn, QByteArray("http/1.1"));
    QVERIFY(info.chain.isEmpty()); // no client certificate asked for
}

void tst_TlsServerSession::opensslClient()
{
    Server server;
    QVERIFY(server.listen(identity()));
    Peer client;
    QVERIFY(client.start(QStringLiteral("openssl"),
        {QStringLiteral("s_client"), QStringLiteral("-connect"),
            QStringLiteral("127.0.0.1:%1").arg(server.session.localPort()), QStringLiteral("-CAfile"),
            m_certs.path(u"ca"), QStringLiteral("-servername"), QStringLiteral("localhost"),
            QStringLiteral("-verify_return_error"), QStringLiteral("-brief")}));
    QVERIFY2(!client.waitForLine("Verification: OK").isEmpty(), client.lines().join('\n').constData());
    client.process().write("from s_client\n");
    QTRY_COMPARE_WITH_TIMEOUT(receivedBytes(server.received), QByteArray("from s_client\n"), 10000);
    const PeerId id = server.received.first().at(0).value<PeerId>();
    QCOMPARE(server.session.send("from the server\n", {id}), 1);
    QVERIFY(!client.waitForLine("from the server").isEmpty());
    QCOMPARE(server.session.tlsPeer(id).protocol, QStringLiteral("TLS 1.3"));
    QVERIFY(server.errors.isEmpty());
}

void tst_TlsServerSession::clientCertificates_data()
{
    QTest::addColumn<int>("ask");
    QTest::addColumn<QString>("clientCert");
    QTest::addColumn<int>("kind"); // None: accepted
    QTest::addColumn<QString>("subject");
    using Ask = TlsOptions::ClientCertificates;
    QTest::newRow("required, given") << int(Ask::Require) << "client" << int(Kind::None) << "CN=NetAssist Client";
    QTest::newRow("required, missing") << int(Ask::Require) << "" << int(Kind::TlsClientCertificateRequired) << "";
    QTest::newRow("required, unknown CA") << int(Ask::Require) << "rogue-client" << int(Kind::TlsUnknownCa) << "";
    QTest::newRow("requested, missing") << int(Ask::Request) << "" << int(Kind::None) << "";
    QTest::newRow("requested, given") << int(Ask::Request) << "client" << int(Kind::None) << "CN=NetAssist Client";
}

void tst_TlsServerSession::clientCertificates()
{
    QFETCH(int, ask);
    QFETCH(QString, clientCert);
    QFETCH(int, kind);
    QFETCH(QString, subject);
    Server server;
    TlsOptions options = identity();
    options.clientCertificates = TlsOptions::ClientCertificates(ask);
    options.caFile = m_certs.path(u"ca");
    QVERIFY(server.listen(options));
    server.echo();
    QStringList arguments = clientArguments(server.session.localPort())
        + QStringList {
            QStringLiteral("--send"), QStringLiteral("6f6b0a"), QStringLiteral("--expect"), QStringLiteral("3")};
    if (!clientCert.isEmpty())
        arguments << QStringLiteral("--cert") << m_certs.path(clientCert) << QStringLiteral("--key")
                  << m_certs.key(clientCert);
    Peer client;
    QVERIFY(client.startScript(arguments));
    if (kind == int(Kind::None)) {
        QVERIFY(!client.waitForLine("closed").isEmpty());
        QCOMPARE(client.received(), QByteArray("ok\n"));
        QVERIFY(server.errors.isEmpty());
        const TlsPeerInfo info = server.lastSecured;
        QVERIFY(info.encrypted);
        QCOMPARE(info.chain.value(0).subject, subject);
        QCOMPARE(info.verified, !subject.isEmpty());
    } else {
        const SessionError error = server.waitForError();
        QVERIFY2(int(error.kind) == kind, qPrintable(SessionError::id(error.kind) + ": " + error.detail));
        QVERIFY(server.errors.first().at(0).value<PeerId>() != 0); // the client's error, with its endpoint
        QVERIFY(server.received.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(server.session.peerCount(), 0, 10000);
        QCOMPARE(server.session.state(), Session::State::Open); // still listening
    }
}

void tst_TlsServerSession::plainClientOnTlsPort()
{
    Server server;
    QVERIFY(server.listen(identity()));
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, server.session.localPort());
    QVERIFY(plain.waitForConnected(5000));
    plain.write("hello in plain text\r\n");
    QCOMPARE(server.waitForError().kind, Kind::TlsNotTls);
    QVERIFY(server.received.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.session.peerCount(), 0, 10000);
}

void tst_TlsServerSession::pkcs12Identity()
{
    Server server;
    TlsOptions options;
    options.certificateFile = m_certs.file(QStringLiteral("client.p12"));
    options.password = QStringLiteral("secret");
    QVERIFY2(server.listen(options), qPrintable(server.errors.value(0).value(1).value<SessionError>().detail));
    server.echo();
    Peer client;
    // No --ca: the client does not check (the identity is the client certificate, CN=NetAssist Client).
    QVERIFY(client.startScript(
        {QStringLiteral("client"), QStringLiteral("--port"), QString::number(server.session.localPort()),
            QStringLiteral("--send"), QStringLiteral("00ff"), QStringLiteral("--expect"), QStringLiteral("2")}));
    QVERIFY(!client.waitForLine("closed").isEmpty());
    QCOMPARE(client.received(), QByteArray::fromHex("00ff"));
}

void tst_TlsServerSession::unusableIdentity()
{
    Server server;
    QVERIFY(!server.listen({})); // no certificate at all
    QCOMPARE(server.waitForError().kind, Kind::TlsCredentials);
    TlsOptions options = identity();
    options.keyFile = m_certs.file(QStringLiteral("index.txt")); // no key in it
    server.errors.clear();
    QVERIFY(!server.listen(options));
    QCOMPARE(server.waitForError().kind, Kind::TlsCredentials);
}

QTEST_GUILESS_MAIN(tst_TlsServerSession)
#include "tst_tlsserversession.moc"
