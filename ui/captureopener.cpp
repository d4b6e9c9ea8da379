#include "captureopener.h"

#include "captureflowsdialog.h"
#include "capturepage.h"
#include "capturetask.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

CaptureOpener::CaptureOpener(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_task(new CaptureTask(this))
{ }

CaptureOpener::~CaptureOpener()
{
    if (m_progress)
        m_progress->deleteLater();
}

QString CaptureOpener::refusalText(const CaptureResult &result)
{
    switch (result.status) {
    case CaptureStatus::CannotOpen:
        return tr("The file cannot be opened: %1").arg(result.detail);
    case CaptureStatus::Empty:
        return tr("The file is empty.");
    case CaptureStatus::NotACapture:
        return tr("This is not a pcap or pcapng capture (%1).").arg(result.detail);
    case CaptureStatus::UnsupportedLinkType:
        return tr("NetAssist does not read captures of this link layer (%1, link type %2); it reads Ethernet, raw "
                  "IP, Linux cooked and loopback captures.")
            .arg(result.detail)
            .arg(result.linkType);
    case CaptureStatus::Ok:
    case CaptureStatus::Truncated:
    case CaptureStatus::Corrupt:
    case CaptureStatus::Cancelled:
        break;
    }
    return {};
}

QString CaptureOpener::stopText(const CaptureResult &result)
{
    const QLocale locale;
    const QString frame = locale.toString(result.stopFrame);
    const QString offset = locale.toString(result.stopOffset);
    switch (result.status) {
    case CaptureStatus::Truncated:
        return tr("The file ends inside packet %1 (at byte %2): everything before it was read.").arg(frame, offset);
    case CaptureStatus::Corrupt:
        return tr("Packet %1 (at byte %2) is damaged (%3): everything before it was read.")
            .arg(frame, offset, result.detail);
    case CaptureStatus::Cancelled:
        return tr("Reading was cancelled at packet %1: only what came before it is shown.").arg(frame);
    default:
        return {};
    }
}

QProgressDialog *CaptureOpener::progressDialog(QWidget *parent, const QString &label)
{
    // Window-modal and open(), never exec(): the other tabs' sockets keep being served while a big file is read.
    auto *dialog = new QProgressDialog(label, tr("Cancel"), 0, 1000, parent);
    dialog->setObjectName(QStringLiteral("captureProgress"));
    dialog->setAccessibleName(tr("Reading the capture"));
    dialog->setWindowTitle(tr("Open Capture"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(300);
    connect(m_task, &CaptureTask::progress, dialog, &QProgressDialog::setValue);
    connect(dialog, &QProgressDialog::canceled, m_task, &CaptureTask::cancel);
    dialog->setValue(0);
    return dialog;
}

void CaptureOpener::open(const QString &path)
{
    m_path = path;
    m_progress = progressDialog(m_window,
        tr("Listing the streams and flows of %1\u2026").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
    connect(m_task, &CaptureTask::finished, this, &CaptureOpener::onIndexed, Qt::SingleShotConnection);
    m_task->startIndex(path);
}

void CaptureOpener::refuse(const QString &reason)
{
    const QString text = tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(m_path), reason);
    Q_EMIT refused(text);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Open Capture"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("captureRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    deleteLater();
}

void CaptureOpener::onIndexed()
{
    if (m_progress)
        m_progress->deleteLater();
    const CaptureResult &result = m_task->result();
    if (!result.readSomething()) {
        refuse(refusalText(result));
        return;
    }
    m_dialog = new CaptureFlowsDialog(m_path, m_task->flows(), stopText(result), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &CaptureFlowsDialog::openRequested, this, &CaptureOpener::openFlow);
    connect(m_dialog, &QObject::destroyed, this, [this] {
        m_task->cancel();
        deleteLater();
    });
    m_dialog->show();
}

void CaptureOpener::openFlow(const FlowSummary &flow)
{
    m_queue.append(flow);
    if (!m_reading)
        readNext();
}

void CaptureOpener::readNext()
{
    if (m_queue.isEmpty() || !m_dialog) {
        m_reading = false;
        if (m_dialog)
            m_dialog->setBusy(false);
        return;
    }
    m_reading = true;
    m_dialog->setBusy(true);
    const FlowSummary flow = m_queue.constFirst();
    m_progress = progressDialog(m_dialog,
        tr("Reading %1 stream %2\u2026")
            .arg(flow.protocol == FlowProtocol::Tcp ? tr("TCP") : tr("UDP"))
            .arg(flow.streamNumber));
    connect(m_task, &CaptureTask::finished, this, &CaptureOpener::onFlowRead, Qt::SingleShotConnection);
    m_task->startFlow(m_path, flow, Transcript::DefaultByteBudget);
}

void CaptureOpener::onFlowRead()
{
    if (m_progress)
        m_progress->deleteLater();
    const FlowSummary flow = m_queue.takeFirst();
    const CaptureResult &result = m_task->result();
    const bool userCancelled = result.status == CaptureStatus::Cancelled && !m_task->limited();
    if (userCancelled) {
        m_queue.clear();
    } else if (!result.readSomething()) {
        m_queue.clear();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Open Capture"),
            tr("Cannot read %1:\n%2").arg(QDir::toNativeSeparators(m_path), refusalText(result)), QMessageBox::Ok,
            m_dialog ? static_cast<QWidget *>(m_dialog) : m_window.data());
        box->setObjectName(QStringLiteral("captureReadError"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else {
        auto *page = new CapturePage(m_path, flow);
        CaptureResult shown = result;
        if (m_task->limited())
            shown.status = CaptureStatus::Ok; // the page says it stopped at the budget, not that it was cancelled
        page->setConversation(m_task->takeEvents(), shown, m_task->limited());
        Q_EMIT pageReady(page);
    }
    readNext();
}
