// The TLS Client and TLS Server tabs driven through their widgets, against python3's ssl and each other, with
// certificates made at run time: the negotiated parameters shown, a failure in words, "Trust this certificate",
// the server's table per client, settings (never the password), and every TLS error kind's words.

#include "errortext.h"
#include "log/transcript.h"
#include "peertablemodel.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "tabkinds.h"
#include "tlsoptionspanel.h"
#include "tlspages.h"
#include "tlstesting.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using TlsTesting::Peer;

class tst_TlsPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void kindsAreListed();
    void clientShowsNegotiatedAndChain();
    void clientFailureInWordsThenTrust();
    void startTlsButtonUpgrades();
    void serverTableShowsClients();
    void settingsNeverKeepThePassword();
    void everyTlsErrorHasItsOwnWords();
    void pcapCaptureSaysItHoldsDecryptedBytes();

private:
    static void fill(QWidget *page, const char *name, const QString &text)
    {
        auto *edit = page->findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY2(edit, name);
        edit->setText(text);
    }
    static void choose(QWidget *page, const char *name, int data)
    {
        auto *combo = page->findChild<QComboBox *>(QLatin1String(name));
        QVERIFY2(combo, name);
        combo->setCurrentIndex(combo->findData(data));
    }
    static std::unique_ptr<TlsClientPage> clientPage()
    {
        return std::unique_ptr<TlsClientPage>(static_cast<TlsClientPage *>(TabKinds::create("tls-client")));
    }
    void target(QWidget *page, quint16 port)
    {
        auto *host = page->findChild<QComboBox *>(QStringLiteral("clientHost"));
        QVERIFY(host);
        host->setEditText(QStringLiteral("127.0.0.1"));
        fill(page, "clientPort", QString::number(port));
        fill(page, "tlsServerName", QStringLiteral("localhost"));
        choose(page, "tlsVerify", int(TlsOptions::Verify::CaFile));
        fill(page, "tlsCaFile", m_certs.path(u"ca"));
    }

    TlsTesting::Certificates m_certs;
};

