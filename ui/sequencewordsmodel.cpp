#include "sequencewordsmodel.h"

#include "sequencetext.h"
#include "statuscolors.h"

#include <QApplication>
#include <QPalette>

QVariant SequenceWordsModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && index.column() == ResultColumn) {
        const bool bad = index.data(ProblemRole).toBool() || index.data(StatusRole).toInt() == int(StepStatus::Failed);
        return bad ? QVariant(StatusColors::error(QApplication::palette())) : QVariant();
    }
    return SequenceModel::data(index, role);
}

QString SequenceWordsModel::stepText(const Step &step) const
{
    const QString what = SequenceText::describe(step);
    const QString text = step.label.isEmpty() ? what : tr("%1: %2").arg(step.label, what);
    const bool canDisable = step.kind != Step::Kind::RepeatBegin && step.kind != Step::Kind::RepeatEnd;
    return step.enabled || !canDisable ? text : tr("%1 (does not run)").arg(text);
}

QString SequenceWordsModel::problemText(const SequenceError &problem) const
{
    return tr("cannot run: %1").arg(SequenceText::error(problem));
}

QString SequenceWordsModel::resultText(const StepResult &result) const
{
    QString status = SequenceText::status(result.status);
    if (result.iteration > 0)
        status = tr("%1 (iteration %2)").arg(status).arg(result.iteration);
    const QString outcome = SequenceText::outcome(result, sequence());
    return outcome.isEmpty() ? status : tr("%1: %2").arg(status, outcome);
}

QString SequenceWordsModel::responseText(double ms) const
{
    return SequenceText::milliseconds(ms);
}

QString SequenceWordsModel::runningText() const
{
    return tr("running\u2026");
}

QString SequenceWordsModel::columnTitle(Column column) const
{
    switch (column) {
    case StepColumn:
        return tr("Step");
    case ResultColumn:
        return tr("Result");
    case ResponseColumn:
        return tr("Response");
    default:
        return {};
    }
}
