#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The log panel's controls drive the LogView's options at once; the counters line follows the transcript at
// most every LogPanel::CounterIntervalMs, hence QTRY_COMPARE on its text after appends.
class tst_LogPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void widgetsAreNamed_data();
    void widgetsAreNamed();
    void controlsChangeOptions();
    void setOptionsUpdatesControls();
    void autoScrollAndPauseFollowView();
    void eventTexts_data();
    void eventTexts();
    void errorsInWords_data();
    void errorsInWords();
    void hexByteCount();
    void clearEmptiesLog();
    void countersAndReset();
    void saveTextWritesEveryRow();

private:
    static void plainHeaders(LogPanel &panel)
    {
        RenderOptions options = panel.options();
        options.timestamps = false;
        options.showPeer = false;
        panel.setOptions(options);
    }
};

void tst_LogPanel::initTestCase()
{
    // Number grouping follows the locale; the expected counter strings are written in US English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LogPanel::widgetsAreNamed_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("accessibleName");

    QTest::newRow("view mode") << "logViewMode"
                               << "Log view";
    QTest::newRow("encoding") << "logEncoding"
                              << "Log encoding";
    QTest::newRow("timestamps") << "logTimestamps"
                                << "Show timestamps";
    QTest::newRow("peer") << "logShowPeer"
                          << "Show peer";
    QTest::newRow("controls") << "logShowControls"
                              << "Show control characters";
    QTest::newRow("auto-scroll") << "logAutoScroll"
                                 << "Auto-scroll";
    QTest::newRow("pause") << "logPause"
                           << "Pause display";
    QTest::newRow("clear") << "logClear"
                           << "Clear log";
    QTest::newRow("copy") << "logCopy"
                          << "Copy";
    QTest::newRow("save") << "logSave"
                          << "Save log";
    QTest::newRow("counters") << "logCounters"
                              << "Counters";
    QTest::newRow("reset counters") << "logResetCounters"
                                    << "Reset counters";
    QTest::newRow("view") << "logView"
                          << "Receive log";
}

void tst_LogPanel::widgetsAreNamed()
{
    QFETCH(QString, objectName);
    QFETCH(QString, accessibleName);
    Transcript t;
    LogPanel panel(&t);
    auto *widget = panel.findChild<QWidget *>(objectName);
    QVERIFY2(widget, qPrintable(objectName));
    if (qobject_cast<QLabel *>(widget)) {
        // A value label: assistive technology reads its text; the description says what it is.
        QVERIFY(widget->accessibleName().isEmpty());
        QCOMPARE(widget->accessibleDescription(), accessibleName);
    } else {
        QCOMPARE(widget->accessibleName(), accessibleName);
    }
    if (objectName != QLatin1String("logView"))
        QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(objectName));
}

void tst_LogPanel::controlsChangeOptions()
{
    Transcript t;
    LogPanel panel(&t);
    FIND(QComboBox, mode, &panel, "logViewMode");
    FIND(QComboBox, encoding, &panel, "logEncoding");
    FIND(QCheckBox, timestamps, &panel, "logTimestamps");
    FIND(QCheckBox, peer, &panel, "logShowPeer");
    FIND(QCheckBox, controls, &panel, "logShowControls");
    LogView *view = panel.view();

    QCOMPARE(encoding->currentData().toByteArray(), QByteArray()); // follows the send box...
    QCOMPARE(view->options().encoding, QByteArray("UTF-8")); // ...which writes UTF-8 here
    QVERIFY(panel.followsTabEncoding());
    QVERIFY(timestamps->isChecked());
    QVERIFY(peer->isChecked());
    QVERIFY(!controls->isChecked());
    QVERIFY(view->options() == RenderOptions());

    mode->setCurrentIndex(mode->findData(int(RenderOptions::View::Hex)));
    QCOMPARE(view->options().view, RenderOptions::View::Hex);
    const int gbk = encoding->findData(QByteArray("GBK"));
    QVERIFY(gbk >= 0);
    encoding->setCurrentIndex(gbk);
    QCOMPARE(view->options().encoding, QByteArray("GBK"));
    QVERIFY(!panel.followsTabEncoding());
    timestamps->click();
    QCOMPARE(view->options().timestamps, false);
    peer->click();
    QCOMPARE(view->options().showPeer, false);
    controls->click();
    QCOMPARE(view->options().visibleControls, true);
    QVERIFY(panel.options() == view->options());
}

