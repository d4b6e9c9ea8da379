#include "logview.h"
#include "peertablemodel.h"
#include "serverpage.h"
#include "widgetlookup.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

// The TCP Server tab with real client sockets on loopback, driven through its widgets.
class tst_ServerPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listensOnChosenPort();
    void tableTargetsAndDisconnects();
    void busyPortShowsError();
};

namespace {
quint16 startListening(ServerPage &page)
{
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    auto *listen = page.findChild<QPushButton *>(QStringLiteral("serverListen"));
    if (!listen)
        return 0;
    QTest::mouseClick(listen, Qt::LeftButton);
    return page.session()->localPort();
}
} // namespace

void tst_ServerPage::listensOnChosenPort()
{
    ServerPage page;
    const quint16 port = startListening(page);
    QVERIFY(port != 0);
    FIND(QLineEdit, portEdit, &page, "serverPort");
    FIND(QLabel, state, &page, "serverState");
    FIND(QPushButton, listen, &page, "serverListen");
    QCOMPARE(portEdit->text(), QString::number(port)); // port 0 became the OS-chosen port, shown
    QCOMPARE(state->text(), QStringLiteral("Listening on 127.0.0.1:%1").arg(port));
    QCOMPARE(listen->text(), QStringLiteral("&Stop"));
    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(state->text(), QStringLiteral("Not listening"));
}

void tst_ServerPage::tableTargetsAndDisconnects()
{
    ServerPage page;
    const quint16 port = startListening(page);
    QVERIFY(port != 0);
    FIND(QTableView, table, &page, "serverClients");
    FIND(QComboBox, target, &page, "serverTarget");
    FIND(QPlainTextEdit, editor, &page, "sendEditor");
    FIND(QPushButton, sendButton, &page, "sendButton");
    FIND(QPushButton, disconnectButton, &page, "serverDisconnectClient");
    FIND(LogView, log, &page, "logView");

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    // Accepting happens in the event loop and the table inserts arrivals in batches.
    QTRY_COMPARE(table->model()->rowCount(), 3);
    QStringList shown;
    for (int row = 0; row < 3; ++row)
        shown << table->model()->index(row, PeerTableModel::PeerColumn).data().toString();
    for (const auto &client : clients)
        QVERIFY2(shown.contains(QStringLiteral("127.0.0.1:%1").arg(client->localPort())), qPrintable(shown.join(u' ')));

    // Send to the selected client only.
    const QString chosen = shown.at(1);
    auto *chosenClient = std::find_if(clients.begin(), clients.end(), [&](const auto &c) {
        return QStringLiteral("127.0.0.1:%1").arg(c->localPort()) == chosen;
    })->get();
    table->selectRow(1);
    target->setCurrentIndex(1); // Selected clients
    editor->setPlainText(QStringLiteral("one"));
    QTRY_VERIFY(sendButton->isEnabled());
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QTRY_COMPARE(chosenClient->bytesAvailable(), qint64(3));

    // Broadcast reaches everyone; the others got nothing before it.
    target->setCurrentIndex(0);
    editor->setPlainText(QStringLiteral("all"));
    QTest::mouseClick(sendButton, Qt::LeftButton);
    for (const auto &client : clients) {
        const QByteArray expected = client.get() == chosenClient ? QByteArray("oneall") : QByteArray("all");
        QTRY_COMPARE(client->bytesAvailable(), qint64(expected.size()));
        QCOMPARE(client->readAll(), expected);
    }

    // Disconnect selected drops exactly that client.
    table->selectRow(1);
    QVERIFY(disconnectButton->isEnabled());
    QTest::mouseClick(disconnectButton, Qt::LeftButton);
    QTRY_COMPARE(chosenClient->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    for (const auto &client : clients) {
        if (client.get() != chosenClient)
            QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    }

    // A client leaving on its own removes its row and logs the event with its endpoint.
    QTcpSocket *leaving = clients.front().get() == chosenClient ? clients.back().get() : clients.front().get();
    const QString leavingEndpoint = QStringLiteral("127.0.0.1:%1").arg(leaving->localPort());
    leaving->disconnectFromHost();
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY2(
        log->allText().contains(QStringLiteral("Disconnected: ") + leavingEndpoint), qPrintable(log->allText()));
    QVERIFY(log->allText().contains(QStringLiteral("Connected: ") + leavingEndpoint));
}

void tst_ServerPage::busyPortShowsError()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    ServerPage page;
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), occupant.serverPort());
    FIND(QPushButton, listen, &page, "serverListen");
    FIND(QLabel, state, &page, "serverState");
    QTest::mouseClick(listen, Qt::LeftButton);
    QCOMPARE(page.session()->state(), Session::State::Idle);
    QVERIFY2(state->text().contains(QStringLiteral("already in use")), qPrintable(state->text()));
}

QTEST_MAIN(tst_ServerPage)
#include "tst_serverpage.moc"
