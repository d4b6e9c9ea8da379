#include "capture/pcapwriter.h"
#include "captureflowsdialog.h"
#include "captureopener.h"
#include "capturepage.h"
#include "capturetask.h"
#include "log/transcript.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "sessionpage.h"
#include "sessiontabs.h"
#include "widgetlookup.h"
#include "windowsettings.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "text/codecs.h"
#include <QToolButton>
#include <QTreeWidget>

// File > Open Capture in a real window, offscreen: a capture the test writes (a TCP conversation with GBK text and
// binary bytes, a UDP flow) is listed with its ends, packets and bytes; opening a stream shows a read-only tab whose
// log holds exactly the conversation's bytes, each way; the tab is not saved as a session; a file that is not a
// capture is refused with the reason, and a cut one opens with a note of where it stopped.

namespace {

const QHostAddress Client(QStringLiteral("192.0.2.10"));
const QHostAddress Server(QStringLiteral("192.0.2.20"));
const qint64 T0 = 1764600000000000;

const QList<QByteArray> &clientSays()
{
    static const QList<QByteArray> s {"hello\r\n", QByteArray("\xc4\xe3\xba\xc3\r\n"), QByteArray(3000, '\x00')};
    return s;
}

const QList<QByteArray> &serverSays()
{
    static const QList<QByteArray> s {QByteArray("\x01\x02\xff\xfe", 4), "OK\r\n"};
    return s;
}

bool writeCapture(const QString &path)
{
    PcapWriter w;
    if (!w.open(path, false))
        return false;
    // Written from the client's side: local is the client, which connects.
    const FlowEnds tcp {Client, 50000, Server, 502};
    const FlowEnds udp {Client, 50001, Server, 9000};
    bool ok = w.tcpOpened(tcp, T0, true);
    ok = ok && w.tcpData(tcp, true, clientSays()[0], T0 + 1000);
    ok = ok && w.udpDatagram(udp, true, "ping", T0 + 1500);
    ok = ok && w.tcpData(tcp, false, serverSays()[0], T0 + 2000);
    ok = ok && w.tcpData(tcp, true, clientSays()[1], T0 + 3000);
    ok = ok && w.udpDatagram(udp, false, "pong", T0 + 3500);
    ok = ok && w.tcpData(tcp, true, clientSays()[2], T0 + 4000);
    ok = ok && w.tcpData(tcp, false, serverSays()[1], T0 + 5000);
    ok = ok && w.tcpClosed(tcp, T0 + 6000, true);
    w.close();
    return ok;
}

// Interactive widgets without an objectName or an accessible name (as tst_accessibility counts them).
QStringList unnamedIn(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w)
            || (qobject_cast<QAbstractItemView *>(w) && !qobject_cast<QHeaderView *>(w)); // a header: its view's
        if (!interactive || qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<QComboBox *>(w->parentWidget()) || w->objectName().startsWith(QLatin1String("qt_"))
            || !w->isVisibleTo(root))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (w->objectName().isEmpty() || !iface || iface->text(QAccessible::Name).isEmpty())
            unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
    }
    return unnamed;
}

QByteArray joined(const Transcript &t, Direction direction)
{
    QByteArray out;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).direction == direction)
            out += t.at(i).data;
    }
    return out;
}

} // namespace

class tst_OpenCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsFlowsAndOpensOneReadOnly();
    void notACaptureIsRefused();
    void truncatedFileSaysWhereItStopped();
    void gapIsShownNeverGlued();
    void saveLogAsPcapRoundTrips();
    void flowReadStopsAtTheBudget();
    void cancelListsWhatWasRead();
    void captureControlOffersPcap();

private:
    CaptureFlowsDialog *waitForList(CaptureOpener *opener);
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_OpenCapture::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("conversation.pcap"));
    QVERIFY(writeCapture(m_path));
}

