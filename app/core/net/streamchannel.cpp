#include "net/streamchannel.h"

#include "net/nativesocket.h"
#include "net/socketlimits.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

std::unique_ptr<StreamChannel> StreamChannel::adopt(QTcpSocket *socket, QString *error)
{
    const qintptr descriptor = socket->state() == QAbstractSocket::ConnectedState ? socket->socketDescriptor() : -1;
    const qintptr copy = descriptor == -1 ? -1 : NativeSocket::duplicate(descriptor);
    if (copy == -1 && error)
        *error = descriptor == -1 ? socket->errorString() : qt_error_string(NativeSocket::lastError());
    // What Qt read before the take-over (nothing, usually: this runs in the slot of its connected signal).
    QByteArray carried = socket->bytesAvailable() > 0 ? socket->readAll() : QByteArray();
    socket->abort(); // closes Qt's descriptor only: the connection lives on in the copy
    if (copy == -1)
        return nullptr;
    return std::unique_ptr<StreamChannel>(new StreamChannel(copy, std::move(carried)));
}

StreamChannel::StreamChannel(qintptr descriptor, QByteArray carried)
    : m_fd(descriptor)
    , m_carried(std::move(carried))
{
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &StreamChannel::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamChannel::onWritable);
    if (!m_carried.isEmpty())
        QTimer::singleShot(0, this, [this] { Q_EMIT readyRead(); });
}

StreamChannel::~StreamChannel()
{
    closeDescriptor();
}

void StreamChannel::onReadable()
{
    // Not watched again until read() finds nothing: the caller reads when it has room.
    m_readNotifier->setEnabled(false);
    Q_EMIT readyRead();
}

// The peer's FIN, told on the next turn: it may be found inside a caller's loop.
void StreamChannel::peerEnded()
{
    m_readDone = true;
    QTimer::singleShot(0, this, [this] {
        Q_EMIT readFinished();
        finishIfDone();
    });
}

void StreamChannel::noticeEnd()
{
    if (m_fd == -1 || m_readDone || !m_carried.isEmpty())
        return;
    char byte = 0;
    for (;;) {
        const qint64 n = NativeSocket::peek(m_fd, &byte);
        if (n > 0)
            return; // bytes wait for the reader, who will find the end after them
        if (n == 0) {
            peerEnded();
            return;
        }
        const int error = NativeSocket::lastError();
        if (NativeSocket::interrupted(error))
            continue;
        if (NativeSocket::wouldBlock(error))
            m_readNotifier->setEnabled(true); // a spurious wake-up: watch on
        else
            fail(error);
        return;
    }
}

qint64 StreamChannel::bytesAvailable() const
{
    return m_carried.size() + (m_fd != -1 && !m_readDone ? NativeSocket::pendingBytes(m_fd) : 0);
}

QByteArray StreamChannel::read(qint64 maxSize)
{
    if (!m_carried.isEmpty()) {
        if (maxSize >= m_carried.size())
            return std::exchange(m_carried, {});
        QByteArray part = m_carried.left(qsizetype(maxSize));
        m_carried.remove(0, qsizetype(maxSize));
        return part;
    }
    if (m_fd == -1 || m_readDone || maxSize <= 0)
        return {};
    // No larger than what is there: a 256 KiB buffer per read for a few bytes would be wasted memory.
    const qint64 size
        = std::clamp<qint64>(NativeSocket::pendingBytes(m_fd), 1, std::min(maxSize, SocketLimits::ReadChunkBytes));
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    for (;;) {
        const qint64 n = NativeSocket::receive(m_fd, data.data(), size);
        if (n > 0) {
            data.truncate(qsizetype(n));
            return data;
        }
        if (n == 0) {
            peerEnded();
            return {};
        }
        const int error = NativeSocket::lastError();
        if (NativeSocket::interrupted(error))
            continue;
        if (NativeSocket::wouldBlock(error)) {
            m_readNotifier->setEnabled(true);
            return {};
        }
        fail(error);
        return {};
    }
}

bool StreamChannel::write(const char *data, qint64 size)
{
    if (!canWrite())
        return false;
    if (size <= 0)
        return true;
    // To the kernel at once from the caller's bytes; only what it cannot take is copied, to wait for the notifier.
    const qint64 sent = m_queue.empty() ? sendRaw(data, size) : 0;
    if (sent < 0)
        return false;
    if (sent < size) {
        m_queue.emplace_back(data + sent, qsizetype(size - sent));
        m_unsent += size - sent;
        m_writeNotifier->setEnabled(true);
    }
    return true;
}

