#include "log/logrenderer.h"
#include "log/transcript.h"
#include "logrenderertesting.h"

#include <QDateTime>
#include <QTest>

using namespace LogRendererTesting;

// LogRenderer over a stream: characters split across reads decode whole, and an index kept in step with sync()
// (appends, budget drops, clear) always equals a fresh one.
class tst_LogRendererStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gbkInUtf8AndGbk();
    void gbkSplitAcrossRecords();
    void gbkSplitWithInterleavedPeer();
    void gbkSplitAtRowLimit();
    void lookBackStopsAtBoundary();
    void utf16OddRecordBoundary();
    void syncAfterAppends();
    void syncAfterBudgetDrops();
    void syncAfterClear();
    void recordOfRowOutOfRange();
    void reindexHundredThousandRecords();
};

void tst_LogRendererStream::gbkInUtf8AndGbk()
{
    const QString text = u"信息已收到,over!"_qs;
    Transcript t;
    t.appendData(Direction::Rx, {}, gbk(text));
    LogRenderer r(&t);
    r.setOptions(plain());
    const QString asUtf8 = r.row(0).body;
    QVERIFY(asUtf8.contains(QChar::ReplacementCharacter));
    QVERIFY(asUtf8.endsWith(",over!"));
    QVERIFY(!asUtf8.contains(u'信'));
    r.setOptions(plain(RenderOptions::View::Text, "GBK"));
    QCOMPARE(r.row(0).body, text);
    QCOMPARE(r.rowText(0), "RX  " + text);
}

void tst_LogRendererStream::gbkSplitAcrossRecords()
{
    const QByteArray bytes = gbk(u"信息"_qs);
    QCOMPARE(bytes.size(), 4);
    Transcript t;
    t.appendData(Direction::Rx, "p:1", bytes.left(3));
    t.appendData(Direction::Rx, "p:1", bytes.mid(3));
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Text, "GBK"));
    QCOMPARE(r.rowCount(), 2);
    QCOMPARE(r.row(0).body, u"信"_qs);
    QCOMPARE(r.row(1).body, u"息"_qs);
}

void tst_LogRendererStream::gbkSplitWithInterleavedPeer()
{
    const QByteArray bytes = gbk(u"信息"_qs);
    Transcript t;
    t.appendData(Direction::Rx, "a:1", bytes.left(3));
    t.appendData(Direction::Rx, "b:2", gbk(u"好"_qs).left(1)); // another stream's half character
    t.appendData(Direction::Tx, "a:1", "zz"); // same peer, other direction
    t.appendData(Direction::Rx, "a:1", bytes.mid(3) + "!");
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Text, "GBK"));
    QCOMPARE(allRows(r), (QStringList {u"RX a:1  信"_qs, "RX b:2  ", "TX a:1  zz", u"RX a:1  息!"_qs}));
}

void tst_LogRendererStream::gbkSplitAtRowLimit()
{
    // 'a' then 300 two-byte characters: the 512-byte row limit falls inside the 256th character.
    const QString chars(300, u'信');
    Transcript t;
    t.appendData(Direction::Rx, {}, "a" + gbk(chars));
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Text, "GBK"));
    QCOMPARE(r.rowCount(), 2);
    QCOMPARE(r.row(0).body, "a" + QString(255, u'信'));
    QCOMPARE(r.row(1).body, QString(45, u'信'));
}

void tst_LogRendererStream::lookBackStopsAtBoundary()
{
    // The look-back starts after the space; decoding from the middle of "信" would misread the pair.
    Transcript t;
    t.appendData(Direction::Rx, {}, "x " + gbk(u"信息"_qs).left(3));
    t.appendData(Direction::Rx, {}, gbk(u"息"_qs).mid(1) + gbk(u"收"_qs));
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Text, "GBK"));
    QCOMPARE(r.row(0).body, u"x 信"_qs);
    QCOMPARE(r.row(1).body, u"息收"_qs);
}

void tst_LogRendererStream::utf16OddRecordBoundary()
{
    Transcript t;
    t.appendData(Direction::Rx, {}, QByteArray("A\0B", 3));
    t.appendData(Direction::Rx, {}, QByteArray("\0C\0", 3));
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Text, "UTF-16LE"));
    QCOMPARE(r.rowCount(), 2);
    QCOMPARE(r.row(0).body, QStringLiteral("A"));
    QCOMPARE(r.row(1).body, QStringLiteral("BC"));

    // No LF split in UTF-16: an LF code unit stays inside the row (and is drawn), rows are 512 bytes.
    Transcript t2;
    t2.appendData(Direction::Rx, {}, QByteArray("a\0\n\0b\0", 6));
    t2.appendData(Direction::Rx, {}, QByteArray(1030, 'A'));
    LogRenderer r2(&t2);
    r2.setOptions(plain(RenderOptions::View::Text, "UTF-16LE"));
    QCOMPARE(r2.rowCount(), 4);
    QCOMPARE(r2.row(0).body, u"a\u240ab"_qs);
    QCOMPARE(r2.row(1).body, QString(256, QChar(0x4141)));
    QCOMPARE(r2.row(3).body, QString(3, QChar(0x4141)));
}

