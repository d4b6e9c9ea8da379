#include "log/logrenderer.h"
#include "log/transcript.h"
#include "logview.h"
#include "logviewaccessible.h"
#include "mainwindow.h"
#include "widgetlookup.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <qpa/qplatformaccessibility.h>
#include <qpa/qplatformintegration.h>

#include <memory>
#include <private/qguiapplication_p.h>

// The receive log as assistive technology reads it: only through QAccessible::queryAccessibleInterface() and the
// interfaces it hands out, as a screen reader's bridge (AT-SPI, UI Automation) does. Rows appear after the view's
// coalescing sync timer, hence QTRY_* wherever the transcript grows.
//
// "Active" is the platform's flag that a screen reader is listening. Qt has no public way to set it (the AT-SPI
// bridge does, over D-Bus), so the tests set it the way Qt's own tst_qaccessibility does, through
// QPlatformAccessibility.
namespace {

const QString Peer = QStringLiteral("127.0.0.1:5000");

struct SeenEvent
{
    QAccessible::Event type = QAccessible::InvalidEvent;
    int change = -1; // QAccessibleTableModelChangeEvent::ModelChangeType
    int first = -1;
    int last = -1;
    int child = -1;
};

// Records what Qt would hand to the platform's bridge while a screen reader listens; events of other widgets are
// left out.
class AccessibilityOn
{
public:
    explicit AccessibilityOn(QObject *watched)
    {
        s_watched = watched;
        s_seen.clear();
        m_previous = QAccessible::installUpdateHandler(&AccessibilityOn::record);
        QGuiApplicationPrivate::platformIntegration()->accessibility()->setActive(true);
    }
    ~AccessibilityOn()
    {
        QGuiApplicationPrivate::platformIntegration()->accessibility()->setActive(false);
        QAccessible::installUpdateHandler(m_previous);
        s_watched = nullptr;
    }
    static QList<SeenEvent> modelChanges()
    {
        QList<SeenEvent> changes;
        for (const SeenEvent &e : std::as_const(s_seen))
            if (e.type == QAccessible::TableModelChanged)
                changes.append(e);
        return changes;
    }
    static QList<SeenEvent> of(QAccessible::Event type)
    {
        QList<SeenEvent> found;
        for (const SeenEvent &e : std::as_const(s_seen))
            if (e.type == type)
                found.append(e);
        return found;
    }
    static void clear() { s_seen.clear(); }

private:
    static void record(QAccessibleEvent *event)
    {
        if (event->object() != s_watched)
            return;
        SeenEvent seen;
        seen.type = event->type();
        seen.child = event->child();
        if (event->type() == QAccessible::TableModelChanged) {
            const auto *change = static_cast<QAccessibleTableModelChangeEvent *>(event);
            seen.change = change->modelChangeType();
            seen.first = change->firstRow();
            seen.last = change->lastRow();
        }
        s_seen.append(seen);
    }
    static inline QObject *s_watched = nullptr;
    static inline QList<SeenEvent> s_seen;
    QAccessible::UpdateHandler m_previous = nullptr;
};

// Installed after LogView's own factory, so asked first: counts every request for the watched view's interface and
// lets the real factory answer.
QObject *s_probed = nullptr;
int s_probeCalls = 0;
QAccessibleInterface *probeFactory(const QString &, QObject *object)
{
    if (object == s_probed)
        ++s_probeCalls;
    return nullptr;
}

RenderOptions options(RenderOptions::View view, const QByteArray &encoding, bool showPeer = true)
{
    RenderOptions o;
    o.view = view;
    o.encoding = encoding;
    o.timestamps = false; // the rest of a header is exact
    o.showPeer = showPeer;
    return o;
}

void appendSample(Transcript &t)
{
    t.appendEvent(EventKind::Connected, Peer, QStringLiteral("connected"));
    t.appendData(Direction::Rx, Peer, QByteArray("\xc4\xe3\xba\xc3\r\nok")); // 你好 in GBK, a line feed, "ok"
    t.appendData(Direction::Tx, Peer, QByteArray("hello"));
}

void appendLines(Transcript &t, int count, int first = 0)
{
    for (int i = first; i < first + count; ++i)
        t.appendData(Direction::Rx, QString(), QStringLiteral("line %1\n").arg(i, 3, 10, QLatin1Char('0')).toUtf8());
}

QString nameOf(QAccessibleInterface *iface)
{
    return iface ? iface->text(QAccessible::Name) : QStringLiteral("<no interface>");
}

QStringList childNames(QAccessibleInterface *list)
{
    QStringList names;
    for (int i = 0; i < list->childCount(); ++i)
        names.append(nameOf(list->child(i)));
    return names;
}

} // namespace

