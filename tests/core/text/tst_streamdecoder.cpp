#include "text/codecs.h"
#include "text/streamdecoder.h"

#include <QTest>

class tst_StreamDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitCharacter_data();
    void splitCharacter();
    void byteAtATimeEqualsOneShot_data();
    void byteAtATimeEqualsOneShot();
    void brokenSequenceKeepsNextByte_data();
    void brokenSequenceKeepsNextByte();
    void invalidByte();
    void finish_data();
    void finish();
    void finishWithNothingHeld();
    void reset();
};

void tst_StreamDecoder::splitCharacter_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("firstText");
    QTest::addColumn<QString>("secondText");

    // 信 is d0c5 in GBK and e4bfa1 in UTF-8.
    QTest::newRow("GBK 1+1") << QByteArray("GBK") << QByteArray("a\xd0")
                             << QByteArray("\xc5"
                                           "b")
                             << u"a"_qs << u"信b"_qs;
    QTest::newRow("UTF-8 1+2") << QByteArray("UTF-8") << QByteArray("a\xe4") << QByteArray("\xbf\xa1") << u"a"_qs
                               << u"信"_qs;
    QTest::newRow("UTF-8 2+1") << QByteArray("UTF-8") << QByteArray("\xe4\xbf")
                               << QByteArray("\xa1"
                                             "b")
                               << QString() << u"信b"_qs;
    QTest::newRow("UTF-8 emoji 3+1") << QByteArray("UTF-8") << QByteArray("\xf0\x9f\x98") << QByteArray("\x80")
                                     << QString() << u"😀"_qs;
    QTest::newRow("GB18030 4-byte 2+2") << QByteArray("GB18030") << QByteArray("\x94\x39") << QByteArray("\xfc\x36")
                                        << QString() << u"😀"_qs;
    QTest::newRow("Big5 1+1") << QByteArray("Big5") << QByteArray("\xab") << QByteArray("\x48") << QString()
                              << u"信"_qs;
    QTest::newRow("Shift_JIS 1+1") << QByteArray("Shift_JIS") << QByteArray("\x93") << QByteArray("\xfa") << QString()
                                   << u"日"_qs;
    QTest::newRow("EUC-KR 1+1") << QByteArray("EUC-KR") << QByteArray("\xc7") << QByteArray("\xd1") << QString()
                                << u"한"_qs;
    QTest::newRow("UTF-16LE 1+1") << QByteArray("UTF-16LE") << QByteArray("\x2d") << QByteArray("\x4e") << QString()
                                  << u"中"_qs;
}

void tst_StreamDecoder::splitCharacter()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QString, firstText);
    QFETCH(QString, secondText);

    StreamDecoder decoder(encoding);
    QCOMPARE(decoder.decode(first), firstText);
    QCOMPARE(decoder.decode(second), secondText);
    QCOMPARE(decoder.finish(), QString());
}

void tst_StreamDecoder::byteAtATimeEqualsOneShot_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("text");

    const QString chinese = u"信息已收到,over! 网络调试助手 NetAssist 发送/接收 0123456789 完成。"_qs;
    QTest::newRow("GBK") << QByteArray("GBK") << chinese;
    QTest::newRow("GB18030") << QByteArray("GB18030") << (chinese + u"😀🎉"_qs);
    QTest::newRow("UTF-8") << QByteArray("UTF-8") << (chinese + u"😀 é ü"_qs);
    QTest::newRow("Big5") << QByteArray("Big5") << u"資訊網路測試 abc"_qs;
    QTest::newRow("Shift_JIS") << QByteArray("Shift_JIS") << u"日本語のテキスト abc"_qs;
    QTest::newRow("EUC-JP") << QByteArray("EUC-JP") << u"日本語のテキスト abc"_qs;
    QTest::newRow("EUC-KR") << QByteArray("EUC-KR") << u"한국어 텍스트 abc"_qs;
    QTest::newRow("UTF-16LE") << QByteArray("UTF-16LE") << (chinese + u"😀"_qs);
    QTest::newRow("UTF-16BE") << QByteArray("UTF-16BE") << (chinese + u"😀"_qs);
}

