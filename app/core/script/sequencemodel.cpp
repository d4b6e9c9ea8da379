#include "script/sequencemodel.h"

#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace {
bool hasEnabled(Step::Kind kind)
{
    return kind != Step::Kind::RepeatBegin && kind != Step::Kind::RepeatEnd;
}
} // namespace

SequenceModel::SequenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SequenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sequence.steps.size());
}

int SequenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SequenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const Step &step = m_sequence.steps.at(row);
    const SequenceError &problem = m_problems.at(row);
    const std::optional<StepResult> &result = m_results.at(row);
    switch (role) {
    case ProblemRole:
        return !problem.ok();
    case StatusRole:
        return result ? int(result->status) : -1;
    case RunningRole:
        return row == m_running;
    case InBlockRole:
        return m_inBlock.at(row);
    case Qt::CheckStateRole:
        if (index.column() == StepColumn && hasEnabled(step.kind))
            return step.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StepColumn: {
        // Steps inside a repeat block are indented, as a reader of the file sees the block.
        const QString indent = m_inBlock.at(row) ? QStringLiteral("    ") : QString();
        return indent + stepText(step);
    }
    case ResultColumn:
        if (!problem.ok())
            return problemText(problem);
        if (row == m_running)
            return runningText();
        return result ? resultText(*result) : QString();
    case ResponseColumn:
        return result && result->responseMs >= 0 ? responseText(result->responseMs) : QString();
    default:
        return {};
    }
}

QVariant SequenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return QString::number(section + 1);
    return section >= 0 && section < ColumnCount ? columnTitle(Column(section)) : QVariant();
}

Qt::ItemFlags SequenceModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == StepColumn && hasEnabled(step(index.row()).kind))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool SequenceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != StepColumn || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    Step changed = step(index.row());
    changed.enabled = value.toInt() == Qt::Checked;
    setStep(index.row(), changed);
    return true;
}

void SequenceModel::setSequence(const Sequence &sequence)
{
    beginResetModel();
    m_sequence = sequence;
    m_results = QList<std::optional<StepResult>>(sequence.steps.size());
    m_running = -1;
    recheck();
    endResetModel();
    Q_EMIT sequenceEdited();
}

void SequenceModel::setName(const QString &name)
{
    if (m_sequence.name == name)
        return;
    m_sequence.name = name;
    Q_EMIT sequenceEdited();
}

void SequenceModel::setStopOnFailure(bool stop)
{
    if (m_sequence.stopOnFailure == stop)
        return;
    m_sequence.stopOnFailure = stop;
    Q_EMIT sequenceEdited();
}

void SequenceModel::setFraming(const QJsonObject &framing)
{
    if (m_sequence.framing == framing)
        return;
    m_sequence.framing = framing;
    Q_EMIT sequenceEdited();
}

void SequenceModel::setStep(int row, const Step &step)
{
    if (row < 0 || row >= rowCount() || m_sequence.steps.at(row) == step)
        return;
    const bool structure = m_sequence.steps.at(row).kind != step.kind;
    m_sequence.steps[row] = step;
    edited(structure);
    if (!structure)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int SequenceModel::insertStep(int row, const Step &step)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_sequence.steps.insert(row, step);
    m_results.insert(row, std::nullopt);
    recheck();
    endInsertRows();
    edited(true);
    return row;
}

int SequenceModel::duplicateStep(int row)
{
    if (row < 0 || row >= rowCount())
        return -1;
    return insertStep(row + 1, m_sequence.steps.at(row));
}

bool SequenceModel::removeStep(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    beginRemoveRows({}, row, row);
    m_sequence.steps.removeAt(row);
    m_results.removeAt(row);
    recheck();
    endRemoveRows();
    edited(true);
    return true;
}

int SequenceModel::moveStep(int row, int delta)
{
    const int to = row + delta;
    if ((delta != -1 && delta != 1) || row < 0 || row >= rowCount() || to < 0 || to >= rowCount())
        return -1;
    // beginMoveRows counts the destination before the move: moving down by one is "before row + 2".
    beginMoveRows({}, row, row, {}, delta > 0 ? row + 2 : to);
    m_sequence.steps.swapItemsAt(row, to);
    m_results.swapItemsAt(row, to);
    recheck();
    endMoveRows();
    edited(true);
    return to;
}

SequenceError SequenceModel::firstProblem() const
{
    for (const SequenceError &problem : m_problems) {
        if (!problem.ok())
            return problem;
    }
    return {};
}

void SequenceModel::clearResults()
{
    m_results = QList<std::optional<StepResult>>(m_sequence.steps.size());
    m_running = -1;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SequenceModel::setRunningStep(int row)
{
    const int was = std::exchange(m_running, row >= 0 && row < rowCount() ? row : -1);
    for (int r : {was, m_running}) {
        if (r >= 0)
            Q_EMIT dataChanged(index(r, ResultColumn), index(r, ResultColumn));
    }
}

void SequenceModel::addResult(const StepResult &result)
{
    const int row = result.stepIndex;
    if (row < 0 || row >= rowCount())
        return;
    std::optional<StepResult> &kept = m_results[row];
    if (!kept || kept->status != StepStatus::Failed)
        kept = result;
    if (m_running == row)
        m_running = -1;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::optional<StepResult> SequenceModel::result(int row) const
{
    return m_results.value(row);
}

void SequenceModel::edited(bool structure)
{
    // Results belong to the sequence that ran; problems may move with the structure (a marker's pairing).
    bool hadResults = m_running >= 0;
    for (const std::optional<StepResult> &r : m_results)
        hadResults = hadResults || r.has_value();
    recheck();
    m_results = QList<std::optional<StepResult>>(m_sequence.steps.size());
    m_running = -1;
    if ((structure || hadResults) && rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT sequenceEdited();
}

void SequenceModel::recheck()
{
    const qsizetype rows = m_sequence.steps.size();
    m_problems = QList<SequenceError>(rows);
    for (const SequenceError &problem : SequenceCheck::problems(m_sequence)) {
        // A row shows its first problem (a marker may have both a structure and no other).
        if (problem.stepIndex >= 0 && problem.stepIndex < rows && m_problems.at(problem.stepIndex).ok())
            m_problems[problem.stepIndex] = problem;
    }
    m_inBlock = QList<bool>(rows, false);
    bool inside = false;
    for (qsizetype i = 0; i < rows; ++i) {
        const Step::Kind kind = m_sequence.steps.at(i).kind;
        if (kind == Step::Kind::RepeatEnd)
            inside = false;
        m_inBlock[i] = inside;
        if (kind == Step::Kind::RepeatBegin)
            inside = true;
    }
}

QString SequenceModel::stepText(const Step &step) const
{
    const QString kind = QString::fromLatin1(StepIds::kindId(step.kind));
    return step.label.isEmpty() ? kind : kind + QLatin1Char(' ') + step.label;
}

QString SequenceModel::problemText(const SequenceError &problem) const
{
    return QStringLiteral("problem %1").arg(problem.path());
}

QString SequenceModel::resultText(const StepResult &result) const
{
    static const char *const statuses[] = {"passed", "failed", "skipped", "stopped"};
    return QString::fromLatin1(statuses[int(result.status)]);
}

QString SequenceModel::responseText(double ms) const
{
    return QString::number(ms, 'f', 2);
}

QString SequenceModel::runningText() const
{
    return QStringLiteral("running");
}

QString SequenceModel::columnTitle(Column column) const
{
    static const char *const titles[] = {"step", "result", "response"};
    return QString::fromLatin1(titles[column]);
}
