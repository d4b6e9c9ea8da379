// What assistive technology reads of the window, through QAccessible only (no screen reader): values are readable
// (a label's accessible name is what it says now), every button and check box can be pressed or toggled through its
// accessible actions with the same effect as a click, every interactive widget has a name.

#include "logpanel.h"
#include "logview.h"
#include "pagelookup.h"
#include "sendpanel.h"
#include "sessionpage.h"
#include "sessiontabs.h"
#include "tabkinds.h"
#include "widgetlookup.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class tst_Accessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stateLabelsReadWhatTheySay();
    void previewReadsTheExactBytes();
    void logRowsReadTheGbkPeerAfterSwitching();
    void toggleActionsDoWhatAClickDoes();
    void everyInteractiveWidgetIsNamed();
    void everyValueLabelReadsItsText();
};

namespace {

QString accessibleName(QObject *object)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QStringLiteral("<no interface>");
}

// Connects the client tab of window to server; returns the server's side of the connection.
QTcpSocket *connectClient(ClientPage *page, QTcpServer &server)
{
    page->setTarget(QStringLiteral("127.0.0.1"), server.serverPort());
    page->toggleSession();
    if (!QTest::qWaitFor([&] { return page->session()->state() == Session::State::Open; }, 5000))
        return nullptr;
    if (!server.hasPendingConnections() && !server.waitForNewConnection(5000))
        return nullptr;
    return server.nextPendingConnection();
}

} // namespace

void tst_Accessibility::stateLabelsReadWhatTheySay()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    ClientPage *page = clientPageOf(window);
    FIND(QLabel, state, page, "clientState");
    FIND(QLabel, endpoints, page, "clientEndpoints");
    QCOMPARE(accessibleName(state), QStringLiteral("Disconnected"));
    QTcpSocket *peer = connectClient(page, server);
    QVERIFY(peer);
    const QString peerEndpoint = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    QCOMPARE(accessibleName(state), QStringLiteral("Connected to ") + peerEndpoint);
    QVERIFY2(accessibleName(endpoints).contains(QStringLiteral("Peer ") + peerEndpoint), qPrintable(endpoints->text()));
    // What it is, for a screen reader's "describe".
    QCOMPARE(QAccessible::queryAccessibleInterface(state)->text(QAccessible::Description),
        QStringLiteral("Connection state"));
    // And it changes with the text.
    page->toggleSession();
    QTRY_COMPARE(accessibleName(state), QStringLiteral("Disconnected"));

    FIND(QLabel, serverState, serverPageOf(window), "serverState");
    QCOMPARE(accessibleName(serverState), QStringLiteral("Not listening"));
    FIND(QLabel, udpState, udpPageOf(window), "udpState");
    QCOMPARE(accessibleName(udpState), QStringLiteral("Not bound"));
}

void tst_Accessibility::previewReadsTheExactBytes()
{
    SendPanel panel;
    FIND(QLabel, preview, &panel, "sendPreview");
    FIND(QLabel, count, &panel, "sendByteCount");
    Payload::Spec spec;
    spec.mode = Payload::Mode::Hex;
    spec.checksum = Checksum::Algorithm::Crc16Modbus;
    spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
    panel.setSpec(spec);
    panel.setText(QStringLiteral("01 03 00 00 00 0A"));
    QTRY_COMPARE(accessibleName(preview), QStringLiteral("01 03 00 00 00 0A C5 CD"));
    QCOMPARE(accessibleName(count), QStringLiteral("8 bytes"));
    panel.setText(QStringLiteral("01 0G"));
    FIND(QLabel, error, &panel, "sendError");
    QTRY_VERIFY2(
        accessibleName(error).startsWith(QStringLiteral("Invalid hex at column")), qPrintable(accessibleName(error)));
    QCOMPARE(accessibleName(error), error->text());
}

void tst_Accessibility::logRowsReadTheGbkPeerAfterSwitching()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    ClientPage *page = clientPageOf(window);
    RenderOptions options = page->logPanel()->options();
    options.timestamps = false;
    page->logPanel()->setOptions(options);
    page->logPanel()->setFollowsTabEncoding(true);
    QTcpSocket *peer = connectClient(page, server);
    QVERIFY(peer);
    peer->write(QByteArray::fromHex("d0c5cfa2d2d1cad5b5bd2c6f76657221")); // 信息已收到,over! in GBK
    FIND(LogView, view, page, "logView");
    QAccessibleInterface *log = QAccessible::queryAccessibleInterface(view);
    QVERIFY(log);
    const auto lastRow = [&] {
        const int rows = log->childCount();
        return rows > 0 ? log->child(rows - 1)->text(QAccessible::Name) : QString();
    };
    QTRY_VERIFY2(lastRow().endsWith(QStringLiteral(",over!")), qPrintable(lastRow()));
    QVERIFY(lastRow().contains(QChar(0xFFFD))); // the send box writes UTF-8: so does the log
    Payload::Spec spec = page->sendPanel()->spec();
    spec.encoding = "GBK";
    page->sendPanel()->setSpec(spec); // the tab's encoding: the log follows
    QTRY_COMPARE(lastRow(),
        QString::fromUtf8("RX %1  信息已收到,over!")
            .arg(page->session()->peerInfo(page->session()->peers().value(0)).endpoint));
}