class tst_LogViewAccessible : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsReadAsDrawn_data();
    void rowsReadAsDrawn();
    void switchingEncodingAndViewRereadsRows();
    void selectionAndCurrentRow();
    void newRowsRaiseOneEventPerSync();
    void inactiveCostsNothing();
    void droppedRecordsRenumberRows();
    void clearDeletesRows();
    void millionRowsFewInterfaces();
    void interfacesGoWithTheView();
    void gbkPeerReadInMainWindow();
};

void tst_LogViewAccessible::rowsReadAsDrawn_data()
{
    QTest::addColumn<RenderOptions::View>("view");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QStringList>("rows");

    QTest::newRow("text GBK") << RenderOptions::View::Text << QByteArray("GBK")
                              << QStringList {QStringLiteral("** 127.0.0.1:5000  connected"),
                                     QString::fromUtf8("RX 127.0.0.1:5000  你好"), QStringLiteral("    ok"),
                                     QStringLiteral("TX 127.0.0.1:5000  hello")};
    QTest::newRow("hex")
        << RenderOptions::View::Hex << QByteArray("GBK")
        << QStringList {QStringLiteral("** 127.0.0.1:5000  connected"), QStringLiteral("RX 127.0.0.1:5000  (8 bytes)"),
               QStringLiteral("    00000000  c4 e3 ba c3 0d 0a 6f 6b                           |......ok|"),
               QStringLiteral("TX 127.0.0.1:5000  (5 bytes)"),
               QStringLiteral("    00000000  68 65 6c 6c 6f                                    |hello|")};
}

void tst_LogViewAccessible::rowsReadAsDrawn()
{
    QFETCH(RenderOptions::View, view);
    QFETCH(QByteArray, encoding);
    QFETCH(QStringList, rows);

    Transcript t;
    LogView log(&t);
    log.setOptions(options(view, encoding));
    appendSample(t);
    QTRY_COMPARE(log.rowCount(), rows.size());

    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::List);
    QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Receive log"));
    QCOMPARE(list->childCount(), rows.size());
    QAccessibleTableInterface *table = list->tableInterface();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), rows.size());
    QCOMPARE(table->columnCount(), 1);
    for (int i = 0; i < rows.size(); ++i) {
        QAccessibleInterface *row = list->child(i);
        QVERIFY(row);
        QCOMPARE(row->role(), QAccessible::ListItem);
        QCOMPARE(row->text(QAccessible::Name), rows.at(i));
        QCOMPARE(row->text(QAccessible::Name), log.renderer().rowText(i)); // what Copy and Save write
        QCOMPARE(row->parent(), list);
        QCOMPARE(list->indexOfChild(row), i);
        QVERIFY(row->tableCellInterface());
        QCOMPARE(row->tableCellInterface()->rowIndex(), i);
        QCOMPARE(table->cellAt(i, 0), row); // the same interface, not a second one for the same row
    }
    QCOMPARE(list->child(rows.size()), nullptr);
    QCOMPARE(table->cellAt(0, 1), nullptr);
}

