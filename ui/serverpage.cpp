#include "serverpage.h"

#include "clienttablemodel.h"
#include "errortext.h"
#include "log/transcript.h"
#include "net/endpoint.h"
#include "net/localaddresses.h"
#include "net/tcpserversession.h"
#include "sendpanel.h"
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
    : SessionPage(parent)
    , m_ui(std::make_unique<Ui::ServerPage>())
    , m_session(new TcpServerSession(this))
    , m_clients(new ClientTableModel(m_session, this))
{
    m_ui->setupUi(this);
    attach(m_session, m_ui->serverTopSplitter, m_ui->serverSplitter);
    m_ui->serverTopSplitter->setStretchFactor(0, 1);
    m_ui->serverTopSplitter->setStretchFactor(1, 3);
    m_ui->serverClients->setModel(m_clients);
    sizeClientTable();
    m_ui->serverPort->setText(QStringLiteral("8000"));
    m_ui->serverTarget->addItem(tr("All clients"), int(Target::All));
    m_ui->serverTarget->addItem(tr("Selected clients"), int(Target::Selected));
    fillAddresses();

    connect(m_ui->serverListen, &QPushButton::clicked, this, &ServerPage::toggleListening);
    connect(m_ui->serverPort, &QLineEdit::textChanged, this, &ServerPage::validateInput);
    connect(m_ui->serverPort, &QLineEdit::returnPressed, this, &ServerPage::toggleListening);
    connect(m_ui->serverMaxClients, &QSpinBox::valueChanged, m_session, &TcpServerSession::setMaxClients);
    connect(m_ui->serverDisconnectClient, &QPushButton::clicked, this, &ServerPage::disconnectSelected);
    connect(m_ui->serverTarget, &QComboBox::currentIndexChanged, this, &ServerPage::updateSendAvailability);
    connect(m_ui->serverClients->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ServerPage::updateSendAvailability);
    connect(m_clients, &QAbstractItemModel::rowsInserted, this, &ServerPage::updateSendAvailability);
    connect(m_clients, &QAbstractItemModel::rowsRemoved, this, &ServerPage::updateSendAvailability);

    connect(m_session, &Session::stateChanged, this, &ServerPage::onStateChanged);
    connect(m_session, &Session::errorOccurred, this,
        [this](PeerId id, QAbstractSocket::SocketError error, const QString &detail) {
            if (id != 0)
                return; // a client's trouble is logged; the server itself is fine
            m_lastError = ErrorText::socket(error, detail);
            onStateChanged();
        });
    connect(sendPanel(), &SendPanel::sendRequested, this, &ServerPage::sendToTargets);
    // Same targets as a typed payload: an empty list means every client.
    sendPanel()->setFileTarget(m_session, [this] {
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
    size(ClientTableModel::PeerColumn, "000.000.000.000:00000");
    size(ClientTableModel::SinceColumn, "00:00:00");
    size(ClientTableModel::RxColumn, "000,000,000");
    int total = 0;
    for (int column = 0; column < ClientTableModel::ColumnCount; ++column)
        total += header->sectionSize(column);
    m_ui->serverTarget->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Proportions until first shown: enough for the table at the default window width, the rest for the log.
    m_ui->serverTopSplitter->setSizes({5 * (total + 40), 6 * (total + 40)});
}

void ServerPage::fillAddresses()
{
    auto *combo = m_ui->serverAddress;
    combo->addItem(tr("All interfaces (IPv4 + IPv6)"), QVariant::fromValue(QHostAddress(QHostAddress::Any)));
    combo->addItem(tr("127.0.0.1 (this machine only)"), QVariant::fromValue(QHostAddress(QHostAddress::LocalHost)));
    combo->addItem(tr("::1 (this machine only, IPv6)"), QVariant::fromValue(QHostAddress(QHostAddress::LocalHostIPv6)));
    for (const LocalAddresses::Entry &entry : LocalAddresses::list()) {
        if (entry.isLoopback)
            continue;
        combo->addItem(tr("%1 (%2)").arg(Endpoint::formatAddress(entry.address), entry.interfaceName),
            QVariant::fromValue(entry.address));
    }
}

void ServerPage::setListenAddress(const QHostAddress &address, quint16 port)
{
    auto *combo = m_ui->serverAddress;
    int index = -1;
    for (int i = 0; i < combo->count() && index < 0; ++i) {
        if (combo->itemData(i).value<QHostAddress>() == address)
            index = i;
    }
    if (index < 0) {
        combo->addItem(Endpoint::formatAddress(address), QVariant::fromValue(address));
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
    m_ui->serverPort->setText(QString::number(port));
}

void ServerPage::saveSettings(QSettings &settings) const
{
    const QHostAddress address = m_ui->serverAddress->currentData().value<QHostAddress>();
    settings.setValue(QStringLiteral("address"),
        address == QHostAddress(QHostAddress::Any) ? QStringLiteral("any") : address.toString());
    settings.setValue(QStringLiteral("port"), m_ui->serverPort->text());
    settings.setValue(QStringLiteral("maxClients"), m_ui->serverMaxClients->value());
}

void ServerPage::restoreSettings(const QSettings &settings)
{
    const QString stored = SettingsValues::text(settings, QStringLiteral("address"), QStringLiteral("any"));
    QHostAddress address(stored);
    // An address that is gone (another network) or garbage falls back to all interfaces, never to a guess.
    bool known = false;
    for (int i = 0; i < m_ui->serverAddress->count() && !address.isNull(); ++i)
        known = known || m_ui->serverAddress->itemData(i).value<QHostAddress>() == address;
    if (!known)
        address = QHostAddress(QHostAddress::Any);
    const auto port = Endpoint::parsePort(SettingsValues::text(settings, QStringLiteral("port")), true);
    setListenAddress(address, port.ok() ? port.port : 8000);
    m_ui->serverMaxClients->setValue(
        SettingsValues::number(settings, QStringLiteral("maxClients"), 0, m_ui->serverMaxClients->maximum(), 0));
}

void ServerPage::validateInput()
{
    const auto port = Endpoint::parsePort(m_ui->serverPort->text(), true);
    m_inputValid = port.ok();
    showProblem(m_ui->serverInputError, port.ok() ? QString() : tr("Port: %1").arg(ErrorText::port(port.error)));
    onStateChanged();
}

void ServerPage::toggleListening()
{
    if (m_session->state() != Session::State::Idle) {
        m_session->close();
        transcript()->appendEvent(EventKind::Stopped, QString());
        return;
    }
    if (!m_inputValid)
        return;
    m_lastError.clear();
    const QHostAddress address = m_ui->serverAddress->currentData().value<QHostAddress>();
    const quint16 port = Endpoint::parsePort(m_ui->serverPort->text(), true).port;
    if (m_session->listen(address, port)) {
        m_ui->serverPort->setText(QString::number(m_session->serverPort()));
        transcript()->appendEvent(EventKind::Listening, m_session->localEndpoint());
    }
    onStateChanged();
}

void ServerPage::onStateChanged()
{
    const bool idle = m_session->state() == Session::State::Idle;
    m_ui->serverAddress->setEnabled(idle);
    m_ui->serverPort->setEnabled(idle);
    m_ui->serverListen->setText(idle ? tr("&Listen") : tr("&Stop"));
    m_ui->serverListen->setEnabled(!idle || m_inputValid);
    if (!idle) {
        const bool all = m_session->serverAddress() == QHostAddress(QHostAddress::Any);
        showState(m_ui->serverState,
            all ? tr("Listening on port %1 of all interfaces (IPv4 + IPv6): reachable from the network")
                      .arg(m_session->serverPort())
                : tr("Listening on %1").arg(m_session->localEndpoint()),
            false);
    } else if (!m_lastError.isEmpty()) {
        showState(m_ui->serverState, tr("Not listening: %1").arg(m_lastError), true);
    } else {
        showState(m_ui->serverState, tr("Not listening"), false);
    }
    updateSendAvailability();
}

QList<PeerId> ServerPage::selectedPeers() const
{
    QList<PeerId> peers;
    const QModelIndexList rows = m_ui->serverClients->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        peers << m_clients->peerAt(index.row());
    return peers;
}

void ServerPage::updateSendAvailability()
{
    const bool selectedOnly = m_ui->serverTarget->currentData().toInt() == int(Target::Selected);
    const bool anyClient = m_session->clientCount() > 0;
    sendPanel()->setPeerAvailable(anyClient && (!selectedOnly || !selectedPeers().isEmpty()));
    m_ui->serverDisconnectClient->setEnabled(!selectedPeers().isEmpty());
}

void ServerPage::sendToTargets(const QByteArray &bytes)
{
    if (m_ui->serverTarget->currentData().toInt() == int(Target::Selected)) {
        const QList<PeerId> peers = selectedPeers();
        if (!peers.isEmpty())
            m_session->send(bytes, peers);
        return;
    }
    m_session->send(bytes);
}

void ServerPage::disconnectSelected()
{
    for (PeerId id : selectedPeers())
        m_session->disconnectPeer(id);
}
