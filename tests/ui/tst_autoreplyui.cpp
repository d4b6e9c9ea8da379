#include "autoreplydialog.h"
#include "log/framer.h"
#include "log/transcript.h"
#include "serverpage.h"
#include "session/autoresponder.h"
#include "session/tabmodel.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>

// Auto-reply in the server tab, with real client sockets on loopback: rules edited in the dialog answer the
// client that sent the data, and every reply is logged as TX right after its RX.
class tst_AutoReplyUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleAnswersClient();
    void echoAnswersEachFrame();
    void offMeansSilent();
    void dialogEditsRules();
    void dialogShowsProblems();
    void rulesPersist();

private:
    static quint16 startListening(ServerPage &page)
    {
        page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
        page.toggleSession();
        return page.session()->localPort();
    }
    static QByteArray readAll(QTcpSocket &socket, qsizetype expected)
    {
        QByteArray got;
        // Replies come back through both event loops: wait until all expected bytes are here.
        (void)QTest::qWaitFor(
            [&] {
                got += socket.readAll();
                return got.size() >= expected;
            },
            5000);
        return got;
    }
    static AutoReply::Rule rule(AutoReply::Match match, const QString &pattern, const QString &reply, bool hex = false)
    {
        AutoReply::Rule r;
        r.match = match;
        r.pattern = pattern;
        r.patternIsHex = hex;
        r.reply = reply;
        r.replySpec.mode = hex ? Payload::Mode::Hex : Payload::Mode::Text;
        r.replySpec.escapes = !hex;
        return r;
    }
};

void tst_AutoReplyUi::ruleAnswersClient()
{
    ServerPage page;
    const quint16 port = startListening(page);
    QVERIFY(port != 0);
    page.autoResponder()->setRules(
        {rule(AutoReply::Match::Equals, QStringLiteral("PING\n"), QStringLiteral("PONG\\r\\n")),
            rule(AutoReply::Match::StartsWith, QStringLiteral("01 03"), QStringLiteral("01 03 02 00 2A"), true)});
    FIND(QCheckBox, toggle, &page, "autoReplyToggle");
    toggle->click();
    QVERIFY(page.autoResponder()->isEnabled());

    QTcpSocket a;
    QTcpSocket b;
    a.connectToHost(QHostAddress::LocalHost, port);
    b.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(a.waitForConnected(5000));
    QVERIFY(b.waitForConnected(5000));
    QTRY_COMPARE(page.session()->peerCount(), 2);

    a.write("PING\n");
    QCOMPARE(readAll(a, 6), QByteArray("PONG\r\n"));
    b.write(QByteArray::fromHex("0103000a0001"));
    QCOMPARE(readAll(b, 5), QByteArray::fromHex("010302002a"));
    const qint64 rxBefore = page.transcript()->counters().rxBytes;
    a.write("no rule for this");
    // A reply is sent from inside the received signal, so once the RX is logged any reply would be logged too.
    QTRY_COMPARE(page.transcript()->counters().rxBytes, rxBefore + 16);
    QCOMPARE(page.autoResponder()->replyCount(), 2);
    QCOMPARE(page.transcript()->counters().txMessages, 2);

    // Each TX follows the RX it answers, to the same peer.
    const Transcript *log = page.transcript();
    int pairs = 0;
    for (qsizetype i = 1; i < log->size(); ++i) {
        const Record &r = log->at(i);
        if (r.direction != Direction::Tx)
            continue;
        const Record &before = log->at(i - 1);
        QCOMPARE(before.direction, Direction::Rx);
        QCOMPARE(before.peer, r.peer);
        ++pairs;
    }
    QCOMPARE(pairs, 2);
}

void tst_AutoReplyUi::echoAnswersEachFrame()
{
    ServerPage page;
    const quint16 port = startListening(page);
    page.autoResponder()->setEcho(true);
    page.autoResponder()->setEnabled(true);
    FIND(QCheckBox, toggle, &page, "autoReplyToggle");
    QVERIFY(toggle->isChecked()); // the check follows the responder
    FIND(QComboBox, mode, &page, "framingMode");
    mode->setCurrentIndex(mode->findData(int(Framer::Mode::Delimiter)));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("one\ntwo\nthr");
    QCOMPARE(readAll(client, 8), QByteArray("one\ntwo\n"));
    client.write("ee\n");
    QCOMPARE(readAll(client, 6), QByteArray("three\n"));
    // With framing on, the echo answers frames: three replies for two reads.
    QCOMPARE(page.autoResponder()->replyCount(), 3);
    QCOMPARE(page.transcript()->counters().txMessages, 3);
}

void tst_AutoReplyUi::offMeansSilent()
{
    ServerPage page;
    const quint16 port = startListening(page);
    page.autoResponder()->setEcho(true);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("hello");
    QTRY_COMPARE(page.transcript()->counters().rxBytes, 5);
    // Replies are sent synchronously from the received signal: none was.
    QCOMPARE(page.transcript()->counters().txBytes, 0);
    QCOMPARE(page.autoResponder()->replyCount(), 0);
}

