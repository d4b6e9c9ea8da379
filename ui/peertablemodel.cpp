#include "peertablemodel.h"

#include "net/relaycontrol.h"
#include "net/tlscontrol.h"

#include <QDateTime>
#include <QLocale>

PeerTableModel::PeerTableModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_datagrams(session->traits().delivery == Session::Delivery::Datagrams)
{
    for (int column = 0; column < (m_datagrams ? int(AllColumns) : ColumnCount); ++column)
        m_layout.append(column);
    if (session->tls() && !m_datagrams)
        m_layout << TlsProtocolColumn << TlsCipherColumn << TlsClientCertificateColumn;
    if (session->relay()) {
        // The state next to the client: the pane is narrow, and it is what changes.
        m_layout.insert(1, RelayStateColumn);
        m_layout << RelayUpstreamColumn;
    }
    m_batch.setSingleShot(true);
    m_batch.setInterval(30);
    connect(&m_batch, &QTimer::timeout, this, &PeerTableModel::flush);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &PeerTableModel::refreshCounters);
    m_refresh.start();
    connect(session, &Session::peerConnected, this, &PeerTableModel::onConnected);
    connect(session, &Session::peerDisconnected, this, &PeerTableModel::onDisconnected);
}

int PeerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int PeerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layout.size());
}

QVariant PeerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_session || index.row() >= m_ids.size())
        return {};
    const int column = logicalColumn(index.column());
    const bool number = column == RxColumn || column == TxColumn || column == RxCountColumn || column == TxCountColumn;
    if (role == Qt::TextAlignmentRole && number)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (column >= RelayUpstreamColumn)
        return relayData(column, m_ids.at(index.row()));
    if (column >= TlsProtocolColumn) {
        const TlsPeerInfo tls = m_session->tls()->tlsPeer(m_ids.at(index.row()));
        if (!tls.encrypted)
            return column == TlsProtocolColumn ? tr("handshaking\u2026") : QVariant();
        if (column == TlsProtocolColumn)
            return tls.protocol;
        if (column == TlsCipherColumn)
            return tls.cipher;
        return tls.chain.isEmpty() ? tr("none") : tls.chain.first().subject;
    }
    const Session::PeerInfo info = m_session->peerInfo(m_ids.at(index.row()));
    switch (column) {
    case PeerColumn:
        return info.endpoint;
    case SinceColumn:
        return QDateTime::fromMSecsSinceEpoch(info.connectedAtMs).toString(QStringLiteral("HH:mm:ss"));
    case RxColumn:
        return QLocale().toString(info.rxBytes);
    case TxColumn:
        return QLocale().toString(info.txBytes);
    case LastSeenColumn:
        return QDateTime::fromMSecsSinceEpoch(info.lastSeenMs).toString(QStringLiteral("HH:mm:ss"));
    case RxCountColumn:
        return QLocale().toString(info.rxCount);
    case TxCountColumn:
        return QLocale().toString(info.txCount);
    }
    return {};
}

QVariant PeerTableModel::relayData(int column, PeerId id) const
{
    RelayControl *relay = m_session->relay();
    if (column == RelayUpstreamColumn)
        return relay->upstreamEndpoint(id);
    switch (relay->pairState(id)) {
    case RelayControl::PairState::Connecting:
        return m_datagrams ? tr("looking up target\u2026") : tr("connecting\u2026");
    case RelayControl::PairState::Open:
        return tr("open");
    case RelayControl::PairState::ClientEnded:
        return tr("client ended (FIN)");
    case RelayControl::PairState::TargetEnded:
        return tr("target ended (FIN)");
    case RelayControl::PairState::Closing:
        return tr("closing");
    }
    return {};
}

QVariant PeerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const bool relay = m_session && m_session->relay();
    switch (logicalColumn(section)) {
    case PeerColumn:
        return m_datagrams && !relay ? tr("Peer") : tr("Client");
    case SinceColumn:
        return m_datagrams ? tr("First seen") : tr("Connected at");
    case RxColumn:
        return tr("RX bytes");
    case TxColumn:
        return tr("TX bytes");
    case LastSeenColumn:
        return tr("Last seen");
    case RxCountColumn:
        return tr("RX datagrams");
    case TxCountColumn:
        return tr("TX datagrams");
    case TlsProtocolColumn:
        return tr("TLS");
    case TlsCipherColumn:
        return tr("Cipher");
    case TlsClientCertificateColumn:
        return tr("Client certificate");
    case RelayUpstreamColumn:
        return tr("Upstream");
    case RelayStateColumn:
        return tr("State");
    }
    return {};
}

void PeerTableModel::onConnected(PeerId id)
{
    m_pending.append(id);
    if (!m_batch.isActive())
        m_batch.start();
}

void PeerTableModel::flush()
{
    m_batch.stop();
    removeLeaving();
    if (m_pending.isEmpty())
        return;
    const int first = int(m_ids.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    for (PeerId id : std::as_const(m_pending)) {
        m_row.insert(id, int(m_ids.size()));
        m_ids.append(id);
    }
    m_pending.clear();
    endInsertRows();
}

void PeerTableModel::onDisconnected(PeerId id)
{
    if (m_pending.removeOne(id))
        return;
    if (!m_row.contains(id))
        return;
    // Departures are batched like arrivals: removing rows one by one renumbers every later row each time, which is
    // quadratic when thousands of clients leave at once.
    m_leaving.insert(id);
    if (!m_batch.isActive())
        m_batch.start();
}

void PeerTableModel::removeLeaving()
{
    if (m_leaving.isEmpty())
        return;
    // Remove contiguous runs from the bottom up, so the rows above each run keep their numbers.
    int row = int(m_ids.size()) - 1;
    while (row >= 0) {
        if (!m_leaving.contains(m_ids.at(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && m_leaving.contains(m_ids.at(first - 1)))
            --first;
        beginRemoveRows({}, first, row);
        for (int i = first; i <= row; ++i)
            m_row.remove(m_ids.at(i));
        m_ids.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    m_leaving.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_row[m_ids.at(i)] = i;
}

void PeerTableModel::refreshCounters()
{
    // The columns that change: from the counters on, or from a relay's state on (it is shown second).
    const int first = m_session && m_session->relay() ? columnOf(RelayStateColumn) : columnOf(RxColumn);
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, first), index(int(m_ids.size()) - 1, int(m_layout.size()) - 1), {Qt::DisplayRole});
}
