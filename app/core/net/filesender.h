#pragma once

#include "net/session.h"

#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

// Sends a file's bytes, raw, to peers of a session without reading the whole file into memory: a 64 KiB chunk is
// read only while every target has less than HighWaterBytes queued, and the session's bytesWritten says when to
// look again. So memory stays near HighWaterBytes per peer whatever the file size, and the slowest target sets the
// pace. A datagram session has no write queue to wait on: the file goes as one datagram per chunk of a size the
// user sets, one every interval (setPacing), to the session's remote target when no targets are given.
// One transfer per FileSender; it ends with exactly one of finished() or failed().
class FileSender : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 ChunkBytes = 64 * 1024;
    static constexpr qint64 HighWaterBytes = 1024 * 1024;
    static constexpr qint64 DefaultDatagramBytes = 1024;
    static constexpr int DefaultDatagramIntervalMs = 10;

    enum class Failure {
        OpenFailed, // detail: QFile's error string
        ReadFailed, // detail: QFile's error string
        NoPeer, // no target was connected when the transfer started
        PeerGone, // every target disconnected before the file was out
        Cancelled
    };
    Q_ENUM(Failure)

    explicit FileSender(Session *session, QObject *parent = nullptr);

    // Starts sending path to targets (all of the session's peers when empty, as Session::send does). Returns false
    // when it cannot start (failed() is emitted too); false without a signal when a transfer is already running.
    bool start(const QString &path, const QList<PeerId> &targets = {});
    // Stops queueing (what is already queued still goes out) and emits failed(Cancelled).
    void cancel();
    // Datagram sessions: the datagram size (1 .. 65,507) and the time between datagrams (0: one per event-loop
    // turn). Set before start().
    void setPacing(qint64 datagramBytes, int intervalMs);

    bool isRunning() const { return m_running; }
    qint64 sentBytes() const { return m_sent; } // queued to the session so far
    qint64 totalBytes() const { return m_total; }
    QString path() const { return m_file.fileName(); }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    // Everything was queued and the OS has taken it from every target's queue.
    void finished();
    void failed(FileSender::Failure reason, const QString &detail);

private:
    void pump();
    void pumpDatagram();
    void onBytesWritten(PeerId id);
    void onPeerDisconnected(PeerId id);
    qint64 mostQueued() const;
    void finish();
    void fail(Failure reason, const QString &detail = {});
    void stop();

    QPointer<Session> m_session;
    QFile m_file;
    QList<PeerId> m_targets;
    bool m_datagrams = false;
    bool m_toRemoteTarget = false; // datagrams without targets: Session::send() to its remote target
    qint64 m_datagramBytes = DefaultDatagramBytes;
    int m_intervalMs = DefaultDatagramIntervalMs;
    QTimer m_pace;
    qint64 m_sent = 0;
    qint64 m_total = 0;
    bool m_running = false;
    bool m_pumping = false; // send() may emit bytesWritten synchronously: do not re-enter the loop
};