CaptureFlowsDialog *tst_OpenCapture::waitForList(CaptureOpener *opener)
{
    QPointer<CaptureOpener> guard = opener;
    if (!QTest::qWaitFor([&] { return !guard || guard->flowsDialog(); }, 10000))
        return nullptr; // the caller's check fails
    return guard ? guard->flowsDialog() : nullptr;
}

void tst_OpenCapture::listsFlowsAndOpensOneReadOnly()
{
    MainWindow window;
    window.show();
    const int sessionTabs = window.tabs()->count();
    CaptureFlowsDialog *list = waitForList(window.openCapture(m_path));
    QVERIFY(list);
    QTreeWidget *flows = list->list();
    QCOMPARE(flows->topLevelItemCount(), 2);
    QTreeWidgetItem *tcp = nullptr;
    for (int i = 0; i < 2; ++i) {
        if (flows->topLevelItem(i)->text(0) == QLatin1String("TCP"))
            tcp = flows->topLevelItem(i);
    }
    QVERIFY(tcp);
    QCOMPARE(tcp->text(2), QStringLiteral("192.0.2.10:50000"));
    QCOMPARE(tcp->text(3), QStringLiteral("192.0.2.20:502"));
    qint64 aToB = 0, bToA = 0;
    for (const QByteArray &b : clientSays())
        aToB += b.size();
    for (const QByteArray &b : serverSays())
        bToA += b.size();
    QCOMPARE(tcp->data(6, Qt::UserRole).toLongLong(), aToB);
    QCOMPARE(tcp->data(7, Qt::UserRole).toLongLong(), bToA);
    QVERIFY(tcp->data(4, Qt::UserRole).toLongLong() >= 3 + 5 + 3); // handshake, data and ACKs, close

    flows->setCurrentItem(tcp);
    tcp->setSelected(true);
    FIND(QPushButton, open, list, "captureOpenFlow");
    open->click();
    QVERIFY(QTest::qWaitFor([&] { return window.tabs()->count() == sessionTabs + 1; }, 10000));
    const int index = window.tabs()->count() - 1;
    QVERIFY(window.tabs()->isReadOnlyTab(index));
    QCOMPARE(window.tabs()->page(index), nullptr);
    auto *page = qobject_cast<CapturePage *>(window.tabs()->widget(index));
    QVERIFY(page);
    QCOMPARE(window.tabs()->currentWidget(), page);
    QCOMPARE(window.tabs()->tabText(index), page->title());
    QVERIFY(page->title().contains(QLatin1String("192.0.2.10:50000")));

    // Exactly the conversation: TX is A (the client) to B, RX the other way, record by record, in order.
    const Transcript &t = *page->transcript();
    QCOMPARE(joined(t, Direction::Tx), clientSays().join());
    QCOMPARE(joined(t, Direction::Rx), serverSays().join());
    QList<QByteArray> records;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).direction != Direction::Event)
            records << t.at(i).data;
    }
    QCOMPARE(records,
        (QList<QByteArray> {clientSays()[0], serverSays()[0], clientSays()[1], clientSays()[2], serverSays()[1]}));
    QCOMPARE(t.at(0).event, EventKind::Connecting);
    QCOMPARE(t.at(1).event, EventKind::Connected);
    QCOMPARE(t.peerName(t.at(2).peer), QStringLiteral("192.0.2.20:502"));
    QCOMPARE(t.peerName(t.at(2).local), QStringLiteral("192.0.2.10:50000"));
    QCOMPARE(t.at(2).timeMs, (T0 + 1000) / 1000);
    QCOMPARE(t.at(t.size() - 1).event, EventKind::Disconnected);
    QCOMPARE(unnamedIn(page), QStringList());
    QCOMPARE(unnamedIn(list).join(u','), QString());
    // No send box: the tab shows, it does not talk.
    QVERIFY(page->findChildren<SendPanel *>().isEmpty());
    QVERIFY(!page->findChild<QWidget *>(QStringLiteral("sendEditor")));
    // Nor a send box's encoding to follow: every entry of the log's encoding list is a real encoding, and it shows
    // the system's.
    FIND(QComboBox, logEncoding, page, "logEncoding");
    for (int i = 0; i < logEncoding->count(); ++i)
        QVERIFY2(!logEncoding->itemData(i).toByteArray().isEmpty(), qPrintable(logEncoding->itemText(i)));
    QCOMPARE(logEncoding->currentData().toByteArray(), Codecs::systemDefault());
    FIND(QLabel, encodingNote, page, "logEncodingNote");
    QVERIFY(encodingNote->isHidden());

    // Framing cuts the reassembled stream as the recorder cuts a live one; the close ends the pending frame.
    Framer::Config lines;
    lines.mode = Framer::Mode::Delimiter;
    lines.delimiter = "\n";
    page->setFraming(lines);
    QList<QByteArray> tx, rx;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i).direction != Direction::Event)
            (t.at(i).direction == Direction::Tx ? tx : rx) << t.at(i).data;
    }
    QCOMPARE(tx, clientSays());
    QCOMPARE(rx, QList<QByteArray> {serverSays().join()});
    QCOMPARE(t.counters().txBytes, aToB);

    // Not saved as a session: the saved tab list is the session tabs alone.
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    WindowSettings::save(window, settings);
    QCOMPARE(settings.beginReadArray(QStringLiteral("tabs")), sessionTabs);
    settings.endArray();
    QCOMPARE(window.pages().size(), sessionTabs);

    window.tabs()->requestClose(index); // read-only: closes at once
    QCOMPARE(window.tabs()->count(), sessionTabs);
    list->close();
}