void tst_LogViewAccessible::switchingEncodingAndViewRereadsRows()
{
    Transcript t;
    LogView log(&t);
    AccessibilityOn on(&log);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8"));
    appendSample(t);
    QTRY_COMPARE(log.rowCount(), 4);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    QVERIFY(list);

    // In UTF-8 the GBK bytes are not characters: replacement characters, exactly as the view draws them.
    QAccessibleInterface *rx = list->child(1);
    const QString utf8 = nameOf(rx);
    LogRenderer renderer(&t);
    renderer.setOptions(log.options());
    QCOMPARE(utf8, renderer.rowText(1));
    QVERIFY2(utf8.startsWith(QStringLiteral("RX 127.0.0.1:5000  ")) && utf8.contains(QChar(0xFFFD)), qPrintable(utf8));
    QVERIFY(!utf8.contains(QString::fromUtf8("你好")));
    const QAccessible::Id before = QAccessible::uniqueId(rx);

    AccessibilityOn::clear();
    log.setOptions(options(RenderOptions::View::Text, "GBK"));
    // Every row is new to the reader: one reset, and the interfaces of the old rendering are gone.
    QCOMPARE(AccessibilityOn::modelChanges().size(), 1);
    QCOMPARE(AccessibilityOn::modelChanges().at(0).change, int(QAccessibleTableModelChangeEvent::ModelReset));
    QCOMPARE(QAccessible::accessibleInterface(before), nullptr);
    QCOMPARE(list->childCount(), 4);
    QCOMPARE(nameOf(list->child(1)), QString::fromUtf8("RX 127.0.0.1:5000  你好"));

    log.setOptions(options(RenderOptions::View::Hex, "GBK"));
    QCOMPARE(list->childCount(), 5);
    QCOMPARE(nameOf(list->child(2)),
        QStringLiteral("    00000000  c4 e3 ba c3 0d 0a 6f 6b                           |......ok|"));
}

void tst_LogViewAccessible::selectionAndCurrentRow()
{
    Transcript t;
    LogView log(&t);
    log.resize(500, 200);
    log.setOptions(options(RenderOptions::View::Text, "GBK"));
    log.show();
    QVERIFY(QTest::qWaitForWindowActive(&log));
    log.setFocus();
    QVERIFY(log.hasFocus());
    appendSample(t);
    QTRY_COMPARE(log.rowCount(), 4);
    AccessibilityOn on(&log);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    QAccessibleTableInterface *table = list->tableInterface();
    QVERIFY(table);
    QVERIFY(list->state().multiSelectable);
    QCOMPARE(table->selectedCellCount(), 0);
    QCOMPARE(list->child(0)->state().selected, false);

    log.selectRows(1, 2); // as a Shift+click from row 1 to row 2
    QCOMPARE(table->selectedRowCount(), 2);
    QCOMPARE(table->selectedRows(), (QList<int> {1, 2}));
    QCOMPARE(table->selectedCellCount(), 2);
    const QList<QAccessibleInterface *> cells = table->selectedCells();
    QCOMPARE(cells.size(), 2);
    QCOMPARE(nameOf(cells.at(0)), QString::fromUtf8("RX 127.0.0.1:5000  你好"));
    QCOMPARE(nameOf(cells.at(1)), QStringLiteral("    ok"));
    QVERIFY(!list->child(0)->state().selected);
    QVERIFY(list->child(1)->state().selected);
    QVERIFY(list->child(2)->state().selected);
    QVERIFY(list->child(2)->state().focused); // the end the user moved to is the current row
    QVERIFY(!list->child(1)->state().focused);
    QVERIFY(list->child(1)->tableCellInterface()->isSelected());
    QCOMPARE(list->focusChild(), list->child(2));
    QCOMPARE(AccessibilityOn::of(QAccessible::SelectionWithin).size(), 1);
    QCOMPARE(AccessibilityOn::of(QAccessible::Focus).size(), 1);
    QCOMPARE(AccessibilityOn::of(QAccessible::Focus).at(0).child, 2);

    AccessibilityOn::clear();
    log.showMatch(3, 3, 0, 2); // a search result: one row
    QCOMPARE(table->selectedRows(), (QList<int> {3}));
    QCOMPARE(AccessibilityOn::of(QAccessible::Selection).size(), 1);
    QCOMPARE(AccessibilityOn::of(QAccessible::Selection).at(0).child, 3);
    QCOMPARE(AccessibilityOn::of(QAccessible::Focus).at(0).child, 3);

    AccessibilityOn::clear();
    log.clearSelection();
    QCOMPARE(table->selectedCellCount(), 0);
    QVERIFY(!list->child(3)->state().selected);
    QCOMPARE(AccessibilityOn::of(QAccessible::SelectionRemove).size(), 1);
    QCOMPARE(AccessibilityOn::of(QAccessible::SelectionRemove).at(0).child, 3);
    log.clearSelection(); // nothing changed: nothing said
    QCOMPARE(AccessibilityOn::of(QAccessible::SelectionRemove).size(), 1);

    log.selectAll();
    QCOMPARE(table->selectedCellCount(), 4);
    QVERIFY(list->child(3)->state().focused);

    // Selecting through the interface does what the mouse does: a neighbouring row extends the one range.
    log.clearSelection();
    QVERIFY(table->selectRow(0));
    QCOMPARE(log.selectedText(), QStringLiteral("** 127.0.0.1:5000  connected"));
    QVERIFY(table->selectRow(1));
    QCOMPARE(log.selectedText(), QString::fromUtf8("** 127.0.0.1:5000  connected\nRX 127.0.0.1:5000  你好"));
    QVERIFY(table->unselectRow(0));
    QCOMPARE(log.selectedText(), QString::fromUtf8("RX 127.0.0.1:5000  你好"));
    QVERIFY(table->unselectRow(1));
    QVERIFY(!log.hasSelection());
    QVERIFY(!table->selectRow(4));
}

