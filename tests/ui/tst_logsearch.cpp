#include "log/transcript.h"
#include "logpanel.h"
#include "logsearchbar.h"
#include "logview.h"
#include "net/tcpserversession.h"
#include "serverpage.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>

// The find bar of the log: text in the rows as shown, hex in the raw bytes, next / previous with wrapping, the
// match selected and highlighted, filters by direction and client. Searches run in slices on the event loop,
// hence QTRY_* / spy.wait() for their results.
class tst_LogSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widgetsAreNamed_data();
    void widgetsAreNamed();
    void ctrlFOpensAndEscapeCloses();
    void textNextPreviousWraps();
    void typingRefinesInPlace();
    void notFound();
    void hexFindsBytesInRecords();
    void hexInHexViewHighlightsBytes();
    void bigLogDoesNotBlock();
    void directionFilters();
    void clientFilterInServerTab();

private:
    static void plain(LogPanel &panel)
    {
        RenderOptions options = panel.options();
        options.timestamps = false;
        options.showPeer = false;
        panel.setOptions(options);
    }
    static void fill(Transcript &t)
    {
        t.appendData(Direction::Tx, "dev:1", "READ temp\n");
        t.appendData(Direction::Rx, "dev:1", "temp=21\n");
        t.appendEvent(EventKind::Note, {}, "note");
        t.appendData(Direction::Tx, "dev:1", "READ Humidity\n");
        t.appendData(Direction::Rx, "dev:1", QByteArray::fromHex("0103022a00"));
        t.appendData(Direction::Rx, "dev:1", "TEMP=22\n");
    }
};

void tst_LogSearch::widgetsAreNamed_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("accessibleName");
    QTest::newRow("query") << "logSearch"
                           << "Find in log";
    QTest::newRow("mode") << "logSearchMode"
                          << "Find mode";
    QTest::newRow("previous") << "logSearchPrevious"
                              << "Find previous";
    QTest::newRow("next") << "logSearchNext"
                          << "Find next";
    QTest::newRow("rx") << "logFilterRx"
                        << "Show received";
    QTest::newRow("tx") << "logFilterTx"
                        << "Show sent";
    QTest::newRow("events") << "logFilterEvents"
                            << "Show events";
    QTest::newRow("peer") << "logFilterPeer"
                          << "Show client";
    QTest::newRow("close") << "logSearchClose"
                           << "Close find bar";
}

void tst_LogSearch::widgetsAreNamed()
{
    QFETCH(QString, objectName);
    QFETCH(QString, accessibleName);
    Transcript t;
    LogPanel panel(&t);
    auto *widget = panel.findChild<QWidget *>(objectName);
    QVERIFY2(widget, qPrintable(objectName));
    QCOMPARE(widget->accessibleName(), accessibleName);
    QVERIFY(!widget->toolTip().isEmpty());
}

void tst_LogSearch::ctrlFOpensAndEscapeCloses()
{
    ServerPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    FIND(QWidget, bar, &page, "logSearchBar");
    FIND(QLineEdit, query, &page, "logSearch");
    FIND(LogView, view, &page, "logView");
    QVERIFY(!bar->isVisible());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY(query->hasFocus());
    QTest::keyClick(query, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}

void tst_LogSearch::textNextPreviousWraps()
{
    Transcript t;
    fill(t);
    LogPanel panel(&t);
    plain(panel);
    LogView *view = panel.view();
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    FIND(QToolButton, next, &panel, "logSearchNext");
    FIND(QToolButton, previous, &panel, "logSearchPrevious");
    FIND(QLabel, status, &panel, "logSearchStatus");
    QSignalSpy found(panel.searchBar()->search(), &LogSearch::found);
    query->setText(QStringLiteral("temp"));
    QTest::keyClick(view, Qt::Key_Home); // a first search starts at the top row on screen

    // Case-insensitive, row by row: rows 0 "TX  READ temp", 1 "RX  temp=21", 5 "RX  TEMP=22".
    next->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 0);
    QCOMPARE(view->selectedText(), QStringLiteral("TX  READ temp"));
    next->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 1);
    next->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 5);
    QCOMPARE(status->text(), QString());
    next->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 0);
    QCOMPARE(status->text(), QStringLiteral("Wrapped around"));
    previous->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 5);
    previous->click();
    QVERIFY(found.wait());
    QCOMPARE(view->matchRow(), 1);
    QVERIFY(!view->autoScroll() || view->rowCount() <= 6); // jumping to a match stops following new data
}

