#include "headlessrun.h"

#include "errortext.h"
#include "log/logjson.h"
#include "log/sessionrecorder.h"
#include "net/datagramcontrol.h"
#include "net/endpoint.h"
#include "net/session.h"
#include "net/sessionfactory.h"
#include "script/junitreport.h"
#include "script/sequencerunner.h"
#include "sequencetext.h"
#include "session/sessionsequencechannel.h"
#include "session/tabmodel.h"

#include <QFile>
#include <QSaveFile>

HeadlessRun::HeadlessRun(const RunOptions &options, const Sequence &sequence, Print out, Print err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_sequence(sequence)
    , m_out(std::move(out))
    , m_err(std::move(err))
{
    const std::optional<Transport> transport = Sessions::fromId(options.transport);
    m_tab = new TabModel(Sessions::create(transport.value_or(Transport::TcpClient)), this);
    // The sequence says how its device's replies are cut into frames; datagrams are frames whatever it says.
    m_tab->recorder()->setFraming(FramingJson::fromJson(sequence.framing));
    m_runner = new SequenceRunner(this);
    m_runner->setSequence(sequence);
    m_channel = new SessionSequenceChannel(m_tab->session(), m_tab->recorder(), m_runner, this);

    Session *session = m_tab->session();
    connect(session, &Session::stateChanged, this, &HeadlessRun::onStateChanged);
    connect(session, &Session::peerConnected, this, &HeadlessRun::onPeerConnected);
    connect(session, &Session::errorOccurred, this,
        [this](PeerId id, const SessionError &error) { onSessionError(id, ErrorText::session(error)); });
    connect(session, &Session::activity, this, [this](Session::Activity activity, const QString &endpoint) {
        if (activity == Session::Activity::Listening)
            m_out(tr("Listening on %1, waiting for the first client...").arg(endpoint));
        else if (activity == Session::Activity::Bound)
            m_out(tr("Bound to %1.").arg(endpoint));
    });
    connect(m_runner, &SequenceRunner::stepFinished, this, &HeadlessRun::onStepFinished);
    connect(m_runner, &SequenceRunner::finished, this, &HeadlessRun::onRunFinished);
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &HeadlessRun::onWaitTimeout);
}

HeadlessRun::~HeadlessRun() = default;

void HeadlessRun::start()
{
    Session *session = m_tab->session();
    Session::OpenRequest request;
    request.host = m_options.host;
    request.port = m_options.port;
    request.address = m_options.address;
    request.timeoutMs = m_options.waitMs;
    if (m_options.transport == "tcp-client") {
        const QHostAddress literal(m_options.host);
        m_out(tr("Connecting to %1...")
                  .arg(literal.isNull() ? QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port)
                                        : Endpoint::format(literal, m_options.port)));
    } else {
        request.host.clear();
    }
    if (DatagramControl *datagrams = session->datagrams(); datagrams && !m_options.host.isEmpty())
        datagrams->setRemoteTarget(m_options.host, m_options.toPort);
    m_wait.start(m_options.waitMs);
    session->open(request);
}

void HeadlessRun::onStateChanged()
{
    Session *session = m_tab->session();
    if (m_began || m_done)
        return;
    // A bound socket with a target can start at once; without one it answers the first sender.
    if (session->state() == Session::State::Open && session->traits().delivery == Session::Delivery::Datagrams
        && !m_options.host.isEmpty())
        begin();
    else if (session->state() == Session::State::Idle)
        finish(1); // could not connect, listen or bind: the error was printed
}

void HeadlessRun::onPeerConnected(PeerId id, const QString &endpoint)
{
    if (m_began || m_done)
        return;
    const Session::Traits traits = m_tab->session()->traits();
    if (traits.role == Session::Role::Connect)
        m_out(tr("Connected to %1.").arg(endpoint));
    else if (traits.delivery == Session::Delivery::Datagrams)
        m_out(tr("First datagram from %1.").arg(endpoint));
    else
        m_out(tr("Client %1 connected.").arg(endpoint));
    // A server runs with this client only; a UDP socket answers this sender.
    if (traits.peers == Session::Peers::Many)
        m_channel->setCurrentPeer(id);
    begin();
}

