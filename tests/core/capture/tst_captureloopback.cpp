#include "capture/captureindex.h"
#include "capture/flowreader.h"
#include "capturetesting.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/dlt.h>

using namespace CaptureTesting;

// Captures of real loopback traffic: loopbackpeers.py talks TCP and UDP over IPv4 and IPv6 on one port while
// tcpdump records it, then the index must list exactly those flows with exactly the bytes the peers sent, and
// FlowReader must give back each conversation byte for byte (UDP: datagram by datagram, the empty one too).

namespace {

struct Capture
{
    QString path;
    QJsonObject peers; // what loopbackpeers.py printed: port, marker, flows
    QString skip; // why this machine cannot capture, when it cannot
    QString error;
};

bool hasFlowFrom(const QString &path, quint16 port)
{
    CaptureIndex index;
    index.build(path); // tcpdump may be in the middle of a record: a Truncated result still lists the flows
    for (const FlowSummary &f : index.flows()) {
        if (f.protocol == FlowProtocol::Udp && f.portA == port)
            return true;
    }
    return false;
}

// Runs the peers under "tcpdump -i iface -U -w path 'port N'".
Capture capture(const QString &iface, const QString &path)
{
    Capture c;
    c.path = path;
    const QString source = qEnvironmentVariable("NETASSIST_SOURCE_DIR");
    if (source.isEmpty()) {
        c.error = QStringLiteral("NETASSIST_SOURCE_DIR is not set (ctest sets it)");
        return c;
    }
    QProcess peers;
    peers.start(QStringLiteral("python3"), {source + QStringLiteral("/tests/core/capture/loopbackpeers.py")});
    if (!peers.waitForStarted(10000) || !peers.waitForReadyRead(10000)) {
        c.error = QStringLiteral("loopbackpeers.py did not start: ") + peers.errorString();
        return c;
    }
    const QByteArray portLine = peers.readLine().trimmed();
    if (!portLine.startsWith("port ")) {
        c.error = QStringLiteral("loopbackpeers.py said: ") + QString::fromLatin1(portLine);
        return c;
    }
    const QString port = QString::fromLatin1(portLine.mid(5));

    QProcess tcpdump;
    tcpdump.setProcessChannelMode(QProcess::SeparateChannels);
    // -U writes each packet as it is captured, so the file can be watched for the end marker.
    tcpdump.start(QStringLiteral("tcpdump"), {"-i", iface, "-U", "-w", path, QStringLiteral("port %1").arg(port)});
    QByteArray said;
    // tcpdump says "listening on lo, ..." once the capture runs; bounded wait, it either says it or exits.
    for (int i = 0; i < 100 && !said.contains("listening on"); ++i) {
        if (!tcpdump.waitForReadyRead(100) && tcpdump.state() == QProcess::NotRunning)
            break;
        said += tcpdump.readAllStandardError();
    }
    if (!said.contains("listening on")) {
        c.skip = QStringLiteral("tcpdump cannot capture on %1 here: %2").arg(iface, QString::fromLocal8Bit(said));
        tcpdump.kill();
        tcpdump.waitForFinished(5000);
        peers.kill();
        peers.waitForFinished(5000);
        return c;
    }
    peers.write("go\n");
    peers.closeWriteChannel();
    if (!peers.waitForFinished(60000) || peers.exitCode() != 0) {
        c.error = QStringLiteral("loopbackpeers.py failed: ") + QString::fromLocal8Bit(peers.readAllStandardError());
        tcpdump.terminate();
        tcpdump.waitForFinished(5000);
        return c;
    }
    c.peers = QJsonDocument::fromJson(peers.readAllStandardOutput()).object();
    const quint16 marker = quint16(c.peers.value(QStringLiteral("marker")).toInt());
    // The marker datagram is the last packet: once the capture holds it, it holds everything before it.
    bool seen = false;
    for (int i = 0; i < 200 && !(seen = hasFlowFrom(path, marker)); ++i)
        QTest::qWait(50);
    tcpdump.terminate();
    tcpdump.waitForFinished(10000);
    if (!seen)
        c.error = QStringLiteral("the end marker never reached the capture");
    return c;
}

QString line(const FlowSummary &f)
{
    QString text = QStringLiteral("%1#%2 %3 > %4 bytes %5/%6")
                       .arg(f.protocol == FlowProtocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP"))
                       .arg(f.streamNumber)
                       .arg(endpoint(f.addressA, f.portA), endpoint(f.addressB, f.portB))
                       .arg(f.bytesAToB)
                       .arg(f.bytesBToA);
    if (f.synSeen)
        text += QStringLiteral(" SYN");
    if (f.finSeen)
        text += QStringLiteral(" FIN");
    return text;
}

qint64 hexBytes(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().size() / 2;
    qint64 n = 0;
    for (const QJsonValue &v : value.toArray())
        n += v.toString().size() / 2;
    return n;
}

// The flows the peers say they made, in the index's words.
QStringList expectedLines(const QJsonObject &peers)
{
    const int port = peers.value(QStringLiteral("port")).toInt();
    QStringList out;
    int streams[2] = {0, 0};
    for (const QJsonValue &v : peers.value(QStringLiteral("flows")).toArray()) {
        const QJsonObject f = v.toObject();
        const bool tcp = f.value(QStringLiteral("protocol")).toString() == QLatin1String("tcp");
        const QString host
            = f.value(QStringLiteral("family")).toInt() == 6 ? QStringLiteral("[::1]") : QStringLiteral("127.0.0.1");
        out << QStringLiteral("%1#%2 %3:%4 > %3:%5 bytes %6/%7%8")
                   .arg(tcp ? QStringLiteral("TCP") : QStringLiteral("UDP"))
                   .arg(streams[tcp ? 0 : 1]++)
                   .arg(host)
                   .arg(f.value(QStringLiteral("client")).toInt())
                   .arg(port)
                   .arg(hexBytes(f.value(QStringLiteral("toServer"))))
                   .arg(hexBytes(f.value(QStringLiteral("toClient"))))
                   .arg(tcp ? QStringLiteral(" SYN FIN") : QString());
    }
    out << QStringLiteral("UDP#%1 127.0.0.1:%2 > 127.0.0.1:%3 bytes 3/0")
               .arg(streams[1])
               .arg(peers.value(QStringLiteral("marker")).toInt())
               .arg(port);
    return out;
}

} // namespace

class tst_CaptureLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void indexOfRealTraffic_data();
    void indexOfRealTraffic();

private:
    QTemporaryDir m_dir;
};