void tst_OpenCapture::notACaptureIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.pcap"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are notes, not packets\n");
    file.close();
    MainWindow window;
    CaptureOpener *opener = window.openCapture(path);
    QSignalSpy refused(opener, &CaptureOpener::refused);
    QVERIFY(refused.wait(10000));
    const QString reason = refused.at(0).at(0).toString();
    QVERIFY2(reason.contains(QLatin1String("not a pcap or pcapng capture")), qPrintable(reason));
    QVERIFY(QTest::qWaitFor([&] { return window.findChild<QWidget *>(QStringLiteral("captureRefused")); }, 5000));
}

void tst_OpenCapture::truncatedFileSaysWhereItStopped()
{
    QFile whole(m_path);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString path = m_dir.filePath(QStringLiteral("cut.pcap"));
    QFile cut(path);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() - 30)); // inside the last packet
    cut.close();
    MainWindow window;
    CaptureFlowsDialog *list = waitForList(window.openCapture(path));
    QVERIFY(list);
    QCOMPARE(list->list()->topLevelItemCount(), 2);
    FIND(QLabel, note, list, "captureNote");
    QVERIFY2(note->text().contains(QLatin1String("ends inside packet")), qPrintable(note->text()));
    list->close();
}

// craftpcap.py's "gap": 4 bytes after "aaa" were never captured, then "bbb"; framing by lines must not join them.
void tst_OpenCapture::gapIsShownNeverGlued()
{
    const QString source = qEnvironmentVariable("NETASSIST_SOURCE_DIR");
    if (source.isEmpty())
        QSKIP("NETASSIST_SOURCE_DIR is not set (ctest sets it)");
    const QString path = m_dir.filePath(QStringLiteral("gap.pcap"));
    QCOMPARE(QProcess::execute(QStringLiteral("python3"),
                 {source + QStringLiteral("/tests/core/capture/craftpcap.py"), QStringLiteral("gap"), path}),
        0);
    MainWindow window;
    CaptureFlowsDialog *list = waitForList(window.openCapture(path));
    QVERIFY(list);
    QCOMPARE(list->list()->topLevelItemCount(), 1);
    const int before = window.tabs()->count();
    list->openButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return window.tabs()->count() == before + 1; }, 10000));
    auto *page = qobject_cast<CapturePage *>(window.tabs()->widget(before));
    QVERIFY(page);
    const auto seen = [page] {
        QStringList out;
        const Transcript &t = *page->transcript();
        for (qsizetype i = 0; i < t.size(); ++i) {
            const Record &r = t.at(i);
            if (r.direction != Direction::Event)
                out << (r.direction == Direction::Tx ? QStringLiteral("TX ") : QStringLiteral("RX "))
                        + QString::fromLatin1(r.data);
            else if (r.event == EventKind::Note && r.data.contains("missing")) // plural forms come with the .ts
                out << QString::fromUtf8(r.data).replace(QLatin1String("byte(s)"), QLatin1String("bytes"));
        }
        return out;
    };
    const QString gap = QStringLiteral("10.0.0.1:40000 \u2192 10.0.0.2:502: 4 bytes missing from the capture");
    // FlowReader holds "bbb" until the flow ends, then declares the hole: the log shows them in that order.
    QCOMPARE(seen(), (QStringList {"TX aaa", "RX ok", gap, "TX bbb"}));
    // By lines: "aaa" waits for its line end until the hole ends it, B's "ok" until B's FIN.
    Framer::Config lines;
    lines.mode = Framer::Mode::Delimiter;
    page->setFraming(lines);
    QCOMPARE(seen(), (QStringList {"RX ok", "TX aaa", gap, "TX bbb"}));
    list->close();
}

