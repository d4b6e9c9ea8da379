#pragma once

#include "net/session.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

// A tab's table of peers: one row per connected client (TCP server), per remote endpoint heard from or sent to
// (UDP), or per relayed pair, with live counts read from the session. Arrivals and departures are applied in batches
// and counters refreshed a few times a second, so thousands of clients connecting at once cost one model update, not
// thousands.
class PeerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Columns of a stream session: peer, connected at, RX bytes, TX bytes. A datagram session has the ones after
    // those too (the numbers are stable so that callers can name them). A TLS server shows its columns after TX
    // bytes; a relay its state after the peer and its upstream end after all the others; columnOf() says where a
    // column is shown.
    enum Column {
        PeerColumn,
        SinceColumn, // connected at / first seen
        RxColumn, // bytes
        TxColumn, // bytes
        LastSeenColumn,
        RxCountColumn, // datagrams
        TxCountColumn,
        AllColumns,
        // A TLS server's clients: shown as columns 4-6 (after TX bytes); see logicalColumn().
        TlsProtocolColumn = AllColumns,
        TlsCipherColumn,
        TlsClientCertificateColumn,
        RelayUpstreamColumn, // our end of the pair's upstream connection
        RelayStateColumn
    };
    static constexpr int ColumnCount = TxColumn + 1; // of a stream session

    explicit PeerTableModel(Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    PeerId peerAt(int row) const { return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0; }
    int rowOf(PeerId id) const { return m_row.value(id, -1); }
    // The shown column of a Column, -1 when this session's table has none.
    int columnOf(Column column) const { return int(m_layout.indexOf(column)); }
    // Applies arrivals and departures that are still waiting for the next batch (for callers that need the table now).
    void flush();

private:
    int logicalColumn(int column) const { return m_layout.value(column, -1); }
    QVariant relayData(int column, PeerId id) const;
    void onConnected(PeerId id);
    void onDisconnected(PeerId id);
    void removeLeaving();
    void refreshCounters();

    QPointer<Session> m_session;
    QList<int> m_layout; // the Column shown at each position
    bool m_datagrams = false;
    QList<PeerId> m_ids;
    QHash<PeerId, int> m_row;
    QList<PeerId> m_pending;
    QSet<PeerId> m_leaving;
    QTimer m_batch;
    QTimer m_refresh;
};
