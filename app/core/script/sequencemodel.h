#pragma once

#include "script/sequenceerror.h"
#include "script/step.h"
#include "script/stepresult.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

// The window's editable step list: one row per step of a Sequence (repeat markers included, as the file and the
// results number them), with each row's problem (SequenceCheck, recomputed on every edit) and, after a run, its
// result. One source of truth: the panel's table and step editor both edit through it.
//
// Results describe the sequence that ran, so any edit of the steps clears them. A step inside a repeat block has
// one result per iteration; the row keeps the latest, except that a failed one stays until the run ends (a failure
// in iteration 2 of 3 must not be painted over by iteration 3 passing).
//
// The core has no words: the columns' text comes from the protected text functions, which give stable ids here and
// are overridden by the window with translated sentences (SequenceText).
class SequenceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Rows are numbered by the vertical header (1-based, markers counted, as results and the file number them).
    enum Column { StepColumn, ResultColumn, ResponseColumn, ColumnCount };
    enum Role {
        ProblemRole = Qt::UserRole + 1, // bool: the step cannot run (ResultColumn says why)
        StatusRole, // int(StepStatus) of the row's result, or -1 when none
        RunningRole, // bool: the step the runner is in
        InBlockRole // bool: between a repeat and its end-repeat
    };

    explicit SequenceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // StepColumn's check box is the step's "enabled" (markers have none: they are structure).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const Sequence &sequence() const { return m_sequence; }
    void setSequence(const Sequence &sequence);
    // The sequence's own fields (not its steps); no result is cleared.
    void setName(const QString &name);
    void setStopOnFailure(bool stop);
    void setFraming(const QJsonObject &framing);

    Step step(int row) const { return m_sequence.steps.value(row); }
    void setStep(int row, const Step &step);
    // Inserts at row (clamped to 0..rowCount()); returns the row it went to.
    int insertStep(int row, const Step &step);
    // The copy goes right after the original; returns its row, or -1.
    int duplicateStep(int row);
    bool removeStep(int row);
    // Swaps the step with its neighbour (delta -1 or +1); returns the step's new row, or -1.
    int moveStep(int row, int delta);

    // The row's problem (kind None when it can run): its own, or the structure's at a marker.
    SequenceError problem(int row) const { return m_problems.value(row); }
    // The first problem of the sequence, in step order (kind None when every step can run).
    SequenceError firstProblem() const;

    // Run results, from the runner's signals.
    void clearResults();
    void setRunningStep(int row); // -1: none
    void addResult(const StepResult &result);
    std::optional<StepResult> result(int row) const;
    int runningStep() const { return m_running; }

Q_SIGNALS:
    // The steps or the sequence's fields changed (not the results): the owner saves, the editor follows.
    void sequenceEdited();

protected:
    // The columns' words. Defaults: ids ("send", "failed timeout", "steps[2].pattern"), for tests and tools.
    virtual QString stepText(const Step &step) const;
    virtual QString problemText(const SequenceError &problem) const;
    virtual QString resultText(const StepResult &result) const;
    virtual QString responseText(double ms) const;
    virtual QString runningText() const;
    virtual QString columnTitle(Column column) const;

private:
    void edited(bool structure);
    void recheck();

    Sequence m_sequence;
    QList<SequenceError> m_problems; // one per row
    QList<bool> m_inBlock; // one per row
    QList<std::optional<StepResult>> m_results; // one per row
    int m_running = -1;
};
