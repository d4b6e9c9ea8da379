#include "log/transcript.h"
#include "logview.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

// The receive log widget over a real Transcript, offscreen. Rows appear only after the view's coalescing timer
// (LogView::SyncIntervalMs) has synced the renderer, never per append; hence QTRY_COMPARE on rowCount() wherever
// the transcript grows.
class tst_LogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAppearAfterCoalescedSync();
    void textRows_data();
    void textRows();
    void encodingChangeRerendersHistory();
    void hexView();
    void autoScrollFollowsAndPauses();
    void optionChangeKeepsFirstVisibleRecord();
    void droppedRecordsKeepScrolledPosition();
    void pauseFreezesAndResumeCatchesUp();
    void mouseAndKeyboardSelection();
    void writeAllTextIsUtf8Lines();
    void clearEmptiesView();
    void grabPaints();

private:
    // No time and no peer in the header, so expected rows are exact: "RX  body".
    static RenderOptions plain(
        RenderOptions::View view = RenderOptions::View::Text, const QByteArray &encoding = "UTF-8")
    {
        RenderOptions options;
        options.view = view;
        options.encoding = encoding;
        options.timestamps = false;
        options.showPeer = false;
        return options;
    }
    static void appendLines(Transcript &t, int count, int first = 0)
    {
        for (int i = first; i < first + count; ++i)
            t.appendData(Direction::Rx, QStringLiteral("127.0.0.1:5000"),
                QStringLiteral("line %1\n").arg(i, 3, 10, QLatin1Char('0')).toUtf8());
    }
};

void tst_LogView::rowsAppearAfterCoalescedSync()
{
    Transcript t;
    LogView view(&t);
    view.setOptions(plain());
    appendLines(t, 3);
    QCOMPARE(view.rowCount(), 0); // not synced per append
    QTRY_COMPARE(view.rowCount(), 3);
    QCOMPARE(view.allText(), QStringLiteral("RX  line 000\nRX  line 001\nRX  line 002"));
}

void tst_LogView::textRows_data()
{
    QTest::addColumn<QList<QByteArray>>("records");
    QTest::addColumn<bool>("visibleControls");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one per record") << QList<QByteArray> {"one", "two"} << false << QStringLiteral("RX  one\nRX  two");
    QTest::newRow("split after LF") << QList<QByteArray> {"a\r\nb\r\n"} << false << QStringLiteral("RX  a\n    b");
    QTest::newRow("controls shown") << QList<QByteArray> {"a\r\nb"} << true
                                    << QStringLiteral("RX  a\u240d\u240a\n    b");
    QTest::newRow("tab kept") << QList<QByteArray> {"a\tb"} << false << QStringLiteral("RX  a\tb");
}

