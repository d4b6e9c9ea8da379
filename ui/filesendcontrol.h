#pragma once

#include "net/filesender.h"
#include "net/session.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QProgressBar;
class QPushButton;
class QSpinBox;

// "Send file…", then a progress bar and Cancel while a FileSender streams the file to the session's targets. The
// targets are asked for when the transfer starts (the server page's "selected clients" may change meanwhile; the
// transfer keeps the peers it started with).
class FileSendControl : public QWidget
{
    Q_OBJECT
public:
    using TargetsFunction = std::function<QList<PeerId>()>;

    explicit FileSendControl(QWidget *parent = nullptr);

    // Without targets (or when it returns an empty list) the file goes to every peer of the session (to the remote
    // target of a datagram session, which also shows the datagram size and pace to send it with).
    void setTarget(Session *session, TargetsFunction targets = {});
    void setPeerAvailable(bool available);
    bool isSending() const;
    FileSender *sender() const { return m_sender; } // the running transfer, if any

public Q_SLOTS:
    // Starts sending path; false (and ended() with the reason) when it cannot start.
    bool sendFile(const QString &path);
    void cancel();

Q_SIGNALS:
    // Sentences for the session log.
    void started(const QString &text); // "Sending file data.bin (20 MB)"
    void ended(const QString &text); // "Sent file data.bin: 20,971,520 bytes", "... cancelled after 3 MB"

private:
    void chooseFile();
    void onProgress(qint64 sent, qint64 total);
    void onEnded(const QString &text);
    void updateUi();

    QPushButton *m_button = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QSpinBox *m_datagramBytes = nullptr;
    QSpinBox *m_intervalMs = nullptr;
    QPointer<Session> m_session;
    TargetsFunction m_targets;
    QPointer<FileSender> m_sender;
    QString m_fileName;
    bool m_peerAvailable = false;
};
