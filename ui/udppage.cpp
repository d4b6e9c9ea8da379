#include "udppage.h"

#include "addresschooser.h"
#include "commandline.h"
#include "errortext.h"
#include "multicastcontrol.h"
#include "net/datagramcontrol.h"
#include "net/endpoint.h"
#include "net/localaddresses.h"
#include "net/sessionfactory.h"
#include "net/socketlimits.h"
#include "peertablemodel.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "settingsvalues.h"
#include "statuscolors.h"
#include "ui_udppage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>

namespace {
QString unbracketed(QString host)
{
    host = host.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host;
}
} // namespace

UdpPage::UdpPage(QWidget *parent)
    : UdpPage(new TabModel(Sessions::create(Transport::Udp)), parent)
{ }

UdpPage::UdpPage(TabModel *model, QWidget *parent)
    : SessionPage(model, parent)
    , m_ui(std::make_unique<Ui::UdpPage>())
    , m_datagrams(model->session()->datagrams())
    , m_peers(new PeerTableModel(model->session(), this))
    , m_multicast(new MulticastControl(this))
{
    Q_ASSERT(session()->traits().role == Session::Role::Bind && m_datagrams);
    m_ui->setupUi(this);
    attach(m_ui->udpTopSplitter, m_ui->udpSplitter);
    m_multicast->setObjectName(QStringLiteral("multicastControl"));
    auto *page = static_cast<QVBoxLayout *>(layout());
    page->insertWidget(page->indexOf(m_ui->udpSplitter), m_multicast);
    m_ui->udpTopSplitter->setStretchFactor(0, 1);
    m_ui->udpTopSplitter->setStretchFactor(1, 2);
    m_ui->udpPeers->setModel(m_peers);
    sizePeerTable();

    AddressChooser::fill(m_ui->udpAddress);
    m_ui->udpPort->setText(QString::number(SocketLimits::DefaultUdpPort));
    m_ui->udpTargetMode->addItem(tr("Host and port"), int(Target::Remote));
    m_ui->udpTargetMode->addItem(tr("Last sender"), int(Target::LastSender));
    m_ui->udpTargetMode->addItem(tr("Selected peers"), int(Target::Selected));
    fillTargetHosts();
    m_ui->udpTargetHost->setEditText(QStringLiteral("127.0.0.1"));
    m_ui->udpTargetPort->setText(QString::number(SocketLimits::DefaultUdpPort));
    m_ui->udpTargetHost->lineEdit()->setAccessibleName(tr("Remote host"));
    m_ui->udpTargetHost->lineEdit()->setObjectName(QStringLiteral("udpTargetHostEdit"));

    connect(m_ui->udpBind, &QPushButton::clicked, this, &UdpPage::toggleSession);
    connect(m_ui->udpPort, &QLineEdit::textChanged, this, &UdpPage::validateInput);
    connect(m_ui->udpPort, &QLineEdit::returnPressed, this, &UdpPage::toggleSession);
    connect(m_ui->udpTargetHost, &QComboBox::editTextChanged, this, &UdpPage::validateInput);
    connect(m_ui->udpTargetPort, &QLineEdit::textChanged, this, &UdpPage::validateInput);
    connect(m_ui->udpTargetMode, &QComboBox::currentIndexChanged, this, &UdpPage::validateInput);
    connect(m_ui->udpPeers->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &UdpPage::updateSendAvailability);
    connect(m_ui->udpExpiry, &QSpinBox::valueChanged, this,
        [this](int seconds) { m_datagrams->setPeerExpiryMs(qint64(seconds) * 1000); });
    m_ui->udpExpiry->setSpecialValueText(tr("never"));
    connect(m_ui->udpForget, &QPushButton::clicked, this, &UdpPage::forgetSelected);

    connect(session(), &Session::stateChanged, this, &UdpPage::onStateChanged);
    connect(session(), &Session::errorOccurred, this, &UdpPage::onError);
    connect(session(), &Session::peerConnected, this, &UdpPage::updateSendAvailability);
    connect(session(), &Session::peerDisconnected, this, &UdpPage::updateSendAvailability);
    connect(sendPanel(), &SendPanel::sendRequested, this, &UdpPage::sendToTargets);
    sendPanel()->setFileTarget(session(), [this] { return targetPeers(); });

    m_multicast->setTarget(m_datagrams, false);
    validateInput();
    onStateChanged();
}

UdpPage::~UdpPage() = default;