void tst_TlsPages::initTestCase()
{
    if (!TlsControl::available())
        QSKIP("no TLS backend");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

void tst_TlsPages::kindsAreListed()
{
    QVERIFY(TabKinds::isKnown("tls-client"));
    QVERIFY(TabKinds::isKnown("tls-server"));
    auto page = clientPage();
    QVERIFY(page);
    QCOMPARE(page->kind(), QByteArray("tls-client"));
    // Every control of the TLS section is named for assistive technology.
    for (const char *name : {"tlsServerName", "tlsVerify", "tlsCaFile", "tlsCertificateFile", "tlsKeyFile",
             "tlsPassword", "tlsAlpn", "tlsStartPlain", "tlsStartTls", "tlsDetails"}) {
        auto *widget = page->findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
    }
    FIND(QLabel, negotiated, page.get(), "tlsNegotiated");
    QVERIFY(!negotiated->accessibleDescription().isEmpty());
    std::unique_ptr<SessionPage> server(TabKinds::create("tls-server"));
    QCOMPARE(server->kind(), QByteArray("tls-server"));
    QVERIFY(server->findChild<QComboBox *>(QStringLiteral("tlsClientCertificates")));
}

void tst_TlsPages::clientShowsNegotiatedAndChain()
{
    Peer server;
    QVERIFY(server.startScript({QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path(u"server"),
        QStringLiteral("--key"), m_certs.key(u"server"), QStringLiteral("--alpn"), QStringLiteral("mqtt")}));
    auto page = clientPage();
    target(page.get(), server.port());
    fill(page.get(), "tlsAlpn", QStringLiteral("mqtt, h2"));
    FIND(QPushButton, connectButton, page.get(), "clientConnect");
    QTest::mouseClick(connectButton, Qt::LeftButton);
    FIND(QLabel, negotiated, page.get(), "tlsNegotiated");
    QTRY_VERIFY_WITH_TIMEOUT(negotiated->text().startsWith(QStringLiteral("TLS 1.3")), 10000);
    QVERIFY2(negotiated->text().contains(QStringLiteral("ALPN mqtt")), qPrintable(negotiated->text()));
    QVERIFY(negotiated->text().endsWith(QStringLiteral("verified")));
    const QString chain = describeChain(page->session()->tls()->tlsPeer(page->session()->peers().value(0)));
    QVERIFY(chain.contains(QStringLiteral("Subject: CN=localhost")));
    QVERIFY(chain.contains(QStringLiteral("Issuer: CN=NetAssist Test CA")));
    QVERIFY(chain.contains(QStringLiteral("DNS:localhost")));
    QVERIFY(chain.contains(QStringLiteral("Key: EC, 256 bits")));
    const QByteArray sha = m_certs.sha256(u"server").toUpper();
    QVERIFY2(chain.contains(QString::fromLatin1(sha.left(2) + ':' + sha.mid(2, 2))), qPrintable(chain));
    QTest::mouseClick(connectButton, Qt::LeftButton); // disconnect
    QTRY_COMPARE_WITH_TIMEOUT(negotiated->text(), QStringLiteral("TLS: not connected"), 10000);
}

void tst_TlsPages::clientFailureInWordsThenTrust()
{
    Peer server;
    QVERIFY(server.startScript({QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path(u"self"),
        QStringLiteral("--key"), m_certs.key(u"self"), QStringLiteral("--connections"), QStringLiteral("2")}));
    auto page = clientPage();
    page->show();
    target(page.get(), server.port());
    FIND(QPushButton, connectButton, page.get(), "clientConnect");
    QTest::mouseClick(connectButton, Qt::LeftButton);
    FIND(QLabel, state, page.get(), "clientState");
    QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("self-signed")), 10000);

    // The details of the failed handshake offer to trust its certificate.
    FIND(QPushButton, details, page.get(), "tlsDetails");
    QTest::mouseClick(details, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<QDialog *>(QStringLiteral("tlsDetailsDialog"))), 5000);
    FIND(QPlainTextEdit, text, dialog, "tlsDetailsText");
    QVERIFY(text->toPlainText().contains(QStringLiteral("(self-signed)")));
    FIND(QPushButton, trust, dialog, "tlsTrust");
    QTest::mouseClick(trust, Qt::LeftButton);
    const QString key = TlsControl::pinKey(QStringLiteral("127.0.0.1"), server.port());
    QCOMPARE(page->pins().value(key), m_certs.sha256(u"self"));

    QTest::mouseClick(connectButton, Qt::LeftButton);
    FIND(QLabel, negotiated, page.get(), "tlsNegotiated");
    QTRY_VERIFY_WITH_TIMEOUT(negotiated->text().endsWith(QStringLiteral("pinned")), 10000);
}

void tst_TlsPages::startTlsButtonUpgrades()
{
    Peer server;
    QVERIFY(server.startScript({QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path(u"server"),
        QStringLiteral("--key"), m_certs.key(u"server"), QStringLiteral("--starttls")}));
    auto page = clientPage();
    target(page.get(), server.port());
    FIND(QCheckBox, plain, page.get(), "tlsStartPlain");
    plain->setChecked(true);
    FIND(QPushButton, startTls, page.get(), "tlsStartTls");
    QVERIFY(!startTls->isEnabled());
    FIND(QPushButton, connectButton, page.get(), "clientConnect");
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(startTls->isEnabled(), 10000); // connected in plain text
    QCOMPARE(page->session()->send("STARTTLS\r\n"), 1);
    QVERIFY(!server.waitForLine("plain ").isEmpty());
    QTest::mouseClick(startTls, Qt::LeftButton);
    FIND(QLabel, negotiated, page.get(), "tlsNegotiated");
    QTRY_VERIFY_WITH_TIMEOUT(negotiated->text().endsWith(QStringLiteral("verified")), 10000);
    QVERIFY(!startTls->isEnabled());
}

