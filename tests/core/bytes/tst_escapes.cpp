#include "bytes/escapes.h"

#include <QTest>

Q_DECLARE_METATYPE(Escapes::Error)

class tst_Escapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void errors_data();
    void errors();
    void sourceIndex();
};

namespace {

// A compact picture of the pieces: text pieces as "T@pos:text", raw pieces as "R@pos:hex".
QStringList describe(const QList<Escapes::Piece> &pieces)
{
    QStringList out;
    for (const Escapes::Piece &piece : pieces) {
        if (piece.isRaw())
            out << QStringLiteral("R@%1:%2").arg(piece.sourcePos).arg(QString::fromLatin1(piece.raw.toHex()));
        else
            out << QStringLiteral("T@%1:%2").arg(piece.sourcePos).arg(piece.text);
    }
    return out;
}

} // namespace

void tst_Escapes::decode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("pieces");

    QTest::newRow("plain") << u"hello"_qs << QStringList {u"T@0:hello"_qs};
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("crlf merged into text") << u"AT\\r\\n"_qs << QStringList {u"T@0:AT\r\n"_qs};
    QTest::newRow("all simple escapes") << u"\\r\\n\\t\\\\\\0\\a\\b\\f\\v\\e\\\"\\'"_qs
                                        << QStringList {u"T@0:\r\n\t\\"_qs + QChar(0) + u"\a\b\f\v\x1b\"'"_qs};
    QTest::newRow("one raw byte") << u"\\x41"_qs << QStringList {u"R@0:41"_qs};
    QTest::newRow("raw bytes merge") << u"\\x01\\x02\\xFf"_qs << QStringList {u"R@0:0102ff"_qs};
    QTest::newRow("text raw text") << u"a\\n\\xff\\x00b\\tc"_qs
                                   << QStringList {u"T@0:a\n"_qs, u"R@3:ff00"_qs, u"T@11:b\tc"_qs};
    QTest::newRow("only two digits taken") << u"\\x414"_qs << QStringList {u"R@0:41"_qs, u"T@4:4"_qs};
    QTest::newRow("chinese around raw") << u"信\\x0d息"_qs << QStringList {u"T@0:信"_qs, u"R@1:0d"_qs, u"T@5:息"_qs};
    QTest::newRow("escaped backslash then x") << u"\\\\x41"_qs << QStringList {u"T@0:\\x41"_qs};
}

void tst_Escapes::decode()
{
    QFETCH(QString, text);
    QFETCH(QStringList, pieces);

    const Escapes::Result result = Escapes::decode(text);
    QVERIFY(result.ok());
    QCOMPARE(result.errorPos, qsizetype(-1));
    QCOMPARE(describe(result.pieces), pieces);
}

void tst_Escapes::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Escapes::Error>("error");
    QTest::addColumn<qsizetype>("errorPos");

    QTest::newRow("unknown letter") << u"ab\\q"_qs << Escapes::Error::UnknownEscape << qsizetype(2);
    QTest::newRow("upper-case N") << u"\\N"_qs << Escapes::Error::UnknownEscape << qsizetype(0);
    QTest::newRow("upper-case X") << u"\\X41"_qs << Escapes::Error::UnknownEscape << qsizetype(0);
    QTest::newRow("one hex digit") << u"a\\x4"_qs << Escapes::Error::BadHexEscape << qsizetype(1);
    QTest::newRow("one hex digit then text") << u"\\x4g"_qs << Escapes::Error::BadHexEscape << qsizetype(0);
    QTest::newRow("no hex digit") << u"xx\\x"_qs << Escapes::Error::BadHexEscape << qsizetype(2);
    QTest::newRow("non-hex digits") << u"\\xZZ"_qs << Escapes::Error::BadHexEscape << qsizetype(0);
    QTest::newRow("trailing backslash") << u"abc\\"_qs << Escapes::Error::TrailingBackslash << qsizetype(3);
    QTest::newRow("first error wins") << u"\\n\\q\\x"_qs << Escapes::Error::UnknownEscape << qsizetype(2);
}

void tst_Escapes::errors()
{
    QFETCH(QString, text);
    QFETCH(Escapes::Error, error);
    QFETCH(qsizetype, errorPos);

    const Escapes::Result result = Escapes::decode(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorPos, errorPos);
    QVERIFY(result.pieces.isEmpty());
}

void tst_Escapes::sourceIndex()
{
    const QString text = u"x\\x00a\\n\\tb😀"_qs;
    const Escapes::Result result = Escapes::decode(text);
    QVERIFY(result.ok());
    QCOMPARE(result.pieces.size(), 3);
    const Escapes::Piece &piece = result.pieces.at(2);
    QCOMPARE(piece.text, u"a\n\tb😀"_qs);
    QCOMPARE(Escapes::sourceIndex(text, piece, 0), qsizetype(5)); // a
    QCOMPARE(Escapes::sourceIndex(text, piece, 1), qsizetype(6)); // \n
    QCOMPARE(Escapes::sourceIndex(text, piece, 3), qsizetype(10)); // b
    QCOMPARE(Escapes::sourceIndex(text, piece, 4), qsizetype(11)); // the emoji
    QCOMPARE(text.mid(11), u"😀"_qs);
}

QTEST_GUILESS_MAIN(tst_Escapes)
#include "tst_escapes.moc"
