#include "log/transcript.h"
#include "net/datagramcontrol.h"
#include "net/session.h"
#include "net/sessionfactory.h"
#include "session/pcaprecordwriter.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "tsharktesting.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Capture to file as pcap, end to end: real NetAssist sessions talk over loopback (a TCP client and server, two UDP
// sockets) while each tab captures as pcap; Wireshark's dissectors (tshark) must then show, packet by packet, the
// transcript's bytes between its endpoints at its times, the handshake from the end that connected, "Follow TCP
// Stream" equal to each direction's bytes, no TCP analysis warning; Save log as pcap writes the same file.

namespace {

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

QByteArray tshark(const QStringList &arguments)
{
    return TsharkTesting::run(arguments);
}

// "1764600000.123000000" -> microseconds.
qint64 epochMicros(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split('.');
    return parts.size() == 2 ? parts[0].toLongLong() * 1000000 + parts[1].left(6).toLongLong() : -1;
}

// "127.0.0.1:5000" as tshark prints the two fields: "127.0.0.1 5000".
QString spaced(const QString &endpoint)
{
    const auto parsed = PcapRecordWriter::parseEndpoint(endpoint);
    return parsed ? QStringLiteral("%1 %2").arg(parsed->first.toString()).arg(parsed->second) : endpoint;
}

struct Packet
{
    qint64 timeUs = 0;
    QString from, to;
    bool udp = false;
    QByteArray payload;
};

// Every packet with a payload (and every UDP datagram).
QList<Packet> dataPackets(const QString &path, QByteArray *failure)
{
    const QByteArray out = tshark({"-r", path, "-T", "fields", "-E", "separator=/t", "-e", "frame.time_epoch", "-e",
        "ip.src", "-e", "tcp.srcport", "-e", "udp.srcport", "-e", "ip.dst", "-e", "tcp.dstport", "-e", "udp.dstport",
        "-e", "tcp.payload", "-e", "udp.payload", "-e", "udp.length"});
    QList<Packet> packets;
    if (out.startsWith("tshark failed")) {
        *failure = out;
        return packets;
    }
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() != 10)
            continue;
        Packet p;
        p.timeUs = epochMicros(f[0]);
        p.udp = !f[9].isEmpty();
        p.from = QString::fromLatin1(f[1] + ' ' + (p.udp ? f[3] : f[2]));
        p.to = QString::fromLatin1(f[4] + ' ' + (p.udp ? f[6] : f[5]));
        p.payload = QByteArray::fromHex(p.udp ? f[8] : f[7]);
        if (p.udp || !p.payload.isEmpty())
            packets << p;
    }
    return packets;
}

template<typename Predicate> bool waitFor(Predicate done)
{
    for (int i = 0; i < 1000 && !done(); ++i)
        QTest::qWait(10);
    return done();
}

qint64 dataBytes(const Transcript &t, Direction direction)
{
    const Transcript::Counters c = t.counters();
    return direction == Direction::Rx ? c.rxBytes : c.txBytes;
}

} // namespace

class tst_TranscriptPcap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tcpSession();
    void udpSession();
    void udpBoundToAnyAnswersFromWhereItWasReached();
    void endpointNames_data();
    void endpointNames();

private:
    // Each data record of t is one UDP packet or consecutive TCP segments joining to its bytes, in order.
    void comparePackets(const Transcript &t, const QString &path, bool udp);
    void compareFollow(const Transcript &t, const QString &path, bool weConnected);
    void compareSaved(const Transcript &t, const QString &captured);

    QTemporaryDir m_dir;
};

void tst_TranscriptPcap::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (Debian: apt-get install tshark)");
    QVERIFY(m_dir.isValid());
}

void tst_TranscriptPcap::comparePackets(const Transcript &t, const QString &path, bool udp)
{
    QByteArray failure;
    const QList<Packet> packets = dataPackets(path, &failure);
    QVERIFY2(failure.isEmpty(), failure.constData());
    qsizetype next = 0;
    int records = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const Record &r = t.at(i);
        if (r.direction == Direction::Event)
            continue;
        ++records;
        const QString peer = spaced(t.peerName(r.peer));
        const QString local = spaced(t.peerName(r.local));
        const bool tx = r.direction == Direction::Tx;
        QByteArray joined;
        do {
            QVERIFY2(next < packets.size(), "tshark shows fewer data packets than the transcript has records");
            const Packet &p = packets[next++];
            QCOMPARE(p.udp, udp);
            QCOMPARE(p.from, tx ? local : peer);
            QCOMPARE(p.to, tx ? peer : local);
            QCOMPARE(p.timeUs, r.timeMs * 1000);
            joined += p.payload;
        } while (!udp && joined.size() < r.data.size());
        QCOMPARE(joined, r.data);
    }
    QCOMPARE(next, packets.size());
    QVERIFY(records >= 3);
}