void UdpPage::fillTargetHosts()
{
    // Broadcasts first after the loopback targets: sending to one just works (Qt lets every UDP socket broadcast).
    QStringList hosts {QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("255.255.255.255")};
    for (const LocalAddresses::Entry &entry : LocalAddresses::list()) {
        const QString broadcast = entry.broadcast.isNull() ? QString() : entry.broadcast.toString();
        if (!broadcast.isEmpty() && !hosts.contains(broadcast))
            hosts.append(broadcast);
    }
    m_ui->udpTargetHost->addItems(hosts);
}

void UdpPage::sizePeerTable()
{
    QHeaderView *header = m_ui->udpPeers->horizontalHeader();
    // Peer | first seen | last seen | datagrams and bytes in | datagrams and bytes out.
    header->moveSection(header->visualIndex(PeerTableModel::LastSeenColumn), 2);
    header->moveSection(header->visualIndex(PeerTableModel::RxCountColumn), 3);
    header->moveSection(header->visualIndex(PeerTableModel::TxCountColumn), 5);
    const QFontMetrics metrics(m_ui->udpPeers->font());
    const QFontMetrics headerMetrics(header->font());
    for (int column = 0; column < m_peers->columnCount(); ++column) {
        const QString title = m_peers->headerData(column, Qt::Horizontal).toString();
        const char *sample = column == PeerTableModel::PeerColumn ? "000.000.000.000:00000"
            : column == PeerTableModel::SinceColumn || column == PeerTableModel::LastSeenColumn ? "00:00:00"
                                                                                                : "0,000,000";
        header->resizeSection(column,
            std::max(metrics.horizontalAdvance(QLatin1String(sample)), headerMetrics.horizontalAdvance(title)) + 16);
    }
    // Until first shown: the peer, its times and datagram counts in view, the rest for the log (as the server tab).
    int shown = 0;
    for (int visual = 0; visual < 4; ++visual)
        shown += header->sectionSize(header->logicalIndex(visual));
    m_ui->udpTopSplitter->setSizes({shown + 40, 2 * (shown + 40)});
}

QString UdpPage::title() const
{
    const bool open = session()->state() == Session::State::Open;
    const auto port = Endpoint::parsePort(m_ui->udpPort->text(), true);
    if (!open && !port.ok())
        return tr("UDP");
    const QHostAddress address = open ? session()->localAddress() : AddressChooser::current(m_ui->udpAddress);
    const quint16 shown = open ? session()->localPort() : port.port;
    if (address == QHostAddress(QHostAddress::Any))
        return tr("UDP :%1").arg(shown);
    return tr("UDP %1").arg(Endpoint::format(address, shown));
}

void UdpPage::setBindAddress(const QHostAddress &address, quint16 port)
{
    AddressChooser::select(m_ui->udpAddress, address);
    m_ui->udpPort->setText(QString::number(port));
}

void UdpPage::setRemoteTarget(const QString &host, quint16 port)
{
    m_ui->udpTargetHost->setEditText(host);
    m_ui->udpTargetPort->setText(QString::number(port));
    m_ui->udpTargetMode->setCurrentIndex(m_ui->udpTargetMode->findData(int(Target::Remote)));
}

void UdpPage::applyPreset(const TabPreset &preset)
{
    setBindAddress(preset.address, preset.port);
    if (!preset.toHost.isEmpty())
        setRemoteTarget(preset.toHost, preset.toPort);
    QList<DatagramControl::Membership> groups = m_multicast->wanted();
    for (const TabPreset::Group &group : preset.joins) {
        const DatagramControl::Membership membership {group.group, group.interfaceName};
        if (!groups.contains(membership))
            groups.append(membership);
    }
    m_multicast->setWanted(groups);
    if (preset.open && session()->state() == Session::State::Idle)
        toggleSession();
}

void UdpPage::toggleSession()
{
    if (session()->state() != Session::State::Idle) {
        session()->close();
        return;
    }
    if (!m_bindValid)
        return;
    m_lastError.clear();
    Session::OpenRequest request;
    request.address = AddressChooser::current(m_ui->udpAddress);
    request.port = Endpoint::parsePort(m_ui->udpPort->text(), true).port;
    request.shareAddress = m_ui->udpShare->isChecked();
    m_datagrams->setPeerExpiryMs(qint64(m_ui->udpExpiry->value()) * 1000);
    session()->open(request);
}

