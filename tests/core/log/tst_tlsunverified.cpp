// A TLS client that does not verify its peer: every RX record of that peer carries Record::Unverified and its header
// says "(unverified)"; a verified peer's records do not. Real TLS servers (python3's ssl) with certificates made at
// run time.

#include "log/logrenderer.h"
#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "net/tlsclientsession.h"
#include "tlstesting.h"

#include <QTest>

class tst_TlsUnverified : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rxRecordsSaySo_data();
    void rxRecordsSaySo();

private:
    TlsTesting::Certificates m_certs;
};

void tst_TlsUnverified::initTestCase()
{
    qRegisterMetaType<PeerId>("PeerId");
    if (!TlsControl::available())
        QSKIP("no TLS backend");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

void tst_TlsUnverified::rxRecordsSaySo_data()
{
    QTest::addColumn<bool>("verify");
    QTest::newRow("verification off") << false;
    QTest::newRow("verified") << true;
}

void tst_TlsUnverified::rxRecordsSaySo()
{
    QFETCH(bool, verify);
    TlsTesting::Peer server;
    QVERIFY(server.startScript({QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path(u"server"),
        QStringLiteral("--key"), m_certs.key(u"server")}));
    TlsClientSession session;
    Transcript transcript;
    SessionRecorder recorder(&session, &transcript);
    TlsOptions options;
    options.verify = verify ? TlsOptions::Verify::CaFile : TlsOptions::Verify::None;
    options.caFile = m_certs.path(u"ca");
    options.serverName = QStringLiteral("localhost");
    session.setTlsOptions(options);
    Session::OpenRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.port = server.port();
    session.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Open, 10000);
    QCOMPARE(session.send("echo me\n"), 1);
    const auto rxRecord = [&transcript]() -> const Record * {
        for (qsizetype i = 0; i < transcript.size(); ++i) {
            if (transcript.at(i).direction == Direction::Rx)
                return &transcript.at(i);
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rxRecord() != nullptr, 10000);
    const Record *rx = rxRecord();
    QCOMPARE(rx->data, QByteArray("echo me\n"));
    QCOMPARE(bool(rx->flags & Record::Unverified), !verify);
    LogRenderer renderer(&transcript);
    renderer.sync();
    bool saidSo = false;
    for (qint64 row = 0; row < renderer.rowCount(); ++row) {
        const RenderedRow rendered = renderer.row(row);
        if (rendered.direction == Direction::Rx && rendered.header.contains(QStringLiteral("(unverified)")))
            saidSo = true;
    }
    QCOMPARE(saidSo, !verify);
    // What we sent is ours: never flagged.
    for (qsizetype i = 0; i < transcript.size(); ++i) {
        if (transcript.at(i).direction == Direction::Tx)
            QVERIFY(!(transcript.at(i).flags & Record::Unverified));
    }
}

QTEST_GUILESS_MAIN(tst_TlsUnverified)
#include "tst_tlsunverified.moc"
