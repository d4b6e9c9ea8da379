#include "bytes/quickcommand.h"
#include "payloadoptionsbar.h"
#include "quickcommanddialog.h"
#include "quickcommandspanel.h"
#include "sendpanel.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

QuickCommand command(const QString &name, const QString &text, Payload::Mode mode = Payload::Mode::Text,
    Checksum::Algorithm checksum = Checksum::Algorithm::None)
{
    QuickCommand c;
    c.name = name;
    c.text = text;
    c.spec.mode = mode;
    c.spec.checksum = checksum;
    c.spec.checksumOrder = Checksum::naturalOrder(checksum);
    return c;
}

const QList<QuickCommand> &sample()
{
    static const QList<QuickCommand> commands {
        command(QStringLiteral("Read"), QStringLiteral("01 03 00 00 00 0A"), Payload::Mode::Hex,
            Checksum::Algorithm::Crc16Modbus),
        command(QStringLiteral("Hello"), QStringLiteral("hello")),
        command(QStringLiteral("AT"), QStringLiteral("AT")),
    };
    return commands;
}

struct Fixture
{
    SendPanel panel;
    QuickCommandsPanel *quick = nullptr;
    QListWidget *list = nullptr;
    QSignalSpy sent {&panel, &SendPanel::sendRequested};
    QSignalSpy changed {&panel, &SendPanel::quickCommandsChanged};

    Fixture()
    {
        quick = panel.quickCommands();
        list = panel.findChild<QListWidget *>(QStringLiteral("quickCommands"));
        panel.setPeerAvailable(true);
        panel.setQuickCommands(sample());
        changed.clear();
        panel.resize(900, 300);
        panel.show();
    }
    QToolButton *button(const char *name) const { return panel.findChild<QToolButton *>(QLatin1String(name)); }
    QStringList names() const
    {
        QStringList names;
        for (const QuickCommand &c : panel.quickCommandList())
            names << c.name;
        return names;
    }
};

} // namespace

class tst_QuickCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widgetsAreNamed();
    void sendButtonSendsExactBytes_data();
    void sendButtonSendsExactBytes();
    void doubleClickAndReturnSend();
    void ctrlDigitSendsTheNthCommand();
    void noPeerSendsNothing();
    void invalidCommandSaysWhy();
    void addFromEditorThroughDialog();
    void dialogRefusesWhatCannotBeSent();
    void editChangesTheSelectedCommand();
    void reorderAndDelete();
    void exportThenImportRoundTrips();
    void importRejectsOtherFiles_data();
    void importRejectsOtherFiles();
    void jsonForSettings();
    void toggleHidesTheList();
};

void tst_QuickCommands::widgetsAreNamed()
{
    Fixture f;
    QVERIFY(f.list);
    QVERIFY(!f.list->accessibleName().isEmpty());
    for (const char *name : {"quickSend", "quickAdd", "quickEdit", "quickUp", "quickDown", "quickDelete", "quickImport",
             "quickExport", "quickCommandsToggle"}) {
        QToolButton *button = f.button(name);
        QVERIFY2(button, name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
        QVERIFY2(!button->toolTip().isEmpty(), name);
    }
    QCOMPARE(f.list->count(), 3);
    QCOMPARE(f.list->item(0)->text(), QStringLiteral("1  Read")); // numbered like their Ctrl+digit
    QVERIFY(f.list->item(0)->toolTip().contains(QLatin1String("01 03 00 00 00 0A C5 CD")));
    QVERIFY(f.list->item(0)->toolTip().contains(QLatin1String("Ctrl+1")));
}

void tst_QuickCommands::sendButtonSendsExactBytes_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("hex + CRC-16/MODBUS") << 0 << QByteArray::fromHex("01030000000ac5cd");
    QTest::newRow("text") << 1 << QByteArray("hello");
}

void tst_QuickCommands::sendButtonSendsExactBytes()
{
    QFETCH(int, row);
    QFETCH(QByteArray, bytes);
    Fixture f;
    f.panel.setText(QStringLiteral("the editor is left alone"));
    f.list->setCurrentRow(row);
    QToolButton *send = f.button("quickSend");
    QVERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.sent.first().at(0).toByteArray().toHex(' '), bytes.toHex(' '));
    QCOMPARE(f.panel.text(), QStringLiteral("the editor is left alone"));
    QCOMPARE(f.panel.history().size(), 0); // a quick command is already kept
}

void tst_QuickCommands::doubleClickAndReturnSend()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    const QRect rect = f.list->visualItemRect(f.list->item(2));
    QVERIFY(!rect.isEmpty());
    // A real double-click: the view only takes the second click as one on the item the first click pressed.
    QTest::mouseClick(f.list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(f.list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray("AT"));
    f.list->setCurrentRow(1);
    QTest::keyClick(f.list, Qt::Key_Return);
    QCOMPARE(f.sent.count(), 2);
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray("hello"));
}