void tst_StreamDecoder::byteAtATimeEqualsOneShot()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QString, text);

    const Codecs::EncodeResult encoded = Codecs::encode(text, encoding);
    QVERIFY(encoded.ok());
    QVERIFY(encoded.bytes.size() > text.size()); // really multi-byte

    StreamDecoder decoder(encoding);
    QString streamed;
    for (char byte : encoded.bytes)
        streamed += decoder.decode(QByteArrayView(&byte, 1));
    streamed += decoder.finish();
    QCOMPARE(streamed, Codecs::decode(encoded.bytes, encoding));
    QCOMPARE(streamed, text);
}

void tst_StreamDecoder::brokenSequenceKeepsNextByte_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("first");

    QTest::newRow("UTF-8 2-byte lead") << QByteArray("UTF-8") << QByteArray("x\xd0");
    QTest::newRow("UTF-8 3-byte lead and one") << QByteArray("UTF-8") << QByteArray("x\xe4\xbf");
    QTest::newRow("GBK lead") << QByteArray("GBK") << QByteArray("x\xd0");
}

// Qt 6.4's own stateful UTF-8 decoder drops the line feed here; the stream must not, and must agree with a one-shot
// decode of the same bytes.
void tst_StreamDecoder::brokenSequenceKeepsNextByte()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, first);

    StreamDecoder decoder(encoding);
    QString text = decoder.decode(first);
    text += decoder.decode("\nAB");
    QVERIFY2(text.startsWith(u"x\uFFFD"_qs), qPrintable(text));
    QVERIFY2(text.endsWith(u"\uFFFD\nAB"_qs), qPrintable(text));
    QCOMPARE(text, Codecs::decode(first + "\nAB", encoding));
}

void tst_StreamDecoder::invalidByte()
{
    StreamDecoder decoder("UTF-8");
    QCOMPARE(decoder.decode("a\xff"
                            "b"),
        u"a\uFFFDb"_qs);
    StreamDecoder eucKr("EUC-KR");
    QCOMPARE(eucKr.decode("a\xff"
                          "b"),
        u"a\uFFFDb"_qs);
}

void tst_StreamDecoder::finish_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("decoded");

    QTest::newRow("UTF-8 one of three") << QByteArray("UTF-8") << QByteArray("a\xe4") << u"a"_qs;
    QTest::newRow("UTF-8 two of three") << QByteArray("UTF-8") << QByteArray("a\xe4\xbf") << u"a"_qs;
    QTest::newRow("UTF-8 three of four") << QByteArray("UTF-8") << QByteArray("\xf0\x9f\x98") << QString();
    QTest::newRow("GBK lead byte") << QByteArray("GBK") << QByteArray("a\xd0") << u"a"_qs;
    QTest::newRow("Big5 lead byte") << QByteArray("Big5") << QByteArray("a\xab") << u"a"_qs;
    QTest::newRow("Shift_JIS lead byte") << QByteArray("Shift_JIS") << QByteArray("a\x93") << u"a"_qs;
    QTest::newRow("EUC-KR lead byte") << QByteArray("EUC-KR") << QByteArray("a\xc7") << u"a"_qs;
    QTest::newRow("UTF-16LE odd byte") << QByteArray("UTF-16LE") << QByteArray("a\x00\x62", 3) << u"a"_qs;
}

void tst_StreamDecoder::finish()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, decoded);

    StreamDecoder decoder(encoding);
    QCOMPARE(decoder.decode(bytes), decoded);
    QCOMPARE(decoder.finish(), QString(QChar::ReplacementCharacter));
    // finish() leaves a fresh decoder behind.
    QCOMPARE(decoder.decode(Codecs::encode(u"ok", encoding).bytes), u"ok"_qs);
    QCOMPARE(decoder.finish(), QString());
}

void tst_StreamDecoder::finishWithNothingHeld()
{
    for (const QByteArray &name : Codecs::available()) {
        if (!Codecs::isAsciiCompatible(name))
            continue;
        StreamDecoder decoder(name);
        QCOMPARE(decoder.decode("line\n"), u"line\n"_qs);
        QVERIFY2(decoder.finish().isEmpty(), name.constData());
    }
}

void tst_StreamDecoder::reset()
{
    StreamDecoder decoder("GBK");
    QCOMPARE(decoder.encoding(), QByteArray("GBK"));
    QCOMPARE(decoder.decode("\xd0"), QString());
    decoder.reset();
    // The held lead byte is gone: 0x41 is read as 'A', not as the trail byte of a GBK pair.
    QCOMPARE(decoder.decode("A"), u"A"_qs);
}

QTEST_GUILESS_MAIN(tst_StreamDecoder)
#include "tst_streamdecoder.moc"
