#include "serverpage.h"

#include "addresschooser.h"
#include "commandline.h"
#include "errortext.h"
#include "net/clientlimit.h"
#include "net/endpoint.h"
#include "net/sessionfactory.h"
#include "net/socketlimits.h"
#include "peertablemodel.h"
#include "sendpanel.h"
#include "session/tabmodel.h"
#include "settingsvalues.h"
#include "ui_serverpage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSettings>

#include <algorithm>

namespace {
enum class Target { All, Selected };
}

ServerPage::ServerPage(QWidget *parent)
    : ServerPage(new TabModel(Sessions::create(Transport::TcpServer)), parent)
{ }

ServerPage::ServerPage(TabModel *model, QWidget *parent)
    : SessionPage(model, parent)
    , m_ui(std::make_unique<Ui::ServerPage>())
    , m_clients(new PeerTableModel(session(), this))
{
    Q_ASSERT(session()->traits().role == Session::Role::Listen);
    m_ui->setupUi(this);
    attach(m_ui->serverTopSplitter, m_ui->serverSplitter);
    m_ui->serverTopSplitter->setStretchFactor(0, 1);
    m_ui->serverTopSplitter->setStretchFactor(1, 3);
    m_ui->serverClients->setModel(m_clients);
    sizeClientTable();
    m_ui->serverPort->setText(QString::number(SocketLimits::DefaultPort));
    m_ui->serverTarget->addItem(tr("All clients"), int(Target::All));
    m_ui->serverTarget->addItem(tr("Selected clients"), int(Target::Selected));
    AddressChooser::fill(m_ui->serverAddress);

    connect(m_ui->serverListen, &QPushButton::clicked, this, &ServerPage::toggleSession);
    connect(m_ui->serverPort, &QLineEdit::textChanged, this, &ServerPage::validateInput);
    connect(m_ui->serverPort, &QLineEdit::returnPressed, this, &ServerPage::toggleSession);
    if (ClientLimit *limit = session()->clientLimit()) {
        connect(m_ui->serverMaxClients, &QSpinBox::valueChanged, this, [limit](int max) { limit->setMaxClients(max); });
    } else {
        m_ui->serverMaxClients->setEnabled(false);
    }
    // 0 is no limit: say so rather than show a "0" that reads as "no clients at all".
    m_ui->serverMaxClients->setSpecialValueText(tr("no limit"));
    connect(m_ui->serverDisconnectClient, &QPushButton::clicked, this, &ServerPage::disconnectSelected);
    connect(m_ui->serverTarget, &QComboBox::currentIndexChanged, this, &ServerPage::updateSendAvailability);
    connect(m_ui->serverClients->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ServerPage::updateSendAvailability);
    connect(m_clients, &QAbstractItemModel::rowsInserted, this, &ServerPage::updateSendAvailability);
    connect(m_clients, &QAbstractItemModel::rowsRemoved, this, &ServerPage::updateSendAvailability);

    connect(session(), &Session::stateChanged, this, &ServerPage::onStateChanged);
    connect(session(), &Session::errorOccurred, this, [this](PeerId id, const SessionError &error) {
        if (id != 0)
            return; // a client's trouble is logged; the server itself is fine
        m_lastError = ErrorText::session(error);
        onStateChanged();
    });
    connect(sendPanel(), &SendPanel::sendRequested, this, &ServerPage::sendToTargets);
    // Same targets as a typed payload: an empty list means every client.
    sendPanel()->setFileTarget(session(), [this] {
        return m_ui->serverTarget->currentData().toInt() == int(Target::Selected) ? selectedPeers() : QList<PeerId> {};
    });

    validateInput();
    onStateChanged();
}

ServerPage::~ServerPage() = default;

void ServerPage::sizeClientTable()
{
    // Widths from sample text, not ResizeToContents, which would measure every row of a table of thousands; never
    // narrower than the column's title ("Connected at" is wider than the time below it, and wider still in some
    // translations).
    const QFontMetrics metrics(m_ui->serverClients->font());
    QHeaderView *header = m_ui->serverClients->horizontalHeader();
    const QFontMetrics headerMetrics(header->font());
    const auto size = [&](int column, const char *sample) {
        const QString title = m_clients->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const int width
            = std::max(metrics.horizontalAdvance(QLatin1String(sample)), headerMetrics.horizontalAdvance(title));
        header->resizeSection(column, width + 16);
    };
    size(PeerTableModel::PeerColumn, "000.000.000.000:00000");
    size(PeerTableModel::SinceColumn, "00:00:00");
    size(PeerTableModel::RxColumn, "000,000,000");
    int total = 0;
    for (int column = 0; column < PeerTableModel::ColumnCount; ++column)
        total += header->sectionSize(column);
    m_ui->serverTarget->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Proportions until first shown: enough for the table at the default window width, the rest for the log.
    m_ui->serverTopSplitter->setSizes({5 * (total + 40), 6 * (total + 40)});
}

void ServerPage::setListenAddress(const QHostAddress &address, quint16 port)
{
    AddressChooser::select(m_ui->serverAddress, address);
    m_ui->serverPort->setText(QString::number(port));
}

