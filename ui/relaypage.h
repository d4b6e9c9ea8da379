#pragma once

#include "net/relaycontrol.h"
#include "sessionpage.h"

class PeerTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class RelayFaultsPanel;

// The Relay tab, TCP or UDP: listens like the server tab (or binds like the UDP tab) and forwards every connection
// (every client's datagrams) to a target; the table lists the pairs, the log shows both directions of each, the send
// box injects towards the client or the target side, and the faults panels act on either direction while the pairs
// run.
class RelayPage : public SessionPage
{
    Q_OBJECT
public:
    // model's session is a relay (Session::relay()).
    explicit RelayPage(TabModel *model, QWidget *parent = nullptr);
    ~RelayPage() override;

    QByteArray kind() const override { return m_datagrams ? "udp-relay" : "relay"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;

    void setListenAddress(const QHostAddress &address, quint16 port);
    void setTarget(const QString &host, quint16 port);
    PeerTableModel *pairModel() const { return m_pairs; }

protected:
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;

private:
    QWidget *createTopRow();
    QWidget *createPairsBox();
    void validateInput();
    void onStateChanged();
    void updateSendAvailability();
    QList<PeerId> selectedPairs() const;
    void sendToTargets(const QByteArray &bytes);

    RelayControl *m_relay;
    PeerTableModel *m_pairs;
    QComboBox *m_address = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_target = nullptr;
    QPushButton *m_listen = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_inputError = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_sendTo = nullptr;
    QPushButton *m_disconnect = nullptr;
    RelayFaultsPanel *m_clientFaults = nullptr;
    RelayFaultsPanel *m_targetFaults = nullptr;
    bool m_inputValid = false;
    QString m_lastError;
    bool m_datagrams;
    QSpinBox *m_expiry = nullptr; // datagrams: pairs idle this long are forgotten
};
