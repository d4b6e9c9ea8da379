#include "capture/pcapwriter.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// What PcapWriter writes, read back by Wireshark's own dissectors (tshark): every packet's endpoints, payload and
// microsecond timestamp, "Follow TCP Stream" of each connection, and no malformed packet, bad checksum or TCP
// analysis warning (retransmission, window full, ...) other than the reset the conversation asks for.

namespace {

struct Flow
{
    bool tcp;
    FlowEnds ends;
};

enum class Step { Open, Data, Close, Reset, Datagram };

struct Event
{
    Step step;
    int flow;
    bool fromLocal;
    QByteArray bytes;
    qint64 timeUs;
};

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

const QList<Flow> &flows()
{
    static const QList<Flow> f {
        {true, {QHostAddress(QStringLiteral("127.0.0.1")), 47123, QHostAddress(QStringLiteral("127.0.0.2")), 53012}},
        {true, {QHostAddress(QStringLiteral("::1")), 47124, QHostAddress(QStringLiteral("2001:db8::7")), 53013}},
        {false,
            {QHostAddress(QStringLiteral("::ffff:127.0.0.1")), 47125, QHostAddress(QStringLiteral("127.0.0.3")),
                53014}},
        {false, {QHostAddress(QStringLiteral("::1")), 47126, QHostAddress(QStringLiteral("::1")), 53015}},
    };
    return f;
}

// Interleaved in time: stream 0 is opened by us and closed by the peer; stream 1 starts mid-connection (data
// before any open) and is reset by us. Payloads over 64 KiB are split into segments by the writer.
QList<Event> conversation()
{
    const qint64 t0 = 1764600000000000;
    const QByteArray gbk("\xc4\xe3\xba\xc3\xa3\xac\xca\xc0\xbd\xe7"); // 你好，世界
    return {
        {Step::Open, 0, true, {}, t0 + 1},
        {Step::Data, 0, true, "hello\r\n", t0 + 1003},
        {Step::Datagram, 2, true, {}, t0 + 1500},
        {Step::Data, 1, false, randomBytes(70000, 1), t0 + 2007},
        {Step::Data, 0, false, randomBytes(100000, 2), t0 + 3011},
        {Step::Datagram, 2, false, randomBytes(65507, 3), t0 + 3500},
        {Step::Data, 0, true, gbk, t0 + 4013},
        {Step::Datagram, 3, true, randomBytes(65527, 4), t0 + 4500},
        {Step::Data, 1, true, gbk + "\r\n", t0 + 5017},
        {Step::Datagram, 3, false, "pong", t0 + 5500},
        {Step::Data, 0, false, "OK", t0 + 6019},
        {Step::Datagram, 2, true, "ping\x00\xff", t0 + 6500},
        {Step::Close, 0, false, {}, t0 + 7023},
        {Step::Reset, 1, true, {}, t0 + 8029},
    };
}

bool writeConversation(const QString &path, QString *error)
{
    PcapWriter writer;
    if (!writer.open(path, false)) {
        *error = writer.errorString();
        return false;
    }
    for (const Event &e : conversation()) {
        const FlowEnds &ends = flows()[e.flow].ends;
        bool ok = false;
        switch (e.step) {
        case Step::Open:
            ok = writer.tcpOpened(ends, e.timeUs, e.fromLocal);
            break;
        case Step::Data:
            ok = writer.tcpData(ends, e.fromLocal, e.bytes, e.timeUs);
            break;
        case Step::Close:
            ok = writer.tcpClosed(ends, e.timeUs, e.fromLocal);
            break;
        case Step::Reset:
            ok = writer.tcpReset(ends, e.timeUs, e.fromLocal);
            break;
        case Step::Datagram:
            ok = writer.udpDatagram(ends, e.fromLocal, e.bytes, e.timeUs);
            break;
        }
        if (!ok) {
            *error = QStringLiteral("write failed: %1").arg(writer.errorString());
            return false;
        }
    }
    return true;
}

QByteArray tshark(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("tshark"), arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return "tshark failed: " + process.readAllStandardError();
    return process.readAllStandardOutput();
}

const QStringList Checks {
    "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"};

// "1764600000.000010000" -> microseconds; -1 when the nanosecond digits are not zero.
qint64 epochMicros(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 2 || parts[1].size() != 9 || !parts[1].endsWith("000"))
        return -1;
    return parts[0].toLongLong() * 1000000 + parts[1].left(6).toLongLong();
}

