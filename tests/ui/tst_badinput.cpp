#include "clientpage.h"
#include "errortext.h"
#include "logview.h"
#include "net/tcpclientsession.h"
#include "net/tcpserversession.h"
#include "serverpage.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// The bad-input table of docs/bad-input.md, row by row: each input gets its message, and nothing is sent.
// (Odd hex, port 70000, an emoji in GBK and a busy port are covered in tst_clientpage / tst_serverpage; the send
// box's own cases in tst_sendpanel.)
class tst_BadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendBoxRefusals_data();
    void sendBoxRefusals();
    void unknownHost();
    void serverPortOutOfRange();
    void privilegedPortMessage();

private:
    QTcpServer m_server;
};

void tst_BadInput::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

void tst_BadInput::sendBoxRefusals_data()
{
    QTest::addColumn<bool>("hexMode");
    QTest::addColumn<bool>("escapes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("bad character in hex") << true << false << QStringLiteral("01 0G") << QStringLiteral("\"G\"");
    QTest::newRow("unknown escape") << false << true << QStringLiteral("a\\q") << QStringLiteral("column 2");
    QTest::newRow("short \\x escape") << false << true << QStringLiteral("\\x4") << QStringLiteral("two hex digits");
    QTest::newRow("trailing backslash") << false << true << QStringLiteral("abc\\") << QStringLiteral("backslash");
    QTest::newRow("empty payload") << false << false << QString() << QString();
}

void tst_BadInput::sendBoxRefusals()
{
    QFETCH(bool, hexMode);
    QFETCH(bool, escapes);
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);

    ClientPage page;
    FIND(QComboBox, host, &page, "clientHost");
    FIND(QLineEdit, port, &page, "clientPort");
    FIND(QPushButton, connectButton, &page, "clientConnect");
    host->setEditText(QStringLiteral("127.0.0.1"));
    port->setText(QString::number(m_server.serverPort()));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    // Accepting happens in the event loop.
    QTRY_VERIFY(m_server.hasPendingConnections());
    std::unique_ptr<QTcpSocket> peer(m_server.nextPendingConnection());
    QTRY_COMPARE(page.session()->state(), Session::State::Open);

    FIND(QComboBox, mode, &page, "sendMode");
    FIND(QCheckBox, escapesBox, &page, "sendEscapes");
    FIND(QPlainTextEdit, editor, &page, "sendEditor");
    FIND(QPushButton, sendButton, &page, "sendButton");
    FIND(QLabel, error, &page, "sendError");
    mode->setCurrentIndex(hexMode ? 1 : 0);
    escapesBox->setChecked(escapes);
    editor->setPlainText(text);
    QTRY_VERIFY(!sendButton->isEnabled());
    if (!reasonContains.isEmpty()) {
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(reasonContains), qPrintable(error->text()));
    }
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

    // Nothing left: a valid payload afterwards is the only thing the peer ever receives.
    mode->setCurrentIndex(0);
    escapesBox->setChecked(false);
    editor->setPlainText(QStringLiteral("ok"));
    QTRY_VERIFY(sendButton->isEnabled());
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTRY_COMPARE(peer->bytesAvailable(), qint64(2));
    QCOMPARE(peer->readAll(), QByteArray("ok"));
    QCOMPARE(page.transcript()->counters().txBytes, qint64(2));
}

void tst_BadInput::unknownHost()
{
    ClientPage page;
    FIND(QComboBox, host, &page, "clientHost");
    FIND(QLineEdit, port, &page, "clientPort");
    FIND(QPushButton, connectButton, &page, "clientConnect");
    FIND(QLabel, state, &page, "clientState");
    FIND(LogView, log, &page, "logView");
    // The .invalid top-level domain never resolves (RFC 2606), so this fails fast and without any network.
    host->setEditText(QStringLiteral("no-such-device.invalid"));
    port->setText(QStringLiteral("502"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY2(state->text().contains(QStringLiteral("Host not found")), qPrintable(state->text()));
    QCOMPARE(page.session()->state(), Session::State::Idle);
    QTRY_VERIFY2(log->allText().contains(QStringLiteral("no-such-device.invalid:502")), qPrintable(log->allText()));
    QCOMPARE(page.transcript()->counters().txBytes, qint64(0));
}

void tst_BadInput::serverPortOutOfRange()
{
    ServerPage page;
    FIND(QLineEdit, port, &page, "serverPort");
    FIND(QPushButton, listen, &page, "serverListen");
    FIND(QLabel, problem, &page, "serverInputError");
    port->setText(QStringLiteral("65536"));
    QVERIFY(!listen->isEnabled());
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(QStringLiteral("65535")), qPrintable(problem->text()));
    port->setText(QStringLiteral("http"));
    QVERIFY2(problem->text().contains(QStringLiteral("number")), qPrintable(problem->text()));
    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(page.session()->state(), Session::State::Idle);
}

void tst_BadInput::privilegedPortMessage()
{
    // The suite runs as root in CI, where binding port 80 succeeds; the words for the error are checked directly.
    const QString text = ErrorText::session(
        SessionError::fromSocket(QAbstractSocket::SocketAccessError, QStringLiteral("Permission denied")));
    QVERIFY2(text.contains(QStringLiteral("1024")), qPrintable(text));
    QVERIFY2(
        ErrorText::session(SessionError::Kind::AddressInUse).contains(QStringLiteral("in use")), "busy port wording");
}

QTEST_MAIN(tst_BadInput)
#include "tst_badinput.moc"
