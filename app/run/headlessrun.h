#pragma once

#include "net/session.h"
#include "runcommandline.h"
#include "script/step.h"
#include "script/stepresult.h"

#include <QObject>
#include <QTimer>

#include <functional>

class SequenceRunner;
class SessionSequenceChannel;
class TabModel;

// One `netassist run`: opens the session the options ask for (connect, listen and take the first client, or bind),
// frames what it receives with the sequence's framing (through the same TabModel a window tab uses, so the frames
// are the ones the window would show), runs the sequence once, prints one line per step and a summary, writes the
// JUnit report, and says finished(exit code): 0 every step passed, 1 one failed or the device could not be reached.
class HeadlessRun : public QObject
{
    Q_OBJECT
public:
    using Print = std::function<void(const QString &line)>;

    HeadlessRun(const RunOptions &options, const Sequence &sequence, Print out, Print err, QObject *parent = nullptr);
    ~HeadlessRun() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onStateChanged();
    void onPeerConnected(PeerId id, const QString &endpoint);
    void onSessionError(PeerId id, const QString &words);
    void begin();
    void onStepFinished(const StepResult &result);
    void onRunFinished(const RunSummary &summary);
    void onWaitTimeout();
    void finish(int exitCode);
    QString stepLabel(const StepResult &result) const;

    RunOptions m_options;
    Sequence m_sequence;
    Print m_out;
    Print m_err;
    TabModel *m_tab = nullptr;
    SequenceRunner *m_runner = nullptr;
    SessionSequenceChannel *m_channel = nullptr;
    QTimer m_wait;
    bool m_began = false;
    bool m_done = false;
};
