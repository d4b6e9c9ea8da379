#include "clientpage.h"
#include "devicepeer.h"
#include "log/sessionrecorder.h"
#include "peertablemodel.h"
#include "script/sequencemodel.h"
#include "script/sequencerunner.h"
#include "sequencepanel.h"
#include "serverpage.h"
#include "udppage.h"
#include "widgetlookup.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The Sequences panel driven offscreen on a real ClientPage against the toy device (tests/support/device_peer.py):
// a sequence edited through the step editor or imported, run, and every step's result and the summary read back
// from the panel's widgets.
class tst_SequencePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editedSequencePassesOnGoodDevice();
    void wrongDeviceFailsWithDifference();
    void stepOnceRunsExactlyOneStep();
    void runDisabledWithReason();
    void serverTalksToItsOnlyClient();
    void serverTalksToTheSelectedClient();
    void udpTalksToTheRemoteTarget();
    void closingTheTabDuringARun();
    void settingsRoundTrip();
    void badFileShowsLine();
    void accessibleNames();

private:
    static bool connectTo(ClientPage &page, quint16 port);
    static void editTextSequence(SequencePanel *panel);
    static QString cell(SequencePanel *panel, int row, int column)
    {
        SequenceModel *model = panel->model();
        return model->data(model->index(row, column)).toString();
    }
    static QString source(const char *path)
    {
        return qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QLatin1Char('/') + QLatin1String(path);
    }
};

bool tst_SequencePanel::connectTo(ClientPage &page, quint16 port)
{
    auto *host = page.findChild<QComboBox *>(QStringLiteral("clientHost"));
    auto *portEdit = page.findChild<QLineEdit *>(QStringLiteral("clientPort"));
    auto *connectButton = page.findChild<QPushButton *>(QStringLiteral("clientConnect"));
    if (!host || !portEdit || !connectButton)
        return false;
    host->setEditText(QStringLiteral("127.0.0.1"));
    portEdit->setText(QString::number(port));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    // The connection completes in the event loop.
    return QTest::qWaitFor([&page] { return page.session()->peerCount() == 1; }, 5000);
}

// "*IDN?\n", then a frame that starts with "NETASSIST", typed into the step editor as a user would.
void tst_SequencePanel::editTextSequence(SequencePanel *panel)
{
    auto *addSend = panel->findChild<QAction *>(QStringLiteral("sequenceAddsend"));
    auto *addExpect = panel->findChild<QAction *>(QStringLiteral("sequenceAddexpect"));
    QVERIFY(addSend && addExpect);
    addSend->trigger();
    FIND(QLineEdit, text, panel, "stepSendText");
    FIND(QComboBox, lineEnding, panel, "stepSendLineEnding");
    QTest::keyClicks(text, QStringLiteral("*IDN?"));
    lineEnding->setCurrentIndex(lineEnding->findData(int(Payload::LineEnding::LF)));
    addExpect->trigger();
    QCOMPARE(panel->currentRow(), 1);
    FIND(QComboBox, match, panel, "stepExpectMatch");
    FIND(QLineEdit, pattern, panel, "stepExpectPattern");
    FIND(QSpinBox, timeout, panel, "stepExpectTimeout");
    match->setCurrentIndex(match->findData(int(ExpectMatch::StartsWith)));
    QTest::keyClicks(pattern, QStringLiteral("NETASSIST"));
    timeout->setValue(5000);
    const Sequence s = panel->sequence();
    QCOMPARE(s.steps.size(), 2);
    QCOMPARE(s.steps.at(0).send.text, QStringLiteral("*IDN?"));
    QCOMPARE(s.steps.at(0).send.spec.lineEnding, Payload::LineEnding::LF);
    QCOMPARE(s.steps.at(1).expect.match, ExpectMatch::StartsWith);
    QCOMPARE(s.steps.at(1).expect.pattern, QStringLiteral("NETASSIST"));
    QCOMPARE(s.steps.at(1).expect.timeoutMs, 5000);
}