void tst_LogSearch::typingRefinesInPlace()
{
    Transcript t;
    fill(t);
    LogPanel panel(&t);
    plain(panel);
    QTest::keyClick(panel.view(), Qt::Key_Home);
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    QTest::keyClicks(query, "re");
    // Typing searches after a short pause, from the current match on: "READ temp" in row 0.
    QTRY_COMPARE(panel.view()->matchRow(), 0);
    QTest::keyClicks(query, "ad h");
    QTRY_COMPARE(panel.view()->matchRow(), 3);
    QTest::keyClick(query, Qt::Key_Return); // Next: the only match again, wrapped
    QTRY_COMPARE(panel.searchBar()->findChild<QLabel *>(QStringLiteral("logSearchStatus"))->text(),
        QStringLiteral("Wrapped around"));
    QCOMPARE(panel.view()->matchRow(), 3);
}

void tst_LogSearch::notFound()
{
    Transcript t;
    fill(t);
    LogPanel panel(&t);
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    FIND(QLabel, status, &panel, "logSearchStatus");
    FIND(QComboBox, mode, &panel, "logSearchMode");
    QSignalSpy missing(panel.searchBar()->search(), &LogSearch::notFound);
    query->setText(QStringLiteral("pressure"));
    panel.searchBar()->findNext();
    QVERIFY(missing.wait());
    QCOMPARE(status->text(), QStringLiteral("Not found"));
    QVERIFY(!panel.view()->hasMatch());
    mode->setCurrentIndex(mode->findData(int(LogSearch::Mode::Hex)));
    query->setText(QStringLiteral("0G"));
    panel.searchBar()->findNext();
    QCOMPARE(status->text(), QStringLiteral("Not valid hex"));
}

void tst_LogSearch::hexFindsBytesInRecords()
{
    Transcript t;
    fill(t);
    LogPanel panel(&t);
    plain(panel);
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    FIND(QComboBox, mode, &panel, "logSearchMode");
    mode->setCurrentIndex(mode->findData(int(LogSearch::Mode::Hex)));
    QSignalSpy found(panel.searchBar()->search(), &LogSearch::found);
    query->setText(QStringLiteral("03 02 2A"));
    panel.searchBar()->findNext();
    QVERIFY(found.wait());
    // The record's first (only) text row.
    QCOMPARE(panel.view()->matchRow(), 4);
    // "=2" is 3D 32: in records 1 ("temp=21") and 5 ("TEMP=22").
    query->setText(QStringLiteral("3d 32"));
    panel.searchBar()->findNext();
    QVERIFY(found.wait());
    QCOMPARE(panel.view()->matchRow(), 5);
    panel.searchBar()->findNext();
    QVERIFY(found.wait());
    QCOMPARE(panel.view()->matchRow(), 1);
}

void tst_LogSearch::hexInHexViewHighlightsBytes()
{
    Transcript t;
    QByteArray data(40, 'x');
    data[20] = '\x7e';
    data[21] = '\x01';
    t.appendData(Direction::Rx, {}, data);
    LogPanel panel(&t);
    RenderOptions options = panel.options();
    options.view = RenderOptions::View::Hex;
    options.timestamps = false;
    panel.setOptions(options);
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    FIND(QComboBox, mode, &panel, "logSearchMode");
    mode->setCurrentIndex(mode->findData(int(LogSearch::Mode::Hex)));
    QSignalSpy found(panel.searchBar()->search(), &LogSearch::found);
    query->setText(QStringLiteral("7E 01"));
    panel.searchBar()->findNext();
    QVERIFY(found.wait());
    // Header row 0, then dump rows of 16 bytes: byte 20 is in row 2.
    QCOMPARE(panel.view()->matchRow(), 2);
    QCOMPARE(panel.view()->selectedText(),
        QStringLiteral("    00000010  78 78 78 78 7e 01 78 78  78 78 78 78 78 78 78 78  |xxxx~.xxxxxxxxxx|"));
}