QString ServerPage::title() const
{
    const auto port = Endpoint::parsePort(m_ui->serverPort->text(), true);
    const QHostAddress address = session()->state() == Session::State::Open
        ? session()->localAddress()
        : AddressChooser::current(m_ui->serverAddress);
    const quint16 shown = session()->state() == Session::State::Open ? session()->localPort() : port.port;
    if (!port.ok() && session()->state() != Session::State::Open)
        return tr("Server");
    // ":8000" for every interface, as a user would write it; the address otherwise.
    if (address == QHostAddress(QHostAddress::Any))
        return tr("Server :%1").arg(shown);
    return tr("Server %1").arg(Endpoint::format(address, shown));
}

void ServerPage::applyPreset(const TabPreset &preset)
{
    setListenAddress(preset.address, preset.port);
    if (preset.open && session()->state() == Session::State::Idle)
        toggleSession();
}

void ServerPage::saveOwnSettings(QSettings &settings) const
{
    const QHostAddress address = AddressChooser::current(m_ui->serverAddress);
    settings.setValue(QStringLiteral("address"),
        address == QHostAddress(QHostAddress::Any) ? QStringLiteral("any") : address.toString());
    settings.setValue(QStringLiteral("port"), m_ui->serverPort->text());
    settings.setValue(QStringLiteral("maxClients"), m_ui->serverMaxClients->value());
}

void ServerPage::restoreOwnSettings(const QSettings &settings)
{
    const QString stored = SettingsValues::text(settings, QStringLiteral("address"), QStringLiteral("any"));
    const QHostAddress address = AddressChooser::known(m_ui->serverAddress, QHostAddress(stored));
    const auto port = Endpoint::parsePort(SettingsValues::text(settings, QStringLiteral("port")), true);
    setListenAddress(address, port.ok() ? port.port : SocketLimits::DefaultPort);
    m_ui->serverMaxClients->setValue(
        SettingsValues::number(settings, QStringLiteral("maxClients"), 0, m_ui->serverMaxClients->maximum(), 0));
}

void ServerPage::validateInput()
{
    const auto port = Endpoint::parsePort(m_ui->serverPort->text(), true);
    m_inputValid = port.ok();
    showProblem(m_ui->serverInputError, port.ok() ? QString() : tr("Port: %1").arg(ErrorText::port(port.error)));
    onStateChanged();
    Q_EMIT titleChanged();
}

void ServerPage::toggleSession()
{
    if (session()->state() != Session::State::Idle) {
        session()->close();
        return;
    }
    if (!m_inputValid)
        return;
    m_lastError.clear();
    Session::OpenRequest request;
    request.address = AddressChooser::current(m_ui->serverAddress);
    request.port = Endpoint::parsePort(m_ui->serverPort->text(), true).port;
    session()->open(request);
    if (session()->state() == Session::State::Open)
        m_ui->serverPort->setText(QString::number(session()->localPort()));
    onStateChanged();
}

void ServerPage::onStateChanged()
{
    const bool idle = session()->state() == Session::State::Idle;
    m_ui->serverAddress->setEnabled(idle);
    m_ui->serverPort->setEnabled(idle);
    m_ui->serverListen->setText(idle ? tr("&Listen") : tr("&Stop"));
    m_ui->serverListen->setEnabled(!idle || m_inputValid);
    if (!idle) {
        const bool all = session()->localAddress() == QHostAddress(QHostAddress::Any);
        showState(m_ui->serverState,
            all ? tr("Listening on port %1 of all interfaces (IPv4 + IPv6): reachable from the network")
                      .arg(session()->localPort())
                : tr("Listening on %1").arg(session()->localEndpoint()),
            false);
    } else if (!m_lastError.isEmpty()) {
        showState(m_ui->serverState, tr("Not listening: %1").arg(m_lastError), true);
    } else {
        showState(m_ui->serverState, tr("Not listening"), false);
    }
    updateSendAvailability();
    Q_EMIT titleChanged();
}

QList<PeerId> ServerPage::selectedPeers() const
{
    QList<PeerId> peers;
    const QModelIndexList rows = m_ui->serverClients->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        peers << m_clients->peerAt(index.row());
    return peers;
}

PeerId ServerPage::sequencePeer() const
{
    return selectedPeers().value(0);
}

void ServerPage::updateSendAvailability()
{
    const bool selectedOnly = m_ui->serverTarget->currentData().toInt() == int(Target::Selected);
    const bool anyClient = session()->peerCount() > 0;
    sendPanel()->setPeerAvailable(anyClient && (!selectedOnly || !selectedPeers().isEmpty()));
    m_ui->serverDisconnectClient->setEnabled(!selectedPeers().isEmpty());
    sequencePeerChanged();
}

void ServerPage::sendToTargets(const QByteArray &bytes)
{
    if (m_ui->serverTarget->currentData().toInt() == int(Target::Selected)) {
        const QList<PeerId> peers = selectedPeers();
        if (!peers.isEmpty())
            session()->send(bytes, peers);
        return;
    }
    session()->send(bytes);
}

void ServerPage::disconnectSelected()
{
    for (PeerId id : selectedPeers())
        session()->disconnectPeer(id);
}