void tst_LogViewAccessible::newRowsRaiseOneEventPerSync()
{
    Transcript t;
    LogView log(&t);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8", false));
    AccessibilityOn on(&log);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    QCOMPARE(list->childCount(), 0);

    appendLines(t, 5);
    QCOMPARE(AccessibilityOn::modelChanges().size(), 0); // nothing per record
    QTRY_COMPARE(list->childCount(), 5);
    QCOMPARE(AccessibilityOn::modelChanges().size(), 1);
    const SeenEvent inserted = AccessibilityOn::modelChanges().at(0);
    QCOMPARE(inserted.change, int(QAccessibleTableModelChangeEvent::RowsInserted));
    QCOMPARE(inserted.first, 0);
    QCOMPARE(inserted.last, 4);
    QCOMPARE(nameOf(list->child(4)), QStringLiteral("RX  line 004"));

    appendLines(t, 2, 5);
    QTRY_COMPARE(list->childCount(), 7);
    QCOMPARE(AccessibilityOn::modelChanges().size(), 2);
    QCOMPARE(AccessibilityOn::modelChanges().at(1).change, int(QAccessibleTableModelChangeEvent::RowsInserted));
    QCOMPARE(AccessibilityOn::modelChanges().at(1).first, 5);
    QCOMPARE(AccessibilityOn::modelChanges().at(1).last, 6);
    QCOMPARE(nameOf(list->child(6)), QStringLiteral("RX  line 006"));
}

void tst_LogViewAccessible::inactiveCostsNothing()
{
    QVERIFY(!QAccessible::isActive());
    Transcript t;
    LogView log(&t);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8"));
    // Qt itself asked for the view's interface in its constructor (setAccessibleName does, listening or not). Forget
    // it, so that any later request for it, or any event about the view, reaches the probe.
    QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(QAccessible::queryAccessibleInterface(&log)));
    s_probed = &log;
    s_probeCalls = 0;
    QAccessible::installFactory(probeFactory);

    appendSample(t);
    QTRY_COMPARE(log.rowCount(), 4);
    log.selectAll();
    log.clearSelection();
    log.setOptions(options(RenderOptions::View::Hex, "GBK"));
    t.setByteBudget(Transcript::RecordOverhead + 10); // drops the event and the RX record
    QTRY_COMPARE(log.rowCount(), 2);
    t.clear();
    QTRY_COMPARE(log.rowCount(), 0);
    const int inactiveCalls = s_probeCalls;

    {
        // The control: with a reader listening, the same work asks for the interface to tell it what changed.
        AccessibilityOn on(&log);
        t.setByteBudget(Transcript::DefaultByteBudget);
        appendSample(t);
        QTRY_COMPARE(log.rowCount(), 5);
        QVERIFY(s_probeCalls > 0);
        QCOMPARE(AccessibilityOn::modelChanges().size(), 1);
    }
    QAccessible::removeFactory(probeFactory);
    s_probed = nullptr;
    QCOMPARE(inactiveCalls, 0);
}

