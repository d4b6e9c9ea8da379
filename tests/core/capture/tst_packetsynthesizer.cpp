#include "capture/ippackets.h"
#include "capture/packetsynthesizer.h"

#include <QTest>
#include <QtEndian>

namespace {

FlowEnds ends(const QString &local, quint16 localPort, const QString &remote, quint16 remotePort)
{
    return {QHostAddress(local), localPort, QHostAddress(remote), remotePort};
}

QString flagWord(quint8 flags)
{
    QStringList words;
    if (flags & IpPackets::Syn)
        words << QStringLiteral("SYN");
    if (flags & IpPackets::Fin)
        words << QStringLiteral("FIN");
    if (flags & IpPackets::Rst)
        words << QStringLiteral("RST");
    if (flags & IpPackets::Psh)
        words << QStringLiteral("PSH");
    if (flags & IpPackets::Ack)
        words << QStringLiteral("ACK");
    return words.join(QLatin1Char('|'));
}

// Each TCP packet as "L SYN 0 0 0": sender (L = local port is the source), flags, sequence number relative to the
// sender's SYN, acknowledgement relative to the receiver's SYN (0 without ACK), payload length.
QStringList describe(const PacketSynthesizer::Packets &packets, quint16 localPort)
{
    struct Parsed
    {
        bool fromLocal;
        quint32 seq, ack;
        quint8 flags;
        int payload;
    };
    std::vector<Parsed> parsed;
    quint32 isn[2] = {0, 0};
    for (const SynthesizedPacket &p : packets) {
        const auto *b = reinterpret_cast<const uchar *>(p.bytes.constData());
        const int ip = (b[0] >> 4) == 6 ? 40 : 20;
        const uchar *t = b + ip;
        Parsed x;
        x.fromLocal = qFromBigEndian<quint16>(t) == localPort;
        x.seq = qFromBigEndian<quint32>(t + 4);
        x.ack = qFromBigEndian<quint32>(t + 8);
        x.flags = t[13];
        x.payload = int(p.bytes.size()) - ip - (t[12] >> 4) * 4;
        if (x.flags & IpPackets::Syn)
            isn[x.fromLocal] = x.seq;
        parsed.push_back(x);
    }
    QStringList out;
    for (const Parsed &x : parsed) {
        const quint32 ack = (x.flags & IpPackets::Ack) ? x.ack - isn[!x.fromLocal] : 0;
        out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(QChar(x.fromLocal ? u'L' : u'R'))
                   .arg(flagWord(x.flags))
                   .arg(x.seq - isn[x.fromLocal])
                   .arg(ack)
                   .arg(x.payload);
    }
    return out;
}

// Runs "open L", "data R 70000", "close L", "reset R" steps, one per entry.
PacketSynthesizer::Packets run(PacketSynthesizer &synthesizer, const FlowEnds &e, const QStringList &steps)
{
    PacketSynthesizer::Packets out;
    qint64 time = 1000;
    for (const QString &step : steps) {
        const QStringList w = step.split(QLatin1Char(' '));
        const bool local = w.value(1) == QLatin1String("L");
        if (w[0] == QLatin1String("open"))
            synthesizer.tcpOpened(e, time, local, out);
        else if (w[0] == QLatin1String("data"))
            synthesizer.tcpData(e, local, QByteArray(w.value(2).toInt(), 'x'), time, out);
        else if (w[0] == QLatin1String("close"))
            synthesizer.tcpClosed(e, time, local, out);
        else if (w[0] == QLatin1String("reset"))
            synthesizer.tcpReset(e, time, local, out);
        time += 10;
    }
    return out;
}

} // namespace

class tst_PacketSynthesizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalized_data();
    void normalized();
    void tcp_data();
    void tcp();
    void synCarriesMssAndWindowScale();
    void reopenedConnectionStartsElsewhere();
    void largeRecordIsAckedEvery4MiB();
    void packetsKeepTheRecordTime();
    void udpLimits_data();
    void udpLimits();
};

void tst_PacketSynthesizer::normalized_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("wireLocal");
    QTest::addColumn<QString>("wireRemote");
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "10.0.0.2"
                          << "127.0.0.1"
                          << "10.0.0.2";
    QTest::newRow("ipv6") << "::1"
                          << "fe80::2"
                          << "::1"
                          << "fe80::2";
    QTest::newRow("mapped both") << "::ffff:127.0.0.1"
                                 << "::ffff:192.168.1.5"
                                 << "127.0.0.1"
                                 << "192.168.1.5";
    QTest::newRow("mapped remote, ipv4 local") << "127.0.0.1"
                                               << "::ffff:127.0.0.2"
                                               << "127.0.0.1"
                                               << "127.0.0.2";
    QTest::newRow("any ipv6 local, ipv4 remote") << "::"
                                                 << "127.0.0.1"
                                                 << "0.0.0.0"
                                                 << "127.0.0.1";
    QTest::newRow("null local, ipv6 remote") << ""
                                             << "::1"
                                             << "::"
                                             << "::1";
    QTest::newRow("both null") << ""
                               << ""
                               << "0.0.0.0"
                               << "0.0.0.0";
    QTest::newRow("mixed families stay ipv6") << "::1"
                                              << "127.0.0.1"
                                              << "::1"
                                              << "::ffff:127.0.0.1";
}

