#pragma once

#include "capture/captureresult.h"
#include "capture/flowsummary.h"
#include "captureflowsdialog.h"

#include <QList>
#include <QObject>
#include <QPointer>

class CapturePage;
class CaptureTask;
class QProgressDialog;
class QWidget;

// File > Open Capture for one file: indexes it in a CaptureTask (a progress dialog with Cancel, the window stays
// live), refuses a file that is not a capture with the reason, lists its TCP streams and UDP flows
// (CaptureFlowsDialog, saying where a damaged file stopped) and reads each flow the user opens into a CapturePage,
// again off the GUI thread. Deletes itself when its list closes (or when the file was refused).
class CaptureOpener : public QObject
{
    Q_OBJECT
public:
    explicit CaptureOpener(QWidget *window);
    ~CaptureOpener() override;

    void open(const QString &path);
    QString fileName() const { return m_path; }
    CaptureFlowsDialog *flowsDialog() const { return m_dialog; }

    // Why a file cannot be read at all (CannotOpen, Empty, NotACapture, UnsupportedLinkType), in the user's words.
    static QString refusalText(const CaptureResult &result);
    // Where a damaged or cancelled reading stopped; empty when it read to the end.
    static QString stopText(const CaptureResult &result);

Q_SIGNALS:
    void pageReady(CapturePage *page); // parentless: the window takes it as a tab
    void refused(const QString &reason);

private:
    void onIndexed();
    void openFlow(const FlowSummary &flow);
    void readNext();
    void onFlowRead();
    QProgressDialog *progressDialog(QWidget *parent, const QString &label);
    void refuse(const QString &reason);

    QPointer<QWidget> m_window;
    QString m_path;
    CaptureTask *m_task;
    QPointer<QProgressDialog> m_progress;
    QPointer<CaptureFlowsDialog> m_dialog;
    QList<FlowSummary> m_queue; // flows asked for, the first being read while m_reading
    bool m_reading = false;
};