void UdpPage::validateInput()
{
    const auto port = Endpoint::parsePort(m_ui->udpPort->text(), true);
    m_bindValid = port.ok();
    QString problem = port.ok() ? QString() : tr("Local port: %1").arg(ErrorText::port(port.error));

    const bool remote = target() == Target::Remote;
    m_ui->udpTargetHost->setEnabled(remote);
    m_ui->udpTargetPort->setEnabled(remote);
    const QString host = unbracketed(m_ui->udpTargetHost->currentText());
    const auto targetPort = Endpoint::parsePort(m_ui->udpTargetPort->text());
    m_targetValid = !host.isEmpty() && targetPort.ok();
    if (remote && problem.isEmpty() && host.isEmpty())
        problem = tr("Enter the host to send to.");
    else if (remote && problem.isEmpty() && !targetPort.ok())
        problem = tr("Remote port: %1").arg(ErrorText::port(targetPort.error));
    showProblem(m_ui->udpInputError, problem);
    // The session looks a name up once, when it is set: only a complete target is handed over.
    m_datagrams->setRemoteTarget(m_targetValid ? host : QString(), m_targetValid ? targetPort.port : 0);
    m_ui->udpTargetState->hide();
    onStateChanged();
    Q_EMIT titleChanged();
}

void UdpPage::onStateChanged()
{
    const bool idle = session()->state() == Session::State::Idle;
    m_ui->udpAddress->setEnabled(idle);
    m_ui->udpPort->setEnabled(idle);
    m_ui->udpShare->setEnabled(idle);
    m_ui->udpBind->setText(idle ? tr("&Bind") : tr("Un&bind"));
    m_ui->udpBind->setEnabled(!idle || m_bindValid);
    if (!idle) {
        const bool all = session()->localAddress() == QHostAddress(QHostAddress::Any);
        showState(m_ui->udpState,
            all ? tr("Bound to port %1 of all interfaces (IPv4 + IPv6)").arg(session()->localPort())
                : tr("Bound to %1").arg(session()->localEndpoint()),
            false);
        if (m_ui->udpPort->text() != QString::number(session()->localPort()))
            m_ui->udpPort->setText(QString::number(session()->localPort()));
    } else if (!m_lastError.isEmpty()) {
        showState(m_ui->udpState, tr("Not bound: %1").arg(m_lastError), true);
    } else {
        showState(m_ui->udpState, tr("Not bound"), false);
    }
    m_multicast->setTarget(m_datagrams, !idle);
    updateSendAvailability();
    Q_EMIT titleChanged();
}

void UdpPage::onError(PeerId id, const SessionError &error)
{
    if (id == 0) {
        // Binding failed (or a join, a lookup, a send): the state line says it until the next attempt.
        m_lastError = ErrorText::session(error);
        if (session()->state() == Session::State::Idle)
            onStateChanged();
        else
            showState(m_ui->udpState, m_lastError, true);
        return;
    }
    // A send to one peer failed: the log has it with the peer; the target line says it in the peer's words.
    const QString endpoint = session()->peerInfo(id).endpoint;
    const QString text = error.kind == SessionError::Kind::PortUnreachable
        ? tr("Nothing is listening at %1.").arg(endpoint)
        : tr("%1: %2").arg(endpoint, ErrorText::session(error));
    showProblem(m_ui->udpTargetState, text);
}

UdpPage::Target UdpPage::target() const
{
    return Target(m_ui->udpTargetMode->currentData().toInt());
}

QList<PeerId> UdpPage::selectedPeers() const
{
    QList<PeerId> peers;
    const QModelIndexList rows = m_ui->udpPeers->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        peers << m_peers->peerAt(index.row());
    return peers;
}

// Empty for the remote target (Session::send() goes there without targets).
QList<PeerId> UdpPage::targetPeers() const
{
    switch (target()) {
    case Target::Remote:
        return {};
    case Target::LastSender:
        return m_datagrams->lastSender() != 0 ? QList<PeerId> {m_datagrams->lastSender()} : QList<PeerId> {};
    case Target::Selected:
        return selectedPeers();
    }
    return {};
}

PeerId UdpPage::sequencePeer() const
{
    return selectedPeers().value(0);
}

