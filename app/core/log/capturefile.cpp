#include "log/capturefile.h"

#include "bytes/hex.h"
#include "text/codecs.h"

#include <QDateTime>

namespace {

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\') {
            out.append(u"\\\\");
        } else if (u == u'\r') {
            out.append(u"\\r");
        } else if (u == u'\n') {
            out.append(u"\\n");
        } else if (u == u'\t') {
            out.append(u"\\t");
        } else if (u < 0x20 || u == 0x7f) {
            constexpr char digits[] = "0123456789ABCDEF";
            out.append(u"\\x");
            out.append(QLatin1Char(digits[u >> 4]));
            out.append(QLatin1Char(digits[u & 0xf]));
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray directionWord(Direction direction)
{
    switch (direction) {
    case Direction::Rx:
        return "RX";
    case Direction::Tx:
        return "TX";
    case Direction::Event:
        return "EVENT";
    }
    return "EVENT";
}

} // namespace

CaptureFile::~CaptureFile()
{
    close();
}

bool CaptureFile::open(const QString &path, Format format, bool append)
{
    close();
    m_file.setFileName(path);
    m_format = format;
    m_bytesWritten = 0;
    if (format == Format::Pcap)
        return false; // TranscriptCapture writes pcap (see the class comment)
    // No QIODevice::Text: lines end in "\n" on every system, and raw captures must stay byte-exact.
    return m_file.open(QIODevice::WriteOnly | (append ? QIODevice::Append : QIODevice::Truncate));
}

void CaptureFile::close()
{
    if (m_file.isOpen())
        m_file.close();
}

bool CaptureFile::write(const Record &record, const QString &peerName)
{
    if (!m_file.isOpen())
        return false;
    QByteArray bytes;
    switch (m_format) {
    case Format::Text:
        bytes = textLine(record, peerName, m_encoding);
        bytes.append('\n');
        break;
    case Format::Pcap:
        return false;
    case Format::RawRx:
    case Format::RawTx:
        if (record.direction != (m_format == Format::RawRx ? Direction::Rx : Direction::Tx))
            return true;
        bytes = record.data;
        break;
    }
    if (bytes.isEmpty())
        return true;
    const qint64 written = m_file.write(bytes);
    if (written > 0)
        m_bytesWritten += written;
    // flush() hands the bytes to the system, which keeps them even if the app is killed; QFile would hold up to 16 KiB.
    return m_file.flush() && written == bytes.size();
}

QByteArray CaptureFile::textLine(const Record &record, const QString &peerName, const QByteArray &encoding)
{
    QByteArray line
        = QDateTime::fromMSecsSinceEpoch(record.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toLatin1();
    line.append(' ');
    line.append(directionWord(record.direction));
    if (record.direction == Direction::Event) {
        line.append(' ');
        line.append(eventId(record.event));
    }
    line.append(' ');
    line.append(peerName.isEmpty() ? QByteArray("-") : escaped(peerName).toUtf8());
    if (record.direction == Direction::Event) {
        if (record.event == EventKind::Error && record.error != SessionError::Kind::None) {
            line.append(' ');
            line.append(SessionError::id(record.error));
        }
        if (!record.data.isEmpty()) {
            line.append(' ');
            line.append(escaped(QString::fromUtf8(record.data)).toUtf8());
        }
        return line;
    }
    line.append(' ');
    line.append(Hex::format(record.data, Hex::Case::Upper, ' ').toLatin1());
    line.append(" | ");
    line.append(escaped(Codecs::decode(record.data, encoding)).toUtf8());
    return line;
}

QByteArray CaptureFile::eventId(EventKind kind)
{
    switch (kind) {
    case EventKind::None:
        return "none";
    case EventKind::Connecting:
        return "connecting";
    case EventKind::Connected:
        return "connected";
    case EventKind::Disconnected:
        return "disconnected";
    case EventKind::Listening:
        return "listening";
    case EventKind::Stopped:
        return "stopped";
    case EventKind::Error:
        return "error";
    case EventKind::Refused:
        return "refused";
    case EventKind::Note:
        return "note";
    case EventKind::Bound:
        return "bound";
    case EventKind::Unbound:
        return "unbound";
    case EventKind::Joined:
        return "joined";
    case EventKind::Left:
        return "left";
    case EventKind::NewPeer:
        return "new-peer";
    case EventKind::PeerGone:
        return "peer-gone";
    case EventKind::CaptureFailed:
        return "capture-failed";
    case EventKind::Secured:
        return "secured";
    case EventKind::RelayUpstream:
        return "upstream";
    case EventKind::RelayFault:
        return "fault";
    case EventKind::RelayEnded:
        return "ended";
    }
    return "none";
}

QByteArray CaptureFile::id(Format format)
{
    switch (format) {
    case Format::Text:
        return "text";
    case Format::RawRx:
        return "raw-rx";
    case Format::RawTx:
        return "raw-tx";
    case Format::Pcap:
        return "pcap";
    }
    return "text";
}

CaptureFile::Format CaptureFile::fromId(QByteArrayView id)
{
    if (id == "raw-rx")
        return Format::RawRx;
    if (id == "raw-tx")
        return Format::RawTx;
    if (id == "pcap")
        return Format::Pcap;
    return Format::Text;
}

CaptureFile::Format CaptureFile::forFileName(const QString &path, Format fallback)
{
    return path.endsWith(QLatin1String(".pcap"), Qt::CaseInsensitive) ? Format::Pcap : fallback;
}
