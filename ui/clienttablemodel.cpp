#include "clienttablemodel.h"

#include <QDateTime>
#include <QLocale>

ClientTableModel::ClientTableModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    m_batch.setSingleShot(true);
    m_batch.setInterval(30);
    connect(&m_batch, &QTimer::timeout, this, &ClientTableModel::flush);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &ClientTableModel::refreshCounters);
    m_refresh.start();
    connect(session, &Session::peerConnected, this, &ClientTableModel::onConnected);
    connect(session, &Session::peerDisconnected, this, &ClientTableModel::onDisconnected);
}

int ClientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ClientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_session || index.row() >= m_ids.size())
        return {};
    if (role == Qt::TextAlignmentRole && (index.column() == RxColumn || index.column() == TxColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Session::PeerInfo info = m_session->peerInfo(m_ids.at(index.row()));
    switch (index.column()) {
    case PeerColumn:
        return info.endpoint;
    case SinceColumn:
        return QDateTime::fromMSecsSinceEpoch(info.connectedAtMs).toString(QStringLiteral("HH:mm:ss"));
    case RxColumn:
        return QLocale().toString(info.rxBytes);
    case TxColumn:
        return QLocale().toString(info.txBytes);
    }
    return {};
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PeerColumn:
        return tr("Client");
    case SinceColumn:
        return tr("Connected at");
    case RxColumn:
        return tr("RX bytes");
    case TxColumn:
        return tr("TX bytes");
    }
    return {};
}

void ClientTableModel::onConnected(PeerId id)
{
    m_pending.append(id);
    if (!m_batch.isActive())
        m_batch.start();
}

void ClientTableModel::flush()
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

void ClientTableModel::onDisconnected(PeerId id)
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

void ClientTableModel::removeLeaving()
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

void ClientTableModel::refreshCounters()
{
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, RxColumn), index(int(m_ids.size()) - 1, TxColumn), {Qt::DisplayRole});
}