void tst_TlsPages::serverTableShowsClients()
{
    std::unique_ptr<TlsServerPage> page(static_cast<TlsServerPage *>(TabKinds::create("tls-server")));
    fill(page.get(), "tlsCertificateFile", m_certs.path(u"server"));
    fill(page.get(), "tlsKeyFile", m_certs.key(u"server"));
    choose(page.get(), "tlsClientCertificates", int(TlsOptions::ClientCertificates::Require));
    fill(page.get(), "tlsCaFile", m_certs.path(u"ca"));
    page->setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page->toggleSession();
    QTRY_COMPARE_WITH_TIMEOUT(page->session()->state(), Session::State::Open, 5000);
    Peer client;
    QVERIFY(client.startScript({QStringLiteral("client"), QStringLiteral("--port"),
        QString::number(page->session()->localPort()), QStringLiteral("--ca"), m_certs.path(u"ca"),
        QStringLiteral("--cert"), m_certs.path(u"client"), QStringLiteral("--key"), m_certs.key(u"client")}));
    PeerTableModel *table = page->clientModel();
    QCOMPARE(table->columnCount(), PeerTableModel::ColumnCount + 3);
    QCOMPARE(table->headerData(PeerTableModel::ColumnCount + 2, Qt::Horizontal).toString(),
        QStringLiteral("Client certificate"));
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1
            && table->index(0, PeerTableModel::ColumnCount + 2).data().toString()
                == QStringLiteral("CN=NetAssist Client"),
        10000);
    QCOMPARE(table->index(0, PeerTableModel::ColumnCount).data().toString(), QStringLiteral("TLS 1.3"));
    QVERIFY(!table->index(0, PeerTableModel::ColumnCount + 1).data().toString().isEmpty());
}

void tst_TlsPages::settingsNeverKeepThePassword()
{
    const QString file = m_certs.file(QStringLiteral("settings.ini"));
    {
        auto page = clientPage();
        fill(page.get(), "tlsServerName", QStringLiteral("device.example"));
        fill(page.get(), "tlsCertificateFile", m_certs.file(QStringLiteral("client.p12")));
        fill(page.get(), "tlsPassword", QStringLiteral("secret"));
        fill(page.get(), "tlsAlpn", QStringLiteral("mqtt"));
        choose(page.get(), "tlsVerify", int(TlsOptions::Verify::None));
        QSettings settings(file, QSettings::IniFormat);
        page->saveSettings(settings);
    }
    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.readAll().contains("secret"));
    auto page = clientPage();
    QSettings settings(file, QSettings::IniFormat);
    page->restoreSettings(settings);
    const TlsOptions options = page->tlsPanel()->options();
    QCOMPARE(options.serverName, QStringLiteral("device.example"));
    QCOMPARE(options.verify, TlsOptions::Verify::None);
    QCOMPARE(options.alpn, QList<QByteArray> {"mqtt"});
    QCOMPARE(options.certificateFile, m_certs.file(QStringLiteral("client.p12")));
    QVERIFY(options.password.isEmpty());
}

void tst_TlsPages::everyTlsErrorHasItsOwnWords()
{
    using Kind = SessionError::Kind;
    QSet<QString> seen;
    for (int k = int(Kind::TlsUnavailable); k <= int(Kind::TlsSeenOnPlain); ++k) {
        const QString words = ErrorText::session(Kind(k), QStringLiteral("x\ny"));
        QVERIFY2(!words.isEmpty() && !seen.contains(words), SessionError::id(Kind(k)).constData());
        seen.insert(words);
        QCOMPARE(SessionError::fromId(SessionError::id(Kind(k))), Kind(k));
    }
    QVERIFY(ErrorText::session(Kind::TlsNameMismatch, QStringLiteral("localhost\nDNS:other.example"))
                .contains(QStringLiteral("DNS:other.example")));
}

// The file holds the log's bytes, decrypted, as plain TCP: the log says so when a pcap capture starts, and only then.
void tst_TlsPages::pcapCaptureSaysItHoldsDecryptedBytes()
{
    for (const QByteArray &kind : {QByteArray("tls-client"), QByteArray("tls-server")}) {
        std::unique_ptr<SessionPage> page(TabKinds::create(kind));
        QVERIFY(page);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Transcript *log = page->model()->transcript();
        const auto notes = [log] {
            int n = 0;
            for (qsizetype i = 0; i < log->size(); ++i)
                n += log->at(i).event == EventKind::Note && log->at(i).data.contains("decrypted") ? 1 : 0;
            return n;
        };
        QVERIFY(page->model()->capture()->start(dir.filePath(QStringLiteral("log.txt")), CaptureFile::Format::Text));
        page->model()->capture()->stop();
        QCOMPARE(notes(), 0);
        QVERIFY(page->model()->capture()->start(dir.filePath(QStringLiteral("tls.pcap")), CaptureFile::Format::Pcap));
        QCOMPARE(notes(), 1);
        page->model()->capture()->stop();
    }
}

QTEST_MAIN(tst_TlsPages)
#include "tst_tlspages.moc"