void tst_SequencePanel::editedSequencePassesOnGoodDevice()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--listen"}), qPrintable(device.error()));
    ClientPage page;
    page.show();
    FIND(QToolButton, toggle, &page, "sequencesToggle");
    QTest::mouseClick(toggle, Qt::LeftButton);
    SequencePanel *panel = page.sequencePanel();
    QVERIFY(panel->isVisible());
    // The device's replies end with a line feed: frame them so.
    Framer::Config framing;
    framing.mode = Framer::Mode::Delimiter;
    framing.delimiter = "\n";
    page.recorder()->setFraming(framing);
    editTextSequence(panel);
    QVERIFY(QTest::currentTestFailed() == false);
    FIND(QPushButton, run, panel, "sequenceRun");
    QVERIFY(!run->isEnabled()); // not connected yet
    QVERIFY(connectTo(page, device.port()));
    QVERIFY(run->isEnabled());

    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(10000)); // the device answers in the event loop
    QVERIFY2(cell(panel, 0, SequenceModel::ResultColumn).startsWith(QStringLiteral("passed: 6 bytes to 1 peer")),
        qPrintable(cell(panel, 0, SequenceModel::ResultColumn)));
    QVERIFY2(cell(panel, 1, SequenceModel::ResultColumn).startsWith(QStringLiteral("passed: matched after")),
        qPrintable(cell(panel, 1, SequenceModel::ResultColumn)));
    QVERIFY(cell(panel, 1, SequenceModel::ResponseColumn).endsWith(QStringLiteral(" ms")));
    FIND(QLabel, summary, panel, "sequenceSummary");
    QVERIFY2(summary->text().startsWith(QStringLiteral("Passed: 2 passed, 0 failed, 0 skipped; response min ")),
        qPrintable(summary->text()));
    // The selected step's result is a readable label of its own.
    panel->setCurrentRow(1);
    FIND(QLabel, stepResult, panel, "sequenceStepResult");
    QVERIFY(stepResult->text().contains(QStringLiteral("4E 45 54 41")));
}

void tst_SequencePanel::wrongDeviceFailsWithDifference()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--behave", "wrong", "--listen"}), qPrintable(device.error()));
    ClientPage page;
    SequencePanel *panel = page.sequencePanel();
    Framer::Config framing;
    framing.mode = Framer::Mode::Delimiter;
    page.recorder()->setFraming(framing);
    editTextSequence(panel);
    QVERIFY(connectTo(page, device.port()));
    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    QVERIFY(panel->run());
    QVERIFY(finished.wait(10000));
    QVERIFY(cell(panel, 0, SequenceModel::ResultColumn).startsWith(QStringLiteral("passed")));
    // "ERR\n" against "NETASSIST": the first byte differs.
    const QString expect = cell(panel, 1, SequenceModel::ResultColumn);
    QVERIFY2(expect.startsWith(QStringLiteral("failed: the frame is not the expected one: byte 0 is 45, expected 4E")),
        qPrintable(expect));
    QVERIFY2(expect.contains(QStringLiteral("frame: 45 52 52 0A")), qPrintable(expect));
    QCOMPARE(
        panel->model()->data(panel->model()->index(1, 0), SequenceModel::StatusRole).toInt(), int(StepStatus::Failed));
    QVERIFY2(panel->summaryText().startsWith(
                 QStringLiteral("Failed (stopped at the first failure): 1 passed, 1 failed, 0 skipped")),
        qPrintable(panel->summaryText()));
}

