#pragma once

#include "capture/captureresult.h"
#include "capture/flowsummary.h"
#include "capturetask.h"
#include "log/framer.h"
#include "log/transcript.h"

#include <QWidget>

#include <vector>

class LogPanel;
class QLabel;
class ReceiveOptions;

// A read-only tab: one TCP stream or UDP flow of a capture file, shown in the full log (views, encodings, find,
// save) and nothing to send. Framing cuts each TCP direction's reassembled bytes into frames as the recorder would
// (a gap, FIN or RST ends the pending frame, so nothing is glued across a hole); changing it rebuilds the log from
// the conversation the page keeps (its bytes shared with the log's records, not copied). The log reads as if from the
// flow's initiator A: TX is A → B, RX is B → A, each record's peer is B; a TCP hole is a note with the missing byte
// count, never glued over. The tab is not saved with the window's tabs (see SessionTabs::addReadOnlyTab).
class CapturePage : public QWidget
{
    Q_OBJECT
public:
    CapturePage(const QString &file, const FlowSummary &flow, QWidget *parent = nullptr);

    // The conversation FlowReader delivered, how the reading ended and whether it stopped at the log's budget.
    void setConversation(std::vector<CaptureTask::Event> events, const CaptureResult &result, bool limited);

    void setFraming(const Framer::Config &config);
    Transcript *transcript() { return &m_transcript; }
    ReceiveOptions *framing() const { return m_framing; }
    LogPanel *logPanel() const { return m_log; }
    const FlowSummary &flow() const { return m_flow; }
    QString fileName() const { return m_file; }
    // "TCP 10.0.0.1:50000 ⇄ 10.0.0.2:502": the tab's title.
    QString title() const;

    static QString endpointA(const FlowSummary &flow);
    static QString endpointB(const FlowSummary &flow);

private:
    void rebuild();
    void updateSummary();

    QString m_file;
    std::vector<CaptureTask::Event> m_events;
    CaptureResult m_result;
    bool m_limited = false;
    Framer::Config m_config;
    ReceiveOptions *m_framing = nullptr;
    FlowSummary m_flow;
    Transcript m_transcript;
    LogPanel *m_log = nullptr;
    QLabel *m_summary = nullptr;
};
