#pragma once

#include "capture/flowsummary.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

// The TCP streams and UDP flows of one capture: protocol, stream number, both ends, packets and payload bytes
// (each way too), first time. Open (or a double-click, or Enter) asks for the selected flows; the dialog stays
// open so that several can be opened from one reading of the file.
class CaptureFlowsDialog : public QDialog
{
    Q_OBJECT
public:
    CaptureFlowsDialog(const QString &file, const QList<FlowSummary> &flows, const QString &note, QWidget *parent);

    QTreeWidget *list() const { return m_list; }
    QPushButton *openButton() const { return m_open; }
    const QList<FlowSummary> &flows() const { return m_flows; }
    void setBusy(bool busy); // while a flow is read: Open waits

Q_SIGNALS:
    void openRequested(const FlowSummary &flow);

private:
    void openSelected();

    QList<FlowSummary> m_flows;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_note = nullptr;
};
