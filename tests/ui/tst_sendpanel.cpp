#include "errortext.h"
#include "sendpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {

// The panel as a user sees it: shown, with a peer, its widgets found by objectName like a screen reader would.
struct Fixture
{
    SendPanel panel;
    QPlainTextEdit *editor = nullptr;
    QComboBox *mode = nullptr;
    QComboBox *encoding = nullptr;
    QCheckBox *escapes = nullptr;
    QComboBox *lineEnding = nullptr;
    QComboBox *checksum = nullptr;
    QComboBox *order = nullptr;
    QLabel *preview = nullptr;
    QLabel *byteCount = nullptr;
    QLabel *error = nullptr;
    QComboBox *history = nullptr;
    QPushButton *send = nullptr;
    QSignalSpy sent {&panel, &SendPanel::sendRequested};

    Fixture()
    {
        editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("sendEditor"));
        mode = panel.findChild<QComboBox *>(QStringLiteral("sendMode"));
        encoding = panel.findChild<QComboBox *>(QStringLiteral("sendEncoding"));
        escapes = panel.findChild<QCheckBox *>(QStringLiteral("sendEscapes"));
        lineEnding = panel.findChild<QComboBox *>(QStringLiteral("sendLineEnding"));
        checksum = panel.findChild<QComboBox *>(QStringLiteral("sendChecksum"));
        order = panel.findChild<QComboBox *>(QStringLiteral("sendChecksumOrder"));
        preview = panel.findChild<QLabel *>(QStringLiteral("sendPreview"));
        byteCount = panel.findChild<QLabel *>(QStringLiteral("sendByteCount"));
        error = panel.findChild<QLabel *>(QStringLiteral("sendError"));
        history = panel.findChild<QComboBox *>(QStringLiteral("sendHistory"));
        send = panel.findChild<QPushButton *>(QStringLiteral("sendButton"));
        panel.setPeerAvailable(true);
        panel.resize(800, 240);
        panel.show();
    }
    bool complete() const
    {
        return editor && mode && encoding && escapes && lineEnding && checksum && order && preview && byteCount && error
            && history && send;
    }
    // Picks an item the way a user does: the panel reacts to currentIndexChanged, as for a mouse choice.
    static bool choose(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        if (index >= 0)
            combo->setCurrentIndex(index);
        return index >= 0;
    }
    bool chooseText(QComboBox *combo, const QString &text)
    {
        const int index = combo->findText(text);
        if (index >= 0)
            combo->setCurrentIndex(index);
        return index >= 0;
    }
    void type(const QString &text)
    {
        editor->setFocus();
        editor->insertPlainText(text); // what a paste or an input method commit does
    }
    QByteArray lastSent() const { return sent.isEmpty() ? QByteArray() : sent.last().at(0).toByteArray(); }
};

} // namespace

class tst_SendPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widgetsAreNamed();
    void gbkTextSendsExactBytes_data();
    void gbkTextSendsExactBytes();
    void hexWithModbusCrc();
    void checksumOrderFollowsAlgorithm_data();
    void checksumOrderFollowsAlgorithm();
    void oddHexDigitsSendNothing();
    void unencodableCharacterSendsNothing();
    void escapes();
    void lineEndingInUtf16();
    void noPeerDisablesSend();
    void ctrlEnterSends_data();
    void ctrlEnterSends();
    void historyRecallRestoresTextAndSpec();
    void historyIsDeduplicatedAndCapped();
    void ctrlUpDownWalkHistory();
    void textHexTextRoundTrip();
    void modeSwitchLeavesInvalidTextAlone_data();
    void modeSwitchLeavesInvalidTextAlone();
    void longPayloadPreviewIsElided();
    void hugePasteIsRebuiltLater();
};