void tst_SequencePanel::stepOnceRunsExactlyOneStep()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--listen"}), qPrintable(device.error()));
    ClientPage page;
    SequencePanel *panel = page.sequencePanel();
    QVERIFY2(panel->importFile(source("examples/scpi-identify.json")), qPrintable(panel->message()));
    QCOMPARE(panel->model()->rowCount(), 4);
    QVERIFY2(panel->message().contains(QStringLiteral("framing")), qPrintable(panel->message()));
    QCOMPARE(page.recorder()->framing().mode, Framer::Mode::Delimiter);
    QVERIFY(connectTo(page, device.port()));

    FIND(QPushButton, step, panel, "sequenceStep");
    QSignalSpy paused(panel->runner(), &SequenceRunner::paused);
    QTest::mouseClick(step, Qt::LeftButton);
    QVERIFY(paused.wait(5000));
    QCOMPARE(panel->runner()->results().size(), 1);
    QVERIFY(cell(panel, 0, SequenceModel::ResultColumn).startsWith(QStringLiteral("passed")));
    QCOMPARE(cell(panel, 1, SequenceModel::ResultColumn), QString());
    QCOMPARE(panel->runner()->state(), SequenceRunner::State::Paused);
    // Paused: the steps cannot be edited, Run goes on.
    FIND(QToolButton, remove, panel, "sequenceDelete");
    QVERIFY(!remove->isEnabled());
    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    FIND(QPushButton, run, panel, "sequenceRun");
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(panel->runner()->results().size(), 4);
    QVERIFY2(panel->summaryText().startsWith(QStringLiteral("Passed: 4 passed")), qPrintable(panel->summaryText()));
}

void tst_SequencePanel::runDisabledWithReason()
{
    ClientPage page;
    SequencePanel *panel = page.sequencePanel();
    FIND(QPushButton, run, panel, "sequenceRun");
    FIND(QLabel, state, panel, "sequenceRunState");
    QVERIFY(!run->isEnabled());
    QCOMPARE(state->text(), QStringLiteral("Add a step to run."));
    panel->addStep(Step::Kind::Send); // empty text
    QVERIFY(!run->isEnabled());
    QVERIFY2(state->text().startsWith(QStringLiteral("Step 1 cannot run: steps[0].text: ")), qPrintable(state->text()));
    QVERIFY(cell(panel, 0, SequenceModel::ResultColumn).startsWith(QStringLiteral("cannot run: ")));
    QVERIFY(panel->model()->data(panel->model()->index(0, 0), SequenceModel::ProblemRole).toBool());
    FIND(QLabel, problem, panel, "stepProblem");
    QVERIFY(!problem->text().isEmpty());
    FIND(QLineEdit, text, panel, "stepSendText");
    QTest::keyClicks(text, QStringLiteral("hello"));
    QCOMPARE(state->text(), QStringLiteral("Connect first."));
    QCOMPARE(cell(panel, 0, SequenceModel::ResultColumn), QString());
    QVERIFY(!panel->run());

    // Delete in the list deletes the step.
    page.show();
    FIND(QToolButton, toggle, &page, "sequencesToggle");
    toggle->setChecked(true);
    QApplication::setActiveWindow(&page);
    QVERIFY(QTest::qWaitForWindowActive(&page));
    FIND(QTableView, table, panel, "sequenceSteps");
    table->setFocus();
    QCOMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(panel->model()->rowCount(), 0);
}

void tst_SequencePanel::serverTalksToItsOnlyClient()
{
    ServerPage page;
    SequencePanel *panel = page.sequencePanel();
    QVERIFY(panel->importFile(source("examples/scpi-identify.json")));
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    FIND(QPushButton, listen, &page, "serverListen");
    QTest::mouseClick(listen, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&page] { return page.session()->state() == Session::State::Open; }, 5000));
    QCOMPARE(panel->runProblem(), QStringLiteral("No client connected yet."));
    const quint16 listening = page.session()->localPort();
    QVERIFY(listening != 0);
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--connect", QString::number(listening)}), qPrintable(device.error()));
    QVERIFY(QTest::qWaitFor([&page] { return page.session()->peerCount() == 1; }, 5000));
    QVERIFY2(panel->runProblem().isEmpty(), qPrintable(panel->runProblem()));
    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    QVERIFY(panel->run());
    QVERIFY(finished.wait(10000));
    QVERIFY2(panel->summaryText().startsWith(QStringLiteral("Passed: 4 passed")), qPrintable(panel->summaryText()));
}