void tst_QuickCommands::ctrlDigitSendsTheNthCommand()
{
    Fixture f;
    QApplication::setActiveWindow(&f.panel);
    QVERIFY(QTest::qWaitForWindowActive(&f.panel));
    FIND(QPlainTextEdit, editor, &f.panel, "sendEditor");
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(f.sent.count(), 1);
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray("hello"));
    QCOMPARE(f.panel.text(), QString()); // the key did not type a "2"
    QTest::keyClick(editor, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray::fromHex("01030000000ac5cd"));
    QTest::keyClick(editor, Qt::Key_9, Qt::ControlModifier); // no ninth command: nothing
    QCOMPARE(f.sent.count(), 2);
}

void tst_QuickCommands::noPeerSendsNothing()
{
    Fixture f;
    f.panel.setPeerAvailable(false);
    f.list->setCurrentRow(0);
    QVERIFY(!f.button("quickSend")->isEnabled());
    QVERIFY(!f.quick->send(0));
    QTest::mouseDClick(f.list->viewport(), Qt::LeftButton, {}, f.list->visualItemRect(f.list->item(0)).center());
    QCOMPARE(f.sent.count(), 0);
}

void tst_QuickCommands::invalidCommandSaysWhy()
{
    Fixture f;
    // A hand-edited file can hold what the dialog refuses.
    f.panel.setQuickCommands({command(QStringLiteral("Bad"), QStringLiteral("01 0"), Payload::Mode::Hex)});
    QVERIFY(!f.quick->send(0));
    QCOMPARE(f.sent.count(), 0);
    FIND(QLabel, message, &f.panel, "quickCommandsMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(
        message->text().startsWith(QStringLiteral("\u201cBad\u201d cannot be sent: ")), qPrintable(message->text()));
}