// "-z follow,tcp,raw,0": hex lines, a leading tab marking node 1's. Node 0 is the end that connected.
void tst_TranscriptPcap::compareFollow(const Transcript &t, const QString &path, bool weConnected)
{
    const TsharkTesting::Follow followed = TsharkTesting::follow(path, 0);
    const QByteArray &node0 = followed.node0, &bytes0 = followed.bytes0, &bytes1 = followed.bytes1;
    QByteArray tx, rx;
    quint32 local = 0, peer = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const Record &r = t.at(i);
        if (r.direction == Direction::Event)
            continue;
        (r.direction == Direction::Tx ? tx : rx) += r.data;
        local = r.local;
        peer = r.peer;
    }
    QCOMPARE(bytes0.size() + bytes1.size(), tx.size() + rx.size());
    QCOMPARE(bytes0, weConnected ? tx : rx);
    QCOMPARE(bytes1, weConnected ? rx : tx);
    const QString connecting = t.peerName(weConnected ? local : peer);
    QCOMPARE(QString::fromLatin1(node0), connecting);

    // The SYN comes from the end that connected; nothing looks wrong to Wireshark's TCP analysis.
    const QByteArray syn = tshark({"-r", path, "-Y", "tcp.flags.syn == 1 && tcp.flags.ack == 0", "-T", "fields", "-e",
        "ip.src", "-e", "tcp.srcport"});
    QCOMPARE(QString::fromLatin1(syn.trimmed()).replace(QLatin1Char('\t'), QLatin1Char(' ')), spaced(connecting));
    QCOMPARE(tshark({"-r", path, "-Y", "tcp.analysis.flags || _ws.malformed || _ws.expert.severity >= warning"}),
        QByteArray());
}

// Save log as pcap (every record at once) writes exactly what capturing record by record wrote.
void tst_TranscriptPcap::compareSaved(const Transcript &t, const QString &captured)
{
    const QString saved = captured + QStringLiteral(".saved.pcap");
    PcapRecordWriter writer;
    QVERIFY2(writer.open(saved, false), qPrintable(writer.errorString()));
    QVERIFY2(writer.writeAll(t), qPrintable(writer.errorString()));
    writer.close();
    QFile a(captured), b(saved);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
}

void tst_TranscriptPcap::tcpSession()
{
    TabModel server(Sessions::create(Transport::TcpServer));
    TabModel client(Sessions::create(Transport::TcpClient));
    const QString serverPath = m_dir.filePath(QStringLiteral("server.pcap"));
    const QString clientPath = m_dir.filePath(QStringLiteral("client.pcap"));
    QVERIFY2(
        server.capture()->start(serverPath, CaptureFile::Format::Pcap), qPrintable(server.capture()->errorString()));
    QVERIFY2(
        client.capture()->start(clientPath, CaptureFile::Format::Pcap), qPrintable(client.capture()->errorString()));

    Session::OpenRequest listen;
    listen.address = QHostAddress::LocalHost;
    server.session()->open(listen);
    QVERIFY(waitFor([&] { return server.session()->state() == Session::State::Open; }));
    Session::OpenRequest connect;
    connect.host = QStringLiteral("127.0.0.1");
    connect.port = server.session()->localPort();
    client.session()->open(connect);
    QVERIFY(waitFor(
        [&] { return client.session()->state() == Session::State::Open && server.session()->peerCount() == 1; }));

    const QList<QByteArray> fromClient {"hello\r\n", randomBytes(70000, 1), QByteArray("\x00\xff\r\n", 4)};
    const QList<QByteArray> fromServer {randomBytes(100000, 2), "OK\r\n"};
    qint64 sent = 0, answered = 0;
    for (int i = 0; i < 2; ++i) {
        client.session()->send(fromClient[i]);
        sent += fromClient[i].size();
        QVERIFY(waitFor([&] { return dataBytes(*server.transcript(), Direction::Rx) == sent; }));
        server.session()->send(fromServer[i]);
        answered += fromServer[i].size();
        QVERIFY(waitFor([&] { return dataBytes(*client.transcript(), Direction::Rx) == answered; }));
    }
    client.session()->send(fromClient[2]);
    sent += fromClient[2].size();
    QVERIFY(waitFor([&] { return dataBytes(*server.transcript(), Direction::Rx) == sent; }));
    client.session()->close();
    QVERIFY(waitFor(
        [&] { return server.session()->peerCount() == 0 && client.session()->state() == Session::State::Idle; }));
    server.session()->close();
    QVERIFY(server.capture()->packetsWritten() > 0);
    server.capture()->stop();
    client.capture()->stop();

    comparePackets(*server.transcript(), serverPath, false);
    comparePackets(*client.transcript(), clientPath, false);
    compareFollow(*client.transcript(), clientPath, true);
    compareFollow(*server.transcript(), serverPath, false);
    compareSaved(*server.transcript(), serverPath);
}