void HeadlessRun::onSessionError(PeerId id, const QString &words)
{
    const QString endpoint = id != 0 ? m_tab->session()->peerInfo(id).endpoint : QString();
    m_err(endpoint.isEmpty() ? tr("netassist: %1").arg(words) : tr("netassist: %1: %2").arg(endpoint, words));
    // Listening or binding failed (a client's failed connect also ends in Idle): nothing will run.
    if (id == 0 && !m_began && m_tab->session()->state() != Session::State::Open)
        QTimer::singleShot(0, this, [this] { finish(1); });
}

void HeadlessRun::begin()
{
    m_began = true;
    m_wait.stop();
    m_out(tr("Running \u201c%1\u201d (%n step(s)).", nullptr, int(m_sequence.steps.size()))
              .arg(m_sequence.name.isEmpty() ? m_options.sequencePath : m_sequence.name));
    m_runner->run();
}

QString HeadlessRun::stepLabel(const StepResult &result) const
{
    QString label = QStringLiteral("%1 %2").arg(result.stepIndex + 1, 3).arg(SequenceText::kind(result.kind));
    if (result.iteration > 0)
        label += QStringLiteral(" #%1").arg(result.iteration);
    const QString name = m_sequence.steps.value(result.stepIndex).label;
    if (!name.isEmpty())
        label += QStringLiteral(" (%1)").arg(name);
    return label;
}

void HeadlessRun::onStepFinished(const StepResult &result)
{
    const QString status = result.status == StepStatus::Passed ? tr("PASS")
        : result.status == StepStatus::Failed                  ? tr("FAIL")
        : result.status == StepStatus::Skipped                 ? tr("SKIP")
                                                               : tr("STOP");
    m_out(QStringLiteral("%1  %2  %3").arg(status, stepLabel(result), SequenceText::outcome(result, m_sequence)));
}

void HeadlessRun::onRunFinished(const RunSummary &summary)
{
    const bool passed = summary.allPassed();
    m_out((passed ? tr("PASSED: %1") : tr("FAILED (%1): %2").arg(SequenceText::end(summary.end)))
              .arg(SequenceText::summary(summary)));
    int code = passed ? 0 : 1;
    if (!m_options.junitPath.isEmpty()) {
        JUnitReport::Options options;
        options.message = [this](const StepResult &r) { return SequenceText::outcome(r, m_sequence); };
        QSaveFile file(m_options.junitPath);
        if (!file.open(QIODevice::WriteOnly)
            || !JUnitReport::write(&file, m_sequence, m_runner->results(), summary, options) || !file.commit()) {
            m_err(tr("netassist: cannot write the JUnit report %1: %2").arg(m_options.junitPath, file.errorString()));
            code = 2;
        }
    }
    finish(code);
}

void HeadlessRun::onWaitTimeout()
{
    if (m_began || m_done)
        return;
    const Session::Traits traits = m_tab->session()->traits();
    const QString seconds = QString::number(m_options.waitMs / 1000.0, 'g', 6);
    if (traits.role == Session::Role::Connect)
        m_err(tr("netassist: no connection within %1 s.").arg(seconds));
    else if (traits.delivery == Session::Delivery::Datagrams)
        m_err(tr("netassist: no datagram within %1 s (give --to HOST:PORT to speak first).").arg(seconds));
    else
        m_err(tr("netassist: no client connected within %1 s.").arg(seconds));
    finish(1);
}

void HeadlessRun::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_wait.stop();
    m_tab->recorder()->flushPending();
    m_tab->session()->close();
    Q_EMIT finished(exitCode);
}
