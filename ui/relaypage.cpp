#include "relaypage.h"

#include "addresschooser.h"
#include "commandline.h"
#include "errortext.h"
#include "net/datagramcontrol.h"
#include "net/endpoint.h"
#include "net/socketlimits.h"
#include "peertablemodel.h"
#include "relayfaultspanel.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "settingsvalues.h"
#include "widgetnames.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
// Where the send box goes: which side of which pairs.
enum SendTo { ClientAll, TargetAll, ClientSelected, TargetSelected };
} // namespace

RelayPage::RelayPage(TabModel *model, QWidget *parent)
    : SessionPage(model, parent)
    , m_relay(model->session()->relay())
    , m_pairs(new PeerTableModel(model->session(), this))
    , m_datagrams(model->session()->traits().delivery == Session::Delivery::Datagrams)
{
    Q_ASSERT(m_relay);
    auto *page = new QVBoxLayout(this);
    page->addWidget(createTopRow());
    m_state = valueLabel(new QLabel(this), "relayState", tr("Relay state"), QString());
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    page->addWidget(m_state);
    m_inputError = valueLabel(new QLabel(this), "relayInputError", tr("Input error"), QString());
    m_inputError->setWordWrap(true);
    m_inputError->setVisible(false);
    page->addWidget(m_inputError);

    auto *sendSplitter = new QSplitter(Qt::Vertical, this);
    sendSplitter->setObjectName(QStringLiteral("relaySplitter"));
    sendSplitter->setChildrenCollapsible(false);
    auto *topSplitter = new QSplitter(Qt::Horizontal, sendSplitter);
    topSplitter->setObjectName(QStringLiteral("relayTopSplitter"));
    topSplitter->setChildrenCollapsible(false);
    sendSplitter->addWidget(topSplitter);
    topSplitter->addWidget(createPairsBox());
    page->addWidget(sendSplitter, 1);
    attach(topSplitter, sendSplitter);
    topSplitter->setStretchFactor(0, 1);
    topSplitter->setStretchFactor(1, 2);

    connect(sendPanel(), &SendPanel::sendRequested, this, &RelayPage::sendToTargets);
    connect(session(), &Session::stateChanged, this, &RelayPage::onStateChanged);
    connect(session(), &Session::errorOccurred, this, [this](PeerId id, const SessionError &error) {
        if (id != 0)
            return; // a pair's trouble (its target refused...) is in the log
        m_lastError = ErrorText::session(error);
        onStateChanged();
    });
    connect(m_pairs, &QAbstractItemModel::rowsInserted, this, &RelayPage::updateSendAvailability);
    connect(m_pairs, &QAbstractItemModel::rowsRemoved, this, &RelayPage::updateSendAvailability);
    validateInput();
}

RelayPage::~RelayPage() = default;

QWidget *RelayPage::createTopRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto label = [row, layout](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, row);
        l->setBuddy(buddy);
        layout->addWidget(l);
        layout->addWidget(buddy);
    };
    m_address = named(new QComboBox(row), "relayAddress", tr("Listen address"),
        tr("The local address the device (or program) connects to"));
    AddressChooser::fill(m_address);
    label(tr("Listen &on:"), m_address);
    m_port = named(new QLineEdit(row), "relayPort", tr("Listen port"),
        tr("Port to listen on, 0 to 65535 (0: the system chooses a free port)"));
    m_port->setMaximumWidth(90);
    m_port->setText(QString::number(SocketLimits::DefaultPort));
    label(tr("&Port:"), m_port);
    m_target = named(new QLineEdit(row), "relayTarget", tr("Target"),
        m_datagrams
            ? tr("Where every client's datagrams are forwarded: HOST:PORT, e.g. 192.168.1.5:5683 or [::1]:9000")
            : tr("Where every accepted connection is forwarded: HOST:PORT, e.g. 192.168.1.5:502 or [::1]:8000"));
    m_target->setPlaceholderText(QStringLiteral("192.168.1.5:502"));
    label(tr("&Forward to:"), m_target);
    m_listen = named(new QPushButton(tr("&Listen"), row), "relayListen", tr("Start or stop the relay"),
        tr("Listen and forward every connection to the target, or stop and close every pair"));
    layout->addWidget(m_listen);
    connect(m_listen, &QPushButton::clicked, this, &RelayPage::toggleSession);
    connect(m_port, &QLineEdit::textChanged, this, &RelayPage::validateInput);
    connect(m_target, &QLineEdit::textChanged, this, &RelayPage::validateInput);
    connect(m_port, &QLineEdit::returnPressed, this, &RelayPage::toggleSession);
    connect(m_target, &QLineEdit::returnPressed, this, &RelayPage::toggleSession);
    return row;
}