void tst_LogViewAccessible::droppedRecordsRenumberRows()
{
    Transcript t;
    t.setByteBudget(10 * (9 + Transcript::RecordOverhead)); // ten "line NNN\n" records
    LogView log(&t);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8", false));
    AccessibilityOn on(&log);
    appendLines(t, 10);
    QTRY_COMPARE(log.rowCount(), 10);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    QList<QAccessible::Id> ids;
    for (int i = 0; i < 10; ++i)
        ids.append(QAccessible::uniqueId(list->child(i)));
    AccessibilityOn::clear();

    appendLines(t, 4, 10); // drops records 0..3
    QCOMPARE(t.droppedRecords(), 4);
    // Until the view syncs, the rows are those it draws: the same count, and a row whose record is gone reads empty
    // rather than another record's text.
    QCOMPARE(list->childCount(), 10);
    QCOMPARE(nameOf(list->child(0)), QString());
    QCOMPARE(nameOf(list->child(5)), QStringLiteral("RX  line 005"));

    QTRY_COMPARE(AccessibilityOn::modelChanges().size(), 2);
    const SeenEvent removed = AccessibilityOn::modelChanges().at(0);
    QCOMPARE(removed.change, int(QAccessibleTableModelChangeEvent::RowsRemoved));
    QCOMPARE(removed.first, 0);
    QCOMPARE(removed.last, 3);
    const SeenEvent inserted = AccessibilityOn::modelChanges().at(1);
    QCOMPARE(inserted.change, int(QAccessibleTableModelChangeEvent::RowsInserted));
    QCOMPARE(inserted.first, 6);
    QCOMPARE(inserted.last, 9);

    QCOMPARE(list->childCount(), 10);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(QAccessible::accessibleInterface(ids.at(i)), nullptr); // its row went with its record
    for (int i = 4; i < 10; ++i) {
        // The same interface still reads the same record, at its new place.
        QAccessibleInterface *row = QAccessible::accessibleInterface(ids.at(i));
        QVERIFY(row);
        QCOMPARE(row->tableCellInterface()->rowIndex(), i - 4);
        QCOMPARE(list->indexOfChild(row), i - 4);
        QCOMPARE(list->child(i - 4), row);
        QCOMPARE(nameOf(row), QStringLiteral("RX  line %1").arg(i, 3, 10, QLatin1Char('0')));
    }
    for (int i = 0; i < 10; ++i)
        QCOMPARE(nameOf(list->child(i)), QStringLiteral("RX  line %1").arg(i + 4, 3, 10, QLatin1Char('0')));
    QCOMPARE(list->child(10), nullptr);
}

void tst_LogViewAccessible::clearDeletesRows()
{
    Transcript t;
    LogView log(&t);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8", false));
    AccessibilityOn on(&log);
    appendLines(t, 3);
    QTRY_COMPARE(log.rowCount(), 3);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    const QAccessible::Id id = QAccessible::uniqueId(list->child(2));
    AccessibilityOn::clear();

    t.clear();
    QTRY_COMPARE(AccessibilityOn::modelChanges().size(), 1);
    QCOMPARE(AccessibilityOn::modelChanges().at(0).change, int(QAccessibleTableModelChangeEvent::ModelReset));
    QCOMPARE(QAccessible::accessibleInterface(id), nullptr);
    QCOMPARE(list->childCount(), 0);
    QCOMPARE(list->child(0), nullptr);

    appendLines(t, 1, 7);
    QTRY_COMPARE(list->childCount(), 1);
    QCOMPARE(nameOf(list->child(0)), QStringLiteral("RX  line 007"));
}

void tst_LogViewAccessible::millionRowsFewInterfaces()
{
    constexpr int Rows = 1'000'000;
    Transcript t;
    LogView log(&t);
    log.setOptions(options(RenderOptions::View::Text, "UTF-8", false));
    t.appendData(Direction::Rx, QString(), QByteArray("x\n").repeated(Rows)); // one record, a row per line
    QTRY_COMPARE(log.rowCount(), Rows);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&log);
    auto *table = dynamic_cast<LogViewAccessible *>(list);
    QVERIFY(table);
    QCOMPARE(list->childCount(), Rows);
    QCOMPARE(table->cachedRowCount(), 0); // counting rows creates none

    QCOMPARE(nameOf(list->child(0)), QStringLiteral("RX  x"));
    QCOMPARE(nameOf(list->child(Rows - 1)), QStringLiteral("    x"));
    QList<QAccessible::Id> ids;
    for (int i = 0; i < 3 * LogViewAccessible::MaxCachedRows; ++i)
        ids.append(QAccessible::uniqueId(list->child(i * 300 + 1)));
    QCOMPARE(table->cachedRowCount(), 2 + ids.size()); // each one alive until this call returns to the event loop
    QTRY_VERIFY(table->cachedRowCount() <= LogViewAccessible::MaxCachedRows);
    QVERIFY(QAccessible::accessibleInterface(ids.last())); // the least recently used went first
    QCOMPARE(QAccessible::accessibleInterface(ids.first()), nullptr);

    log.selectAll();
    QCOMPARE(table->selectedCellCount(), Rows);
    QCOMPARE(table->selectedRows().size(), Rows);
    const QList<QAccessibleInterface *> cells = table->selectedCells();
    QVERIFY(!cells.isEmpty());
    QVERIFY(cells.size() <= LogViewAccessible::MaxCachedRows);
    QCOMPARE(nameOf(cells.at(0)), QStringLiteral("RX  x"));
}

