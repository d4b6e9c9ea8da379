#include "devicepeer.h"
#include "log/sessionrecorder.h"
#include "net/session.h"
#include "net/sessionfactory.h"
#include "script/sequencerunner.h"
#include "session/sessionsequencechannel.h"
#include "session/tabmodel.h"

#include <QSignalSpy>
#include <QTest>

// A sequence over a real tab model (session + recorder with the tab's framing) against a toy device in another
// process: what the runner sees are the frames the tab's log shows, sends reach the peer the sequence talks to.
class tst_SessionSequenceChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientTakesTheTabsFrames();
    void idleGapFramesAModbusReply();
    void closedConnectionEndsAWaitingExpect();
    void serverTalksToTheCurrentPeerOnly();
    void serverWithTwoClientsAndNoneChosenDoesNotGuess();
    void datagramsWithNoTargetFailToSend();
};

namespace {

Sequence sequence(const QList<Step> &steps)
{
    Sequence s;
    s.steps = steps;
    return s;
}

Payload::Spec lf()
{
    Payload::Spec spec;
    spec.lineEnding = Payload::LineEnding::LF;
    return spec;
}

Framer::Config lines()
{
    Framer::Config config;
    config.mode = Framer::Mode::Delimiter;
    config.delimiter = "\n";
    return config;
}

bool connectTo(TabModel &tab, quint16 port)
{
    QSignalSpy connected(tab.session(), &Session::peerConnected);
    Session::OpenRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.port = port;
    tab.session()->open(request);
    return connected.wait(5000);
}

// Runs to the end (bounded) and returns the results.
QList<StepResult> runToEnd(SequenceRunner &runner)
{
    QSignalSpy finished(&runner, &SequenceRunner::finished);
    if (!runner.run() || !finished.wait(15000))
        return {};
    return runner.results();
}

} // namespace

void tst_SessionSequenceChannel::clientTakesTheTabsFrames()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--listen"}), qPrintable(device.error()));
    TabModel tab(Sessions::create(Transport::TcpClient));
    tab.recorder()->setFraming(lines());
    SequenceRunner runner;
    SessionSequenceChannel channel(tab.session(), tab.recorder(), &runner);
    QVERIFY(!channel.isOpen());
    runner.setSequence(sequence({Step::makeSend(QStringLiteral("*IDN?"), lf()),
        Step::makeExpect(ExpectMatch::StartsWith, QStringLiteral("NETASSIST,"), 5000),
        Step::makeSend(QStringLiteral("MEAS?"), lf()),
        Step::makeExpect(ExpectMatch::Regex, QStringLiteral("^\\+1\\."))}));
    QVERIFY(connectTo(tab, device.port()));
    QVERIFY(channel.isOpen());

    const QList<StepResult> results = runToEnd(runner);
    QCOMPARE(results.size(), 4);
    QVERIFY(runner.summary().allPassed());
    QCOMPARE(results.at(0).bytes, QByteArray("*IDN?\n"));
    QCOMPARE(results.at(0).peers, 1);
    // One line is one frame: the delimiter framing of the tab, not the reads of the socket.
    QCOMPARE(results.at(1).bytes, QByteArray("NETASSIST,TESTDEV,0,1.0\n"));
    QCOMPARE(results.at(3).bytes, QByteArray("+1.234E+00\n"));
    QVERIFY(results.at(1).responseMs >= 0);
}

void tst_SessionSequenceChannel::idleGapFramesAModbusReply()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "modbus", "--listen"}), qPrintable(device.error()));
    TabModel tab(Sessions::create(Transport::TcpClient));
    Framer::Config gap;
    gap.mode = Framer::Mode::IdleGap;
    gap.gapMs = 20;
    tab.recorder()->setFraming(gap);
    SequenceRunner runner;
    SessionSequenceChannel channel(tab.session(), tab.recorder(), &runner);
    Payload::Spec hex;
    hex.mode = Payload::Mode::Hex;
    runner.setSequence(sequence({Step::makeSend(QStringLiteral("00 07 00 00 00 06 01 03 00 05 00 02"), hex),
        Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("00 07 00 00 00 07 01 03 04 00 05 00 06"))}));
    QVERIFY(connectTo(tab, device.port()));
    const QList<StepResult> results = runToEnd(runner);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).status, StepStatus::Passed);
    QCOMPARE(results.at(1).bytes, QByteArray::fromHex("00070000000701030400050006"));
}