void tst_LogView::textRows()
{
    QFETCH(const QList<QByteArray>, records);
    QFETCH(bool, visibleControls);
    QFETCH(QString, expected);

    Transcript t;
    LogView view(&t);
    RenderOptions options = plain();
    options.visibleControls = visibleControls;
    view.setOptions(options);
    for (const QByteArray &r : records)
        t.appendData(Direction::Rx, QString(), r);
    const auto rows = qint64(expected.count(QLatin1Char('\n')) + 1);
    QTRY_COMPARE(view.rowCount(), rows);
    view.selectAll();
    QCOMPARE(view.selectedText(), expected);
    view.copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void tst_LogView::encodingChangeRerendersHistory()
{
    Transcript t;
    LogView view(&t);
    view.setOptions(plain());
    t.appendData(Direction::Rx, QString(), QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221"));
    t.appendData(Direction::Tx, QString(), "ok");
    QTRY_COMPARE(view.rowCount(), 2);
    QVERIFY2(view.allText().contains(QChar(0xFFFD)), qPrintable(view.allText()));

    view.setOptions(plain(RenderOptions::View::Text, "GBK"));
    // At once: the whole history is re-rendered without waiting for the sync timer.
    QCOMPARE(view.rowCount(), 2);
    QCOMPARE(view.allText(), QString::fromUtf8("RX  信息已收到,over!\nTX  ok"));
}

void tst_LogView::hexView()
{
    Transcript t;
    LogView view(&t);
    view.setOptions(plain(RenderOptions::View::Hex));
    t.appendData(Direction::Rx, QString(), QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221") + "\r\n");
    QTRY_COMPARE(view.rowCount(), 3); // a header row, then one row per 16 bytes
    QCOMPARE(view.allText(),
        QStringLiteral("RX  (18 bytes)\n"
                       "    00000000  d0 c5 cf a2 d2 d1 ca d5  b5 bd 2c 6f 76 65 72 21  |..........,over!|\n"
                       "    00000010  0d 0a                                             |..|"));
}

void tst_LogView::autoScrollFollowsAndPauses()
{
    Transcript t;
    LogView view(&t);
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &LogView::autoScrollChanged);
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(view.autoScroll());

    appendLines(t, 100);
    QTRY_COMPARE(view.rowCount(), 100);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home); // the user scrolls up
    QCOMPARE(bar->value(), 0);
    QVERIFY(!view.autoScroll());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), false);

    appendLines(t, 50, 100);
    QTRY_COMPARE(view.rowCount(), 150);
    QCOMPARE(bar->value(), 0); // stays where the user is reading

    QTest::keyClick(&view, Qt::Key_End); // back to the bottom: following resumes
    QVERIFY(view.autoScroll());
    QCOMPARE(spy.count(), 2);
    appendLines(t, 50, 150);
    QTRY_COMPARE(view.rowCount(), 200);
    QCOMPARE(bar->value(), bar->maximum());

    QTest::keyClick(&view, Qt::Key_PageUp);
    QVERIFY(!view.autoScroll());
    view.setAutoScroll(true); // e.g. the panel's check box
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(spy.count(), 4);
}

void tst_LogView::optionChangeKeepsFirstVisibleRecord()
{
    Transcript t;
    LogView view(&t);
    view.resize(400, 200);
    view.setOptions(plain());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    appendLines(t, 200);
    QTRY_COMPARE(view.rowCount(), 200);
    QScrollBar *bar = view.verticalScrollBar();

    bar->setValue(50); // reading record 50, scrolled up
    QVERIFY(!view.autoScroll());
    view.setOptions(plain(RenderOptions::View::Hex)); // two rows per record now
    QCOMPARE(view.rowCount(), 400);
    QCOMPARE(bar->value(), 100);

    view.setAutoScroll(true);
    view.setOptions(plain());
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view.autoScroll());
}

void tst_LogView::droppedRecordsKeepScrolledPosition()
{
    Transcript t;
    t.setByteBudget(20 * (9 + Transcript::RecordOverhead)); // twenty "line NNN\n" records
    LogView view(&t);
    view.resize(400, 120);
    view.setOptions(plain());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    appendLines(t, 20);
    QTRY_COMPARE(view.rowCount(), 20);
    view.verticalScrollBar()->setValue(10);
    QCOMPARE(view.verticalScrollBar()->value(), 10);

    appendLines(t, 5, 20); // drops records 0..4
    QCOMPARE(t.droppedRecords(), 5);
    QTRY_COMPARE(view.verticalScrollBar()->value(), 5); // the same record is still the first one shown
    QCOMPARE(view.rowCount(), 20);
    view.selectAll();
    QVERIFY(view.selectedText().startsWith(QStringLiteral("RX  line 005\n")));
}

void tst_LogView::pauseFreezesAndResumeCatchesUp()
{
    Transcript t;
    LogView paused(&t);
    LogView reference(&t); // its timer starts after the paused view's would: once it has synced, so would have that
    paused.setOptions(plain());
    appendLines(t, 2);
    QTRY_COMPARE(paused.rowCount(), 2);

    paused.setPaused(true);
    QVERIFY(paused.isPaused());
    appendLines(t, 5, 2);
    QCOMPARE(t.size(), 7);
    QTRY_COMPARE(reference.rowCount(), 7);
    QCoreApplication::processEvents();
    QCOMPARE(paused.rowCount(), 2);

    paused.setPaused(false);
    QCOMPARE(paused.rowCount(), 7); // at once, not at the next tick
}

