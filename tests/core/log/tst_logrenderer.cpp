#include "log/logrenderer.h"
#include "log/transcript.h"
#include "logrenderertesting.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace LogRendererTesting;

class tst_LogRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textRows_data();
    void textRows();
    void textRowCountMatchesRowsDrawn();
    void visibleControls_data();
    void visibleControls();
    void rowFields();
    void longRecordRowsInAnyOrder();
    void hexView();
    void hexViewLabels();
    void events();
    void timestamps();
    void labels();
    void delta();
    void deltaLabelAndDroppedPrevious();
    void filters();
};

void tst_LogRenderer::textRows_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("rows");
    const QString x512(512, 'x');
    QTest::newRow("CRLF is one row") << QByteArray("abc\r\n") << QStringList {"RX p:1  abc"};
    QTest::newRow("two lines") << QByteArray("a\nb\n") << QStringList {"RX p:1  a", "    b"};
    QTest::newRow("empty record") << QByteArray() << QStringList {"RX p:1  "};
    QTest::newRow("only LF") << QByteArray("\n") << QStringList {"RX p:1  "};
    QTest::newRow("empty line inside") << QByteArray("a\n\nb") << QStringList {"RX p:1  a", "    ", "    b"};
    QTest::newRow("no trailing LF") << QByteArray("a\r\nb") << QStringList {"RX p:1  a", "    b"};
    QTest::newRow("lone CR at end") << QByteArray("ab\r") << QStringList {"RX p:1  ab"};
    QTest::newRow("controls") << QByteArray("a\tb\x01\x7f\rc\x1b")
                              << QStringList {u"RX p:1  a\tb\u2401\u2421\u240dc\u241b"_qs};
    QTest::newRow("1200 bytes") << QByteArray(1200, 'x')
                                << QStringList {"RX p:1  " + x512, "    " + x512, "    " + QString(176, 'x')};
    QTest::newRow("LF then 1100 bytes") << QByteArray(100, 'x') + '\n' + QByteArray(1100, 'x')
                                        << QStringList {"RX p:1  " + QString(100, 'x'), "    " + x512, "    " + x512,
                                               "    " + QString(76, 'x')};
    QTest::newRow("LF at the row limit") << QByteArray(511, 'x') + "\nab"
                                         << QStringList {"RX p:1  " + QString(511, 'x'), "    ab"};
    QTest::newRow("LF just past the limit")
        << QByteArray(512, 'x') + "\nab" << QStringList {"RX p:1  " + x512, "    ", "    ab"};
}

void tst_LogRenderer::textRows()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, rows);
    Transcript t;
    t.appendData(Direction::Rx, "p:1", data);
    LogRenderer r(&t);
    r.setOptions(plain());
    QCOMPARE(allRows(r), rows);
    QCOMPARE(r.rowCount(), rows.size());
}

// rowCount() counts rows a window at a time; row() cuts them one line at a time. Both must agree on any mix of
// short lines, long lines and LF runs, or the last rows of a record would be missing or empty.
void tst_LogRenderer::textRowCountMatchesRowsDrawn()
{
    QRandomGenerator random(20261125);
    const int lineBreakOdds[] = {2, 20, 300, 511, 513, 5000};
    for (int round = 0; round < 300; ++round) {
        const int odds = lineBreakOdds[round % std::size(lineBreakOdds)];
        QByteArray data(random.bounded(3000), 'x');
        for (char &c : data) {
            if (random.bounded(odds) == 0)
                c = '\n';
        }
        Transcript t;
        t.appendData(Direction::Rx, "p:1", data);
        LogRenderer r(&t);
        RenderOptions options = plain();
        options.visibleControls = true; // LF drawn as U+240A
        r.setOptions(options);
        // The rows by their definition: cut after each LF and after MaxTextRowBytes bytes without one.
        QStringList expected;
        for (qsizetype pos = 0; pos < data.size();) {
            qsizetype end = qMin<qsizetype>(data.size(), pos + LogRenderer::MaxTextRowBytes);
            const qsizetype lf = data.indexOf('\n', pos);
            if (lf >= 0 && lf < end)
                end = lf + 1;
            expected.append(QString::fromLatin1(data.mid(pos, end - pos)).replace(u'\n', QChar(0x240A)));
            pos = end;
        }
        if (data.isEmpty())
            expected.append(QString());
        QStringList drawn;
        for (qint64 i = 0; i < r.rowCount(); ++i)
            drawn.append(r.row(i).body);
        QCOMPARE(drawn, expected);
    }
}

void tst_LogRenderer::visibleControls_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("CRLF") << QByteArray("abc\r\n") << QStringList {u"TX  abc\u240d\u240a"_qs};
    QTest::newRow("two lines") << QByteArray("a\nb\n") << QStringList {u"TX  a\u240a"_qs, u"    b\u240a"_qs};
    QTest::newRow("tab nul del") << QByteArray("\t\0\x7f", 3) << QStringList {u"TX  \u2409\u2400\u2421"_qs};
}