void tst_SequencePanel::serverTalksToTheSelectedClient()
{
    ServerPage page;
    SequencePanel *panel = page.sequencePanel();
    QVERIFY(panel->importFile(source("examples/scpi-identify.json")));
    page.setListenAddress(QHostAddress(QHostAddress::LocalHost), 0);
    FIND(QPushButton, listen, &page, "serverListen");
    QTest::mouseClick(listen, Qt::LeftButton);
    const QString port = QString::number(page.session()->localPort());
    DevicePeer silent;
    DevicePeer good;
    QVERIFY2(silent.start({"--proto", "text", "--behave", "silent", "--connect", port}), qPrintable(silent.error()));
    QVERIFY(QTest::qWaitFor([&page] { return page.session()->peerCount() == 1; }, 5000));
    QVERIFY2(good.start({"--proto", "text", "--connect", port}), qPrintable(good.error()));
    QVERIFY(QTest::qWaitFor([&page] { return page.session()->peerCount() == 2; }, 5000));
    page.clientModel()->flush();
    QCOMPARE(panel->runProblem(), QStringLiteral("Several clients: select the one to talk to in the client table."));
    FIND(QPushButton, run, panel, "sequenceRun");
    QVERIFY(!run->isEnabled());
    // The second client (the good device) is selected: Run follows the selection, and talks to it only.
    FIND(QTableView, clients, &page, "serverClients");
    const PeerId second = page.session()->peers().constLast();
    clients->selectRow(page.clientModel()->rowOf(second));
    QVERIFY(run->isEnabled());
    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(panel->summaryText().startsWith(QStringLiteral("Passed: 4 passed")), qPrintable(panel->summaryText()));
    FIND(QLabel, state, panel, "sequenceRunState");
    QCOMPARE(state->text(), QStringLiteral("Run completed."));
    QVERIFY(page.session()->peerInfo(second).txBytes > 0);
    QCOMPARE(page.session()->peerInfo(page.session()->peers().constFirst()).txBytes, 0);
}

void tst_SequencePanel::udpTalksToTheRemoteTarget()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--udp", "--listen"}), qPrintable(device.error()));
    UdpPage page;
    SequencePanel *panel = page.sequencePanel();
    QVERIFY(panel->importFile(source("examples/scpi-identify.json")));
    QCOMPARE(page.recorder()->framing().mode, Framer::Mode::PerRead); // a datagram is a frame, whatever the file says
    page.setBindAddress(QHostAddress(QHostAddress::LocalHost), 0);
    page.setRemoteTarget(QStringLiteral("127.0.0.1"), device.port());
    QCOMPARE(panel->runProblem(), QStringLiteral("Bind first."));
    FIND(QPushButton, bind, &page, "udpBind");
    QTest::mouseClick(bind, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&page] { return page.session()->state() == Session::State::Open; }, 5000));
    QVERIFY2(panel->runProblem().isEmpty(), qPrintable(panel->runProblem()));
    QSignalSpy finished(panel->runner(), &SequenceRunner::finished);
    QVERIFY(panel->run());
    FIND(QLabel, state, panel, "sequenceRunState");
    QVERIFY2(state->text().startsWith(QStringLiteral("Running")), qPrintable(state->text()));
    QVERIFY(finished.wait(10000));
    QVERIFY2(panel->summaryText().startsWith(QStringLiteral("Passed: 4 passed")), qPrintable(panel->summaryText()));
}

void tst_SequencePanel::closingTheTabDuringARun()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--listen"}), qPrintable(device.error()));
    auto *page = new ClientPage;
    SequencePanel *panel = page->sequencePanel();
    Sequence s;
    s.steps = {Step::makeSend(QStringLiteral("*IDN?\n"), {}), Step::makeWait(60000)};
    panel->setSequence(s);
    QVERIFY(connectTo(*page, device.port()));
    QSignalSpy started(panel->runner(), &SequenceRunner::stepStarted);
    QVERIFY(panel->run());
    QVERIFY(QTest::qWaitFor([&started] { return started.size() == 2; }, 5000)); // in the long wait
    delete page; // must not touch the session it talked to after it is gone
    QTest::qWait(0);
}

