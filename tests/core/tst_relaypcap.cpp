#include "log/transcript.h"
#include "net/relaycontrol.h"
#include "net/sessionfactory.h"
#include "relaypeer.h"
#include "session/pcaprecordwriter.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "tsharktesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using Side = RelayControl::Side;

// A relay tab's capture as Wireshark reads it: each pair is two flows, the client's and the upstream one, each with
// both directions as they went over the wire (what one side sent, on its way in and, forwarded, on its way out).
class tst_RelayPcap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tcpRelayIsTwoFullStreams();
    void captureStartedMidPair();
    void halfCloseIsOnBothFlows();
    void udpRelayShowsWhatADropKept();

private:
    static std::unique_ptr<TabModel> openRelay(Transport transport, quint16 targetPort);
    static QByteArray randomBytes(int size, quint32 seed);
    QTemporaryDir m_dir;
};

std::unique_ptr<TabModel> tst_RelayPcap::openRelay(Transport transport, quint16 targetPort)
{
    auto model = std::make_unique<TabModel>(Sessions::create(transport));
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    request.targetHost = QStringLiteral("127.0.0.1");
    request.targetPort = targetPort;
    model->session()->open(request);
    return model;
}

QByteArray tst_RelayPcap::randomBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

void tst_RelayPcap::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (Debian: apt-get install tshark)");
    QVERIFY(m_dir.isValid());
}

// Client and target exchange 200 KB; the capture holds stream 0 (client -> relay) and stream 1 (relay -> target),
// each carrying both directions exactly, opened by the end that connected, with nothing Wireshark finds wrong; Save
// log as pcap writes the same file.
void tst_RelayPcap::tcpRelayIsTwoFullStreams()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    auto relay = openRelay(Transport::Relay, target.serverPort());
    const QString path = m_dir.filePath(QStringLiteral("relay.pcap"));
    QVERIFY(relay->capture()->start(path, CaptureFile::Format::Pcap));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay->session()->localPort());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray clientEnd = QByteArray("127.0.0.1:") + QByteArray::number(client.localPort());
    QTRY_VERIFY(target.hasPendingConnections());
    std::unique_ptr<QTcpSocket> upstream(target.nextPendingConnection());
    const QByteArray upstreamEnd = QByteArray("127.0.0.1:") + QByteArray::number(upstream->peerPort());
    const QByteArray request = "hello\r\n" + randomBytes(100000, 1);
    const QByteArray reply = randomBytes(100000, 2) + "OK\r\n";
    client.write(request);
    QByteArray atTarget, atClient;
    QTRY_COMPARE_WITH_TIMEOUT((atTarget += upstream->readAll()).size(), request.size(), 10000);
    upstream->write(reply);
    QTRY_COMPARE_WITH_TIMEOUT((atClient += client.readAll()).size(), reply.size(), 10000);
    client.disconnectFromHost();
    QTRY_COMPARE(relay->session()->peerCount(), 0);
    relay->capture()->stop();

    const TsharkTesting::Follow outer = TsharkTesting::follow(path, 0);
    QCOMPARE(outer.node0, clientEnd);
    QCOMPARE(outer.bytes0, request);
    QCOMPARE(outer.bytes1, reply);
    const TsharkTesting::Follow inner = TsharkTesting::follow(path, 1);
    QCOMPARE(inner.node0, upstreamEnd); // we connected
    QCOMPARE(inner.node1, QByteArray("127.0.0.1:") + QByteArray::number(target.serverPort()));
    QCOMPARE(inner.bytes0, request);
    QCOMPARE(inner.bytes1, reply);
    QCOMPARE(
        TsharkTesting::run({"-r", path, "-Y", "tcp.analysis.flags || _ws.malformed || _ws.expert.severity >= warning"}),
        QByteArray());

    const QString saved = path + QStringLiteral(".saved.pcap");
    PcapRecordWriter writer;
    QVERIFY(writer.open(saved, false));
    QVERIFY(writer.writeAll(*relay->transcript()));
    writer.close();
    QFile a(path), b(saved);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
}