void tst_LogRendererStream::syncAfterAppends()
{
    Transcript t;
    LogRenderer text(&t);
    text.setOptions(plain());
    LogRenderer hex(&t);
    hex.setOptions(plain(RenderOptions::View::Hex));
    QCOMPARE(text.rowCount(), 0);
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 20; ++i) {
            const int n = (round * 37 + i * 53) % 700;
            QByteArray data(n, 'x');
            for (int k = 0; k < n; k += 1 + (k * 7 + i) % 90)
                data[k] = '\n';
            t.appendData(i % 2 ? Direction::Tx : Direction::Rx, i % 3 ? "a:1" : "b:2", data);
            if (i % 6 == 5)
                t.appendEvent(EventKind::Note, {}, "n");
        }
        text.sync();
        hex.sync();
        compareWithFresh(text, t);
        compareWithFresh(hex, t);
    }
    text.sync(); // nothing changed
    compareWithFresh(text, t);
}

void tst_LogRendererStream::syncAfterBudgetDrops()
{
    Transcript t;
    t.setByteBudget(20 * (Transcript::RecordOverhead + 100));
    LogRenderer r(&t);
    RenderOptions options = plain();
    options.showTx = false; // hidden records must be dropped too
    r.setOptions(options);
    qint64 totalDropped = 0;
    QObject::connect(&t, &Transcript::droppedFront, &t, [&](qsizetype n) { totalDropped += n; });
    for (int round = 0; round < 30; ++round) {
        const int count = 1 + round % 9;
        for (int i = 0; i < count; ++i) {
            const QByteArray data = QByteArray((round * 13 + i * 29) % 150, 'y') + "\nend";
            t.appendData(i % 4 ? Direction::Rx : Direction::Tx, "a:1", data);
        }
        r.sync();
        compareWithFresh(r, t);
    }
    QVERIFY(totalDropped > 0);
    QCOMPARE(t.droppedRecords(), totalDropped);
    // More dropped between two syncs than were indexed.
    t.setByteBudget(0);
    t.appendData(Direction::Rx, "a:1", "last\n");
    t.appendData(Direction::Rx, "a:1", "one");
    r.sync();
    QCOMPARE(allRows(r), QStringList {"RX a:1  one"});
}

void tst_LogRendererStream::syncAfterClear()
{
    Transcript t;
    t.appendData(Direction::Rx, {}, "a\nb\nc");
    LogRenderer r(&t);
    r.setOptions(plain());
    QCOMPARE(r.rowCount(), 3);
    t.clear();
    r.sync();
    QCOMPARE(r.rowCount(), 0);
    QCOMPARE(r.recordOfRow(0), -1);
    t.appendData(Direction::Rx, {}, "x");
    r.sync();
    QCOMPARE(allRows(r), QStringList {"RX  x"});

    // Cleared and refilled with as many records before the next sync.
    t.clear();
    t.appendData(Direction::Tx, {}, "y\nz");
    r.sync();
    QCOMPARE(allRows(r), (QStringList {"TX  y", "    z"}));
    compareWithFresh(r, t);
}

void tst_LogRendererStream::recordOfRowOutOfRange()
{
    Transcript t;
    t.appendData(Direction::Rx, {}, "a");
    LogRenderer r(&t);
    QCOMPARE(r.recordOfRow(-1), -1);
    QCOMPARE(r.recordOfRow(1), -1);
    QCOMPARE(r.recordOfRow(0), 0);
    QCOMPARE(r.firstRowOfRecord(-1), -1);
    QCOMPARE(r.firstRowOfRecord(1), -1);
    QCOMPARE(r.rowText(5), QString());
}

void tst_LogRendererStream::reindexHundredThousandRecords()
{
    Transcript t;
    const QByteArray line = "0123456789abcdef0123456789abcdef0123456789abcdef012345678\r\n"; // 61 bytes
    qint64 expectedText = 0;
    qint64 expectedHex = 0;
    for (int i = 0; i < 100000; ++i) {
        if (i % 1000 == 999) {
            t.appendEvent(EventKind::Note, "p:1", "tick");
            ++expectedText;
            ++expectedHex;
            continue;
        }
        const int lines = 1 + i % 3;
        t.appendData(Direction::Rx, "p:1", line.repeated(lines));
        expectedText += lines;
        expectedHex += 1 + (61 * lines + 15) / 16;
    }
    LogRenderer r(&t);
    RenderOptions options = plain();
    r.setOptions(options);
    QCOMPARE(r.rowCount(), expectedText);
    QCOMPARE(r.rowText(expectedText - 1), QStringLiteral("** p:1  tick"));
    QCOMPARE(r.rowText(expectedText - 2), "    " + QString::fromLatin1(line.chopped(2)));
    QCOMPARE(r.recordOfRow(expectedText - 2), 99998);
    QCOMPARE(r.firstRowOfRecord(99998), expectedText - 4);
    options.view = RenderOptions::View::Hex;
    r.setOptions(options);
    QCOMPARE(r.rowCount(), expectedHex);
    options.encoding = "GBK";
    options.view = RenderOptions::View::Text;
    r.setOptions(options);
    QCOMPARE(r.rowCount(), expectedText);
}

QTEST_GUILESS_MAIN(tst_LogRendererStream)
#include "tst_logrendererstream.moc"