void tst_SequencePanel::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("tab.ini")), QSettings::IniFormat);
    Sequence saved;
    {
        ClientPage page;
        SequencePanel *panel = page.sequencePanel();
        QVERIFY(panel->importFile(source("examples/modbus-tcp-read-holding-registers.json")));
        panel->addStep(Step::Kind::Expect); // work in progress: an empty pattern cannot run yet, and is kept
        FIND(QToolButton, toggle, &page, "sequencesToggle");
        toggle->setChecked(true);
        saved = panel->sequence();
        QVERIFY(!panel->model()->firstProblem().ok());
        page.saveSettings(settings);
    }
    ClientPage restored;
    restored.restoreSettings(settings);
    QCOMPARE(restored.sequencePanel()->sequence(), saved);
    QCOMPARE(restored.sequencePanel()->sequence().name, QStringLiteral("Modbus/TCP read holding registers"));
    FIND(QToolButton, toggle, &restored, "sequencesToggle");
    QVERIFY(toggle->isChecked());
    FIND(QLineEdit, name, restored.sequencePanel(), "sequenceName");
    QCOMPARE(name->text(), saved.name);
}

void tst_SequencePanel::badFileShowsLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n"
               "    \"format\": \"netassist-sequence\", \"version\": 1,\n"
               "    \"steps\": [\n"
               "        {\"step\": \"expect\", \"match\": \"hex-pattern\", \"pattern\": \"01 0\"}\n"
               "    ]\n"
               "}\n");
    file.close();
    ClientPage page;
    SequencePanel *panel = page.sequencePanel();
    panel->addStep(Step::Kind::Wait);
    QVERIFY(!panel->importFile(path));
    FIND(QLabel, message, panel, "sequenceMessage");
    QVERIFY2(message->text().startsWith(QStringLiteral("Cannot import bad.json:4:")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("steps[0].pattern: odd number of hex digits at column 4")),
        qPrintable(message->text()));
    QCOMPARE(panel->model()->rowCount(), 1); // the sequence is untouched

    // Exported and imported back: the same sequence, with the tab's framing.
    const QString out = dir.filePath(QStringLiteral("out.json"));
    QVERIFY(panel->exportFile(out));
    const Sequence before = panel->sequence();
    panel->setSequence(Sequence());
    QVERIFY(panel->importFile(out));
    QCOMPARE(panel->sequence().steps, before.steps);
}

void tst_SequencePanel::accessibleNames()
{
    ClientPage page;
    SequencePanel *panel = page.sequencePanel();
    panel->addStep(Step::Kind::Send);
    const QList<QWidget *> widgets = panel->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QSpinBox *>(w) || qobject_cast<QTableView *>(w);
        if (!interactive || qobject_cast<QLineEdit *>(w->parentWidget()) || qobject_cast<QSpinBox *>(w->parentWidget())
            || qobject_cast<QComboBox *>(w->parentWidget()))
            continue; // a spin box's or combo's inner line edit speaks for its owner
        if (w->inherits("QTableCornerButton"))
            continue;
        ++checked;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(checked > 25);
    for (const char *name :
        {"sequenceSummary", "sequenceStepResult", "sequenceRunState", "sequenceMessage", "stepProblem"}) {
        FIND(QLabel, label, panel, name);
        QVERIFY2(!label->accessibleDescription().isEmpty(), name);
        QVERIFY2(label->accessibleName().isEmpty(), name); // a value label's name is its text
    }
    FIND(QToolButton, toggle, &page, "sequencesToggle");
    QCOMPARE(toggle->accessibleName(), QStringLiteral("Show sequences"));
}

QTEST_MAIN(tst_SequencePanel)
#include "tst_sequencepanel.moc"