void tst_LogView::mouseAndKeyboardSelection()
{
    Transcript t;
    LogView view(&t);
    view.resize(400, 300);
    view.setOptions(plain());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    appendLines(t, 5);
    QTRY_COMPARE(view.rowCount(), 5);
    const int rowHeight = view.fontMetrics().height() + 2;
    auto rowY = [rowHeight](int row) { return QPoint(20, row * rowHeight + rowHeight / 2); };

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rowY(1));
    QCOMPARE(view.selectedText(), QStringLiteral("RX  line 001"));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, rowY(3));
    QCOMPARE(view.selectedText(), QStringLiteral("RX  line 001\nRX  line 002\nRX  line 003"));

    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, rowY(4));
    QMouseEvent move(QEvent::MouseMove, QPointF(rowY(2)), view.viewport()->mapToGlobal(QPointF(rowY(2))), Qt::NoButton,
        Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, rowY(2));
    QCOMPARE(view.selectedText(), QStringLiteral("RX  line 002\nRX  line 003\nRX  line 004"));

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), view.allText());
    QCOMPARE(view.selectedText().count(QLatin1Char('\n')), 4);
}

void tst_LogView::writeAllTextIsUtf8Lines()
{
    Transcript t;
    LogView view(&t);
    view.setOptions(plain());
    t.appendData(Direction::Rx, QString(), QString::fromUtf8("héllo\nwörld").toUtf8());
    t.appendEvent(EventKind::Note, QString(), QStringLiteral("note"));
    QTRY_COMPARE(view.rowCount(), 3);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(view.writeAllText(&buffer));
    QCOMPARE(buffer.data(), QString::fromUtf8("RX  héllo\n    wörld\n**  note\n").toUtf8());
}

void tst_LogView::clearEmptiesView()
{
    Transcript t;
    LogView view(&t);
    appendLines(t, 4);
    QTRY_COMPARE(view.rowCount(), 4);
    view.selectAll();
    t.clear();
    QTRY_COMPARE(view.rowCount(), 0);
    QVERIFY(!view.hasSelection());
    QCOMPARE(view.allText(), QString());
    appendLines(t, 1);
    QTRY_COMPARE(view.rowCount(), 1);
}

void tst_LogView::grabPaints()
{
    Transcript t;
    LogView view(&t);
    view.resize(500, 200);
    t.appendEvent(EventKind::Connected, QStringLiteral("127.0.0.1:5000"), QStringLiteral("connected"));
    t.appendData(Direction::Tx, QStringLiteral("127.0.0.1:5000"), QByteArray(3000, 'x')); // a long row
    t.appendData(
        Direction::Rx, QStringLiteral("127.0.0.1:5000"), QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221"));
    t.appendEvent(EventKind::Note, QString(), QString(5000, QLatin1Char('n'))); // drawn cut to the screen
    QTRY_COMPARE(view.rowCount(), 9); // 1 + 3000 / 512 rounded up + 1 + 1
    view.selectAll();
    for (const auto mode : {RenderOptions::View::Text, RenderOptions::View::Hex}) {
        RenderOptions options = view.options();
        options.view = mode;
        view.setOptions(options);
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        const QColor base = view.palette().color(QPalette::Base);
        const QColor highlight = view.palette().color(QPalette::Highlight);
        bool drawn = false; // text drawn over the highlighted rows differs from both plain colours
        for (int y = 0; y < image.height() && !drawn; ++y) {
            for (int x = 0; x < image.width() && !drawn; ++x) {
                const QColor c = image.pixelColor(x, y);
                drawn = c != base && c != highlight && x > 10 && x < image.width() - 30 && y < 150;
            }
        }
        QVERIFY(drawn);
    }
}

QTEST_MAIN(tst_LogView)
#include "tst_logview.moc"