void tst_LogRenderer::visibleControls()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, rows);
    Transcript t;
    t.appendData(Direction::Tx, {}, data);
    LogRenderer r(&t);
    RenderOptions options = plain();
    options.visibleControls = true;
    r.setOptions(options);
    QCOMPARE(allRows(r), rows);
}

void tst_LogRenderer::rowFields()
{
    Transcript t;
    t.appendEvent(EventKind::Connected, "p:1");
    t.appendData(Direction::Tx, "p:1", "one\ntwo");
    LogRenderer r(&t);
    r.setOptions(plain());
    QCOMPARE(r.rowCount(), 3);
    const RenderedRow first = r.row(1);
    QCOMPARE(first.seq, 1);
    QCOMPARE(first.direction, Direction::Tx);
    QCOMPARE(first.continuation, false);
    QCOMPARE(first.header, QStringLiteral("TX p:1"));
    QCOMPARE(first.body, QStringLiteral("one"));
    const RenderedRow second = r.row(2);
    QCOMPARE(second.seq, 1);
    QCOMPARE(second.continuation, true);
    QCOMPARE(second.header, QString());
    QCOMPARE(second.body, QStringLiteral("two"));
    QCOMPARE(r.row(0).direction, Direction::Event);
    QCOMPARE(r.row(3).seq, -1);
    QCOMPARE(r.row(-1).seq, -1);
}

void tst_LogRenderer::longRecordRowsInAnyOrder()
{
    QByteArray data;
    for (int i = 0; i < 300; ++i)
        data += "line " + QByteArray::number(i) + "\r\n";
    Transcript t;
    t.appendData(Direction::Rx, {}, "x");
    t.appendData(Direction::Rx, {}, data);
    LogRenderer r(&t);
    r.setOptions(plain());
    QCOMPARE(r.rowCount(), 301);
    for (int i : {299, 0, 150, 151, 1, 299, 42}) {
        const RenderedRow row = r.row(1 + i);
        QCOMPARE(row.body, QStringLiteral("line %1").arg(i));
    }
}

void tst_LogRenderer::hexView()
{
    Transcript t;
    t.appendData(Direction::Rx, "p:1",
        QByteArray("Hello world\r\n\0\xff"
                   "Axyz",
            19));
    t.appendData(Direction::Tx, "p:1", QByteArray());
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Hex));
    const QStringList expected {
        "RX p:1  (19 bytes)",
        "    00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0d 0a 00 ff 41  |Hello world....A|",
        "    00000010  78 79 7a" + QString(40, ' ') + "  |xyz|",
        "TX p:1  (0 bytes)",
    };
    QCOMPARE(allRows(r), expected);
    QCOMPARE(r.row(0).continuation, false);
    QCOMPARE(r.row(1).continuation, true);
    QCOMPARE(r.row(1).header, QString());
    QCOMPARE(r.recordOfRow(2), 0);
    QCOMPARE(r.recordOfRow(3), 1);
    QCOMPARE(r.firstRowOfRecord(1), 3);

    // Offsets count from the start of each record, and 32 bytes make exactly two dump rows.
    t.appendData(Direction::Rx, "p:1", QByteArray(32, 'A'));
    r.sync();
    QCOMPARE(r.rowCount(), 7);
    QVERIFY(r.rowText(5).startsWith("    00000000  41 41"));
    QVERIFY(r.rowText(6).startsWith("    00000010  41 41"));
}

void tst_LogRenderer::hexViewLabels()
{
    Transcript t;
    t.appendData(Direction::Rx, {}, "ab");
    LogRenderer r(&t);
    r.setOptions(plain(RenderOptions::View::Hex));
    RenderLabels labels;
    labels.byteCount = [](qsizetype n) { return QStringLiteral("<%1 B>").arg(n); };
    r.setLabels(labels);
    QCOMPARE(r.rowText(0), QStringLiteral("RX  <2 B>"));
}

void tst_LogRenderer::events()
{
    Transcript t;
    t.appendEvent(EventKind::Error, "p:1", "Connection refused");
    t.appendEvent(EventKind::Connected, {});
    for (const auto view : {RenderOptions::View::Text, RenderOptions::View::Hex}) {
        LogRenderer r(&t);
        r.setOptions(plain(view));
        QCOMPARE(allRows(r), (QStringList {"** p:1  Connection refused", "**  "}));
        RenderLabels labels;
        labels.eventText = [](const Record &record) {
            return record.event == EventKind::Error ? "Error: " + QString::fromUtf8(record.data)
                                                    : QStringLiteral("Connected");
        };
        r.setLabels(labels);
        QCOMPARE(allRows(r), (QStringList {"** p:1  Error: Connection refused", "**  Connected"}));
    }
}