void tst_AutoReplyUi::dialogEditsRules()
{
    ServerPage page;
    FIND(QToolButton, rulesButton, &page, "autoReplyRules");
    rulesButton->click();
    auto *dialog = page.findChild<AutoReplyDialog *>(QStringLiteral("autoReplyDialog"));
    QVERIFY(dialog);
    FIND(QPushButton, add, dialog, "autoReplyAdd");
    FIND(QTableWidget, table, dialog, "autoReplyRules");
    FIND(QCheckBox, echo, dialog, "autoReplyEcho");
    add->click();
    add->click();
    QCOMPARE(table->rowCount(), 2);
    table->item(0, AutoReplyDialog::PatternColumn)->setText(QStringLiteral("first"));
    table->item(0, AutoReplyDialog::ReplyColumn)->setText(QStringLiteral("1"));
    table->item(1, AutoReplyDialog::PatternColumn)->setText(QStringLiteral("^AT"));
    table->item(1, AutoReplyDialog::ReplyColumn)->setText(QStringLiteral("OK"));
    auto *match = qobject_cast<QComboBox *>(table->cellWidget(1, AutoReplyDialog::MatchColumn));
    QVERIFY(match);
    match->setCurrentIndex(match->findData(int(AutoReply::Match::Regex)));
    auto *ending = qobject_cast<QComboBox *>(table->cellWidget(1, AutoReplyDialog::LineEndingColumn));
    ending->setCurrentIndex(ending->findData(int(Payload::LineEnding::CRLF)));
    // Move the regex rule first.
    table->setCurrentCell(1, AutoReplyDialog::NameColumn);
    FIND(QPushButton, up, dialog, "autoReplyUp");
    up->click();
    echo->setChecked(true);
    dialog->accept();

    const QList<AutoReply::Rule> rules = page.autoResponder()->rules();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules[0].pattern, QStringLiteral("^AT"));
    QCOMPARE(rules[0].match, AutoReply::Match::Regex);
    QCOMPARE(rules[0].replySpec.lineEnding, Payload::LineEnding::CRLF);
    QCOMPARE(rules[1].pattern, QStringLiteral("first"));
    QCOMPARE(rules[1].name, QStringLiteral("Rule 1"));
    QVERIFY(page.autoResponder()->echo());
    QCOMPARE(AutoReply::replyFor("AT+GMR", rules, "UTF-8"), std::optional<QByteArray>("OK\r\n"));
}

void tst_AutoReplyUi::dialogShowsProblems()
{
    AutoReplyDialog dialog;
    dialog.setRules({rule(AutoReply::Match::Contains, QStringLiteral("0G"), QStringLiteral("01"), true)});
    FIND(QLabel, problem, &dialog, "autoReplyProblem");
    QCOMPARE(problem->text(), QStringLiteral("Rule 1: the pattern is not valid hex"));
    FIND(QTableWidget, table, &dialog, "autoReplyRules");
    table->item(0, AutoReplyDialog::PatternColumn)->setText(QStringLiteral("0A"));
    QCOMPARE(problem->text(), QString());
    table->item(0, AutoReplyDialog::ReplyColumn)->setText(QString());
    QCOMPARE(problem->text(), QStringLiteral("Rule 1: the reply is empty or not valid in its format"));
    QVERIFY(!table->item(0, AutoReplyDialog::ReplyColumn)->toolTip().isEmpty());
}

void tst_AutoReplyUi::rulesPersist()
{
    QJsonObject saved;
    {
        ServerPage page;
        page.autoResponder()->setRules({rule(AutoReply::Match::Equals, QStringLiteral("a"), QStringLiteral("b"))});
        page.autoResponder()->setEcho(true);
        page.autoResponder()->setEnabled(true);
        saved = page.model()->receiveSettings();
        QCOMPARE(AutoReply::fromJson(page.autoResponder()->rulesJson()), page.autoResponder()->rules());
    }
    ServerPage restored;
    restored.model()->setReceiveSettings(saved);
    QCOMPARE(restored.autoResponder()->rules().size(), 1);
    QCOMPARE(restored.autoResponder()->rules()[0].reply, QStringLiteral("b"));
    QVERIFY(restored.autoResponder()->echo());
    QVERIFY(restored.autoResponder()->isEnabled());
    FIND(QCheckBox, toggle, &restored, "autoReplyToggle");
    QVERIFY(toggle->isChecked());

    ServerPage rulesOnly;
    rulesOnly.autoResponder()->setRulesJson(
        saved.value(QStringLiteral("autoReply")).toObject().value(QStringLiteral("rules")).toArray());
    QCOMPARE(rulesOnly.autoResponder()->rules(), restored.autoResponder()->rules());
}

QTEST_MAIN(tst_AutoReplyUi)
#include "tst_autoreplyui.moc"