void tst_LogViewAccessible::interfacesGoWithTheView()
{
    Transcript t;
    auto log = std::make_unique<LogView>(&t);
    log->setOptions(options(RenderOptions::View::Text, "GBK"));
    appendSample(t);
    QTRY_COMPARE(log->rowCount(), 4);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(log.get());
    QList<QAccessible::Id> ids {QAccessible::uniqueId(list)};
    for (int i = 0; i < list->childCount(); ++i)
        ids.append(QAccessible::uniqueId(list->child(i)));

    log.reset();
    for (QAccessible::Id id : std::as_const(ids))
        QCOMPARE(QAccessible::accessibleInterface(id), nullptr);
}

// The whole window against a real peer: a loopback server sends GBK text to the TCP client tab, and the log's
// accessible rows read it exactly, once the log's own encoding is GBK.
void tst_LogViewAccessible::gbkPeerReadInMainWindow()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    window.show(); // as a reader meets it; a button of a window never shown has no size to be clicked in
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    FIND(QPushButton, connectButton, &window, "clientConnect");
    // The client tab is the nearest ancestor of its Connect button that holds a log.
    QWidget *tab = connectButton->parentWidget();
    while (tab && !tab->findChild<LogView *>(QStringLiteral("logView")))
        tab = tab->parentWidget();
    QVERIFY(tab);
    FIND(LogView, log, tab, "logView");
    FIND(QComboBox, host, tab, "clientHost");
    FIND(QLineEdit, port, tab, "clientPort");
    FIND(QComboBox, logEncoding, tab, "logEncoding");
    FIND(QCheckBox, logTimestamps, tab, "logTimestamps");
    AccessibilityOn on(log);

    const int utf8 = logEncoding->findData(QByteArray("UTF-8"));
    const int gbk = logEncoding->findData(QByteArray("GBK"));
    QVERIFY(utf8 >= 0 && gbk >= 0);
    logEncoding->setCurrentIndex(utf8);
    logTimestamps->setChecked(false); // the row is then exact: direction, peer, data
    host->setEditText(QStringLiteral("127.0.0.1"));
    port->setText(QString::number(server.serverPort()));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY(server.hasPendingConnections()); // the connection completes in the event loop
    std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
    peer->write(QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221")); // 信息已收到,over! in GBK

    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(log);
    QVERIFY(list);
    const QString header = QStringLiteral("RX 127.0.0.1:%1  ").arg(server.serverPort());
    auto rxRows = [&] {
        QStringList rows;
        for (const QString &name : childNames(list))
            if (name.startsWith(QStringLiteral("RX ")))
                rows.append(name);
        return rows;
    };
    QTRY_COMPARE(rxRows().size(), 1);
    QVERIFY2(rxRows().at(0).startsWith(header) && rxRows().at(0).endsWith(QStringLiteral(",over!")),
        qPrintable(rxRows().at(0)));
    QVERIFY2(rxRows().at(0).contains(QChar(0xFFFD)), qPrintable(rxRows().at(0))); // not characters in UTF-8
    bool announced = false; // the reader was told about the new row
    for (const SeenEvent &e : AccessibilityOn::modelChanges())
        announced = announced || e.change == int(QAccessibleTableModelChangeEvent::RowsInserted);
    QVERIFY(announced);

    logEncoding->setCurrentIndex(gbk);
    QCOMPARE(rxRows(), QStringList {header + QString::fromUtf8("信息已收到,over!")});
}

QTEST_MAIN(tst_LogViewAccessible)
#include "tst_logviewaccessible.moc"