QWidget *RelayPage::createPairsBox()
{
    auto *box = new QGroupBox(tr("Pairs"), this);
    box->setObjectName(QStringLiteral("relayPairsBox"));
    auto *layout = new QVBoxLayout(box);
    m_table = named(new QTableView(box), "relayPairs", tr("Relayed connections"),
        tr("One row per client: its endpoint, since when, bytes it sent (RX) and bytes the target sent (TX), our end "
           "of its upstream connection and its state"));
    m_table->setModel(m_pairs);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RelayPage::updateSendAvailability);

    auto *row = new QHBoxLayout;
    m_sendTo = named(new QComboBox(box), "relaySendTo", tr("Send target"),
        tr("Inject the send box's data towards the client side or the target side of the pairs"));
    m_sendTo->addItem(tr("Client side, all pairs"), ClientAll);
    m_sendTo->addItem(tr("Target side, all pairs"), TargetAll);
    m_sendTo->addItem(tr("Client side, selected pairs"), ClientSelected);
    m_sendTo->addItem(tr("Target side, selected pairs"), TargetSelected);
    auto *sendLabel = new QLabel(tr("Send &to:"), box);
    sendLabel->setBuddy(m_sendTo);
    row->addWidget(sendLabel);
    row->addWidget(m_sendTo, 1);
    m_disconnect = named(new QPushButton(tr("&Disconnect"), box), "relayDisconnect",
        tr("Disconnect the selected pairs"), tr("Close both connections of the selected pairs"));
    row->addWidget(m_disconnect);
    layout->addLayout(row);
    if (m_datagrams) {
        auto *expiryRow = new QHBoxLayout;
        m_expiry = named(new QSpinBox(box), "relayExpiry", tr("Idle time before a pair is forgotten"),
            tr("A pair nobody has sent on for this long is forgotten and its upstream socket closed; the client's "
               "next datagram makes a new pair. 0: never"));
        m_expiry->setRange(0, 24 * 3600);
        m_expiry->setSuffix(tr(" s"));
        m_expiry->setSpecialValueText(tr("never"));
        m_expiry->setValue(int(m_relay->pairExpiryMs() / 1000));
        auto *expiryLabel = new QLabel(tr("Forget pairs &idle for:"), box);
        expiryLabel->setBuddy(m_expiry);
        expiryRow->addWidget(expiryLabel);
        expiryRow->addWidget(m_expiry);
        expiryRow->addStretch(1);
        layout->addLayout(expiryRow);
        connect(m_expiry, &QSpinBox::valueChanged, this,
            [this](int seconds) { m_relay->setPairExpiryMs(qint64(seconds) * 1000); });
    }
    connect(m_sendTo, &QComboBox::currentIndexChanged, this, &RelayPage::updateSendAvailability);
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        for (const PeerId id : selectedPairs())
            session()->disconnectPeer(id);
    });

    const auto transport = m_datagrams ? RelayFaultsPanel::Transport::Datagrams : RelayFaultsPanel::Transport::Stream;
    m_clientFaults = new RelayFaultsPanel(
        m_relay, RelayControl::Side::Client, transport, tr("Faults, client → target"), "relayFaultsClient", box);
    m_targetFaults = new RelayFaultsPanel(
        m_relay, RelayControl::Side::Target, transport, tr("Faults, target → client"), "relayFaultsTarget", box);
    auto *faults = new QHBoxLayout;
    faults->addWidget(m_clientFaults);
    faults->addWidget(m_targetFaults);
    layout->addLayout(faults);
    return box;
}

QString RelayPage::title() const
{
    const Endpoint::HostPort target = Endpoint::parseHostPort(m_target->text());
    const quint16 port = session()->state() == Session::State::Open ? session()->localPort()
                                                                    : Endpoint::parsePort(m_port->text(), true).port;
    if (m_datagrams) {
        if (!target.ok())
            return tr("UDP Relay :%1").arg(port);
        return tr("UDP Relay :%1 → %2").arg(port).arg(m_target->text().trimmed());
    }
    if (!target.ok())
        return tr("Relay :%1").arg(port);
    return tr("Relay :%1 → %2").arg(port).arg(m_target->text().trimmed());
}

void RelayPage::setListenAddress(const QHostAddress &address, quint16 port)
{
    AddressChooser::select(m_address, address);
    m_port->setText(QString::number(port));
}

namespace {
QString hostPortText(const QString &host, quint16 port)
{
    const QHostAddress literal(host);
    return literal.isNull() ? host + u':' + QString::number(port) : Endpoint::format(literal, port);
}
} // namespace

void RelayPage::setTarget(const QString &host, quint16 port)
{
    m_target->setText(hostPortText(host, port));
}

void RelayPage::applyPreset(const TabPreset &preset)
{
    setListenAddress(preset.address, preset.port);
    if (!preset.toHost.isEmpty())
        setTarget(preset.toHost, preset.toPort);
    if (preset.open && session()->state() == Session::State::Idle)
        toggleSession();
}

