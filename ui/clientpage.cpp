#include "clientpage.h"

#include "commandline.h"
#include "errortext.h"
#include "net/endpoint.h"
#include "net/sessionfactory.h"
#include "net/socketlimits.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "settingsvalues.h"
#include "ui_clientpage.h"

#include <QSettings>

namespace {
constexpr int MaxRecentHosts = 12;

QStringList defaultHosts()
{
    return {QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("localhost")};
}

QString unbracketed(QString host)
{
    host = host.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host;
}
} // namespace

ClientPage::ClientPage(QWidget *parent)
    : ClientPage(new TabModel(Sessions::create(Transport::TcpClient)), parent)
{ }

ClientPage::ClientPage(TabModel *model, QWidget *parent)
    : SessionPage(model, parent)
    , m_ui(std::make_unique<Ui::ClientPage>())
{
    Q_ASSERT(session()->traits().role == Session::Role::Connect);
    m_ui->setupUi(this);
    attach(m_ui->clientSplitter, m_ui->clientSplitter);
    m_ui->clientHost->addItems(defaultHosts());
    m_ui->clientPort->setText(QString::number(SocketLimits::DefaultPort));
    m_ui->clientHost->lineEdit()->setAccessibleName(tr("Remote host"));
    m_ui->clientHost->lineEdit()->setObjectName(QStringLiteral("clientHostEdit"));

    connect(m_ui->clientConnect, &QPushButton::clicked, this, &ClientPage::toggleSession);
    connect(m_ui->clientHost, &QComboBox::editTextChanged, this, &ClientPage::validateInput);
    connect(m_ui->clientPort, &QLineEdit::textChanged, this, &ClientPage::validateInput);
    connect(m_ui->clientLocalPort, &QLineEdit::textChanged, this, &ClientPage::validateInput);
    connect(m_ui->clientPort, &QLineEdit::returnPressed, this, &ClientPage::toggleSession);

    connect(session(), &Session::stateChanged, this, &ClientPage::onStateChanged);
    connect(session(), &Session::peerConnected, this, [this](PeerId, const QString &peer) {
        m_ui->clientEndpoints->setText(tr("Local %1  \u2194  Peer %2").arg(session()->localEndpoint(), peer));
        sendPanel()->setPeerAvailable(true);
        Q_EMIT titleChanged();
    });
    connect(session(), &Session::peerDisconnected, this, [this] {
        m_ui->clientEndpoints->clear();
        sendPanel()->setPeerAvailable(false);
    });
    connect(session(), &Session::errorOccurred, this, [this](PeerId, const SessionError &error) {
        m_lastError = ErrorText::session(error);
        showState(m_ui->clientState, m_lastError, true);
    });
    connect(sendPanel(), &SendPanel::sendRequested, this, [this](const QByteArray &bytes) { session()->send(bytes); });

    sendPanel()->setFileTarget(session());
    sendPanel()->setPeerAvailable(false);
    onStateChanged();
    validateInput();
}

ClientPage::~ClientPage() = default;

QString ClientPage::title() const
{
    const auto port = Endpoint::parsePort(m_ui->clientPort->text());
    const QString host = unbracketed(m_ui->clientHost->currentText());
    if (host.isEmpty() || !port.ok())
        return tr("Client");
    const QHostAddress literal(host);
    return tr("Client %1")
        .arg(literal.isNull() ? host + QLatin1Char(':') + QString::number(port.port)
                              : Endpoint::format(literal, port.port));
}

QStringList ClientPage::recentHosts() const
{
    QStringList hosts;
    for (int i = 0; i < m_ui->clientHost->count(); ++i)
        hosts << m_ui->clientHost->itemText(i);
    return hosts;
}

void ClientPage::setRecentHosts(const QStringList &hosts)
{
    const QString current = m_ui->clientHost->currentText();
    m_ui->clientHost->clear();
    m_ui->clientHost->addItems(hosts.mid(0, MaxRecentHosts));
    m_ui->clientHost->setEditText(current);
}

void ClientPage::setTarget(const QString &host, quint16 port)
{
    m_ui->clientHost->setEditText(host);
    m_ui->clientPort->setText(QString::number(port));
}

void ClientPage::applyPreset(const TabPreset &preset)
{
    setTarget(preset.host, preset.port);
    if (preset.open && session()->state() == Session::State::Idle)
        toggleSession();
}