void UdpPage::updateSendAvailability()
{
    const bool bound = session()->state() == Session::State::Open;
    bool available = bound;
    QHostAddress destination;
    switch (target()) {
    case Target::Remote:
        available = available && m_targetValid;
        destination = QHostAddress(unbracketed(m_ui->udpTargetHost->currentText()));
        break;
    case Target::LastSender:
    case Target::Selected: {
        const QList<PeerId> peers = targetPeers();
        available = available && !peers.isEmpty();
        // The smaller IPv4 limit as soon as one target is IPv4.
        for (PeerId id : peers) {
            const QHostAddress address = m_datagrams->peerAddress(id);
            if (destination.isNull() || address.protocol() == QAbstractSocket::IPv4Protocol)
                destination = address;
        }
        break;
    }
    }
    const bool ipv6 = destination.protocol() == QAbstractSocket::IPv6Protocol;
    sendPanel()->setSizeLimit(DatagramControl::maxPayload(destination),
        ipv6 ? DatagramControl::UnfragmentedIPv6Payload : DatagramControl::UnfragmentedIPv4Payload);
    sendPanel()->setPeerAvailable(available);
    m_ui->udpForget->setEnabled(!selectedPeers().isEmpty());
    sequencePeerChanged();
}

void UdpPage::sendToTargets(const QByteArray &bytes)
{
    const QList<PeerId> peers = targetPeers();
    if (target() != Target::Remote && peers.isEmpty())
        return;
    session()->send(bytes, peers);
}

void UdpPage::forgetSelected()
{
    for (PeerId id : selectedPeers())
        session()->disconnectPeer(id);
}

void UdpPage::saveOwnSettings(QSettings &settings) const
{
    const QHostAddress address = AddressChooser::current(m_ui->udpAddress);
    settings.setValue(QStringLiteral("address"),
        address == QHostAddress(QHostAddress::Any) ? QStringLiteral("any") : address.toString());
    settings.setValue(QStringLiteral("port"), m_ui->udpPort->text());
    settings.setValue(QStringLiteral("share"), m_ui->udpShare->isChecked());
    settings.setValue(QStringLiteral("target"), int(target()));
    settings.setValue(QStringLiteral("targetHost"), m_ui->udpTargetHost->currentText());
    settings.setValue(QStringLiteral("targetPort"), m_ui->udpTargetPort->text());
    settings.setValue(QStringLiteral("expirySeconds"), m_ui->udpExpiry->value());
    QJsonArray groups;
    for (const DatagramControl::Membership &membership : m_multicast->wanted()) {
        groups.append(QJsonObject {{QStringLiteral("group"), membership.group.toString()},
            {QStringLiteral("interface"), membership.interfaceName}});
    }
    settings.setValue(
        QStringLiteral("groups"), QString::fromUtf8(QJsonDocument(groups).toJson(QJsonDocument::Compact)));
    settings.setValue(QStringLiteral("ttl"), m_multicast->ttl());
    settings.setValue(QStringLiteral("loopback"), m_multicast->loopback());
}

void UdpPage::restoreOwnSettings(const QSettings &settings)
{
    const QString stored = SettingsValues::text(settings, QStringLiteral("address"), QStringLiteral("any"));
    const auto port = Endpoint::parsePort(SettingsValues::text(settings, QStringLiteral("port")), true);
    setBindAddress(AddressChooser::known(m_ui->udpAddress, QHostAddress(stored)),
        port.ok() ? port.port : SocketLimits::DefaultUdpPort);
    m_ui->udpShare->setChecked(SettingsValues::flag(settings, QStringLiteral("share"), false));
    const int mode = SettingsValues::number(settings, QStringLiteral("target"), 0, int(Target::Selected), 0);
    m_ui->udpTargetMode->setCurrentIndex(m_ui->udpTargetMode->findData(mode));
    m_ui->udpTargetHost->setEditText(
        SettingsValues::text(settings, QStringLiteral("targetHost"), QStringLiteral("127.0.0.1")));
    m_ui->udpTargetPort->setText(
        SettingsValues::text(settings, QStringLiteral("targetPort"), QString::number(SocketLimits::DefaultUdpPort)));
    m_ui->udpExpiry->setValue(SettingsValues::number(
        settings, QStringLiteral("expirySeconds"), 0, 86400, int(DatagramControl::DefaultPeerExpiryMs / 1000)));
    QList<DatagramControl::Membership> groups;
    const QJsonArray storedGroups
        = QJsonDocument::fromJson(SettingsValues::text(settings, QStringLiteral("groups")).toUtf8()).array();
    for (const QJsonValue &value : storedGroups) {
        const QHostAddress group(value.toObject().value(QStringLiteral("group")).toString());
        if (!group.isNull() && group.isMulticast())
            groups.append({group, value.toObject().value(QStringLiteral("interface")).toString()});
    }
    m_multicast->setWanted(groups);
    m_multicast->setTtl(SettingsValues::number(settings, QStringLiteral("ttl"), 0, 255, 1));
    m_multicast->setLoopback(SettingsValues::flag(settings, QStringLiteral("loopback"), true));
    validateInput();
}
