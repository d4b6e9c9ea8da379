#include "clientpage.h"
#include "logview.h"
#include "widgetlookup.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// The TCP Client tab against a real QTcpServer on loopback, driven through its widgets.
class tst_ClientPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsAndShowsEndpoints();
    void sendsGbkAndRendersHistoryInNewEncoding();
    void refusesBadInput();
    void showsRefusedConnection();

private:
    static void selectData(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        combo->setCurrentIndex(index);
    }
    static QTcpSocket *connectPage(ClientPage &page, QTcpServer &server);
};

QTcpSocket *tst_ClientPage::connectPage(ClientPage &page, QTcpServer &server)
{
    auto *host = page.findChild<QComboBox *>(QStringLiteral("clientHost"));
    auto *port = page.findChild<QLineEdit *>(QStringLiteral("clientPort"));
    auto *connectButton = page.findChild<QPushButton *>(QStringLiteral("clientConnect"));
    if (!host || !port || !connectButton)
        return nullptr;
    host->setEditText(QStringLiteral("127.0.0.1"));
    port->setText(QString::number(server.serverPort()));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    // The connection completes in the event loop; wait for the server to see it.
    if (!QTest::qWaitFor([&server] { return server.hasPendingConnections(); }, 5000))
        return nullptr;
    return server.nextPendingConnection();
}

void tst_ClientPage::connectsAndShowsEndpoints()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    QTcpSocket *peer = connectPage(page, server);
    QVERIFY(peer);
    FIND(QLabel, state, &page, "clientState");
    FIND(QLabel, endpoints, &page, "clientEndpoints");
    FIND(QPushButton, connectButton, &page, "clientConnect");
    const QString peerText = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    QTRY_COMPARE(state->text(), QStringLiteral("Connected to ") + peerText);
    const QString localText = QStringLiteral("127.0.0.1:%1").arg(peer->peerPort());
    QVERIFY2(endpoints->text().contains(QStringLiteral("Peer ") + peerText), qPrintable(endpoints->text()));
    QVERIFY2(endpoints->text().contains(QStringLiteral("Local ") + localText), qPrintable(endpoints->text()));
    QCOMPARE(connectButton->text(), QStringLiteral("&Disconnect"));

    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE(state->text(), QStringLiteral("Disconnected"));
    QCOMPARE(connectButton->text(), QStringLiteral("&Connect"));
}

void tst_ClientPage::sendsGbkAndRendersHistoryInNewEncoding()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    QTcpSocket *peer = connectPage(page, server);
    QVERIFY(peer);
    FIND(QComboBox, sendEncoding, &page, "sendEncoding");
    FIND(QPlainTextEdit, editor, &page, "sendEditor");
    FIND(QPushButton, sendButton, &page, "sendButton");
    FIND(QComboBox, logEncoding, &page, "logEncoding");
    FIND(QComboBox, logViewMode, &page, "logViewMode");
    FIND(LogView, log, &page, "logView");

    selectData(sendEncoding, QByteArray("GBK"));
    editor->setPlainText(QStringLiteral("I Love Python!"));
    QTRY_VERIFY(sendButton->isEnabled()); // enabled once connected and the payload is valid
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTRY_COMPARE(peer->bytesAvailable(), qint64(14)); // bytes cross loopback in the event loop
    QCOMPARE(peer->readAll(), QByteArray("I Love Python!"));

    const QByteArray reply = QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221"); // 信息已收到,over! in GBK
    peer->write(reply);
    // The first exchange reads right: the log follows the send box's encoding.
    QTRY_VERIFY2(log->allText().contains(QString::fromUtf8("信息已收到,over!")), qPrintable(log->allText()));
    QVERIFY(!log->allText().contains(QChar(0xFFFD)));
    QVERIFY(log->allText().contains(QStringLiteral("I Love Python!")));

    // Set apart on purpose, the whole history re-renders and the log says it differs.
    FIND(QLabel, note, &page, "logEncodingNote");
    QVERIFY(!note->isVisibleTo(&page));
    selectData(logEncoding, QByteArray("UTF-8"));
    QVERIFY(log->allText().contains(QChar(0xFFFD))); // GBK bytes in UTF-8: replacement characters
    QVERIFY(note->isVisibleTo(&page));
    QCOMPARE(note->text(), QString::fromUtf8("\u2260 send box (GBK)"));
    selectData(logEncoding, QByteArray()); // "As the send box (GBK)"
    QVERIFY2(log->allText().contains(QString::fromUtf8("信息已收到,over!")), qPrintable(log->allText()));
    QVERIFY(!note->isVisibleTo(&page));

    logViewMode->setCurrentIndex(1); // Hex
    QVERIFY2(log->allText().contains(QStringLiteral("d0 c5 cf a2")), qPrintable(log->allText()));
}

void tst_ClientPage::refusesBadInput()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientPage page;
    FIND(QLineEdit, port, &page, "clientPort");
    FIND(QPushButton, connectButton, &page, "clientConnect");
    FIND(QLabel, inputError, &page, "clientInputError");

    port->setText(QStringLiteral("70000"));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(!inputError->isHidden());
    QVERIFY2(inputError->text().contains(QStringLiteral("65535")), qPrintable(inputError->text()));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QCOMPARE(page.session()->state(), Session::State::Idle);

    QTcpSocket *peer = connectPage(page, server);
    QVERIFY(peer);
    QTRY_COMPARE(page.session()->state(), Session::State::Open);
    FIND(QComboBox, sendMode, &page, "sendMode");
    FIND(QComboBox, sendEncoding, &page, "sendEncoding");
    FIND(QPlainTextEdit, editor, &page, "sendEditor");
    FIND(QPushButton, sendButton, &page, "sendButton");
    FIND(QLabel, sendError, &page, "sendError");

    sendMode->setCurrentIndex(1); // Hex
    editor->setPlainText(QStringLiteral("01 02 0"));
    QTRY_VERIFY(!sendButton->isEnabled());
    QVERIFY(!sendError->isHidden());
    QVERIFY2(sendError->text().contains(QStringLiteral("odd")), qPrintable(sendError->text()));
    QTest::mouseClick(sendButton, Qt::LeftButton);

    sendMode->setCurrentIndex(0); // Text
    selectData(sendEncoding, QByteArray("GBK"));
    editor->setPlainText(QString::fromUtf8("ok 😀"));
    QTRY_VERIFY(!sendButton->isEnabled());
    QVERIFY2(sendError->text().contains(QStringLiteral("U+1F600")), qPrintable(sendError->text()));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

    // Nothing reached the peer: a round trip of valid data shows the stream holds only that.
    editor->setPlainText(QStringLiteral("ok"));
    QTRY_VERIFY(sendButton->isEnabled());
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTRY_COMPARE(peer->bytesAvailable(), qint64(2));
    QCOMPARE(peer->readAll(), QByteArray("ok"));
}

void tst_ClientPage::showsRefusedConnection()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    ClientPage page;
    FIND(QComboBox, host, &page, "clientHost");
    FIND(QLineEdit, port, &page, "clientPort");
    FIND(QPushButton, connectButton, &page, "clientConnect");
    FIND(QLabel, state, &page, "clientState");
    host->setEditText(QStringLiteral("127.0.0.1"));
    port->setText(QString::number(closedPort));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY2(state->text().contains(QStringLiteral("refused")), qPrintable(state->text()));
    QCOMPARE(page.session()->state(), Session::State::Idle);
}

QTEST_MAIN(tst_ClientPage)
#include "tst_clientpage.moc"