void tst_SendPanel::widgetsAreNamed()
{
    Fixture f;
    QVERIFY(f.complete());
    const QList<QWidget *> interactive {
        f.editor, f.mode, f.encoding, f.escapes, f.lineEnding, f.checksum, f.order, f.history, f.send};
    for (QWidget *w : interactive) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(f.encoding->currentData().toByteArray(), QByteArray("UTF-8"));
    QVERIFY(f.encoding->findData(QByteArray("GBK")) >= 0);
    QCOMPARE(f.checksum->count(), 7);
    QCOMPARE(f.checksum->itemText(4), QStringLiteral("CRC-16/MODBUS"));
    QCOMPARE(f.send->text(), QStringLiteral("&Send"));
}

void tst_SendPanel::gbkTextSendsExactBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("ascii") << QStringLiteral("I Love Python!") << QByteArray("I Love Python!");
    QTest::newRow("chinese") << QStringLiteral("信息已收到,over!")
                             << QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221");
}

void tst_SendPanel::gbkTextSendsExactBytes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    Fixture f;
    QVERIFY(f.choose(f.encoding, QByteArray("GBK")));
    if (text.front().unicode() < 0x80)
        QTest::keyClicks(f.editor, text); // really typed, key by key
    else
        f.type(text);
    QVERIFY(f.send->isEnabled());
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.lastSent().toHex(), bytes.toHex());
    QCOMPARE(f.panel.payload().bytes, bytes);
}

void tst_SendPanel::hexWithModbusCrc()
{
    Fixture f;
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    f.type(QStringLiteral("01 03 00 00 00 0A"));
    QVERIFY(f.chooseText(f.checksum, QStringLiteral("CRC-16/MODBUS")));
    QCOMPARE(f.order->currentData().toInt(), int(Checksum::ByteOrder::LittleEndian));
    QCOMPARE(f.preview->text(), QStringLiteral("01 03 00 00 00 0A C5 CD"));
    QCOMPARE(f.byteCount->text(), QStringLiteral("8 bytes"));
    QVERIFY(f.error->isHidden());
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.lastSent(), QByteArray::fromHex("01030000000ac5cd"));
}

void tst_SendPanel::checksumOrderFollowsAlgorithm_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("order");
    QTest::addColumn<bool>("orderEnabled");
    QTest::addColumn<QString>("preview"); // of hex "31 32 33 34 35 36 37 38 39", the catalogue's check input
    const int big = int(Checksum::ByteOrder::BigEndian);
    const int little = int(Checksum::ByteOrder::LittleEndian);
    const QString check = QStringLiteral("31 32 33 34 35 36 37 38 39");
    QTest::newRow("None") << QStringLiteral("None") << big << false << check;
    QTest::newRow("SUM8") << QStringLiteral("SUM8") << big << false << check + QStringLiteral(" DD");
    QTest::newRow("XOR8") << QStringLiteral("XOR8") << big << false << check + QStringLiteral(" 31");
    QTest::newRow("CRC-8") << QStringLiteral("CRC-8") << big << false << check + QStringLiteral(" F4");
    QTest::newRow("modbus") << QStringLiteral("CRC-16/MODBUS") << little << true << check + QStringLiteral(" 37 4B");
    QTest::newRow("ccitt") << QStringLiteral("CRC-16/CCITT-FALSE") << big << true << check + QStringLiteral(" 29 B1");
    QTest::newRow("CRC-32") << QStringLiteral("CRC-32") << big << true << check + QStringLiteral(" CB F4 39 26");
}

void tst_SendPanel::checksumOrderFollowsAlgorithm()
{
    QFETCH(QString, algorithm);
    QFETCH(int, order);
    QFETCH(bool, orderEnabled);
    QFETCH(QString, preview);
    Fixture f;
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    f.type(QStringLiteral("31 32 33 34 35 36 37 38 39"));
    // Start from the opposite order and another algorithm, so that the switch is really made by the panel.
    QVERIFY(f.chooseText(
        f.checksum, algorithm == QLatin1String("CRC-32") ? QStringLiteral("CRC-16/MODBUS") : QStringLiteral("CRC-32")));
    QVERIFY(f.choose(f.order, order == 0 ? 1 : 0));
    QVERIFY(f.chooseText(f.checksum, algorithm));
    QCOMPARE(f.order->currentData().toInt(), order);
    QCOMPARE(f.order->isEnabled(), orderEnabled);
    QCOMPARE(f.preview->text(), preview);
    if (orderEnabled) { // the user can still override the protocol's usual order
        QVERIFY(f.choose(f.order, order == 0 ? 1 : 0));
        QCOMPARE(f.panel.spec().checksumOrder, Checksum::ByteOrder(order == 0 ? 1 : 0));
        QVERIFY(f.preview->text() != preview);
    }
}

