#pragma once

#include "capture/captureresult.h"
#include "capture/flowsummary.h"
#include "capturetask.h"
#include "log/transcript.h"

#include <QWidget>

#include <vector>

class LogPanel;
class QLabel;

// A read-only tab: one TCP stream or UDP flow of a capture file, shown in the full log (views, encodings, framing
// of the bytes as they were reassembled, find, save) and nothing to send. The log reads as if from the flow's
// initiator A: TX is A → B, RX is B → A, each record's peer is B; a TCP hole is a note with the missing byte count,
// never glued over. The tab is not saved with the window's tabs (see SessionTabs::addReadOnlyTab).
class CapturePage : public QWidget
{
    Q_OBJECT
public:
    CapturePage(const QString &file, const FlowSummary &flow, QWidget *parent = nullptr);

    // The conversation FlowReader delivered, how the reading ended and whether it stopped at the log's budget.
    void setConversation(std::vector<CaptureTask::Event> events, const CaptureResult &result, bool limited);

    Transcript *transcript() { return &m_transcript; }
    LogPanel *logPanel() const { return m_log; }
    const FlowSummary &flow() const { return m_flow; }
    QString fileName() const { return m_file; }
    // "TCP 10.0.0.1:50000 ⇄ 10.0.0.2:502": the tab's title.
    QString title() const;

    static QString endpointA(const FlowSummary &flow);
    static QString endpointB(const FlowSummary &flow);

private:
    QString m_file;
    FlowSummary m_flow;
    Transcript m_transcript;
    LogPanel *m_log = nullptr;
    QLabel *m_summary = nullptr;
};
