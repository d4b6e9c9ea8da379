// SequencePanel: running the sequence, and what the run shows (the rows' results, the state, the summary).
#include "script/sequencemodel.h"
#include "script/sequencerunner.h"
#include "sequencepanel.h"
#include "sequencetext.h"
#include "session/sessionsequencechannel.h"
#include "statuscolors.h"
#include "stepeditor.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

void SequencePanel::setPeerSource(std::function<PeerId()> source)
{
    m_peerSource = std::move(source);
    updateActions();
}

QString SequencePanel::peerWords(PeerId peer) const
{
    if (peer != 0)
        return m_session->peerInfo(peer).endpoint;
    if (m_session->traits().delivery == Session::Delivery::Datagrams)
        return tr("the remote target");
    if (m_session->peerCount() == 1)
        return m_session->peerInfo(m_session->peers().constFirst()).endpoint;
    return {};
}

QString SequencePanel::runProblem() const
{
    if (m_model->rowCount() == 0)
        return tr("Add a step to run.");
    const SequenceError problem = m_model->firstProblem();
    if (!problem.ok())
        return tr("Step %1 cannot run: %2").arg(problem.stepIndex + 1).arg(SequenceText::error(problem));
    const Session::Traits traits = m_session->traits();
    if (m_session->state() != Session::State::Open) {
        switch (traits.role) {
        case Session::Role::Connect:
            return tr("Connect first.");
        case Session::Role::Listen:
            return tr("Start listening and wait for a client.");
        case Session::Role::Bind:
            return tr("Bind first.");
        }
    }
    if (traits.delivery == Session::Delivery::Datagrams)
        return {};
    const PeerId peer = m_peerSource ? m_peerSource() : 0;
    if (peer == 0 && m_session->peerCount() == 0)
        return traits.role == Session::Role::Listen ? tr("No client connected yet.") : tr("Not connected.");
    if (peer == 0 && m_session->peerCount() > 1)
        return tr("Several clients: select the one to talk to in the client table.");
    return {};
}

bool SequencePanel::run()
{
    if (m_runner->state() == SequenceRunner::State::Paused)
        return m_runner->run();
    return start(false);
}

bool SequencePanel::stepOnce()
{
    if (m_runner->state() != SequenceRunner::State::Idle)
        return m_runner->step();
    return start(true);
}

void SequencePanel::stop()
{
    m_runner->stop();
}

bool SequencePanel::start(bool stepMode)
{
    const QString problem = runProblem();
    if (!problem.isEmpty()) {
        m_runState->setText(problem);
        return false;
    }
    const PeerId peer = m_peerSource ? m_peerSource() : 0;
    m_channel->setCurrentPeer(peer);
    m_model->clearResults();
    m_runner->setSequence(m_model->sequence());
    m_summary->clear();
    StatusColors::mark(m_summary, StatusColors::Normal);
    const QString with = peerWords(peer);
    m_runState->setText(with.isEmpty() ? tr("Running\u2026") : tr("Running with %1\u2026").arg(with));
    return stepMode ? m_runner->step() : m_runner->run();
}

void SequencePanel::onStepFinished(const StepResult &result)
{
    m_model->addResult(result);
    m_summary->setText(tr("So far: %1").arg(SequenceText::summary(m_runner->summary())));
}

void SequencePanel::onFinished(const RunSummary &summary)
{
    m_model->setRunningStep(-1);
    const bool passed = summary.allPassed();
    m_summary->setText(passed
            ? tr("Passed: %1").arg(SequenceText::summary(summary))
            : tr("Failed (%1): %2").arg(SequenceText::end(summary.end), SequenceText::summary(summary)));
    StatusColors::mark(m_summary, passed ? StatusColors::Normal : StatusColors::Error);
    m_runState->setText(tr("Run %1.").arg(SequenceText::end(summary.end)));
    updateActions();
}

void SequencePanel::updateActions()
{
    const SequenceRunner::State state = m_runner->state();
    const bool idle = state == SequenceRunner::State::Idle;
    const QString problem = idle ? runProblem() : QString();
    m_run->setEnabled(idle ? problem.isEmpty() : state == SequenceRunner::State::Paused);
    m_step->setEnabled(idle ? problem.isEmpty() : true);
    m_stop->setEnabled(!idle);
    m_run->setToolTip(
        problem.isEmpty() ? tr("Run the steps over this tab's connection (goes on when paused)") : problem);
    if (idle && m_runner->results().isEmpty())
        m_runState->setText(problem);
    else if (idle && !problem.isEmpty())
        m_runState->setText(problem);

    // Results name the steps that ran: no edits while a run is on.
    const int row = currentRow();
    m_toolRow->setEnabled(idle);
    m_editor->setEnabled(idle && row >= 0);
    m_name->setEnabled(idle);
    m_stopOnFailure->setEnabled(idle);
    m_duplicate->setEnabled(idle && row >= 0);
    m_delete->setEnabled(idle && row >= 0);
    m_up->setEnabled(idle && row > 0);
    m_down->setEnabled(idle && row >= 0 && row < m_model->rowCount() - 1);
    m_import->setEnabled(idle);
    m_export->setEnabled(m_model->rowCount() > 0);
}

void SequencePanel::showSelectedResult()
{
    const int row = currentRow();
    const std::optional<StepResult> result = m_model->result(row);
    const QString text
        = row < 0 || !result ? QString() : m_model->data(m_model->index(row, SequenceModel::ResultColumn)).toString();
    m_stepResult->setText(text);
    m_stepResult->setVisible(!text.isEmpty());
    StatusColors::mark(
        m_stepResult, result && result->status == StepStatus::Failed ? StatusColors::Error : StatusColors::Normal);
}