void tst_LogPanel::setOptionsUpdatesControls()
{
    Transcript t;
    LogPanel panel(&t);
    FIND(QComboBox, mode, &panel, "logViewMode");
    FIND(QComboBox, encoding, &panel, "logEncoding");
    FIND(QCheckBox, timestamps, &panel, "logTimestamps");
    FIND(QCheckBox, controls, &panel, "logShowControls");

    RenderOptions options;
    options.view = RenderOptions::View::Hex;
    options.encoding = "Big5";
    options.timestamps = false;
    options.visibleControls = true;
    options.showTx = false; // no control for it, kept as given
    panel.setOptions(options);
    QCOMPARE(mode->currentData().toInt(), int(RenderOptions::View::Hex));
    QCOMPARE(encoding->currentData().toByteArray(), QByteArray("Big5"));
    QVERIFY(!timestamps->isChecked());
    QVERIFY(controls->isChecked());
    QVERIFY(panel.view()->options() == options);

    controls->click(); // a control change keeps the filter
    QCOMPARE(panel.options().showTx, false);
}

void tst_LogPanel::autoScrollAndPauseFollowView()
{
    Transcript t;
    LogPanel panel(&t);
    FIND(QCheckBox, autoScroll, &panel, "logAutoScroll");
    FIND(QToolButton, pause, &panel, "logPause");
    QVERIFY(autoScroll->isChecked());

    autoScroll->click();
    QVERIFY(!panel.view()->autoScroll());
    panel.view()->setAutoScroll(true); // e.g. the user scrolled back to the bottom
    QVERIFY(autoScroll->isChecked());

    QVERIFY(pause->isCheckable());
    pause->click();
    QVERIFY(panel.view()->isPaused());
    pause->click();
    QVERIFY(!panel.view()->isPaused());
}

void tst_LogPanel::eventTexts_data()
{
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");

    const QString ep = QStringLiteral("127.0.0.1:5000");
    QTest::newRow("connecting") << EventKind::Connecting << QString() << QString::fromUtf8("Connecting to %1…").arg(ep);
    QTest::newRow("connected") << EventKind::Connected << QString() << QStringLiteral("Connected: %1").arg(ep);
    QTest::newRow("disconnected") << EventKind::Disconnected << QString() << QStringLiteral("Disconnected: %1").arg(ep);
    QTest::newRow("listening") << EventKind::Listening << QString() << QStringLiteral("Listening on %1").arg(ep);
    QTest::newRow("stopped") << EventKind::Stopped << QString() << QStringLiteral("Stopped listening on %1").arg(ep);
    QTest::newRow("bound") << EventKind::Bound << QString() << QStringLiteral("Bound to %1").arg(ep);
    QTest::newRow("unbound") << EventKind::Unbound << QString() << QStringLiteral("Unbound from %1").arg(ep);
    QTest::newRow("joined") << EventKind::Joined << QString() << QStringLiteral("Joined multicast group %1").arg(ep);
    QTest::newRow("joined on") << EventKind::Joined << QStringLiteral("eth0")
                               << QStringLiteral("Joined multicast group %1 on eth0").arg(ep);
    QTest::newRow("left") << EventKind::Left << QString() << QStringLiteral("Left multicast group %1").arg(ep);
    QTest::newRow("new peer") << EventKind::NewPeer << QString() << QStringLiteral("New peer: %1").arg(ep);
    QTest::newRow("peer gone") << EventKind::PeerGone << QString() << QStringLiteral("Peer left the table: %1").arg(ep);
    QTest::newRow("capture failed") << EventKind::CaptureFailed << QStringLiteral("No space left on device")
                                    << QStringLiteral("Capture to %1 stopped: No space left on device").arg(ep);
    QTest::newRow("error") << EventKind::Error << QStringLiteral("Connection refused")
                           << QStringLiteral("Error: Connection refused (%1)").arg(ep);
    QTest::newRow("refused") << EventKind::Refused << QString()
                             << QStringLiteral("Refused %1: too many clients").arg(ep);
    QTest::newRow("note") << EventKind::Note << QString::fromUtf8("détail") << QString::fromUtf8("détail");
}

void tst_LogPanel::eventTexts()
{
    QFETCH(EventKind, kind);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    Transcript t;
    LogPanel panel(&t);
    plainHeaders(panel);
    t.appendEvent(kind, QStringLiteral("127.0.0.1:5000"), detail);
    QTRY_COMPARE(panel.view()->rowCount(), 1); // rows appear at the view's next coalesced sync
    QCOMPARE(panel.view()->allText(), QStringLiteral("**  ") + expected);
}