void tst_SessionSequenceChannel::closedConnectionEndsAWaitingExpect()
{
    DevicePeer device;
    QVERIFY2(device.start({"--proto", "text", "--behave", "close", "--listen"}), qPrintable(device.error()));
    TabModel tab(Sessions::create(Transport::TcpClient));
    SequenceRunner runner;
    SessionSequenceChannel channel(tab.session(), tab.recorder(), &runner);
    // A timeout far beyond the wait below: only the closed connection can end this expect in time.
    runner.setSequence(sequence({Step::makeSend(QStringLiteral("*IDN?"), lf()),
        Step::makeExpect(ExpectMatch::Contains, QStringLiteral("x"), 60000)}));
    QVERIFY(connectTo(tab, device.port()));
    const QList<StepResult> results = runToEnd(runner);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).reason, FailureReason::ChannelClosed);
    QCOMPARE(runner.summary().end, RunSummary::End::ChannelClosed);
    QVERIFY(!channel.isOpen());
}

namespace {

struct ServerWithClients
{
    TabModel tab {Sessions::create(Transport::TcpServer)};
    DevicePeer first;
    DevicePeer second;
    QList<PeerId> peers;

    bool start()
    {
        Session::OpenRequest request;
        request.address = QHostAddress::LocalHost;
        tab.session()->open(request);
        if (tab.session()->state() != Session::State::Open)
            return false;
        const QString port = QString::number(tab.session()->localPort());
        QSignalSpy connected(tab.session(), &Session::peerConnected);
        if (!first.start({"--proto", "text", "--connect", port})
            || !second.start({"--proto", "text", "--connect", port}))
            return false;
        while (connected.size() < 2 && connected.wait(5000)) { }
        peers = tab.session()->peers();
        return peers.size() == 2;
    }
};

} // namespace

void tst_SessionSequenceChannel::serverTalksToTheCurrentPeerOnly()
{
    ServerWithClients server;
    QVERIFY(server.start());
    server.tab.recorder()->setFraming(lines());
    SequenceRunner runner;
    SessionSequenceChannel channel(server.tab.session(), server.tab.recorder(), &runner);
    // Both clients are asked; both answer. With a current peer, only its answer counts: the second expect has
    // nothing to take.
    Step ask = Step::makeSend(QStringLiteral("*IDN?"), lf(), SequenceTarget::AllPeers);
    runner.setSequence(sequence({ask, Step::makeExpect(ExpectMatch::StartsWith, QStringLiteral("NETASSIST"), 5000),
        Step::makeExpect(ExpectMatch::StartsWith, QStringLiteral("NETASSIST"), 500)}));
    channel.setCurrentPeer(server.peers.at(0));
    QList<StepResult> results = runToEnd(runner);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).peers, 2);
    QCOMPARE(results.at(1).status, StepStatus::Passed);
    QCOMPARE(results.at(2).reason, FailureReason::Timeout);

    // No current peer: frames of every peer count, so both answers are there.
    channel.setCurrentPeer(0);
    results = runToEnd(runner);
    QCOMPARE(results.size(), 3);
    QVERIFY(runner.summary().allPassed());
}

void tst_SessionSequenceChannel::serverWithTwoClientsAndNoneChosenDoesNotGuess()
{
    ServerWithClients server;
    QVERIFY(server.start());
    SequenceRunner runner;
    SessionSequenceChannel channel(server.tab.session(), server.tab.recorder(), &runner);
    QCOMPARE(channel.send("x", SequenceTarget::CurrentPeer), 0);
    channel.setCurrentPeer(server.peers.at(1));
    QCOMPARE(channel.send("x", SequenceTarget::CurrentPeer), 1);
    QCOMPARE(server.tab.session()->peerInfo(server.peers.at(1)).txBytes, 1);
    QCOMPARE(server.tab.session()->peerInfo(server.peers.at(0)).txBytes, 0);
}

void tst_SessionSequenceChannel::datagramsWithNoTargetFailToSend()
{
    TabModel tab(Sessions::create(Transport::Udp));
    SequenceRunner runner;
    SessionSequenceChannel channel(tab.session(), tab.recorder(), &runner);
    Session::OpenRequest request;
    request.address = QHostAddress::LocalHost;
    tab.session()->open(request);
    QCOMPARE(tab.session()->state(), Session::State::Open);
    QVERIFY(channel.isOpen()); // a bound socket is open with no peer
    runner.setSequence(sequence({Step::makeSend(QStringLiteral("ping"))}));
    const QList<StepResult> results = runToEnd(runner);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).reason, FailureReason::SendFailed);
}

QTEST_GUILESS_MAIN(tst_SessionSequenceChannel)
#include "tst_sessionsequencechannel.moc"
