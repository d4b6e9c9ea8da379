#include "sequencepanel.h"

#include "filedialogs.h"
#include "log/logjson.h"
#include "log/sessionrecorder.h"
#include "script/sequencejson.h"
#include "script/sequencemodel.h"
#include "script/sequencerunner.h"
#include "sequencetext.h"
#include "sequencewordsmodel.h"
#include "session/sessionsequencechannel.h"
#include "settingsvalues.h"
#include "statuscolors.h"
#include "stepeditor.h"
#include "widgetnames.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QString SequenceKey = QStringLiteral("sequence");

QString fileFilter()
{
    return SequencePanel::tr("NetAssist sequences (*.json);;All files (*)");
}

QLabel *wrappingLabel(QLabel *label)
{
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SequencePanel::SequencePanel(Session *session, SessionRecorder *recorder, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_recorder(recorder)
    , m_model(new SequenceWordsModel(this))
    , m_runner(new SequenceRunner(this))
    , m_channel(new SessionSequenceChannel(session, recorder, m_runner, this))
{
    m_name = named(new QLineEdit(this), "sequenceName", tr("Sequence name"),
        tr("The sequence's name: the JUnit suite name when it runs headless"));
    m_name->setPlaceholderText(tr("Sequence name"));
    m_stopOnFailure = named(new QCheckBox(tr("Stop on failure"), this), "sequenceStopOnFailure",
        tr("Stop at the first failure"), tr("End the run at the first failed step, or report it and go on"));

    m_table = named(new QTableView(this), "sequenceSteps", tr("Sequence steps"),
        tr("The steps, in order: what each does, its problem or its last result, and its response time"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The corner button selects every row, which a single-selection list cannot do: off, and named, so assistive
    // technology does not meet an anonymous button.
    m_table->setCornerButtonEnabled(false);
    for (QAbstractButton *corner : m_table->findChildren<QAbstractButton *>()) {
        corner->setObjectName(QStringLiteral("sequenceStepsCorner"));
        corner->setAccessibleName(tr("Step numbers"));
    }
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // The step and its result share the width (the editor beside shows both in full); no sideways scrolling.
    m_table->horizontalHeader()->setSectionResizeMode(SequenceModel::StepColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SequenceModel::ResultColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SequenceModel::ResponseColumn, QHeaderView::ResizeToContents);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setMinimumWidth(160);

    m_editor = new StepEditor(this);
    m_editor->setObjectName(QStringLiteral("stepEditor"));
    m_stepResult = wrappingLabel(valueLabel(
        new QLabel(this), "sequenceStepResult", tr("Selected step's result"), tr("What the selected step did")));
    // Beside the log the panel is wide and short: the steps on the left, the selected step's fields on the right
    // (scrolled when the tab is short, never forcing the log smaller).
    auto *editorBox = new QWidget;
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 4, 0);
    editorLayout->addWidget(m_stepResult);
    editorLayout->addWidget(m_editor);
    editorLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("stepEditorScroll"));
    scroll->setWidget(editorBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The fields are never cut: the splitter gives the steps' table what is left.
    scroll->setMinimumWidth(editorBox->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    auto *steps = new QWidget(this);
    auto *stepsLayout = new QVBoxLayout(steps);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    stepsLayout->setSpacing(2);
    stepsLayout->addWidget(m_table, 1);
    stepsLayout->addWidget(createToolRow());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("sequenceEditorSplitter")); // kept with the tab's splitters
    split->setChildrenCollapsible(false);
    split->addWidget(steps);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_runState = wrappingLabel(valueLabel(new QLabel(this), "sequenceRunState", tr("Sequence state"),
        tr("Why Run is unavailable, or the run's progress")));
    m_summary = wrappingLabel(
        valueLabel(new QLabel(this), "sequenceSummary", tr("Run summary"), tr("Passed, failed, response times")));
    m_message = wrappingLabel(
        valueLabel(new QLabel(this), "sequenceMessage", tr("Sequence message"), tr("The last import or export")));
    m_message->hide();

    auto *top = new QHBoxLayout;
    top->setSpacing(1);
    top->addWidget(m_name, 1);
    top->addWidget(fileButton(m_import));
    top->addWidget(fileButton(m_export));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(createRunRow());
    layout->addWidget(m_runState);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);

    connect(m_name, &QLineEdit::textEdited, m_model, &SequenceModel::setName);
    connect(m_stopOnFailure, &QCheckBox::toggled, m_model, &SequenceModel::setStopOnFailure);
    connect(m_editor, &StepEditor::stepEdited, this, [this](const Step &step) {
        if (currentRow() >= 0)
            m_model->setStep(currentRow(), step);
    });
    connect(m_model, &SequenceModel::sequenceEdited, this, [this] {
        if (!m_showingSequence) {
            m_editor->setProblem(currentRow() >= 0 ? SequenceText::error(m_model->problem(currentRow())) : QString());
            updateActions();
            Q_EMIT sequenceChanged();
        }
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SequencePanel::showSelectedResult);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SequencePanel::onSelectionChanged);

    connect(m_runner, &SequenceRunner::stateChanged, this, &SequencePanel::updateActions);
    connect(m_runner, &SequenceRunner::stepStarted, this, [this](int index, int iteration) {
        m_model->setRunningStep(index);
        m_runState->setText(iteration > 0 ? tr("Running step %1 (iteration %2)\u2026").arg(index + 1).arg(iteration)
                                          : tr("Running step %1\u2026").arg(index + 1));
    });
    connect(m_runner, &SequenceRunner::stepFinished, this, &SequencePanel::onStepFinished);
    connect(m_runner, &SequenceRunner::paused, this, [this] {
        m_model->setRunningStep(-1);
        m_runState->setText(tr("Paused: Step once runs the next step, Run goes on, Stop ends the run."));
    });
    connect(m_runner, &SequenceRunner::finished, this, &SequencePanel::onFinished);
    connect(m_session, &Session::stateChanged, this, &SequencePanel::updateActions);
    connect(m_session, &Session::peerConnected, this, &SequencePanel::updateActions);
    connect(m_session, &Session::peerDisconnected, this, &SequencePanel::updateActions);

    setSequence(Sequence());
}

SequencePanel::~SequencePanel()
{
    // The channel stops the runner before either goes; what the stopped run reports is no longer shown.
    disconnect(m_runner, nullptr, this, nullptr);
    delete m_channel;
}

QWidget *SequencePanel::createToolRow()
{
    m_toolRow = new QWidget(this);
    auto *row = new QHBoxLayout(m_toolRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(1);

    auto *add
        = named(new QToolButton(m_toolRow), "sequenceAdd", tr("Add step"), tr("Add a step after the selected one"));
    add->setText(tr("Add"));
    add->setPopupMode(QToolButton::InstantPopup);
    add->setAutoRaise(true);
    auto *menu = new QMenu(add);
    menu->setObjectName(QStringLiteral("sequenceAddMenu"));
    const std::pair<Step::Kind, QString> kinds[] = {{Step::Kind::Send, tr("Send")}, {Step::Kind::Expect, tr("Expect")},
        {Step::Kind::Wait, tr("Wait")}, {Step::Kind::RepeatBegin, tr("Repeat block")}};
    for (const auto &[kind, text] : kinds) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("sequenceAdd%1").arg(QString::fromLatin1(StepIds::kindId(kind))));
        connect(action, &QAction::triggered, this, [this, kind = kind] { addStep(kind); });
    }
    add->setMenu(menu);
    row->addWidget(add);

    auto action = [this, row](const char *name, const QString &text, const QString &accessible, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        a->setToolTip(tip);
        m_table->addAction(a);
        auto *button = named(new QToolButton(m_toolRow), name, accessible, tip);
        button->setDefaultAction(a);
        button->setAutoRaise(true);
        row->addWidget(button);
        return a;
    };
    m_duplicate = action("sequenceDuplicate", tr("Duplicate"), tr("Duplicate step"), tr("Copy the selected step"));
    m_delete = action("sequenceDelete", tr("Delete"), tr("Delete step"), tr("Delete the selected step"));
    m_up = action("sequenceUp", QStringLiteral("\u2191"), tr("Move step up"), tr("Move the selected step up"));
    m_down = action("sequenceDown", QStringLiteral("\u2193"), tr("Move step down"), tr("Move the selected step down"));
    // Import and Export sit on the name's row (fileButton); the table's context menu offers them too.
    m_import = new QAction(tr("Import\u2026"), this);
    m_import->setObjectName(QStringLiteral("sequenceImport"));
    m_import->setToolTip(tr("Open a sequence file"));
    m_export = new QAction(tr("Export\u2026"), this);
    m_export->setObjectName(QStringLiteral("sequenceExport"));
    m_export->setToolTip(tr("Save the sequence to a file (also for netassist run)"));
    m_table->addAction(m_import);
    m_table->addAction(m_export);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Delete in the list deletes the selected step (only there: the editor's fields take their own Delete key).
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);

    connect(m_duplicate, &QAction::triggered, this, &SequencePanel::duplicateStep);
    connect(m_delete, &QAction::triggered, this, &SequencePanel::deleteStep);
    connect(m_up, &QAction::triggered, this, [this] { moveStep(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveStep(+1); });
    connect(m_import, &QAction::triggered, this, [this] {
        FileDialogs::open(this, tr("Import sequence"), {fileFilter()}, "sequenceImportDialog",
            [this](const QString &path, const QString &) { importFile(path); });
    });
    connect(m_export, &QAction::triggered, this, [this] {
        const QString name = m_model->sequence().name.isEmpty() ? tr("sequence") : m_model->sequence().name;
        FileDialogs::save(
            this, tr("Export sequence"), {fileFilter()}, "sequenceExportDialog",
            [this](const QString &path, const QString &) { exportFile(path); }, name + QStringLiteral(".json"));
    });
    return m_toolRow;
}

QToolButton *SequencePanel::fileButton(QAction *action)
{
    const bool import = action == m_import;
    auto *button = named(new QToolButton(this), import ? "sequenceImport" : "sequenceExport",
        import ? tr("Import sequence") : tr("Export sequence"), action->toolTip());
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

QWidget *SequencePanel::createRunRow()
{
    auto *box = new QWidget(this);
    m_run = named(new QPushButton(tr("Run"), box), "sequenceRun", tr("Run sequence"),
        tr("Run the steps over this tab's connection (goes on when paused)"));
    m_step = named(new QPushButton(tr("Step once"), box), "sequenceStep", tr("Step once"),
        tr("Run the next step only, then pause"));
    m_stop = named(new QPushButton(tr("Stop"), box), "sequenceStop", tr("Stop sequence"), tr("End the run"));
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_run);
    row->addWidget(m_step);
    row->addWidget(m_stop);
    row->addWidget(m_stopOnFailure);
    row->addStretch(1);
    connect(m_run, &QPushButton::clicked, this, &SequencePanel::run);
    connect(m_step, &QPushButton::clicked, this, &SequencePanel::stepOnce);
    connect(m_stop, &QPushButton::clicked, this, &SequencePanel::stop);
    return box;
}

Sequence SequencePanel::sequence() const
{
    return m_model->sequence();
}

void SequencePanel::setSequence(const Sequence &sequence)
{
    if (m_runner->state() != SequenceRunner::State::Idle)
        m_runner->stop();
    m_showingSequence = true;
    m_model->setSequence(sequence);
    m_showingSequence = false;
    m_name->setText(sequence.name);
    {
        const QSignalBlocker blocker(m_stopOnFailure);
        m_stopOnFailure->setChecked(sequence.stopOnFailure);
    }
    m_summary->clear();
    setCurrentRow(sequence.steps.isEmpty() ? -1 : 0);
    onSelectionChanged();
    Q_EMIT sequenceChanged();
}

int SequencePanel::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void SequencePanel::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->selectionModel()->clear();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, SequenceModel::StepColumn),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void SequencePanel::onSelectionChanged()
{
    const int row = currentRow();
    m_editor->setStep(row >= 0 ? m_model->step(row) : Step());
    m_editor->setProblem(row >= 0 ? SequenceText::error(m_model->problem(row)) : QString());
    showSelectedResult();
    updateActions();
}

void SequencePanel::addStep(Step::Kind kind)
{
    const int at = currentRow() + 1 > 0 ? currentRow() + 1 : m_model->rowCount();
    Step step;
    switch (kind) {
    case Step::Kind::Send:
        step = Step::makeSend(QString());
        break;
    case Step::Kind::Expect:
        step = Step::makeExpect(ExpectMatch::Equals, QString());
        break;
    case Step::Kind::Wait:
        step = Step::makeWait(100);
        break;
    case Step::Kind::RepeatBegin:
        step = Step::makeRepeat(2);
        break;
    case Step::Kind::RepeatEnd:
        step = Step::makeRepeatEnd();
        break;
    }
    const int row = m_model->insertStep(at, step);
    if (kind == Step::Kind::RepeatBegin)
        m_model->insertStep(row + 1, Step::makeRepeatEnd());
    setCurrentRow(row);
}

void SequencePanel::duplicateStep()
{
    setCurrentRow(m_model->duplicateStep(currentRow()));
}

void SequencePanel::deleteStep()
{
    const int row = currentRow();
    if (m_model->removeStep(row))
        setCurrentRow(std::min(row, m_model->rowCount() - 1));
}

void SequencePanel::moveStep(int delta)
{
    const int to = m_model->moveStep(currentRow(), delta);
    if (to >= 0)
        setCurrentRow(to);
}

bool SequencePanel::importFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(name, file.errorString()), true);
        return false;
    }
    const SequenceJson::LoadResult loaded = SequenceJson::load(file.readAll());
    if (!loaded.ok()) {
        const SequenceError &e = loaded.error;
        const QString where = e.line > 0 ? QStringLiteral("%1:%2:%3").arg(name).arg(e.line).arg(e.column) : name;
        showMessage(tr("Cannot import %1: %2").arg(where, SequenceText::error(e)), true);
        return false;
    }
    setSequence(loaded.sequence);
    QString text = tr("Imported %n step(s) from %1.", nullptr, int(loaded.sequence.steps.size())).arg(name);
    // The file says how its device's replies are cut into frames, as `netassist run` reads it; datagrams are
    // frames whatever it says.
    if (!loaded.sequence.framing.isEmpty() && m_session->traits().delivery == Session::Delivery::Stream) {
        const Framer::Config framing = FramingJson::fromJson(loaded.sequence.framing);
        if (!(framing == m_recorder->framing())) {
            m_recorder->setFraming(framing);
            text += QLatin1Char(' ') + tr("The tab's framing is now the file's.");
        }
    }
    showMessage(text, false);
    return true;
}