qint64 StreamChannel::sendRaw(const char *data, qint64 size)
{
    qint64 sent = 0;
    while (sent < size) {
        const qint64 n = NativeSocket::send(m_fd, data + sent, size - sent);
        if (n >= 0) {
            sent += n;
            continue;
        }
        const int error = NativeSocket::lastError();
        if (NativeSocket::interrupted(error))
            continue;
        if (NativeSocket::wouldBlock(error))
            break;
        // Told on the next turn: this may run inside a caller's loop.
        m_failed = true;
        m_writeNotifier->setEnabled(false);
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return -1;
    }
    return sent;
}

bool StreamChannel::sendSome()
{
    while (!m_queue.empty()) {
        const QByteArray &front = m_queue.front();
        const qint64 n = sendRaw(front.constData() + m_frontOffset, front.size() - m_frontOffset);
        if (n < 0)
            return false;
        m_unsent -= n;
        m_frontOffset += qsizetype(n);
        if (m_frontOffset < front.size()) {
            m_writeNotifier->setEnabled(true); // the kernel is full
            return true;
        }
        m_queue.pop_front();
        m_frontOffset = 0;
    }
    m_writeNotifier->setEnabled(false);
    if ((m_shutdownRequested || m_closeRequested) && !m_writeDone) {
        m_writeDone = true;
        NativeSocket::shutdownSend(m_fd);
        QTimer::singleShot(0, this, [this] {
            Q_EMIT writeFinished();
            finishIfDone();
        });
    }
    return true;
}

void StreamChannel::onWritable()
{
    const qint64 before = m_unsent;
    if (!sendSome())
        return;
    if (m_unsent < before)
        Q_EMIT bytesWritten(before - m_unsent);
}

void StreamChannel::shutdownWrite()
{
    if (m_fd == -1 || m_shutdownRequested || m_failed)
        return;
    m_shutdownRequested = true;
    if (m_queue.empty())
        sendSome();
}

void StreamChannel::closeAfterWrites()
{
    if (m_fd == -1 || m_failed)
        return;
    // Nothing more is read. Bytes the peer sent that nobody read make the kernel close with a reset, as for any
    // program that closes without reading.
    m_closeRequested = true;
    m_readDone = true;
    m_carried.clear();
    m_readNotifier->setEnabled(false);
    if (m_writeDone)
        QTimer::singleShot(0, this, &StreamChannel::finishIfDone);
    else if (m_queue.empty())
        sendSome();
}

void StreamChannel::abortWithReset()
{
    if (m_fd == -1)
        return;
    NativeSocket::resetOnClose(m_fd);
    m_failed = true;
    closeDescriptor();
}

void StreamChannel::abort()
{
    m_failed = true;
    closeDescriptor();
}

void StreamChannel::fail(int systemError)
{
    if (m_fd == -1)
        return;
    m_failed = true;
    const auto error
        = NativeSocket::isReset(systemError) ? QAbstractSocket::RemoteHostClosedError : QAbstractSocket::NetworkError;
    const QString text = qt_error_string(systemError);
    closeDescriptor();
    Q_EMIT failed(error, text);
    Q_EMIT finished();
}

void StreamChannel::finishIfDone()
{
    if (m_fd == -1 || !m_readDone || !m_writeDone)
        return;
    if (m_closeRequested) {
        // What the peer sent that nobody will read: taken now, so that the close is a FIN, not a reset.
        char sink[16384];
        for (int i = 0; i < 64 && NativeSocket::receive(m_fd, sink, qint64(sizeof sink)) > 0; ++i) { }
    }
    closeDescriptor();
    Q_EMIT finished();
}

void StreamChannel::closeDescriptor()
{
    if (m_fd == -1)
        return;
    // Off before the descriptor they watch closes; deleted later, as this may run inside one's activated().
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        notifier->setEnabled(false);
        notifier->deleteLater();
    }
    m_readNotifier = m_writeNotifier = nullptr;
    NativeSocket::close(m_fd);
    m_fd = -1;
    m_queue.clear();
    m_unsent = 0;
}
