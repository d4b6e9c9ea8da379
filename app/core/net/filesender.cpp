#include "net/filesender.h"

#include <algorithm>

FileSender::FileSender(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &Session::bytesWritten, this, [this](PeerId id, qint64) { onBytesWritten(id); });
    connect(session, &Session::peerDisconnected, this, [this](PeerId id) { onPeerDisconnected(id); });
    connect(&m_pace, &QTimer::timeout, this, &FileSender::pumpDatagram);
}

void FileSender::setPacing(qint64 datagramBytes, int intervalMs)
{
    m_datagramBytes = std::clamp<qint64>(datagramBytes, 1, 65507);
    m_intervalMs = std::max(0, intervalMs);
}

bool FileSender::start(const QString &path, const QList<PeerId> &targets)
{
    if (m_running)
        return false;
    m_sent = 0;
    m_total = 0;
    m_datagrams = m_session && m_session->traits().delivery == Session::Delivery::Datagrams;
    m_toRemoteTarget = m_datagrams && targets.isEmpty();
    m_targets = targets.isEmpty() && m_session && !m_toRemoteTarget ? m_session->peers() : targets;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(Failure::OpenFailed, m_file.errorString());
        return false;
    }
    // A target that is not (or no longer) a peer would never drain: keep only the connected ones.
    const QList<PeerId> peers = m_session ? m_session->peers() : QList<PeerId>();
    m_targets.removeIf([&peers](PeerId id) { return !peers.contains(id); });
    if (m_targets.isEmpty() && !m_toRemoteTarget) {
        m_file.close();
        Q_EMIT failed(Failure::NoPeer, QString());
        return false;
    }
    // A device or pipe has no size; it is read until its end, and total grows with what was read.
    m_total = m_file.isSequential() ? 0 : m_file.size();
    m_running = true;
    Q_EMIT progress(0, m_total);
    if (m_datagrams) {
        m_pace.start(m_intervalMs);
        pumpDatagram();
    } else {
        pump();
    }
    return true;
}

// One datagram per tick: a burst of thousands at once would overflow the receiver's socket buffer (and ours).
void FileSender::pumpDatagram()
{
    if (!m_running || m_pumping)
        return;
    if (!m_session) {
        fail(Failure::PeerGone);
        return;
    }
    const QByteArray chunk = m_file.read(m_datagramBytes);
    if (chunk.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            fail(Failure::ReadFailed, m_file.errorString());
        else
            finish();
        return;
    }
    m_pumping = true;
    const int sentTo = m_session->send(chunk, m_targets);
    m_pumping = false;
    if (!m_running)
        return; // a slot of the send cancelled
    if (sentTo == 0) {
        fail(Failure::PeerGone);
        return;
    }
    m_sent += chunk.size();
    m_total = std::max(m_total, m_sent);
    Q_EMIT progress(m_sent, m_total);
    if (m_running && m_file.atEnd() && !m_file.isSequential()) {
        m_total = m_sent;
        finish();
    }
}

void FileSender::cancel()
{
    if (m_running)
        fail(Failure::Cancelled);
}

qint64 FileSender::mostQueued() const
{
    qint64 most = 0;
    for (const PeerId id : m_targets)
        most = std::max(most, m_session->bytesToWrite(id));
    return most;
}

void FileSender::pump()
{
    if (!m_running || m_pumping)
        return;
    if (!m_session) {
        fail(Failure::PeerGone);
        return;
    }
    m_pumping = true;
    bool atEnd = m_file.atEnd() && !m_file.isSequential();
    while (m_running && !atEnd && mostQueued() < HighWaterBytes) {
        const QByteArray chunk = m_file.read(ChunkBytes);
        if (chunk.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError) {
                m_pumping = false;
                fail(Failure::ReadFailed, m_file.errorString());
                return;
            }
            atEnd = true; // also a file that shrank while being sent: what was there has been sent
            break;
        }
        if (m_session->send(chunk, m_targets) == 0) {
            m_pumping = false;
            fail(Failure::PeerGone);
            return;
        }
        m_sent += chunk.size();
        m_total = std::max(m_total, m_sent);
        Q_EMIT progress(m_sent, m_total); // a slot may cancel(): the loop condition checks m_running
        atEnd = m_file.atEnd() && !m_file.isSequential();
    }
    m_pumping = false;
    if (!m_running)
        return;
    if (atEnd) {
        m_total = m_sent;
        if (mostQueued() == 0)
            finish();
    }
}

void FileSender::onBytesWritten(PeerId id)
{
    if (m_running && !m_datagrams && m_targets.contains(id))
        pump();
}

void FileSender::onPeerDisconnected(PeerId id)
{
    if (!m_running || !m_targets.removeOne(id))
        return;
    if (m_targets.isEmpty())
        fail(Failure::PeerGone);
    else
        pump(); // the slowest peer may have been the one holding the others back
}

void FileSender::stop()
{
    m_running = false;
    m_pace.stop();
    m_file.close();
}

void FileSender::finish()
{
    stop();
    Q_EMIT finished();
}

void FileSender::fail(Failure reason, const QString &detail)
{
    stop();
    Q_EMIT failed(reason, detail);
}