// Qt's Toggle / Press actions never emit clicked(): a control that reacted to clicks only would do nothing.
void tst_Accessibility::toggleActionsDoWhatAClickDoes()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    ClientPage *page = clientPageOf(window);
    QTcpSocket *peer = connectClient(page, server);
    QVERIFY(peer);
    page->sendPanel()->setText(QStringLiteral("tick"));

    // Timed send: Repeat through its accessible action starts it; it sends at once.
    FIND(QPushButton, repeat, page, "timedSendToggle");
    QTRY_VERIFY(repeat->isEnabled());
    QAccessibleActionInterface *action = QAccessible::queryAccessibleInterface(repeat)->actionInterface();
    QVERIFY(action);
    const QStringList names = action->actionNames();
    QVERIFY2(names.contains(QAccessibleActionInterface::toggleAction())
            || names.contains(QAccessibleActionInterface::pressAction()),
        qPrintable(names.join(u',')));
    action->doAction(names.contains(QAccessibleActionInterface::toggleAction())
            ? QAccessibleActionInterface::toggleAction()
            : QAccessibleActionInterface::pressAction());
    QTRY_VERIFY(peer->bytesAvailable() >= 4 || peer->waitForReadyRead(100));
    QCOMPARE(peer->read(4), QByteArray("tick"));
    QVERIFY(repeat->isChecked());
    action->doAction(names.contains(QAccessibleActionInterface::toggleAction())
            ? QAccessibleActionInterface::toggleAction()
            : QAccessibleActionInterface::pressAction());
    QVERIFY(!repeat->isChecked());

    // Capture to file: toggling asks for the file (a window-modal dialog), then captures.
    FIND(QCheckBox, capture, page, "captureToggle");
    QAccessibleActionInterface *toggle = QAccessible::queryAccessibleInterface(capture)->actionInterface();
    QVERIFY(toggle);
    toggle->doAction(QAccessibleActionInterface::toggleAction());
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<QFileDialog *>(QStringLiteral("captureFileDialog"))) != nullptr);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.log"));
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept"); // QFileDialog::accept() is protected; the slot is not
    QTRY_VERIFY(page->isCapturing());
    QVERIFY(capture->isChecked());
    toggle->doAction(QAccessibleActionInterface::toggleAction());
    QVERIFY(!page->isCapturing());

    // Connect / Disconnect through Press.
    FIND(QPushButton, connectButton, page, "clientConnect");
    QAccessible::queryAccessibleInterface(connectButton)
        ->actionInterface()
        ->doAction(QAccessibleActionInterface::pressAction());
    QTRY_COMPARE(page->session()->state(), Session::State::Idle);
}

// Every tab kind (TLS and relay tabs too, which a new window does not open), each with its Sequences panel shown.
void tst_Accessibility::everyInteractiveWidgetIsNamed()
{
    MainWindow window;
    window.show();
    QStringList unnamed;
    int kinds = 0;
    for (const TabKinds::Kind &kind : TabKinds::all()) {
        SessionPage *page = window.tabs()->addPage(kind.id);
        QVERIFY2(page, kind.id.constData());
        window.tabs()->setCurrentWidget(page);
        if (auto *toggle = page->findChild<QAbstractButton *>(QStringLiteral("sequencesToggle")))
            toggle->setChecked(true);
        ++kinds;
        for (QWidget *widget : page->findChildren<QWidget *>()) {
            const bool interactive = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QPlainTextEdit *>(widget);
            // Qt's own pieces inside composite widgets (a combo box's line edit, a spin box's editor, a tab bar's
            // scroll buttons) are read through their owner.
            if (!interactive || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || widget->objectName().startsWith(QLatin1String("qt_")) || !widget->isVisibleTo(&window))
                continue;
            if (widget->objectName().isEmpty() || accessibleName(widget).isEmpty())
                unnamed << QStringLiteral("%1: %2 \"%3\" in %4")
                               .arg(QString::fromLatin1(kind.id),
                                   QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                   widget->parentWidget() ? widget->parentWidget()->objectName() : QString());
        }
    }
    QVERIFY(kinds >= 6); // client, server, UDP, relay, TLS client, TLS server
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

// A label that is not a field's caption shows a value: what a screen reader reads must be what it says now.
void tst_Accessibility::everyValueLabelReadsItsText()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    MainWindow window;
    window.show();
    QVERIFY(connectClient(clientPageOf(window), server)); // so that the state and endpoint labels hold values
    QStringList wrong;
    int checked = 0;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->buddy() || label->text().isEmpty() || label->textFormat() == Qt::RichText
            || !label->isVisibleTo(&window))
            continue;
        ++checked;
        if (accessibleName(label) != label->text())
            wrong << QStringLiteral("%1 reads \"%2\" but says \"%3\"")
                         .arg(label->objectName(), accessibleName(label), label->text());
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
    QVERIFY2(checked >= 5, "the window shows value labels"); // state, endpoints, counters, preview, byte count...
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