void RelayPage::validateInput()
{
    const auto port = Endpoint::parsePort(m_port->text(), true);
    const Endpoint::HostPort target = Endpoint::parseHostPort(m_target->text());
    m_inputValid = port.ok() && target.ok();
    QString problem;
    if (!port.ok())
        problem = tr("Port: %1").arg(ErrorText::port(port.error));
    else if (!target.ok() && !m_target->text().trimmed().isEmpty())
        problem = tr("Target: %1").arg(CommandLineText::hostPortProblem(target.error, false));
    showProblem(m_inputError, problem);
    onStateChanged();
}

void RelayPage::toggleSession()
{
    if (session()->state() != Session::State::Idle) {
        session()->close();
        return;
    }
    if (!m_inputValid)
        return;
    m_lastError.clear();
    const Endpoint::HostPort target = Endpoint::parseHostPort(m_target->text());
    Session::OpenRequest request;
    request.address = AddressChooser::current(m_address);
    request.port = Endpoint::parsePort(m_port->text(), true).port;
    request.targetHost = target.host;
    request.targetPort = target.port;
    session()->open(request);
    if (session()->state() == Session::State::Open)
        m_port->setText(QString::number(session()->localPort()));
    onStateChanged();
}

void RelayPage::onStateChanged()
{
    const bool idle = session()->state() == Session::State::Idle;
    m_address->setEnabled(idle);
    m_port->setEnabled(idle);
    m_target->setEnabled(idle);
    m_listen->setText(idle ? tr("&Listen") : tr("&Stop"));
    m_listen->setEnabled(!idle || m_inputValid);
    if (!idle) {
        showState(m_state,
            tr("Relaying %1 → %2")
                .arg(session()->localEndpoint(), hostPortText(m_relay->targetHost(), m_relay->targetPort())),
            false);
    } else if (!m_lastError.isEmpty()) {
        showState(m_state, tr("Not relaying: %1").arg(m_lastError), true);
    } else {
        showState(m_state, tr("Not relaying"), false);
    }
    updateSendAvailability();
    Q_EMIT titleChanged();
}

QList<PeerId> RelayPage::selectedPairs() const
{
    QList<PeerId> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << m_pairs->peerAt(index.row());
    return ids;
}

void RelayPage::updateSendAvailability()
{
    const int to = m_sendTo->currentData().toInt();
    const bool selectedOnly = to == ClientSelected || to == TargetSelected;
    sendPanel()->setPeerAvailable(session()->peerCount() > 0 && (!selectedOnly || !selectedPairs().isEmpty()));
    m_disconnect->setEnabled(!selectedPairs().isEmpty());
}

void RelayPage::sendToTargets(const QByteArray &bytes)
{
    const int to = m_sendTo->currentData().toInt();
    const RelayControl::Side side
        = (to == TargetAll || to == TargetSelected) ? RelayControl::Side::Target : RelayControl::Side::Client;
    if (to == ClientSelected || to == TargetSelected) {
        const QList<PeerId> ids = selectedPairs();
        if (!ids.isEmpty())
            m_relay->inject(side, bytes, ids);
        return;
    }
    m_relay->inject(side, bytes);
}

void RelayPage::saveOwnSettings(QSettings &settings) const
{
    const QHostAddress address = AddressChooser::current(m_address);
    settings.setValue(QStringLiteral("address"),
        address == QHostAddress(QHostAddress::Any) ? QStringLiteral("any") : address.toString());
    settings.setValue(QStringLiteral("port"), m_port->text());
    settings.setValue(QStringLiteral("target"), m_target->text());
    m_clientFaults->save(settings, QStringLiteral("faultsFromClient"));
    m_targetFaults->save(settings, QStringLiteral("faultsFromTarget"));
    if (m_expiry)
        settings.setValue(QStringLiteral("expirySeconds"), m_expiry->value());
}

void RelayPage::restoreOwnSettings(const QSettings &settings)
{
    const QString stored = SettingsValues::text(settings, QStringLiteral("address"), QStringLiteral("any"));
    const QHostAddress address = AddressChooser::known(m_address, QHostAddress(stored));
    const auto port = Endpoint::parsePort(SettingsValues::text(settings, QStringLiteral("port")), true);
    setListenAddress(address, port.ok() ? port.port : SocketLimits::DefaultPort);
    m_target->setText(SettingsValues::text(settings, QStringLiteral("target")));
    m_clientFaults->restore(settings, QStringLiteral("faultsFromClient"));
    m_targetFaults->restore(settings, QStringLiteral("faultsFromTarget"));
    if (m_expiry) {
        m_expiry->setValue(SettingsValues::number(settings, QStringLiteral("expirySeconds"), 0, m_expiry->maximum(),
            int(DatagramControl::DefaultPeerExpiryMs / 1000)));
    }
}