bool SequencePanel::exportFile(const QString &path)
{
    Sequence sequence = m_model->sequence();
    // The tab's framing goes with the sequence, so that `netassist run` cuts the replies the same way.
    if (m_session->traits().delivery == Session::Delivery::Stream)
        sequence.framing = FramingJson::toJson(m_recorder->framing());
    const QString name = QFileInfo(path).fileName();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(SequenceJson::save(sequence)) < 0 || !file.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(name, file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported to %1.").arg(name), false);
    return true;
}

void SequencePanel::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    StatusColors::mark(m_message, isError ? StatusColors::Error : StatusColors::Normal);
}

QString SequencePanel::message() const
{
    return m_message->text();
}

QString SequencePanel::summaryText() const
{
    return m_summary->text();
}

void SequencePanel::saveSettings(QSettings &settings) const
{
    settings.setValue(SequenceKey,
        QString::fromUtf8(QJsonDocument(SequenceJson::toJson(m_model->sequence())).toJson(QJsonDocument::Compact)));
}

// Steps that cannot run yet are kept (the editor's work in progress); a stored sequence that no longer reads
// (edited by hand, from a newer NetAssist) is dropped, not half restored.
void SequencePanel::restoreSettings(const QSettings &settings)
{
    const QJsonObject stored = QJsonDocument::fromJson(SettingsValues::text(settings, SequenceKey).toUtf8()).object();
    if (stored.isEmpty())
        return;
    const SequenceJson::LoadResult loaded = SequenceJson::fromJson(stored, SequenceJson::Check::FormatOnly);
    if (loaded.ok())
        setSequence(loaded.sequence);
}