// Both ways at once: a stream opened from a capture, saved from its log as pcap (the type chosen in the dialog),
// opened again, holds the same conversation.
void tst_OpenCapture::saveLogAsPcapRoundTrips()
{
    MainWindow window;
    CaptureFlowsDialog *list = waitForList(window.openCapture(m_path));
    QVERIFY(list);
    const int before = window.tabs()->count();
    for (int i = 0; i < list->list()->topLevelItemCount(); ++i) {
        if (list->list()->topLevelItem(i)->text(0) == QLatin1String("TCP"))
            list->list()->setCurrentItem(list->list()->topLevelItem(i));
    }
    list->openButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return window.tabs()->count() == before + 1; }, 10000));
    auto *page = qobject_cast<CapturePage *>(window.tabs()->widget(before));
    QVERIFY(page);
    list->close();

    FIND(QToolButton, save, page, "logSave");
    save->click();
    QFileDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (dialog = page->findChild<QFileDialog *>(QStringLiteral("logSaveDialog"))) != nullptr; }, 5000));
    const QString saved = m_dir.filePath(QStringLiteral("saved-again"));
    dialog->selectNameFilter(QStringLiteral("pcap for Wireshark (*.pcap)"));
    dialog->selectFile(saved);
    QMetaObject::invokeMethod(dialog, "accept");
    QVERIFY(QTest::qWaitFor([&] { return QFileInfo::exists(saved) || QFileInfo::exists(saved + ".pcap"); }, 5000));
    const QString written = QFileInfo::exists(saved) ? saved : saved + QStringLiteral(".pcap");

    CaptureFlowsDialog *again = waitForList(window.openCapture(written));
    QVERIFY(again);
    QCOMPARE(again->list()->topLevelItemCount(), 1);
    QCOMPARE(again->list()->topLevelItem(0)->text(2), QStringLiteral("192.0.2.10:50000"));
    QCOMPARE(again->list()->topLevelItem(0)->text(3), QStringLiteral("192.0.2.20:502"));
    again->openButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return window.tabs()->count() == before + 2; }, 10000));
    auto *reopened = qobject_cast<CapturePage *>(window.tabs()->widget(before + 1));
    QVERIFY(reopened);
    QCOMPARE(joined(*reopened->transcript(), Direction::Tx), clientSays().join());
    QCOMPARE(joined(*reopened->transcript(), Direction::Rx), serverSays().join());
    again->close();
}