void tst_LogSearch::bigLogDoesNotBlock()
{
    Transcript t;
    for (int i = 0; i < 20000; ++i)
        t.appendData(Direction::Rx, "dev:1", "line " + QByteArray::number(i) + "\n");
    t.appendData(Direction::Rx, "dev:1", "needle\n");
    LogPanel panel(&t);
    plain(panel);
    panel.view()->showMatch(0, 0, 0, 0); // start at the top
    panel.openSearch();
    FIND(QLineEdit, query, &panel, "logSearch");
    QSignalSpy found(panel.searchBar()->search(), &LogSearch::found);
    query->setText(QStringLiteral("needle"));
    panel.searchBar()->findNext();
    // The scan runs in slices of LogSearch::RowsPerSlice rows: after the call nothing is found yet.
    QVERIFY(panel.searchBar()->search()->isRunning());
    QCOMPARE(found.size(), 0);
    QVERIFY(found.wait());
    QCOMPARE(panel.view()->matchRow(), 20000);
}

void tst_LogSearch::directionFilters()
{
    Transcript t;
    fill(t);
    LogPanel panel(&t);
    plain(panel);
    panel.openSearch();
    FIND(QCheckBox, rx, &panel, "logFilterRx");
    FIND(QCheckBox, events, &panel, "logFilterEvents");
    FIND(QToolButton, close, &panel, "logSearchClose");
    rx->setChecked(false);
    events->setChecked(false);
    QCOMPARE(panel.view()->allText(), QStringLiteral("TX  READ temp\nTX  READ Humidity"));
    // A search sees only what is shown.
    FIND(QLineEdit, query, &panel, "logSearch");
    QSignalSpy missing(panel.searchBar()->search(), &LogSearch::notFound);
    query->setText(QStringLiteral("TEMP="));
    panel.searchBar()->findNext();
    QVERIFY(missing.wait());
    // Closing the bar shows everything again.
    close->click();
    QCOMPARE(panel.view()->rowCount(), 6);
    QVERIFY(panel.options().showRx && panel.options().showEvents);
}

void tst_LogSearch::clientFilterInServerTab()
{
    ServerPage page;
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page.toggleSession();
    QTcpSocket a;
    QTcpSocket b;
    a.connectToHost(QHostAddress::LocalHost, page.session()->localPort());
    QVERIFY(a.waitForConnected(5000));
    b.connectToHost(QHostAddress::LocalHost, page.session()->localPort());
    QVERIFY(b.waitForConnected(5000));
    a.write("from a");
    b.write("from b");
    QTRY_COMPARE(page.transcript()->counters().rxBytes, 12);
    FIND(QComboBox, peer, &page, "logFilterPeer");
    QVERIFY(!peer->isHidden());
    QCOMPARE(peer->count(), 1); // clients are listed when the bar opens, not while it is closed
    page.logPanel()->searchBar()->openBar();
    const QString bName = QStringLiteral("127.0.0.1:%1").arg(b.localPort());
    const int index = peer->findText(bName);
    QVERIFY2(index > 0, qPrintable(bName));
    QCOMPARE(peer->count(), 3); // all clients, a, b
    peer->setCurrentIndex(index);
    const QString shown = page.logPanel()->view()->allText();
    QVERIFY2(shown.contains(QLatin1String("from b")) && !shown.contains(QLatin1String("from a")), qPrintable(shown));

    // While the bar is open, a client that connects is listed as it arrives.
    QTcpSocket c;
    c.connectToHost(QHostAddress::LocalHost, page.session()->localPort());
    QVERIFY(c.waitForConnected(5000));
    QTRY_COMPARE(peer->count(), 4);
    QCOMPARE(peer->itemText(3), QStringLiteral("127.0.0.1:%1").arg(c.localPort()));
    QCOMPARE(peer->currentIndex(), index); // the choice stays
}

QTEST_MAIN(tst_LogSearch)
#include "tst_logsearch.moc"