QString endpoint(const QHostAddress &address, quint16 port)
{
    return QStringLiteral("%1 %2").arg(address.toString()).arg(port);
}

} // namespace

class tst_PcapWriterTshark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void packetsCarryEndpointsPayloadsAndTimes();
    void followTcpStream_data();
    void followTcpStream();
    void checksumsGoodNothingMalformed();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_PcapWriterTshark::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (Debian: apt-get install tshark)");
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("conversation.pcap"));
    QString error;
    QVERIFY2(writeConversation(m_path, &error), qPrintable(error));
}

void tst_PcapWriterTshark::packetsCarryEndpointsPayloadsAndTimes()
{
    const QByteArray out = tshark({"-r", m_path, "-T", "fields", "-E", "separator=/t", "-e", "frame.time_epoch", "-e",
        "ip.src", "-e", "ipv6.src", "-e", "tcp.srcport", "-e", "udp.srcport", "-e", "ip.dst", "-e", "ipv6.dst", "-e",
        "tcp.dstport", "-e", "udp.dstport", "-e", "tcp.payload", "-e", "udp.payload", "-e", "udp.length"});
    struct Row
    {
        qint64 timeUs;
        QString from, to;
        bool udp;
        QByteArray payload;
    };
    QList<Row> rows;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = line.split('\t');
        QCOMPARE(f.size(), 12);
        Row r;
        r.timeUs = epochMicros(f[0]);
        const QByteArray src = f[1].isEmpty() ? f[2] : f[1];
        const QByteArray dst = f[5].isEmpty() ? f[6] : f[5];
        r.udp = !f[11].isEmpty();
        r.from = QString::fromLatin1(src + ' ' + (r.udp ? f[4] : f[3]));
        r.to = QString::fromLatin1(dst + ' ' + (r.udp ? f[8] : f[7]));
        r.payload = QByteArray::fromHex(r.udp ? f[10] : f[9]);
        if (r.udp || !r.payload.isEmpty())
            rows << r;
    }

    // Every data record, in order, is one UDP packet or consecutive TCP segments whose payloads join to its bytes.
    qsizetype next = 0;
    int records = 0;
    for (const Event &e : conversation()) {
        if (e.step != Step::Data && e.step != Step::Datagram)
            continue;
        ++records;
        const FlowEnds n = flows()[e.flow].ends.normalized();
        const QString local = endpoint(n.localAddress, n.localPort);
        const QString remote = endpoint(n.remoteAddress, n.remotePort);
        QByteArray joined;
        do {
            QVERIFY2(next < rows.size(), "tshark shows fewer data packets than were written");
            const Row &r = rows[next++];
            QCOMPARE(r.udp, e.step == Step::Datagram);
            QCOMPARE(r.from, e.fromLocal ? local : remote);
            QCOMPARE(r.to, e.fromLocal ? remote : local);
            QCOMPARE(r.timeUs, e.timeUs);
            joined += r.payload;
        } while (!rows[next - 1].udp && joined.size() < e.bytes.size());
        QCOMPARE(joined.size(), e.bytes.size());
        QCOMPARE(joined, e.bytes);
    }
    QCOMPARE(next, rows.size());
    QCOMPARE(records, 11);
}

void tst_PcapWriterTshark::followTcpStream_data()
{
    QTest::addColumn<int>("stream");
    QTest::addColumn<int>("flow");
    QTest::newRow("ipv4, opened by us") << 0 << 0;
    QTest::newRow("ipv6, mid-connection") << 1 << 1;
}

