#include "capturetask.h"

#include "capture/captureindex.h"
#include "capture/flowreader.h"
#include "log/transcript.h"

// Lives in the task's thread and runs one job at a time there.
class CaptureTask::Worker : public QObject
{
public:
    using QObject::QObject;
};

CaptureTask::CaptureTask(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("captureTask"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CaptureTask::~CaptureTask()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void CaptureTask::run(std::function<void()> job)
{
    m_cancel = false;
    m_lastPermille = -1;
    m_running = true;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            job();
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_running = false;
                    Q_EMIT finished();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool CaptureTask::reportProgress(qint64 done, qint64 total)
{
    const int permille = total > 0 ? int(qBound<qint64>(qint64(0), done * 1000 / total, qint64(1000))) : 0;
    // Only changes cross threads: a few hundred signals for any size of file.
    if (m_lastPermille.exchange(permille) != permille)
        QMetaObject::invokeMethod(
            this, [this, permille] { Q_EMIT progress(permille); }, Qt::QueuedConnection);
    return !m_cancel;
}

void CaptureTask::startIndex(const QString &path)
{
    m_flows.clear();
    run([this, path] {
        CaptureIndex index;
        m_result = index.build(path, [this](qint64 done, qint64 total) { return reportProgress(done, total); });
        m_flows = index.flows();
    });
}

void CaptureTask::startFlow(const QString &path, const FlowSummary &flow, qint64 byteLimit)
{
    m_events.clear();
    m_limited = false;
    m_taken = 0;
    run([this, path, flow, byteLimit] {
        FlowReader reader;
        const auto sink = [this, byteLimit](const FlowEvent &e) {
            if (m_cancel)
                return false;
            // Charged as the log charges a record, so a flood of tiny datagrams is bounded too.
            const qint64 cost = e.bytes.size() + Transcript::RecordOverhead;
            if (e.kind == FlowEvent::Kind::Data && m_taken + cost > byteLimit) {
                m_limited = true;
                return false;
            }
            m_taken += cost;
            m_events.push_back({e.kind, e.direction, e.timeUs, e.bytes.toByteArray(), e.missing});
            return true;
        };
        m_result
            = reader.read(path, flow, sink, [this](qint64 done, qint64 total) { return reportProgress(done, total); });
    });
}