void tst_SendPanel::oddHexDigitsSendNothing()
{
    Fixture f;
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    f.type(QStringLiteral("01 03 0"));
    QVERIFY(!f.send->isEnabled());
    QVERIFY(f.error->isVisible());
    QCOMPARE(f.panel.payload().error, Payload::Error::BadHex);
    const QString reason = ErrorText::payload(f.panel.payload(), f.panel.text());
    QVERIFY(!reason.isEmpty());
    QCOMPARE(f.error->text(), reason);
    QCOMPARE(f.send->toolTip(), reason);
    QTest::mouseClick(f.send, Qt::LeftButton);
    QTest::keyClick(f.editor, Qt::Key_Return, Qt::ControlModifier);
    f.panel.send();
    QCOMPARE(f.sent.count(), 0);
    QCOMPARE(f.panel.history().size(), 0);

    f.type(QStringLiteral("A")); // fixed: the reason goes away and Send comes back
    QVERIFY(f.send->isEnabled());
    QVERIFY(f.error->isHidden());
    QCOMPARE(f.preview->text(), QStringLiteral("01 03 0A"));
}

void tst_SendPanel::unencodableCharacterSendsNothing()
{
    Fixture f;
    QVERIFY(f.choose(f.encoding, QByteArray("GBK")));
    f.type(QStringLiteral("ok \U0001F600"));
    QVERIFY(!f.send->isEnabled());
    QVERIFY(f.error->isVisible());
    QVERIFY2(f.error->text().contains(QLatin1String("U+1F600")), qPrintable(f.error->text()));
    QTest::keyClick(f.editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(f.sent.count(), 0);

    QVERIFY(f.choose(f.encoding, QByteArray("UTF-8"))); // the same text is fine in UTF-8
    QVERIFY(f.send->isEnabled());
    QVERIFY(f.error->isHidden());
    QCOMPARE(f.preview->text(), QStringLiteral("6F 6B 20 F0 9F 98 80"));
}

void tst_SendPanel::escapes()
{
    Fixture f;
    f.type(QStringLiteral("a\\r\\n"));
    QCOMPARE(f.preview->text(), QStringLiteral("61 5C 72 5C 6E")); // off: a backslash is a backslash
    f.escapes->click();
    QVERIFY(f.panel.spec().escapes);
    QCOMPARE(f.preview->text(), QStringLiteral("61 0D 0A"));
    QCOMPARE(f.byteCount->text(), QStringLiteral("3 bytes"));
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.lastSent(), QByteArray("a\r\n"));

    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    QVERIFY(!f.escapes->isEnabled());
}

void tst_SendPanel::lineEndingInUtf16()
{
    Fixture f;
    QVERIFY(f.choose(f.encoding, QByteArray("UTF-16LE")));
    QVERIFY(f.chooseText(f.lineEnding, QStringLiteral("CRLF")));
    f.type(QStringLiteral("ab"));
    QCOMPARE(f.preview->text(), QStringLiteral("61 00 62 00 0D 00 0A 00"));
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.lastSent(), QByteArray::fromHex("610062000d000a00"));
}

void tst_SendPanel::noPeerDisablesSend()
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

void tst_SendPanel::ctrlEnterSends_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Ctrl+Return") << int(Qt::Key_Return) << int(Qt::ControlModifier);
    QTest::newRow("Ctrl+Enter (keypad)") << int(Qt::Key_Enter) << int(Qt::ControlModifier | Qt::KeypadModifier);
}

void tst_SendPanel::ctrlEnterSends()
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

void tst_SendPanel::historyRecallRestoresTextAndSpec()
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

