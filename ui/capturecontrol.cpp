#include "capturecontrol.h"

#include "log/transcript.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

CaptureControl::CaptureControl(Transcript *transcript, QWidget *parent)
    : QWidget(parent)
    , m_transcript(transcript)
    , m_check(new QCheckBox(tr("Capture to file…")))
    , m_status(new QLabel)
{
    m_check->setObjectName(QStringLiteral("captureToggle"));
    m_check->setAccessibleName(tr("Capture to file"));
    m_check->setToolTip(
        tr("Append every record to a file as it arrives: text with timestamps, or the raw received or sent bytes"));
    m_status->setObjectName(QStringLiteral("captureStatus"));
    m_status->setAccessibleName(tr("Capture status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_check);
    layout->addWidget(m_status);

    connect(m_check, &QCheckBox::clicked, this, &CaptureControl::onToggled);
    connect(m_transcript, &Transcript::appended, this, &CaptureControl::onAppended);
    updateLabel();
}

bool CaptureControl::startCapture(const QString &path, CaptureFile::Format format, bool append)
{
    stopCapture();
    m_error.clear();
    if (!m_file.open(path, format, append)) {
        m_error = m_file.errorString();
        m_file.close();
        updateLabel();
        return false;
    }
    updateLabel();
    Q_EMIT captureChanged(true);
    return true;
}

void CaptureControl::stopCapture()
{
    if (!m_file.isOpen())
        return;
    m_file.close();
    updateLabel();
    Q_EMIT captureChanged(false);
}

void CaptureControl::onToggled(bool on)
{
    if (!on) {
        stopCapture();
        return;
    }
    // The format is chosen with the file, by its type filter: one dialog instead of two.
    const QString text = tr("Text with timestamps (*.txt *.log)");
    const QString rawRx = tr("Raw received bytes (*.bin)");
    const QString rawTx = tr("Raw sent bytes (*.bin)");
    QString filter = text;
    const QString path = QFileDialog::getSaveFileName(this, tr("Capture to file"), QString(),
        QStringList {text, rawRx, rawTx, tr("All files (*)")}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        updateLabel();
        return;
    }
    const CaptureFile::Format format = filter == rawRx ? CaptureFile::Format::RawRx
        : filter == rawTx                              ? CaptureFile::Format::RawTx
                                                       : CaptureFile::Format::Text;
    if (!startCapture(path, format))
        fail(tr("Cannot capture to %1: %2").arg(QDir::toNativeSeparators(path), m_error));
}

void CaptureControl::onAppended(qint64 seq)
{
    if (!m_file.isOpen())
        return;
    const Record *record = m_transcript->bySeq(seq);
    if (!record)
        return; // dropped by the budget in the same append: nothing left to write
    if (!m_file.write(*record, m_transcript->peerName(record->peer))) {
        m_error = m_file.errorString();
        const QString path = QDir::toNativeSeparators(m_file.fileName());
        stopCapture();
        fail(tr("Capture to %1 stopped: %2").arg(path, m_error));
    }
}

void CaptureControl::fail(const QString &reason)
{
    updateLabel();
    m_status->setText(reason);
    m_status->setStyleSheet(QStringLiteral("color: #d03030;"));
    // Written after the capture closed, so the note cannot fail the same way again.
    m_transcript->appendEvent(EventKind::Note, QString(), reason);
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
    m_check->setChecked(m_file.isOpen());
    m_status->setStyleSheet(QString());
    if (m_file.isOpen()) {
        m_status->setText(QFileInfo(m_file.fileName()).fileName());
        m_status->setToolTip(tr("Capturing to %1").arg(QDir::toNativeSeparators(m_file.fileName())));
    } else {
        m_status->clear();
        m_status->setToolTip(QString());
    }
}
