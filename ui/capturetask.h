#pragma once

#include "capture/captureresult.h"
#include "capture/flowevent.h"
#include "capture/flowsummary.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <vector>

// Reads a capture off the GUI thread: the index of its flows (CaptureIndex), or one flow's conversation
// (FlowReader). A worker object in its own QThread: progress() comes queued to the GUI, finished() once, after
// which the results below may be read (the queued signal orders them after the worker's writes). cancel() is safe
// from any thread. Deleting the task waits for its thread (the readers check cancel() often, so that is short).
class CaptureTask : public QObject
{
    Q_OBJECT
public:
    // One step of a flow's conversation, owning its bytes (FlowEvent's are valid only in the callback).
    struct Event
    {
        FlowEvent::Kind kind = FlowEvent::Kind::Data;
        FlowDirection direction = FlowDirection::AToB;
        qint64 timeUs = 0;
        QByteArray bytes;
        qint64 missing = 0;
    };

    explicit CaptureTask(QObject *parent = nullptr);
    ~CaptureTask() override;

    void startIndex(const QString &path);
    // Stops taking data past byteLimit (bytes + Transcript::RecordOverhead each, as the log counts): limited().
    void startFlow(const QString &path, const FlowSummary &flow, qint64 byteLimit);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

    const CaptureResult &result() const { return m_result; }
    const QList<FlowSummary> &flows() const { return m_flows; }
    std::vector<Event> takeEvents() { return std::move(m_events); }
    bool limited() const { return m_limited; }

Q_SIGNALS:
    void progress(int permille);
    void finished();

private:
    class Worker;
    void run(std::function<void()> job);
    bool reportProgress(qint64 done, qint64 total);

    QThread m_thread;
    Worker *m_worker = nullptr;
    std::atomic<bool> m_cancel {false};
    std::atomic<int> m_lastPermille {-1};
    bool m_running = false;
    CaptureResult m_result;
    QList<FlowSummary> m_flows;
    std::vector<Event> m_events;
    bool m_limited = false;
    qint64 m_taken = 0;
};