void tst_LogRenderer::timestamps()
{
    const qint64 ms = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 45)).toMSecsSinceEpoch();
    Transcript t;
    t.appendData(Direction::Rx, "127.0.0.1:5000", "abc", ms);
    LogRenderer r(&t);
    RenderOptions options;
    options.timestamps = true;
    r.setOptions(options);
    QCOMPARE(r.rowText(0), QStringLiteral("[07:08:09.045] RX 127.0.0.1:5000  abc"));
    options.showPeer = false;
    r.setOptions(options);
    QCOMPARE(r.rowText(0), QStringLiteral("[07:08:09.045] RX  abc"));
    options.timestamps = false;
    r.setOptions(options);
    QCOMPARE(r.rowText(0), QStringLiteral("RX  abc"));
    options.showPeer = true;
    r.setOptions(options);
    QCOMPARE(r.row(0).header, QStringLiteral("RX 127.0.0.1:5000"));
}

void tst_LogRenderer::labels()
{
    Transcript t;
    t.appendData(Direction::Rx, {}, "r");
    t.appendData(Direction::Tx, {}, "t");
    t.appendEvent(EventKind::Note, {}, "n");
    LogRenderer r(&t);
    r.setOptions(plain());
    RenderLabels labels;
    labels.rx = u"收"_qs;
    labels.tx = u"发"_qs;
    labels.event = u"#"_qs;
    r.setLabels(labels);
    QCOMPARE(allRows(r), (QStringList {u"收  r"_qs, u"发  t"_qs, u"#  n"_qs}));
}

void tst_LogRenderer::delta()
{
    const qint64 ms = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 45)).toMSecsSinceEpoch();
    Transcript t;
    t.appendData(Direction::Tx, "dev:502", "q1", ms);
    t.appendData(Direction::Rx, "dev:502", "r1", ms + 7);
    t.appendData(Direction::Rx, "other:1", "x", ms + 8);
    t.appendEvent(EventKind::Note, "dev:502", "note", ms + 9);
    t.appendData(Direction::Tx, "dev:502", "q2", ms + 1000);
    t.appendData(Direction::Rx, "dev:502", "r2", ms + 1012);
    LogRenderer r(&t);
    RenderOptions options = plain();
    options.showDelta = true;
    r.setOptions(options);
    // Each delta is to the previous record of the same peer and direction; the first of a stream and events have
    // none.
    QCOMPARE(allRows(r),
        (QStringList {"TX dev:502  q1", "RX dev:502  r1", "RX other:1  x", "** dev:502  note",
            "TX dev:502 +1000 ms  q2", "RX dev:502 +1005 ms  r2"}));
    options.showDelta = false;
    r.setOptions(options);
    QCOMPARE(r.rowText(5), QStringLiteral("RX dev:502  r2"));
}

void tst_LogRenderer::deltaLabelAndDroppedPrevious()
{
    Transcript t;
    t.setByteBudget(2 * (Transcript::RecordOverhead + 2));
    t.appendData(Direction::Rx, {}, "aa", 100);
    t.appendData(Direction::Rx, {}, "bb", 150);
    LogRenderer r(&t);
    RenderOptions options = plain();
    options.showDelta = true;
    r.setOptions(options);
    RenderLabels labels;
    labels.delta = [](qint64 ms) { return QStringLiteral("(+%1)").arg(ms); };
    r.setLabels(labels);
    QCOMPARE(allRows(r), (QStringList {"RX  aa", "RX (+50)  bb"}));
    t.appendData(Direction::Rx, {}, "cc", 180); // drops "aa"
    r.sync();
    QCOMPARE(allRows(r), (QStringList {"RX  bb", "RX (+30)  cc"})); // "bb"'s previous is gone: no delta
}

void tst_LogRenderer::filters()
{
    Transcript t;
    t.appendEvent(EventKind::Connected, "a:1");
    t.appendData(Direction::Rx, "a:1", "ra\nra2");
    t.appendData(Direction::Tx, "a:1", "ta");
    t.appendData(Direction::Rx, "b:2", "rb");
    t.appendEvent(EventKind::Disconnected, "b:2");
    LogRenderer r(&t);
    RenderOptions options = plain();
    r.setOptions(options);
    QCOMPARE(r.rowCount(), 6);

    options.showRx = false;
    r.setOptions(options);
    QCOMPARE(allRows(r), (QStringList {"** a:1  ", "TX a:1  ta", "** b:2  "}));
    QCOMPARE(r.recordOfRow(1), 2);
    QCOMPARE(r.firstRowOfRecord(1), 1); // a hidden record sits where its rows would be

    options.showRx = true;
    options.showTx = false;
    options.showEvents = false;
    r.setOptions(options);
    QCOMPARE(allRows(r), (QStringList {"RX a:1  ra", "    ra2", "RX b:2  rb"}));

    options = plain();
    options.onlyPeer = t.peerIndex("b:2");
    r.setOptions(options);
    QCOMPARE(allRows(r), (QStringList {"RX b:2  rb", "** b:2  "}));

    options.onlyPeer = 0;
    r.setOptions(options);
    QCOMPARE(r.rowCount(), 6);
}

QTEST_GUILESS_MAIN(tst_LogRenderer)
#include "tst_logrenderer.moc"