void tst_PacketSynthesizer::normalized()
{
    QFETCH(QString, local);
    QFETCH(QString, remote);
    QFETCH(QString, wireLocal);
    QFETCH(QString, wireRemote);
    const FlowEnds n = ends(local, 1, remote, 2).normalized();
    QCOMPARE(n.localAddress.toString(), wireLocal);
    QCOMPARE(n.remoteAddress.toString(), wireRemote);
    QCOMPARE(n.localAddress.protocol(), n.remoteAddress.protocol());
    QCOMPARE(n.localPort, quint16(1));
    QCOMPARE(n.remotePort, quint16(2));
}

void tst_PacketSynthesizer::tcp_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<quint16>("localPort");
    QTest::addColumn<quint16>("remotePort");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("packets");

    QTest::newRow("client opens, both send, client closes")
        << "127.0.0.1"
        << "127.0.0.1" << quint16(50000) << quint16(8080) << QStringList {"open L", "data L 5", "data R 3", "close L"}
        << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0", "L PSH|ACK 1 1 5", "R ACK 1 6 0",
               "R PSH|ACK 1 6 3", "L ACK 6 4 0", "L FIN|ACK 6 4 0", "R FIN|ACK 4 7 0", "L ACK 7 5 0"};
    QTest::newRow("server side: peer opens, peer closes")
        << "::1"
        << "::1" << quint16(8080) << quint16(50000) << QStringList {"open R", "data R 1", "close R"}
        << QStringList {"R SYN 0 0 0", "L SYN|ACK 0 1 0", "R ACK 1 1 0", "R PSH|ACK 1 1 1", "L ACK 1 2 0",
               "R FIN|ACK 2 1 0", "L FIN|ACK 1 3 0", "R ACK 3 2 0"};
    QTest::newRow("ipv4: 70000 bytes are two segments")
        << "10.0.0.1"
        << "10.0.0.2" << quint16(40000) << quint16(502) << QStringList {"open L", "data R 70000"}
        << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0", "R ACK 1 1 65495", "R PSH|ACK 65496 1 4505",
               "L ACK 1 70001 0"};
    QTest::newRow("ipv6: 70000 bytes are two segments")
        << "2001:db8::1"
        << "2001:db8::2" << quint16(40000) << quint16(502) << QStringList {"open L", "data L 70000"}
        << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0", "L ACK 1 1 65515", "L PSH|ACK 65516 1 4485",
               "R ACK 1 70001 0"};
    QTest::newRow("data mid-connection: the higher port connected")
        << "127.0.0.1"
        << "127.0.0.1" << quint16(7000) << quint16(45000) << QStringList {"data L 2"}
        << QStringList {"R SYN 0 0 0", "L SYN|ACK 0 1 0", "R ACK 1 1 0", "L PSH|ACK 1 1 2", "R ACK 1 3 0"};
    QTest::newRow("close mid-connection") << "127.0.0.1"
                                          << "127.0.0.1" << quint16(45000) << quint16(7000) << QStringList {"close R"}
                                          << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0",
                                                 "R FIN|ACK 1 1 0", "L FIN|ACK 1 2 0", "R ACK 2 2 0"};
    QTest::newRow("reset by peer") << "127.0.0.1"
                                   << "127.0.0.1" << quint16(45000) << quint16(7000)
                                   << QStringList {"open L", "data L 4", "reset R"}
                                   << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0", "L PSH|ACK 1 1 4",
                                          "R ACK 1 5 0", "R RST|ACK 1 5 0"};
    QTest::newRow("empty data makes no packet")
        << "127.0.0.1"
        << "127.0.0.1" << quint16(45000) << quint16(7000) << QStringList {"open L", "data L 0"}
        << QStringList {"L SYN 0 0 0", "R SYN|ACK 0 1 0", "L ACK 1 1 0"};
}

void tst_PacketSynthesizer::tcp()
{
    QFETCH(QString, local);
    QFETCH(QString, remote);
    QFETCH(quint16, localPort);
    QFETCH(quint16, remotePort);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, packets);
    PacketSynthesizer synthesizer;
    const PacketSynthesizer::Packets out = run(synthesizer, ends(local, localPort, remote, remotePort), steps);
    QCOMPARE(describe(out, localPort), packets);
}