// A capture started while the pair runs still knows the upstream flow (learnt from the log's events).
void tst_RelayPcap::captureStartedMidPair()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    auto relay = openRelay(Transport::Relay, target.serverPort());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay->session()->localPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(target.hasPendingConnections());
    std::unique_ptr<QTcpSocket> upstream(target.nextPendingConnection());
    QTRY_VERIFY(!relay->session()->relay()->upstreamEndpoint(relay->session()->peers().value(0)).isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("late.pcap"));
    QVERIFY(relay->capture()->start(path, CaptureFile::Format::Pcap));
    client.write("ping");
    QByteArray atTarget;
    QTRY_COMPARE((atTarget += upstream->readAll()), QByteArray("ping"));
    upstream->write("pong");
    QByteArray atClient;
    QTRY_COMPARE((atClient += client.readAll()), QByteArray("pong"));
    relay->capture()->stop();
    // Each flow opened by the end that really connected (node0 of tshark's follow), though the file never saw it.
    const TsharkTesting::Follow outer = TsharkTesting::follow(path, 0);
    QCOMPARE(outer.node0, QByteArray("127.0.0.1:") + QByteArray::number(client.localPort()));
    QCOMPARE(outer.node1, QByteArray("127.0.0.1:") + QByteArray::number(relay->session()->localPort()));
    QCOMPARE(outer.bytes0 + outer.bytes1, QByteArray("pingpong"));
    const TsharkTesting::Follow inner = TsharkTesting::follow(path, 1);
    QCOMPARE(inner.node1, QByteArray("127.0.0.1:") + QByteArray::number(target.serverPort()));
    QCOMPARE(inner.bytes0 + inner.bytes1, QByteArray("pingpong"));
}

// The client half-closes after its request and the target answers after that: each flow shows the request, the
// FIN of the side that ended (the client on its flow, the relay passing it on upstream), then the answer and the
// target's end the same way, with nothing Wireshark finds wrong.
void tst_RelayPcap::halfCloseIsOnBothFlows()
{
    RelayPeer target;
    QVERIFY(target.start({"--listen", "--reply", "3000"}));
    auto relay = openRelay(Transport::Relay, target.port());
    const QString path = m_dir.filePath(QStringLiteral("halfclose.pcap"));
    QVERIFY(relay->capture()->start(path, CaptureFile::Format::Pcap));
    RelayPeer client;
    QVERIFY(
        client.start({"--connect", QString::number(relay->session()->localPort()), "--send", "2000", "--shutdown"}));
    QVERIFY2(target.finish(), target.stderrText());
    QVERIFY2(client.finish(), client.stderrText());
    QCOMPARE(client.field("recv"), target.field("reply"));
    QTRY_COMPARE(relay->session()->peerCount(), 0);
    relay->capture()->stop();

    const auto digest = [](const QByteArray &bytes) {
        return QByteArray::number(bytes.size()) + ' '
            + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    };
    const QByteArray relayPort = QByteArray::number(relay->session()->localPort());
    const QByteArray targetPort = QByteArray::number(target.port());
    for (int stream = 0; stream < 2; ++stream) {
        const TsharkTesting::Follow f = TsharkTesting::follow(path, stream);
        QCOMPARE(digest(f.bytes0), client.field("sent"));
        QCOMPARE(digest(f.bytes1), target.field("reply"));
        // Source port, FIN flag, payload length of every packet that carries data or a FIN, in order.
        const QByteArray packets = TsharkTesting::run(
            {"-r", path, "-Y", QStringLiteral("tcp.stream==%1 && (tcp.len>0 || tcp.flags.fin==1)").arg(stream), "-T",
                "fields", "-e", "tcp.srcport", "-e", "tcp.flags.fin", "-e", "tcp.len"});
        QList<QByteArray> lines = packets.trimmed().split('\n');
        const QByteArray initiator = f.node0.mid(f.node0.lastIndexOf(':') + 1);
        const QByteArray responder = stream == 0 ? relayPort : targetPort;
        QVERIFY2(lines.size() >= 4, packets.constData());
        QCOMPARE(lines.first().split('\t').value(0), initiator); // the request
        int firstFin = -1, lastData = -1;
        for (int i = 0; i < lines.size(); ++i) {
            const QList<QByteArray> f3 = lines.at(i).split('\t');
            if (f3.value(1) == "1" || f3.value(1) == "True") {
                if (firstFin < 0) {
                    firstFin = i;
                    QCOMPARE(f3.value(0), initiator); // the client's end, passed on upstream
                }
            } else if (f3.value(0) == responder) {
                lastData = i;
            }
        }
        QVERIFY2(firstFin >= 0 && lastData > firstFin, packets.constData()); // the answer after the first FIN
        QCOMPARE(lines.last().split('\t').value(0), responder); // the target's end last
    }
    QCOMPARE(
        TsharkTesting::run({"-r", path, "-Y", "tcp.analysis.flags || _ws.malformed || _ws.expert.severity >= warning"}),
        QByteArray());
}

