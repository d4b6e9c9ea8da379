#include "filesendcontrol.h"

#include "filedialogs.h"
#include "net/filesender.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

namespace {
// QProgressBar holds an int: a per-mille scale works for any file size.
constexpr int ProgressScale = 1000;
} // namespace

FileSendControl::FileSendControl(QWidget *parent)
    : QWidget(parent)
{
    m_button = new QPushButton(tr("Send &file\u2026"), this);
    m_button->setObjectName(QStringLiteral("sendFileButton"));
    m_button->setAccessibleName(tr("Send file"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sendFileProgress"));
    m_progress->setAccessibleName(tr("File send progress"));
    m_progress->setRange(0, ProgressScale);
    m_progress->setMinimumWidth(160);
    m_progress->setToolTip(tr("How much of the file is queued"));
    m_progress->hide();

    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("sendFileCancel"));
    m_cancel->setAccessibleName(tr("Cancel file send"));
    m_cancel->setToolTip(tr("Stop sending the file (what is already queued still goes out)"));
    m_cancel->hide();

    m_datagramBytes = new QSpinBox(this);
    m_datagramBytes->setObjectName(QStringLiteral("sendFileDatagramBytes"));
    m_datagramBytes->setAccessibleName(tr("File datagram size"));
    m_datagramBytes->setToolTip(tr("Send file: bytes of the file in each datagram"));
    m_datagramBytes->setRange(1, 65507);
    m_datagramBytes->setValue(int(FileSender::DefaultDatagramBytes));
    m_datagramBytes->setSuffix(tr(" B per datagram"));
    m_datagramBytes->hide();
    m_intervalMs = new QSpinBox(this);
    m_intervalMs->setObjectName(QStringLiteral("sendFileInterval"));
    m_intervalMs->setAccessibleName(tr("File datagram interval"));
    m_intervalMs->setToolTip(tr("Send file: time between two datagrams, so the receiver keeps up (0: as fast as "
                                "possible)"));
    m_intervalMs->setRange(0, 60000);
    m_intervalMs->setValue(FileSender::DefaultDatagramIntervalMs);
    m_intervalMs->setPrefix(tr("every "));
    m_intervalMs->setSuffix(tr(" ms"));
    m_intervalMs->hide();

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_datagramBytes);
    row->addWidget(m_intervalMs);
    row->addWidget(m_progress);
    row->addWidget(m_cancel);
    row->addWidget(m_button);

    connect(m_button, &QPushButton::clicked, this, &FileSendControl::chooseFile);
    connect(m_cancel, &QPushButton::clicked, this, &FileSendControl::cancel);
    updateUi();
}

void FileSendControl::setTarget(Session *session, TargetsFunction targets)
{
    m_session = session;
    m_targets = std::move(targets);
    const bool datagrams = session && session->traits().delivery == Session::Delivery::Datagrams;
    m_datagramBytes->setVisible(datagrams);
    m_intervalMs->setVisible(datagrams);
    updateUi();
}

void FileSendControl::setPeerAvailable(bool available)
{
    m_peerAvailable = available;
    updateUi();
}

bool FileSendControl::isSending() const
{
    return m_sender && m_sender->isRunning();
}

void FileSendControl::chooseFile()
{
    FileDialogs::open(
        this, tr("Send File"), {}, "sendFileDialog", [this](const QString &path, const QString &) { sendFile(path); });
}

bool FileSendControl::sendFile(const QString &path)
{
    if (!m_session || isSending())
        return false;
    m_fileName = QFileInfo(path).fileName();
    auto *sender = new FileSender(m_session, this);
    sender->setPacing(m_datagramBytes->value(), m_intervalMs->value());
    m_sender = sender;
    connect(sender, &FileSender::progress, this, &FileSendControl::onProgress);
    connect(sender, &FileSender::finished, this, [this, sender] {
        onEnded(tr("Sent file %1: %2 bytes").arg(m_fileName, QLocale().toString(sender->sentBytes())));
    });
    connect(sender, &FileSender::failed, this, [this, sender](FileSender::Failure failure, const QString &detail) {
        const QString sent = QLocale().formattedDataSize(sender->sentBytes());
        switch (failure) {
        case FileSender::Failure::OpenFailed:
            return onEnded(tr("Cannot send file %1: %2").arg(m_fileName, detail));
        case FileSender::Failure::ReadFailed:
            return onEnded(tr("Sending file %1 failed after %2: %3").arg(m_fileName, sent, detail));
        case FileSender::Failure::NoPeer:
            return onEnded(tr("Cannot send file %1: not connected").arg(m_fileName));
        case FileSender::Failure::PeerGone:
            return onEnded(tr("Sending file %1 stopped after %2: the connection closed").arg(m_fileName, sent));
        case FileSender::Failure::Cancelled:
            return onEnded(tr("Sending file %1 cancelled after %2").arg(m_fileName, sent));
        }
    });
    m_progress->setValue(0);
    const QList<PeerId> targets = m_targets ? m_targets() : QList<PeerId>();
    const qint64 size = QFileInfo(path).size();
    // started() before the sender runs: an empty file finishes inside start(), and the log must read in order.
    Q_EMIT started(tr("Sending file %1 (%2)").arg(m_fileName, QLocale().formattedDataSize(size)));
    updateUi();
    const bool ok = sender->start(path, targets);
    updateUi();
    return ok;
}

void FileSendControl::cancel()
{
    if (m_sender)
        m_sender->cancel();
}

void FileSendControl::onProgress(qint64 sent, qint64 total)
{
    m_progress->setValue(total > 0 ? int(sent * ProgressScale / total) : 0);
    const QLocale locale;
    m_progress->setFormat(tr("%1 of %2").arg(locale.formattedDataSize(sent), locale.formattedDataSize(total)));
    m_progress->setToolTip(tr("%1 of %2 bytes queued").arg(locale.toString(sent), locale.toString(total)));
}

void FileSendControl::onEnded(const QString &text)
{
    if (m_sender)
        m_sender->deleteLater(); // we may be inside its signal
    m_sender = nullptr;
    updateUi();
    Q_EMIT ended(text);
}

void FileSendControl::updateUi()
{
    const bool sending = isSending();
    m_progress->setVisible(sending);
    m_cancel->setVisible(sending);
    m_button->setEnabled(!sending && m_session && m_peerAvailable);
    if (!m_session)
        m_button->setToolTip(tr("File sending is not available here"));
    else if (!m_peerAvailable)
        m_button->setToolTip(tr("Not connected"));
    else if (!sending)
        m_button->setToolTip(tr("Pick a file and send its bytes as they are, with no encoding or checksum"));
}