void tst_PacketSynthesizer::synCarriesMssAndWindowScale()
{
    PacketSynthesizer synthesizer;
    PacketSynthesizer::Packets out;
    synthesizer.tcpOpened(ends("127.0.0.1", 1, "127.0.0.1", 2), 0, true, out);
    QCOMPARE(out.size(), size_t(3));
    // MSS 65495 (0xffd7), NOP, window scale 7 after the 20-byte TCP header; the final ACK has no options.
    QCOMPARE(out[0].bytes.mid(40).toHex(), QByteArray("0204ffd701030307"));
    QCOMPARE(out[1].bytes.mid(40).toHex(), QByteArray("0204ffd701030307"));
    QCOMPARE(out[2].bytes.size(), 40);
}

void tst_PacketSynthesizer::reopenedConnectionStartsElsewhere()
{
    PacketSynthesizer synthesizer;
    PacketSynthesizer::Packets first;
    PacketSynthesizer::Packets second;
    const FlowEnds e = ends("127.0.0.1", 40000, "127.0.0.1", 80);
    synthesizer.tcpOpened(e, 5000, true, first);
    synthesizer.tcpClosed(e, 5000, true, first);
    QCOMPARE(synthesizer.openConnections(), 0);
    synthesizer.tcpOpened(e, 5000, true, second);
    QCOMPARE(synthesizer.openConnections(), 1);
    QVERIFY(first[0].bytes.mid(24, 4) != second[0].bytes.mid(24, 4));
}

void tst_PacketSynthesizer::largeRecordIsAckedEvery4MiB()
{
    PacketSynthesizer synthesizer;
    PacketSynthesizer::Packets out;
    const FlowEnds e = ends("127.0.0.1", 40000, "127.0.0.1", 80);
    synthesizer.tcpOpened(e, 0, true, out);
    synthesizer.tcpData(e, true, QByteArray(9 * 1024 * 1024, 'z'), 0, out);
    const QStringList d = describe(out, 40000).mid(3); // after the handshake
    // 145 segments of at most 65495 bytes; ACKs after 65 segments (4,257,175 bytes >= 4 MiB), 130, and the last.
    QCOMPARE(d.size(), 145 + 3);
    QCOMPARE(d.filter(QRegularExpression(QStringLiteral("^R ACK"))),
        QStringList({"R ACK 1 4257176 0", "R ACK 1 8514351 0", "R ACK 1 9437185 0"}));
    QCOMPARE(d.indexOf(QStringLiteral("R ACK 1 4257176 0")), 65);
}

void tst_PacketSynthesizer::packetsKeepTheRecordTime()
{
    PacketSynthesizer synthesizer;
    PacketSynthesizer::Packets out;
    const FlowEnds e = ends("127.0.0.1", 40000, "127.0.0.1", 80);
    synthesizer.tcpData(e, true, QByteArray(100000, 'q'), 1234567, out);
    QCOMPARE(out.size(), size_t(3 + 2 + 1));
    for (const SynthesizedPacket &p : out)
        QCOMPARE(p.timeUs, qint64(1234567));
}

void tst_PacketSynthesizer::udpLimits_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("fits");
    QTest::newRow("ipv4 empty") << "127.0.0.1" << 0 << true;
    QTest::newRow("ipv4 65507") << "127.0.0.1" << 65507 << true;
    QTest::newRow("ipv4 65508") << "127.0.0.1" << 65508 << false;
    QTest::newRow("ipv6 65527") << "::1" << 65527 << true;
    QTest::newRow("ipv6 65528") << "::1" << 65528 << false;
    QTest::newRow("mapped ipv4 is ipv4") << "::ffff:127.0.0.1" << 65508 << false;
}

void tst_PacketSynthesizer::udpLimits()
{
    QFETCH(QString, address);
    QFETCH(int, size);
    QFETCH(bool, fits);
    PacketSynthesizer synthesizer;
    PacketSynthesizer::Packets out;
    QCOMPARE(synthesizer.udpDatagram(ends(address, 1, address, 2), true, QByteArray(size, 'u'), 0, out), fits);
    QCOMPARE(out.size(), size_t(fits ? 1 : 0));
    if (fits) {
        const bool ipv6 = (out[0].bytes[0] >> 4) == 6;
        QCOMPARE(out[0].bytes.size(), (ipv6 ? 40 : 20) + 8 + size);
    }
}

QTEST_APPLESS_MAIN(tst_PacketSynthesizer)
#include "tst_packetsynthesizer.moc"