void tst_QuickCommands::addFromEditorThroughDialog()
{
    Fixture f;
    Payload::Spec spec;
    spec.mode = Payload::Mode::Hex;
    spec.lineEnding = Payload::LineEnding::CRLF;
    f.panel.setSpec(spec);
    f.panel.setText(QStringLiteral("AA BB"));
    QTest::mouseClick(f.button("quickAdd"), Qt::LeftButton);
    QuickCommandDialog *dialog = f.quick->dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    FIND(QLineEdit, name, dialog, "quickCommandName");
    FIND(QPlainTextEdit, text, dialog, "quickCommandText");
    FIND(QLabel, preview, dialog, "quickCommandPreview");
    QCOMPARE(text->toPlainText(), QStringLiteral("AA BB"));
    QCOMPARE(preview->text(), QStringLiteral("AA BB 0D 0A  (4 bytes)"));
    name->setText(QStringLiteral("Ping"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(f.changed.count(), 1);
    QCOMPARE(f.names(),
        QStringList({QStringLiteral("Read"), QStringLiteral("Hello"), QStringLiteral("AT"), QStringLiteral("Ping")}));
    const QuickCommand added = f.panel.quickCommandList().last();
    QCOMPARE(added.text, QStringLiteral("AA BB"));
    QVERIFY(added.spec == spec);
    QCOMPARE(f.list->currentRow(), 3);
    QTest::mouseClick(f.button("quickSend"), Qt::LeftButton);
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray::fromHex("aabb0d0a"));
}

void tst_QuickCommands::dialogRefusesWhatCannotBeSent()
{
    QuickCommandDialog dialog(command(QStringLiteral("x"), QStringLiteral("01 0"), Payload::Mode::Hex));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    FIND(QLabel, error, &dialog, "quickCommandError");
    QVERIFY(!ok->isEnabled());
    QVERIFY(!error->text().isEmpty());
    FIND(QPlainTextEdit, text, &dialog, "quickCommandText");
    text->setPlainText(QStringLiteral("01 02"));
    QVERIFY(ok->isEnabled());
    FIND(QLineEdit, name, &dialog, "quickCommandName");
    name->setText(QStringLiteral("  "));
    QVERIFY(!ok->isEnabled()); // a command needs a name
    FIND(QComboBox, mode, &dialog, "quickCommandMode"); // its own options, apart from the send box's
    QCOMPARE(mode->currentData().toInt(), int(Payload::Mode::Hex));
}

void tst_QuickCommands::editChangesTheSelectedCommand()
{
    Fixture f;
    f.list->setCurrentRow(1);
    QTest::mouseClick(f.button("quickEdit"), Qt::LeftButton);
    QuickCommandDialog *dialog = f.quick->dialog();
    QVERIFY(dialog);
    FIND(QPlainTextEdit, text, dialog, "quickCommandText");
    FIND(QComboBox, lineEnding, dialog, "quickCommandLineEnding");
    QCOMPARE(text->toPlainText(), QStringLiteral("hello"));
    text->setPlainText(QStringLiteral("bye"));
    lineEnding->setCurrentIndex(lineEnding->findData(int(Payload::LineEnding::LF)));
    dialog->accept();
    QCOMPARE(f.panel.quickCommandList().size(), 3);
    QCOMPARE(f.panel.quickCommandList().at(1).text, QStringLiteral("bye"));
    QCOMPARE(f.changed.count(), 1);
    QVERIFY(f.quick->send(1));
    QCOMPARE(f.sent.last().at(0).toByteArray(), QByteArray("bye\n"));
}

void tst_QuickCommands::reorderAndDelete()
{
    Fixture f;
    f.list->setCurrentRow(2);
    QVERIFY(!f.button("quickDown")->isEnabled()); // already last
    QTest::mouseClick(f.button("quickUp"), Qt::LeftButton);
    QTest::mouseClick(f.button("quickUp"), Qt::LeftButton);
    QCOMPARE(f.names(), QStringList({QStringLiteral("AT"), QStringLiteral("Read"), QStringLiteral("Hello")}));
    QCOMPARE(f.list->currentRow(), 0);
    QCOMPARE(f.list->item(0)->text(), QStringLiteral("1  AT"));
    QVERIFY(!f.button("quickUp")->isEnabled());
    QTest::mouseClick(f.button("quickDown"), Qt::LeftButton);
    QCOMPARE(f.names(), QStringList({QStringLiteral("Read"), QStringLiteral("AT"), QStringLiteral("Hello")}));
    QTest::mouseClick(f.button("quickDelete"), Qt::LeftButton);
    QCOMPARE(f.names(), QStringList({QStringLiteral("Read"), QStringLiteral("Hello")}));
    QCOMPARE(f.list->currentRow(), 1);
    QCOMPARE(f.changed.count(), 4);
}

void tst_QuickCommands::exportThenImportRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("commands.json"));
    {
        Fixture f;
        QVERIFY(f.quick->exportFile(path));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("\"format\": \"netassist-quick-commands\"")); // readable, indented JSON
    QVERIFY(json.contains("\"checksum\": \"crc16-modbus\""));
    QCOMPARE(QuickCommands::fromJson(json), sample());

    Fixture g;
    g.panel.setQuickCommands({command(QStringLiteral("Mine"), QStringLiteral("x")), sample().at(1)});
    QVERIFY(g.quick->importFile(path));
    // Appended; the one already there is not doubled.
    QCOMPARE(g.names(),
        QStringList({QStringLiteral("Mine"), QStringLiteral("Hello"), QStringLiteral("Read"), QStringLiteral("AT")}));
    QCOMPARE(g.quick->message(), QStringLiteral("Imported 2 of 3 commands; the others were here already."));
    QVERIFY(g.quick->send(2));
    QCOMPARE(g.sent.last().at(0).toByteArray(), QByteArray::fromHex("01030000000ac5cd"));
}

void tst_QuickCommands::importRejectsOtherFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{oops") << QStringLiteral("is not a JSON file");
    QTest::newRow("other JSON") << QByteArray("{\"a\": 1}") << QStringLiteral("is not a quick command file");
    QTest::newRow("newer") << QByteArray(
        "{\"format\": \"netassist-quick-commands\", \"version\": 99, \"commands\": []}")
                           << QStringLiteral("newer NetAssist");
}

void tst_QuickCommands::importRejectsOtherFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    Fixture f;
    QVERIFY(!f.quick->importFile(path));
    QVERIFY2(f.quick->message().contains(message), qPrintable(f.quick->message()));
    QCOMPARE(f.panel.quickCommandList(), sample()); // untouched
    QCOMPARE(f.changed.count(), 0);
    QVERIFY(!f.quick->importFile(dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(f.quick->message().startsWith(QLatin1String("Cannot read")));
}

void tst_QuickCommands::jsonForSettings()
{
    Fixture f;
    const QByteArray json = f.quick->toJson();
    QuickCommandsPanel other;
    QVERIFY(other.setFromJson(json));
    QCOMPARE(other.commands(), sample());
    QVERIFY(!other.setFromJson("garbage"));
    QCOMPARE(other.commands(), sample());
}

void tst_QuickCommands::toggleHidesTheList()
{
    Fixture f;
    QVERIFY(f.list->isVisible());
    QTest::mouseClick(f.button("quickCommandsToggle"), Qt::LeftButton);
    QVERIFY(!f.list->isVisible());
    QVERIFY(!f.panel.isQuickCommandsVisible());
    f.panel.setQuickCommandsVisible(true);
    QVERIFY(f.list->isVisible());
}

QTEST_MAIN(tst_QuickCommands)
#include "tst_quickcommands.moc"