// Three datagrams, the second dropped on its way to the target: the capture shows all three coming in from the
// client, two going on to the target, and the target's two replies both ways.
void tst_RelayPcap::udpRelayShowsWhatADropKept()
{
    QUdpSocket target, client;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    auto relay = openRelay(Transport::UdpRelay, target.localPort());
    const quint16 relayPort = relay->session()->localPort();
    const QString path = m_dir.filePath(QStringLiteral("udp.pcap"));
    QVERIFY(relay->capture()->start(path, CaptureFile::Format::Pcap));
    quint16 upstreamPort = 0;
    for (const QByteArray &datagram : {QByteArray("one"), QByteArray("two"), QByteArray("three")}) {
        RelayControl::Faults faults;
        faults.dropPercent = datagram == "two" ? 100 : 0;
        relay->session()->relay()->setFaults(Side::Client, faults);
        client.writeDatagram(datagram, QHostAddress::LocalHost, relayPort);
        if (datagram == "two") {
            QTRY_COMPARE(relay->transcript()->at(relay->transcript()->size() - 1).data, QByteArray("dropped 3"));
            continue;
        }
        QTRY_VERIFY(target.hasPendingDatagrams());
        const QNetworkDatagram got = target.receiveDatagram();
        QCOMPARE(got.data(), datagram);
        upstreamPort = quint16(got.senderPort());
        target.writeDatagram("re:" + datagram, got.senderAddress(), upstreamPort);
        QTRY_VERIFY(client.hasPendingDatagrams());
        QCOMPARE(client.receiveDatagram().data(), "re:" + datagram);
    }
    relay->capture()->stop();

    const QByteArray c = QByteArray::number(client.localPort()), r = QByteArray::number(relayPort);
    const QByteArray u = QByteArray::number(upstreamPort), t = QByteArray::number(target.localPort());
    const QList<QByteArray> expected {
        c + ' ' + r + ' ' + QByteArray("one").toHex(),
        u + ' ' + t + ' ' + QByteArray("one").toHex(),
        t + ' ' + u + ' ' + QByteArray("re:one").toHex(),
        r + ' ' + c + ' ' + QByteArray("re:one").toHex(),
        c + ' ' + r + ' ' + QByteArray("two").toHex(), // in, and no further
        c + ' ' + r + ' ' + QByteArray("three").toHex(),
        u + ' ' + t + ' ' + QByteArray("three").toHex(),
        t + ' ' + u + ' ' + QByteArray("re:three").toHex(),
        r + ' ' + c + ' ' + QByteArray("re:three").toHex(),
    };
    QCOMPARE(TsharkTesting::udpDatagrams(path), expected);
}

QTEST_MAIN(tst_RelayPcap)
#include "tst_relaypcap.moc"
