// SendPanel: the bytes that text, hex, encodings, escapes, line endings and checksums make, and their preview.

#include "errortext.h"
#include "sendpaneltesting.h"

#include <QTest>

using SendPanelTesting::Fixture;

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
