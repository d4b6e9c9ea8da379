#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QObject>

#include <deque>
#include <memory>

class QSocketNotifier;
class QTcpSocket;

// A connected TCP stream whose two directions end apart, as TCP allows and a relay must pass on: the peer's FIN
// ends only what it sends (readFinished), and shutdownWrite() ends only what we send. QTcpSocket cannot: when the
// peer's FIN arrives it closes the whole socket and drops what it still had to write.
//
// It takes over a connection that a QTcpSocket accepted or connected (Qt keeps the lookup, the connect, its
// timeouts and its error words) by duplicating the descriptor; the QTcpSocket is then aborted, which closes only
// its own descriptor. Reading is the caller's: readyRead() says bytes or the end may be there, and the socket is
// not watched again until read() finds nothing, so a caller that stops reading leaves the bytes in the kernel and
// TCP's flow control slows the sender. Writes go to the kernel at once; what it cannot take waits here
// (bytesToWrite()) and is sent as it drains (bytesWritten()).
class StreamChannel : public QObject
{
    Q_OBJECT
public:
    // nullptr when the descriptor could not be duplicated (*error says why); `socket` is aborted either way.
    static std::unique_ptr<StreamChannel> adopt(QTcpSocket *socket, QString *error);
    ~StreamChannel() override;

    // Up to `maxSize` bytes; empty when nothing is there yet (watched again), at the end of the peer's stream
    // (atEnd(), readFinished() follows) or on a failure (failed() follows).
    QByteArray read(qint64 maxSize);
    // What the kernel holds to be read (and what Qt had read before the take-over).
    qint64 bytesAvailable() const;
    bool atEnd() const { return m_readDone; }
    // For a readyRead nobody will act on yet (a relay's client while its upstream connects): finds the peer's end
    // or a reset without taking its bytes; with bytes waiting it does nothing (the reader finds the end after them).
    void noticeEnd();

    // false when the write side is shut or failed: nothing is taken.
    bool write(const char *data, qint64 size);
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    qint64 bytesToWrite() const { return m_unsent; }
    bool canWrite() const { return m_fd != -1 && !m_shutdownRequested && !m_failed; }
    // Our FIN once what waits has been sent: the peer reads the end of our stream and may still send.
    void shutdownWrite();
    // Both directions end: what waits is sent, then the connection is closed.
    void closeAfterWrites();
    // A reset (RST) now, as SocketReset::abortWithReset.
    void abortWithReset();
    // Closed now, without a word: what waits is dropped.
    void abort();
    // Both directions have ended (or failed): the descriptor is closed.
    bool isFinished() const { return m_fd == -1; }

Q_SIGNALS:
    void readyRead();
    void bytesWritten(qint64 bytes);
    void readFinished(); // the peer's FIN
    void writeFinished(); // our FIN is out
    void failed(QAbstractSocket::SocketError error, const QString &text);
    void finished(); // both directions ended, or a failure: nothing more happens

private:
    StreamChannel(qintptr descriptor, QByteArray carried);
    void onReadable();
    void peerEnded();
    void onWritable();
    bool sendSome(); // false on a failure
    qint64 sendRaw(const char *data, qint64 size); // bytes the kernel took; -1 on a failure
    void fail(int systemError);
    void finishIfDone();
    void closeDescriptor();

    qintptr m_fd;
    QByteArray m_carried; // read by Qt before the take-over
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    std::deque<QByteArray> m_queue; // front: partly sent from m_frontOffset
    qsizetype m_frontOffset = 0;
    qint64 m_unsent = 0;
    bool m_readDone = false;
    bool m_shutdownRequested = false;
    bool m_closeRequested = false;
    bool m_writeDone = false;
    bool m_failed = false;
};