void tst_CaptureLoopback::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tcpdump")).isEmpty())
        QSKIP("tcpdump is not installed (Debian: apt-get install tcpdump)");
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    QVERIFY(m_dir.isValid());
}

void tst_CaptureLoopback::indexOfRealTraffic_data()
{
    QTest::addColumn<QString>("iface");
    QTest::addColumn<int>("linkType");
    QTest::newRow("tcpdump -i lo (Ethernet)") << "lo" << DLT_EN10MB;
    QTest::newRow("tcpdump -i any (Linux cooked v2)") << "any" << DLT_LINUX_SLL2;
}

void tst_CaptureLoopback::indexOfRealTraffic()
{
    QFETCH(QString, iface);
    QFETCH(int, linkType);
    const Capture c = capture(iface, m_dir.filePath(iface + QStringLiteral(".pcap")));
    if (!c.skip.isEmpty())
        QSKIP(qPrintable(c.skip));
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));

    CaptureIndex index;
    const CaptureResult result = index.build(c.path);
    QCOMPARE(result.status, CaptureStatus::Ok);
    QCOMPARE(result.linkType, linkType);
    // The index counts TCP bytes as they went over the wire, retransmissions again, and a machine busy with other
    // tests retransmits even on loopback (a run once saw 134536 bytes of a 100000-byte upload): a TCP flow's count
    // is at least what its peer sent, and is then compared as that; FlowReader below checks every byte exactly.
    const QJsonArray sent = c.peers.value(QStringLiteral("flows")).toArray();
    QStringList lines;
    for (qsizetype i = 0; i < index.flows().size(); ++i) {
        FlowSummary f = index.flows().at(i);
        const QJsonObject peer = sent.at(i).toObject();
        if (f.protocol == FlowProtocol::Tcp && i < sent.size()) {
            const qint64 toServer = hexBytes(peer.value(QStringLiteral("toServer")));
            const qint64 toClient = hexBytes(peer.value(QStringLiteral("toClient")));
            QVERIFY2(f.bytesAToB >= toServer && f.bytesBToA >= toClient, qPrintable(line(f)));
            f.bytesAToB = toServer;
            f.bytesBToA = toClient;
        }
        lines << line(f);
    }
    QCOMPARE(lines, expectedLines(c.peers));
    QCOMPARE(index.counts().malformedPackets, 0);
    QCOMPARE(index.counts().otherIpPackets, 0);
    QCOMPARE(index.counts().notIpPackets, 0);
    QCOMPARE(index.counts().frames, index.counts().tcpPackets + index.counts().udpPackets);

    const QJsonArray flows = c.peers.value(QStringLiteral("flows")).toArray();
    QCOMPARE(index.flows().size(), flows.size() + 1);
    for (int i = 0; i < flows.size(); ++i) {
        const QJsonObject expected = flows[i].toObject();
        const bool tcp = expected.value(QStringLiteral("protocol")).toString() == QLatin1String("tcp");
        QByteArray stream[2];
        QStringList datagrams[2];
        QStringList kinds;
        FlowReader reader;
        const CaptureResult read = reader.read(c.path, index.flows()[i], [&](const FlowEvent &e) {
            const int d = int(e.direction);
            if (e.kind == FlowEvent::Kind::Data) {
                stream[d] += e.bytes.toByteArray();
                datagrams[d] << QString::fromLatin1(e.bytes.toByteArray().toHex());
            } else {
                kinds << QStringLiteral("%1%2").arg(int(e.kind)).arg(d);
            }
            return true;
        });
        QCOMPARE(read.status, CaptureStatus::Ok);
        if (tcp) {
            // A is the client: to the server is A to B.
            QCOMPARE(stream[0].toHex(), expected.value(QStringLiteral("toServer")).toString().toLatin1());
            QCOMPARE(stream[1].toHex(), expected.value(QStringLiteral("toClient")).toString().toLatin1());
            // Opened, then both FINs (who closed first depends on the conversation): no gap, no reset.
            QCOMPARE(kinds.size(), 3);
            QCOMPARE(kinds[0], QStringLiteral("00"));
            QCOMPARE(QSet<QString>(kinds.begin() + 1, kinds.end()), QSet<QString>({"30", "31"}));
        } else {
            QStringList toServer, toClient;
            for (const QJsonValue &v : expected.value(QStringLiteral("toServer")).toArray())
                toServer << v.toString();
            for (const QJsonValue &v : expected.value(QStringLiteral("toClient")).toArray())
                toClient << v.toString();
            QCOMPARE(datagrams[0], toServer);
            QCOMPARE(datagrams[1], toClient);
            QVERIFY(kinds.isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(tst_CaptureLoopback)
#include "tst_captureloopback.moc"