// "-z follow,tcp,raw,N" prints the stream as hex chunks, a leading tab marking the second node's.
void tst_PcapWriterTshark::followTcpStream()
{
    QFETCH(int, stream);
    QFETCH(int, flow);
    const QByteArray out = tshark({"-r", m_path, "-q", "-z", QStringLiteral("follow,tcp,raw,%1").arg(stream)});
    const QList<QByteArray> lines = out.split('\n');
    QByteArray node0;
    QList<QPair<bool, QByteArray>> chunks; // (from node 0, bytes), consecutive ones of a side joined
    bool inBody = false;
    for (const QByteArray &line : lines) {
        if (line.startsWith("Node 0: "))
            node0 = line.mid(8);
        if (line.startsWith("Node 1: ")) {
            inBody = true;
            continue;
        }
        if (!inBody || line.startsWith("====") || line.isEmpty())
            continue;
        const bool first = !line.startsWith('\t');
        const QByteArray bytes = QByteArray::fromHex(line.trimmed());
        if (!chunks.isEmpty() && chunks.last().first == first)
            chunks.last().second += bytes;
        else
            chunks.append({first, bytes});
    }

    const FlowEnds n = flows()[flow].ends.normalized();
    const QString localNode = n.localAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(n.localAddress.toString()).arg(n.localPort)
        : QStringLiteral("%1:%2").arg(n.localAddress.toString()).arg(n.localPort);
    // Node 0 is the end that sent the first packet: the connecting side of the (synthesized) handshake.
    const bool localIsNode0 = QString::fromLatin1(node0) == localNode;
    QList<QPair<bool, QByteArray>> expected;
    for (const Event &e : conversation()) {
        if (e.flow != flow || e.step != Step::Data)
            continue;
        const bool first = e.fromLocal == localIsNode0;
        if (!expected.isEmpty() && expected.last().first == first)
            expected.last().second += e.bytes;
        else
            expected.append({first, e.bytes});
    }
    QCOMPARE(chunks.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(chunks[i].first, expected[i].first);
        QCOMPARE(chunks[i].second.size(), expected[i].second.size());
        QCOMPARE(chunks[i].second, expected[i].second);
    }
    // Stream 0 was opened by the local end; stream 1 was first seen mid-connection, local port 47124 is lower
    // than the peer's 53013, so the synthesized handshake has the peer connecting.
    QCOMPARE(localIsNode0, stream == 0);
}

void tst_PcapWriterTshark::checksumsGoodNothingMalformed()
{
    const QByteArray all = tshark(QStringList {"-r", m_path} + Checks
        + QStringList {"-T", "fields", "-e", "frame.number", "-e", "ip.checksum.status", "-e", "tcp.checksum.status",
            "-e", "udp.checksum.status"});
    int frames = 0;
    for (const QByteArray &line : all.split('\n')) {
        if (line.isEmpty())
            continue;
        ++frames;
        const QList<QByteArray> f = line.split('\t');
        QCOMPARE(f.size(), 4);
        // 1 = good; 0 would be bad, 2 unverified. IPv6 has no header checksum.
        QVERIFY2(f[1].isEmpty() || f[1] == "1", line.constData());
        QVERIFY2((f[2] == "1") != (f[3] == "1"), line.constData());
    }
    // Stream 0: handshake 3, then per record its segments and one ACK (2, 3, 2, 2), close 3. Stream 1: handshake 3,
    // 70000 bytes 3, 12 bytes 2, reset 1. Five datagrams.
    QCOMPARE(frames, 3 + 2 + 3 + 2 + 2 + 3 + 3 + 3 + 2 + 1 + 5);

    const QByteArray flagged = tshark(QStringList {"-r", m_path} + Checks
        + QStringList {"-Y",
            "_ws.malformed || _ws.expert.severity >= 0x00600000 || "
            "tcp.analysis.flags",
            "-T", "fields", "-e", "tcp.flags.reset", "-e", "tcp.stream"});
    // The one warning is the reset of stream 1 ("Connection reset (RST)").
    QCOMPARE(flagged, QByteArray("1\t1\n"));
}

QTEST_GUILESS_MAIN(tst_PcapWriterTshark)
#include "tst_pcapwritertshark.moc"