void tst_SendPanel::historyIsDeduplicatedAndCapped()
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

void tst_SendPanel::ctrlUpDownWalkHistory()
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

void tst_SendPanel::textHexTextRoundTrip()
{
    Fixture f;
    const QString text = QStringLiteral("h\u00e9 \u4e2d\\n");
    f.escapes->click();
    f.type(text);
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    QCOMPARE(f.panel.text(), QStringLiteral("68 C3 A9 20 E4 B8 AD 0A"));
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Text)));
    QCOMPARE(f.panel.text(), QStringLiteral("h\u00e9 \u4e2d\n")); // the escape became the byte it stood for
    QCOMPARE(f.preview->text(), QStringLiteral("68 C3 A9 20 E4 B8 AD 0A"));

    QVERIFY(f.choose(f.encoding, QByteArray("GBK")));
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Hex)));
    QCOMPARE(f.panel.text(), QStringLiteral("68 A8 A6 20 D6 D0 0A"));
    QVERIFY(f.choose(f.mode, int(Payload::Mode::Text)));
    QCOMPARE(f.panel.text(), QStringLiteral("h\u00e9 \u4e2d\n"));
}

void tst_SendPanel::modeSwitchLeavesInvalidTextAlone_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("text");
    const int text = int(Payload::Mode::Text);
    const int hex = int(Payload::Mode::Hex);
    QTest::newRow("bad hex") << hex << QByteArray("UTF-8") << QStringLiteral("01 0G");
    QTest::newRow("odd hex") << hex << QByteArray("UTF-8") << QStringLiteral("01 0");
    QTest::newRow("not UTF-8") << hex << QByteArray("UTF-8") << QStringLiteral("FF 41"); // would become U+FFFD
    QTest::newRow("unencodable") << text << QByteArray("GBK") << QStringLiteral("\U0001F600");
}

void tst_SendPanel::modeSwitchLeavesInvalidTextAlone()
{
    QFETCH(int, from);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, text);
    Fixture f;
    QVERIFY(f.choose(f.encoding, encoding));
    QVERIFY(f.choose(f.mode, from));
    f.type(text);
    QVERIFY(f.choose(f.mode, 1 - from));
    QCOMPARE(f.panel.text(), text);
    QCOMPARE(int(f.panel.spec().mode), 1 - from);
}

void tst_SendPanel::longPayloadPreviewIsElided()
{
    Fixture f;
    f.type(QString(1000, QLatin1Char('A')));
    QString expected;
    for (int i = 0; i < 256; ++i)
        expected += QLatin1String(i ? " 41" : "41");
    expected += QStringLiteral(" \u2026 (1000 bytes)");
    QCOMPARE(f.preview->text(), expected);
    QCOMPARE(f.byteCount->text(), QStringLiteral("1000 bytes"));
    QTest::mouseClick(f.send, Qt::LeftButton);
    QCOMPARE(f.lastSent(), QByteArray(1000, 'A')); // only the preview is short
}

void tst_SendPanel::hugePasteIsRebuiltLater()
{
    Fixture f;
    // 2 MiB in lines, as a pasted log looks (one multi-megabyte line is slow in QPlainTextEdit's layout itself).
    const QString huge
        = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdex\n").repeated(32 * 1024);
    f.type(huge);
    f.type(QStringLiteral("yz"));
    QCOMPARE(f.byteCount->text(), QStringLiteral("0 bytes")); // not rebuilt inside the keystroke
    // payload() and Send never see a stale result, even before the deferred rebuild ran.
    QCOMPARE(f.panel.payload().bytes.size(), huge.size() + 2);
    QTRY_COMPARE(f.byteCount->text(), QStringLiteral("%1 bytes").arg(huge.size() + 2)); // the event loop's turn
    f.panel.send();
    QCOMPARE(f.lastSent().size(), huge.size() + 2);
    QVERIFY(f.lastSent().endsWith("x\nyz"));
}

QTEST_MAIN(tst_SendPanel)
#include "tst_sendpanel.moc"
