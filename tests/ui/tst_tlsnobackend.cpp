// Without a TLS backend (Qt's "cert-only" backend is chosen before anything uses TLS: it reads certificates but
// cannot encrypt), the TLS tabs keep their place but their choices are disabled with the reason, and opening says
// why in words rather than failing silently.

#include "errortext.h"
#include "net/tlscontrol.h"
#include "tabkinds.h"
#include "tlspages.h"
#include "widgetlookup.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>

class tst_TlsNoBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void choicesDisabledWithTheReason();
    void openingSaysWhy();
};

void tst_TlsNoBackend::initTestCase()
{
    if (!QSslSocket::availableBackends().contains(QStringLiteral("cert-only")))
        QSKIP("Qt's cert-only TLS backend is not installed");
    QVERIFY(QSslSocket::setActiveBackend(QStringLiteral("cert-only")));
    QVERIFY(!TlsControl::available());
    QVERIFY(!TlsControl::unavailableReason().isEmpty());
}

void tst_TlsNoBackend::choicesDisabledWithTheReason()
{
    std::unique_ptr<SessionPage> page(TabKinds::create("tls-client"));
    QVERIFY(page);
    FIND(QLineEdit, serverName, page.get(), "tlsServerName");
    QVERIFY(!serverName->isEnabled());
    FIND(QLabel, negotiated, page.get(), "tlsNegotiated");
    QVERIFY2(negotiated->text().startsWith(QStringLiteral("TLS is not available: ")), qPrintable(negotiated->text()));
    std::unique_ptr<SessionPage> server(TabKinds::create("tls-server"));
    FIND(QLineEdit, cert, server.get(), "tlsCertificateFile");
    QVERIFY(!cert->isEnabled());
}

void tst_TlsNoBackend::openingSaysWhy()
{
    std::unique_ptr<SessionPage> page(TabKinds::create("tls-client"));
    QSignalSpy errors(page->session(), &Session::errorOccurred);
    page->toggleSession();
    QCOMPARE(errors.size(), 1);
    const SessionError error = errors.first().at(1).value<SessionError>();
    QCOMPARE(error.kind, SessionError::Kind::TlsUnavailable);
    FIND(QLabel, state, page.get(), "clientState");
    QVERIFY2(state->text().contains(QStringLiteral("TLS is not available on this system")), qPrintable(state->text()));
    QCOMPARE(page->session()->state(), Session::State::Idle);
}

QTEST_MAIN(tst_TlsNoBackend)
#include "tst_tlsnobackend.moc"