void tst_TranscriptPcap::udpSession()
{
    TabModel a(Sessions::create(Transport::Udp));
    TabModel b(Sessions::create(Transport::Udp));
    const QString path = m_dir.filePath(QStringLiteral("udp.pcap"));
    QVERIFY2(a.capture()->start(path, CaptureFile::Format::Pcap), qPrintable(a.capture()->errorString()));
    Session::OpenRequest bind;
    bind.address = QHostAddress::LocalHost;
    a.session()->open(bind);
    b.session()->open(bind);
    QVERIFY(waitFor(
        [&] { return a.session()->state() == Session::State::Open && b.session()->state() == Session::State::Open; }));
    a.session()->datagrams()->setRemoteTarget(QStringLiteral("127.0.0.1"), b.session()->localPort());

    const QList<QByteArray> datagrams {QByteArray("ping\x00\xff", 6), randomBytes(65507, 3), "\r\n"};
    qint64 expected = 0;
    for (const QByteArray &d : datagrams) {
        QCOMPARE(a.session()->send(d), 1);
        expected += d.size();
        QVERIFY(waitFor([&] { return dataBytes(*b.transcript(), Direction::Rx) == expected; }));
        QCOMPARE(b.session()->send(d.left(100) + "!", b.session()->peers()), 1);
        QVERIFY(
            waitFor([&] { return a.transcript()->counters().rxMessages == b.transcript()->counters().rxMessages; }));
    }
    a.capture()->stop();
    QCOMPARE(a.transcript()->counters().txMessages, 3);
    comparePackets(*a.transcript(), path, true);
    compareSaved(*a.transcript(), path);
}

// A socket bound to "any" logs its TX from "0.0.0.0:port" (the system picks the source): the capture writes the
// address the peer reached it at, so Wireshark sees one conversation, not two.
void tst_TranscriptPcap::udpBoundToAnyAnswersFromWhereItWasReached()
{
    TabModel any(Sessions::create(Transport::Udp));
    TabModel peer(Sessions::create(Transport::Udp));
    const QString path = m_dir.filePath(QStringLiteral("any.pcap"));
    QVERIFY(any.capture()->start(path, CaptureFile::Format::Pcap));
    any.session()->open({}); // all interfaces
    Session::OpenRequest bind;
    bind.address = QHostAddress::LocalHost;
    peer.session()->open(bind);
    QVERIFY(waitFor([&] {
        return any.session()->state() == Session::State::Open && peer.session()->state() == Session::State::Open;
    }));
    peer.session()->datagrams()->setRemoteTarget(QStringLiteral("127.0.0.1"), any.session()->localPort());
    QCOMPARE(peer.session()->send("ask"), 1);
    QVERIFY(waitFor([&] { return any.transcript()->counters().rxMessages == 1; }));
    QCOMPARE(any.session()->send("answer", any.session()->peers()), 1);
    QVERIFY(waitFor([&] { return peer.transcript()->counters().rxMessages == 1; }));
    any.capture()->stop();

    QByteArray failure;
    const QList<Packet> packets = dataPackets(path, &failure);
    QVERIFY2(failure.isEmpty(), failure.constData());
    QCOMPARE(packets.size(), 2);
    const QString us = QStringLiteral("127.0.0.1 %1").arg(any.session()->localPort());
    const QString them = QStringLiteral("127.0.0.1 %1").arg(peer.session()->localPort());
    QCOMPARE(packets[0].from, them);
    QCOMPARE(packets[0].to, us);
    QCOMPARE(packets[0].payload, QByteArray("ask"));
    QCOMPARE(packets[1].from, us);
    QCOMPARE(packets[1].to, them);
    QCOMPARE(packets[1].payload, QByteArray("answer"));
}

void tst_TranscriptPcap::endpointNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address"); // empty: not an endpoint
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << "127.0.0.1:5000"
                          << "127.0.0.1" << 5000;
    QTest::newRow("ipv6") << "[::1]:80"
                          << "::1" << 80;
    QTest::newRow("scoped") << "[fe80::1%lo]:8"
                            << "fe80::1%lo" << 8;
    QTest::newRow("host name") << "example.com:80"
                               << "" << 0;
    QTest::newRow("empty") << ""
                           << "" << 0;
}

void tst_TranscriptPcap::endpointNames()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(int, port);
    const auto parsed = PcapRecordWriter::parseEndpoint(name);
    QCOMPARE(parsed.has_value(), !address.isEmpty());
    if (parsed) {
        QCOMPARE(parsed->first, QHostAddress(address));
        QCOMPARE(int(parsed->second), port);
    }
}

QTEST_GUILESS_MAIN(tst_TranscriptPcap)
#include "tst_transcriptpcap.moc"
