// UdpSession receiving multicast from a real sender (python3) in a private network namespace that this test makes
// for itself (unshare(CLONE_NEWNET), as root): lo with multicast on for IPv4, a veth pair for IPv6, which lo does
// not deliver (shared/README.md). Nothing here touches the machine's own network.

#include "net/datagramcontrol.h"
#include "net/udpsession.h"
#include "udppeer.h"

#include <QNetworkInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <sched.h>

namespace {

bool run(const QStringList &command, QString *error)
{
    QProcess process;
    process.start(command.constFirst(), command.mid(1));
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = command.join(u' ') + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAllStandardError())
            + process.errorString();
        return false;
    }
    return true;
}

} // namespace

class tst_UdpMulticast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ipv4GroupFromARealSender();
    void ipv6GroupOverVeth();
    void sendToAGroup();

private:
    bool m_veth = false;
    QString m_vethProblem;
};

void tst_UdpMulticast::initTestCase()
{
    if (unshare(CLONE_NEWNET) != 0)
        QSKIP("cannot make a private network namespace (unshare(CLONE_NEWNET) needs root): multicast not tested");
    QString error;
    QVERIFY2(run({"ip", "link", "set", "lo", "up"}, &error), qPrintable(error));
    QVERIFY2(run({"ip", "link", "set", "lo", "multicast", "on"}, &error), qPrintable(error));
    m_veth = run({"ip", "link", "add", "va", "type", "veth", "peer", "name", "vb"}, &error)
        && run({"ip", "link", "set", "va", "up"}, &error) && run({"ip", "link", "set", "vb", "up"}, &error);
    if (!m_veth)
        m_vethProblem = error;
    else
        QTest::qWait(2000); // IPv6 duplicate address detection on the new link-local addresses
}

void tst_UdpMulticast::ipv4GroupFromARealSender()
{
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::Any, 0));
    DatagramControl *datagrams = session.datagrams();
    QSignalSpy activity(&session, &Session::activity);
    const QHostAddress group(QStringLiteral("239.1.2.3"));
    QVERIFY(datagrams->joinGroup(group, QStringLiteral("lo")));
    QCOMPARE(activity.size(), 1);
    QCOMPARE(activity.at(0).at(0).value<Session::Activity>(), Session::Activity::Joined);
    QCOMPARE(activity.at(0).at(1).toString(), QStringLiteral("239.1.2.3"));
    QCOMPARE(activity.at(0).at(2).toString(), QStringLiteral("lo"));
    QCOMPARE(datagrams->groups(), (QList<DatagramControl::Membership> {{group, QStringLiteral("lo")}}));

    UdpPeer sender;
    QVERIFY2(sender.start({"--bind", "127.0.0.1", "--multicast-if", "127.0.0.1"}), qPrintable(sender.error()));
    QSignalSpy received(&session, &Session::received);
    QVERIFY(sender.send(QStringLiteral("239.1.2.3"), session.localPort(), "to the group"));
    QTRY_COMPARE(received.size(), 1); // may arrive while the peer confirms the send
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("to the group"));
    // The destination says it came to the group.
    QCOMPARE(received.at(0).at(2).toString(), QStringLiteral("239.1.2.3:%1").arg(session.localPort()));

    // After leaving, the group's datagrams no longer arrive: only the unicast sent after it does.
    QVERIFY(datagrams->leaveGroup(group, QStringLiteral("lo")));
    QVERIFY(datagrams->groups().isEmpty());
    received.clear();
    QVERIFY(sender.send(QStringLiteral("239.1.2.3"), session.localPort(), "not for us now"));
    QVERIFY(sender.send(QStringLiteral("127.0.0.1"), session.localPort(), "unicast"));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("unicast"));
}

void tst_UdpMulticast::ipv6GroupOverVeth()
{
    if (!m_veth)
        QSKIP(qPrintable(QStringLiteral("no veth pair in the namespace: ") + m_vethProblem));
    const QNetworkInterface va = QNetworkInterface::interfaceFromName(QStringLiteral("va"));
    QVERIFY(va.isValid());
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::Any, 0));
    const QHostAddress group(QStringLiteral("ff12::1234"));
    QVERIFY(session.datagrams()->joinGroup(group, QStringLiteral("vb")));

    UdpPeer sender;
    QVERIFY2(sender.start({"--bind", "::", "--multicast-if", QString::number(va.index())}), qPrintable(sender.error()));
    QSignalSpy received(&session, &Session::received);
    QVERIFY(sender.send(QStringLiteral("ff12::1234"), session.localPort(), "ipv6 group"));
    QTRY_COMPARE(received.size(), 1); // may arrive while the peer confirms the send
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("ipv6 group"));
    QCOMPARE(received.at(0).at(2).toString(), QStringLiteral("[ff12::1234]:%1").arg(session.localPort()));
}

void tst_UdpMulticast::sendToAGroup()
{
    UdpPeer receiver;
    QVERIFY2(receiver.start({"--bind", "0.0.0.0", "--join", "239.4.5.6@127.0.0.1"}), qPrintable(receiver.error()));
    UdpSession session;
    QVERIFY(session.bind(QHostAddress::Any, 0));
    DatagramControl *datagrams = session.datagrams();
    // Joining on lo also makes lo the interface our datagrams to the group leave through.
    QVERIFY(datagrams->joinGroup(QHostAddress(QStringLiteral("239.4.5.6")), QStringLiteral("lo")));
    datagrams->setMulticastTtl(1);
    datagrams->setMulticastLoopback(true);
    datagrams->setRemoteTarget(QStringLiteral("239.4.5.6"), receiver.port());
    QCOMPARE(session.send("from netassist"), 1);
    const QList<UdpPeer::Datagram> got = receiver.take(1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.at(0).data, QByteArray("from netassist"));
}

QTEST_GUILESS_MAIN(tst_UdpMulticast)
#include "tst_udpmulticast.moc"
