// SendPanel: when a send happens (button, Ctrl+Enter, peer availability) and the history of what was sent.

#include "sendpaneltesting.h"

#include <QTest>

using SendPanelTesting::Fixture;

class tst_SendPanelHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noPeerDisablesSend();
    void ctrlEnterSends_data();
    void ctrlEnterSends();
    void historyRecallRestoresTextAndSpec();
    void historyIsDeduplicatedAndCapped();
    void ctrlUpDownWalkHistory();
};

void tst_SendPanelHistory::noPeerDisablesSend()
{
    Fixture f;
    f.type(QStringLiteral("hello"));
    QVERIFY(f.send->isEnabled());
    f.panel.setPeerAvailable(false);
    QVERIFY(!f.send->isEnabled());
    QCOMPARE(f.send->toolTip(), QStringLiteral("Not connected"));
    QCOMPARE(f.preview->text(), QStringLiteral("68 65 6C 6C 6F")); // the preview still works offline
    QTest::keyClick(f.editor, Qt::Key_Return, Qt::ControlModifier);
    f.panel.send();
    QCOMPARE(f.sent.count(), 0);
    f.panel.setPeerAvailable(true);
    QVERIFY(f.send->isEnabled());
    QTest::keyClick(f.editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.lastSent(), QByteArray("hello"));
}

void tst_SendPanelHistory::ctrlEnterSends_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Ctrl+Return") << int(Qt::Key_Return) << int(Qt::ControlModifier);
    QTest::newRow("Ctrl+Enter (keypad)") << int(Qt::Key_Enter) << int(Qt::ControlModifier | Qt::KeypadModifier);
}

void tst_SendPanelHistory::ctrlEnterSends()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    Fixture f;
    QTest::keyClicks(f.editor, QStringLiteral("AT"));
    QTest::keyClick(f.editor, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.lastSent(), QByteArray("AT"));
    QCOMPARE(f.panel.text(), QStringLiteral("AT")); // the key did not also insert a new line
    QTest::keyClick(f.editor, Qt::Key_Return); // a plain Return is still a new line
    QCOMPARE(f.panel.text(), QStringLiteral("AT\n"));
    QCOMPARE(f.sent.count(), 1);
}

void tst_SendPanelHistory::historyRecallRestoresTextAndSpec()
{
    Fixture f;
    f.type(QStringLiteral("hello"));
    QTest::mouseClick(f.send, Qt::LeftButton);

    f.editor->clear();
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    QVERIFY(f.chooseText(f.checksum, QStringLiteral("CRC-16/MODBUS")));
    f.type(QStringLiteral("01 03 00 00 00 0A"));
    const Payload::Spec hexSpec = f.panel.spec();
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.sent.count(), 2);
    QCOMPARE(f.history->count(), 2);
    QCOMPARE(f.panel.history().at(0).text, QStringLiteral("01 03 00 00 00 0A")); // newest first

    f.history->activated(1); // what QComboBox emits when the user picks an entry
    QCOMPARE(f.panel.text(), QStringLiteral("hello"));
    QVERIFY(f.panel.spec() == Payload::Spec());
    QCOMPARE(f.mode->currentData().toInt(), int(Payload::Mode::Text));
    QCOMPARE(f.checksum->currentData().toInt(), int(Checksum::Algorithm::None));
    QCOMPARE(f.preview->text(), QStringLiteral("68 65 6C 6C 6F"));

    f.history->activated(0);
    QCOMPARE(f.panel.text(), QStringLiteral("01 03 00 00 00 0A")); // not converted: the spec came with it
    QVERIFY(f.panel.spec() == hexSpec);
    QCOMPARE(f.preview->text(), QStringLiteral("01 03 00 00 00 0A C5 CD"));
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.lastSent(), QByteArray::fromHex("01030000000ac5cd"));
}

void tst_SendPanelHistory::historyIsDeduplicatedAndCapped()
{
    Fixture f;
    for (int i = 0; i < SendPanel::MaxHistory + 5; ++i) {
        f.panel.setText(QString::number(i));
        f.panel.send();
    }
    QCOMPARE(f.panel.history().size(), SendPanel::MaxHistory);
    QCOMPARE(f.history->count(), SendPanel::MaxHistory);
    QCOMPARE(f.panel.history().first().text, QString::number(SendPanel::MaxHistory + 4));
    QCOMPARE(f.panel.history().last().text, QStringLiteral("5"));

    f.panel.setText(QStringLiteral("30"));
    f.panel.send();
    QCOMPARE(f.panel.history().size(), SendPanel::MaxHistory); // moved to the top, not added twice
    QCOMPARE(f.panel.history().first().text, QStringLiteral("30"));
    QCOMPARE(f.panel.history().at(1).text, QString::number(SendPanel::MaxHistory + 4));

    Payload::Spec crlf;
    crlf.lineEnding = Payload::LineEnding::CRLF;
    f.panel.setSpec(crlf);
    f.panel.send(); // the same text with other options is another payload
    QCOMPARE(f.panel.history().size(), SendPanel::MaxHistory);
    QCOMPARE(f.panel.history().at(0).text, QStringLiteral("30"));
    QCOMPARE(f.panel.history().at(1).text, QStringLiteral("30"));
}

void tst_SendPanelHistory::ctrlUpDownWalkHistory()
{
    Fixture f;
    for (const char *text : {"one", "two", "three"}) {
        f.panel.setText(QString::fromLatin1(text));
        f.panel.send();
    }
    f.panel.setText(QStringLiteral("draft"));
    QTest::keyClick(f.editor, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(f.panel.text(), QStringLiteral("three"));
    QTest::keyClick(f.editor, Qt::Key_Up, Qt::ControlModifier);
    QTest::keyClick(f.editor, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(f.panel.text(), QStringLiteral("one"));
    QTest::keyClick(f.editor, Qt::Key_Up, Qt::ControlModifier); // the oldest stays
    QCOMPARE(f.panel.text(), QStringLiteral("one"));
    QTest::keyClick(f.editor, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(f.panel.text(), QStringLiteral("two"));
    QTest::keyClick(f.editor, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(f.editor, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(f.panel.text(), QStringLiteral("draft")); // back to what was being typed
    QCOMPARE(f.sent.count(), 3);
}

QTEST_MAIN(tst_SendPanelHistory)
#include "tst_sendpanelhistory.moc"