void tst_LogPanel::errorsInWords_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    using Kind = SessionError::Kind;
    QTest::newRow("refused") << int(Kind::Refused) << QStringLiteral("Connection refused")
                             << QStringLiteral("Error: Connection refused: nothing is listening on that port. (a:1)");
    QTest::newRow("timeout, no detail") << int(
        Kind::TimedOut) << QString() << QStringLiteral("Error: Connection timed out: the host did not answer. (a:1)");
    QTest::newRow("port unreachable") << int(Kind::PortUnreachable) << QString()
                                      << QString::fromUtf8("Error: Nothing is listening at that address and port (the "
                                                           "host answered \"port unreachable\"). (a:1)");
    QTest::newRow("other keeps the detail") << int(Kind::Other) << QStringLiteral("Weird thing")
                                            << QStringLiteral("Error: Network error: Weird thing (a:1)");
}

void tst_LogPanel::errorsInWords()
{
    QFETCH(int, kind);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    Transcript t;
    LogPanel panel(&t);
    plainHeaders(panel);
    t.appendError(QStringLiteral("a:1"), {SessionError::Kind(kind), detail});
    QTRY_COMPARE(panel.view()->rowCount(), 1);
    QCOMPARE(panel.view()->allText(), QStringLiteral("**  ") + expected);
}

void tst_LogPanel::hexByteCount()
{
    Transcript t;
    LogPanel panel(&t);
    plainHeaders(panel);
    FIND(QComboBox, mode, &panel, "logViewMode");
    mode->setCurrentIndex(mode->findData(int(RenderOptions::View::Hex)));
    t.appendData(Direction::Tx, QString(), "AB");
    QTRY_COMPARE(panel.view()->rowCount(), 2);
    QCOMPARE(panel.view()->allText(),
        QStringLiteral("TX  (2 bytes)\n    00000000  41 42"
                       "                                             |AB|"));
    t.appendData(Direction::Rx, QString(), "C");
    QTRY_COMPARE(panel.view()->rowCount(), 4);
    QVERIFY2(panel.view()->allText().contains(QLatin1String("\nRX  (1 byte)\n")), qPrintable(panel.view()->allText()));
}

void tst_LogPanel::clearEmptiesLog()
{
    Transcript t;
    LogPanel panel(&t);
    FIND(QToolButton, clear, &panel, "logClear");
    t.appendData(Direction::Rx, QString(), "one\ntwo\n");
    QTRY_COMPARE(panel.view()->rowCount(), 2);
    clear->click();
    QVERIFY(t.isEmpty());
    QTRY_COMPARE(panel.view()->rowCount(), 0);
}

void tst_LogPanel::countersAndReset()
{
    Transcript t;
    LogPanel panel(&t);
    FIND(QLabel, counters, &panel, "logCounters");
    FIND(QToolButton, reset, &panel, "logResetCounters");
    QCOMPARE(counters->text(), QStringLiteral("RX 0 B (0 msgs)  TX 0 B (0 msgs)"));

    for (int i = 0; i < 4; ++i)
        t.appendData(Direction::Rx, QString(), QByteArray(300, 'r'));
    t.appendData(Direction::Rx, QString(), QByteArray(34, 'r'));
    t.appendData(Direction::Tx, QString(), QByteArray(50, 't'));
    t.appendData(Direction::Tx, QString(), QByteArray(6, 't'));
    QTRY_COMPARE(counters->text(), QStringLiteral("RX 1,234 B (5 msgs)  TX 56 B (2 msgs)"));

    t.setByteBudget(3 * (50 + Transcript::RecordOverhead)); // keeps the last three records
    QTRY_COMPARE(counters->text(), QStringLiteral("RX 1,234 B (5 msgs)  TX 56 B (2 msgs), 4 old records dropped"));

    reset->click();
    QCOMPARE(counters->text(), QStringLiteral("RX 0 B (0 msgs)  TX 0 B (0 msgs), 4 old records dropped"));
    panel.clearLog(); // forgets the dropped count with the records
    QCOMPARE(counters->text(), QStringLiteral("RX 0 B (0 msgs)  TX 0 B (0 msgs)"));
}

void tst_LogPanel::saveTextWritesEveryRow()
{
    Transcript t;
    LogPanel panel(&t);
    plainHeaders(panel);
    t.appendData(Direction::Rx, QString(), QString::fromUtf8("信息\r\n").toUtf8());
    t.appendData(Direction::Tx, QString(), "ok");
    QTRY_COMPARE(panel.view()->rowCount(), 2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.txt"));
    QCOMPARE(panel.saveText(fileName), QString());
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QString::fromUtf8("RX  信息\nTX  ok\n").toUtf8());

    QVERIFY(!panel.saveText(dir.filePath(QStringLiteral("missing/dir/log.txt"))).isEmpty());
}

QTEST_MAIN(tst_LogPanel)
#include "tst_logpanel.moc"
