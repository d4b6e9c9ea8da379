#include "capturecontrol.h"

#include "filedialogs.h"
#include "session/transcriptcapture.h"
#include "statuscolors.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>

CaptureControl::CaptureControl(TranscriptCapture *capture, QWidget *parent)
    : QWidget(parent)
    , m_capture(capture)
    , m_check(new QCheckBox(tr("Capture to file…")))
    , m_status(new QLabel)
{
    m_check->setObjectName(QStringLiteral("captureToggle"));
    m_check->setAccessibleName(tr("Capture to file"));
    m_check->setToolTip(
        tr("Append every record to a file as it arrives: text with timestamps, the raw received or sent bytes, or "
           "packets for Wireshark (pcap)"));
    // A value label: its accessible name is what it says (the file, or why the capture stopped).
    m_status->setObjectName(QStringLiteral("captureStatus"));
    m_status->setAccessibleDescription(tr("Capture status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_check);
    layout->addWidget(m_status);

    connect(m_check, &QCheckBox::toggled, this, &CaptureControl::onToggled);
    connect(m_capture, &TranscriptCapture::changed, this, &CaptureControl::updateLabel);
    connect(m_capture, &TranscriptCapture::failed, this, &CaptureControl::onFailed);
    updateLabel();
}

void CaptureControl::onToggled(bool on)
{
    if (on == m_capture->isCapturing())
        return;
    if (!on) {
        m_capture->stop();
        return;
    }
    // The box stays checked while the file is chosen; cancelling unchecks it (updateLabel()).
    // The format is chosen with the file, by its type filter: one dialog instead of two.
    // A ".pcap" name means pcap whatever the type says, as on the command line.
    const QString text = tr("Text with timestamps (*.txt *.log)");
    const QString rawRx = tr("Raw received bytes (*.bin)");
    const QString rawTx = tr("Raw sent bytes (*.bin)");
    const QString pcap = tr("pcap for Wireshark (*.pcap)");
    FileDialogs::save(this, tr("Capture to file"), {text, rawRx, rawTx, pcap, tr("All files (*)")}, "captureFileDialog",
        [this, rawRx, rawTx, pcap](const QString &path, const QString &filter) {
            const CaptureFile::Format chosen = filter == rawRx ? CaptureFile::Format::RawRx
                : filter == rawTx                              ? CaptureFile::Format::RawTx
                : filter == pcap                               ? CaptureFile::Format::Pcap
                                                               : CaptureFile::Format::Text;
            const CaptureFile::Format format = CaptureFile::forFileName(path, chosen);
            if (!m_capture->start(path, format)) {
                updateLabel();
                report(tr("Cannot capture to %1: %2").arg(QDir::toNativeSeparators(path), m_capture->errorString()));
            }
        });
    if (auto *dialog = findChild<QFileDialog *>(QStringLiteral("captureFileDialog")))
        connect(dialog, &QDialog::rejected, this, &CaptureControl::updateLabel);
}

void CaptureControl::onFailed(const QString &path, const QString &error)
{
    report(tr("Capture to %1 stopped: %2").arg(QDir::toNativeSeparators(path), error));
}

void CaptureControl::report(const QString &reason)
{
    m_status->setText(reason);
    StatusColors::mark(m_status, StatusColors::Error);
    Q_EMIT captureFailed(reason);
    // Not exec(): a blocking box inside a socket's signal would stall every connection of the tab.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Capture to file"), reason, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("captureError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void CaptureControl::updateLabel()
{
    const QSignalBlocker blocker(m_check);
    m_check->setChecked(m_capture->isCapturing());
    StatusColors::mark(m_status, StatusColors::Normal);
    if (m_capture->isCapturing()) {
        m_status->setText(QFileInfo(m_capture->fileName()).fileName());
        m_status->setToolTip(tr("Capturing to %1").arg(QDir::toNativeSeparators(m_capture->fileName())));
    } else {
        m_status->clear();
        m_status->setToolTip(QString());
    }
}