void ClientPage::saveOwnSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("host"), m_ui->clientHost->currentText());
    settings.setValue(QStringLiteral("port"), m_ui->clientPort->text());
    settings.setValue(QStringLiteral("localPort"), m_ui->clientLocalPort->text());
    settings.setValue(QStringLiteral("recentHosts"), recentHosts());
}

void ClientPage::restoreOwnSettings(const QSettings &settings)
{
    const QStringList recent = SettingsValues::list(settings, QStringLiteral("recentHosts"));
    setRecentHosts(recent.isEmpty() ? defaultHosts() : recent);
    m_ui->clientHost->setEditText(SettingsValues::text(settings, QStringLiteral("host"), QStringLiteral("127.0.0.1")));
    // A stored port is shown even when invalid: the input check then says what is wrong with it.
    m_ui->clientPort->setText(
        SettingsValues::text(settings, QStringLiteral("port"), QString::number(SocketLimits::DefaultPort)));
    m_ui->clientLocalPort->setText(SettingsValues::text(settings, QStringLiteral("localPort")));
    validateInput();
}

void ClientPage::validateInput()
{
    QString problem;
    if (m_ui->clientHost->currentText().trimmed().isEmpty())
        problem = tr("Enter the host to connect to.");
    const auto port = Endpoint::parsePort(m_ui->clientPort->text());
    if (problem.isEmpty() && !port.ok())
        problem = tr("Remote port: %1").arg(ErrorText::port(port.error));
    if (problem.isEmpty() && !m_ui->clientLocalPort->text().trimmed().isEmpty()) {
        const auto local = Endpoint::parsePort(m_ui->clientLocalPort->text());
        if (!local.ok())
            problem = tr("Local port: %1").arg(ErrorText::port(local.error));
    }
    m_inputValid = problem.isEmpty();
    showProblem(m_ui->clientInputError, problem);
    onStateChanged();
    Q_EMIT titleChanged();
}

void ClientPage::toggleSession()
{
    if (session()->state() != Session::State::Idle) {
        session()->close();
        return;
    }
    if (!m_inputValid)
        return;
    Session::OpenRequest request;
    request.host = unbracketed(m_ui->clientHost->currentText());
    request.port = Endpoint::parsePort(m_ui->clientPort->text()).port;
    request.localPort = Endpoint::parsePort(m_ui->clientLocalPort->text()).port; // 0 when empty
    rememberHost(request.host);
    m_lastError.clear();
    session()->open(request);
}

void ClientPage::rememberHost(const QString &host)
{
    QStringList hosts = recentHosts();
    hosts.removeAll(host);
    hosts.prepend(host);
    setRecentHosts(hosts);
    m_ui->clientHost->setCurrentIndex(0);
}

void ClientPage::onStateChanged()
{
    const Session::State state = session()->state();
    const bool idle = state == Session::State::Idle;
    m_ui->clientHost->setEnabled(idle);
    m_ui->clientPort->setEnabled(idle);
    m_ui->clientLocalPort->setEnabled(idle);
    switch (state) {
    case Session::State::Idle:
        m_ui->clientConnect->setText(tr("&Connect"));
        m_ui->clientConnect->setEnabled(m_inputValid);
        if (m_lastError.isEmpty())
            showState(m_ui->clientState, tr("Disconnected"), false);
        else
            showState(m_ui->clientState, tr("Disconnected: %1").arg(m_lastError), true);
        break;
    case Session::State::Opening:
        m_ui->clientConnect->setText(tr("&Cancel"));
        m_ui->clientConnect->setEnabled(true);
        showState(m_ui->clientState, tr("Connecting\u2026"), false);
        break;
    case Session::State::Open:
        m_ui->clientConnect->setText(tr("&Disconnect"));
        m_ui->clientConnect->setEnabled(true);
        showState(m_ui->clientState,
            tr("Connected to %1").arg(session()->peerInfo(session()->peers().value(0)).endpoint), false);
        break;
    case Session::State::Closing:
        m_ui->clientConnect->setText(tr("&Disconnect"));
        m_ui->clientConnect->setEnabled(false);
        showState(m_ui->clientState, tr("Disconnecting\u2026"), false);
        break;
    }
}
