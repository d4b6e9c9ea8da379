#pragma once

#include "net/session.h"
#include "script/step.h"
#include "script/stepresult.h"

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTableView;
class QToolButton;
class SequenceModel;
class SequenceRunner;
class SessionRecorder;
class SessionSequenceChannel;
class StepEditor;

// A tab's Sequences panel: the steps of one sequence (a table over SequenceModel, the selected step's fields in a
// StepEditor), Run / Step once / Stop over the tab's own session and framing (SessionSequenceChannel), each row's
// result and the run's summary in the same words as `netassist run` (SequenceText), and Import / Export of the
// sequence file (SequenceJson). A step that cannot run marks its row and keeps Run disabled with the reason.
//
// The peer a run talks to is asked of the page when the run starts (peer source): the client table's selection on
// a server, the selected peer on UDP (0: the only client, the connection, or the remote target). Edits are locked
// while a run is on, since results name the steps that ran.
class SequencePanel : public QWidget
{
    Q_OBJECT
public:
    SequencePanel(Session *session, SessionRecorder *recorder, QWidget *parent = nullptr);
    ~SequencePanel() override;

    void setPeerSource(std::function<PeerId()> source);
    SequenceModel *model() const { return m_model; }
    SequenceRunner *runner() const { return m_runner; }
    Sequence sequence() const;
    void setSequence(const Sequence &sequence);
    int currentRow() const;
    void setCurrentRow(int row);

    // What the panel shows, for tests and tools: why Run is disabled (empty when it can run), the run's state,
    // the summary, the selected step's result, the last import / export message.
    QString runProblem() const;
    QString summaryText() const;
    QString message() const;

    // Under the tab's settings group: the sequence ("sequence", SequenceJson::toJson, compact).
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

public Q_SLOTS:
    void addStep(Step::Kind kind); // after the selected step; a repeat adds its end-repeat too
    void duplicateStep();
    void deleteStep();
    void moveStep(int delta);
    bool run(); // from idle: a new run; paused: goes on
    bool stepOnce();
    void stop();
    // A sequence file: replaces the steps (and sets the tab's framing to the file's, for a stream); false, with the
    // error and its line:column shown, when the file cannot be used.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    // The session or the page's choice of peer changed: Run's availability follows.
    void updateActions();

Q_SIGNALS:
    void sequenceChanged(); // edited or imported: the owner's settings are out of date

private:
    QWidget *createToolRow();
    QWidget *createRunRow();
    QToolButton *fileButton(QAction *action);
    bool start(bool stepMode);
    void onSelectionChanged();
    void onStepFinished(const StepResult &result);
    void onFinished(const RunSummary &summary);
    void showSelectedResult();
    void showMessage(const QString &text, bool isError);
    QString peerWords(PeerId peer) const;

    Session *m_session;
    SessionRecorder *m_recorder;
    SequenceModel *m_model;
    SequenceRunner *m_runner;
    SessionSequenceChannel *m_channel;
    std::function<PeerId()> m_peerSource;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_stopOnFailure = nullptr;
    QTableView *m_table = nullptr;
    StepEditor *m_editor = nullptr;
    QWidget *m_toolRow = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_stepResult = nullptr;
    QLabel *m_runState = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    bool m_showingSequence = false;
};