// A flow larger than the log's budget is read up to it (bytes plus the per-record overhead) and says so.
void tst_OpenCapture::flowReadStopsAtTheBudget()
{
    CaptureTask task;
    QSignalSpy finished(&task, &CaptureTask::finished);
    task.startIndex(m_path);
    QVERIFY(finished.wait(10000));
    QVERIFY(task.result().ok());
    QCOMPARE(task.flows().size(), 2);
    const FlowSummary tcp = task.flows().at(0).protocol == FlowProtocol::Tcp ? task.flows().at(0) : task.flows().at(1);

    // The open, "hello\r\n" and the server's 4 bytes fit (each event is a record of the log), the next does not.
    const qint64 limit = 7 + 4 + 3 * Transcript::RecordOverhead + 5;
    task.startFlow(m_path, tcp, limit);
    QVERIFY(finished.wait(10000));
    QVERIFY(task.limited());
    QList<QByteArray> data;
    for (const CaptureTask::Event &e : task.takeEvents()) {
        if (e.kind == FlowEvent::Kind::Data)
            data << e.bytes;
    }
    QCOMPARE(data, (QList<QByteArray> {clientSays()[0], serverSays()[0]}));

    task.startFlow(m_path, tcp, Transcript::DefaultByteBudget);
    QVERIFY(finished.wait(10000));
    QVERIFY(!task.limited());
    QVERIFY(task.result().ok());
}

// Cancel in the progress dialog stops the indexing; the flows seen before it are listed, with a note that says so.
void tst_OpenCapture::cancelListsWhatWasRead()
{
    const QString path = m_dir.filePath(QStringLiteral("big.pcap"));
    {
        PcapWriter w;
        QVERIFY(w.open(path, false));
        const QByteArray datagram(65000, 'x');
        for (int i = 0; i < 800; ++i) // 52 MB, 800 flows: far more than is read before Cancel is seen
            QVERIFY(w.udpDatagram({Client, quint16(20000 + i), Server, 9000}, true, datagram, T0 + i));
    }
    MainWindow window;
    window.show();
    CaptureOpener *opener = window.openCapture(path);
    auto *progress = window.findChild<QProgressDialog *>(QStringLiteral("captureProgress"));
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    CaptureFlowsDialog *list = waitForList(opener);
    QVERIFY(list);
    FIND(QLabel, note, list, "captureNote");
    if (list->list()->topLevelItemCount() == 800)
        QSKIP("the whole file was read before Cancel reached the reader (an unusually slow test thread)");
    QVERIFY2(note->text().contains(QLatin1String("cancelled at packet")), qPrintable(note->text()));
    QVERIFY(list->list()->topLevelItemCount() < 800);
    list->close();
}

// Capture to file offers pcap: the type chosen in its dialog decides, whatever the name.
void tst_OpenCapture::captureControlOffersPcap()
{
    MainWindow window;
    window.show();
    SessionPage *page = window.tabs()->page(0);
    QVERIFY(page);
    FIND(QCheckBox, toggle, page, "captureToggle");
    toggle->click();
    QFileDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (dialog = page->findChild<QFileDialog *>(QStringLiteral("captureFileDialog"))) != nullptr; },
        5000));
    QVERIFY(dialog->nameFilters().contains(QStringLiteral("pcap for Wireshark (*.pcap)")));
    dialog->selectNameFilter(QStringLiteral("pcap for Wireshark (*.pcap)"));
    dialog->selectFile(m_dir.filePath(QStringLiteral("live.pcap")));
    QMetaObject::invokeMethod(dialog, "accept");
    QVERIFY(QTest::qWaitFor([&] { return page->isCapturing(); }, 5000));
    QCOMPARE(page->model()->capture()->format(), CaptureFile::Format::Pcap);
    page->stopCapture();
    QFile file(m_dir.filePath(QStringLiteral("live.pcap")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4).toHex(), QByteArray("d4c3b2a1")); // classic pcap, little-endian, microseconds
}

QTEST_MAIN(tst_OpenCapture)
#include "tst_opencapture.moc"
