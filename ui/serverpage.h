#pragma once

#include "net/session.h"
#include "sessionpage.h"

#include <QHostAddress>

#include <memory>

class QSettings;

namespace Ui {
class ServerPage;
}
class ClientTableModel;
class TcpServerSession;

// The TCP Server tab: listen, see every client that connects, talk to all of them or to the selected ones.
class ServerPage : public SessionPage
{
    Q_OBJECT
public:
    explicit ServerPage(QWidget *parent = nullptr);
    ~ServerPage() override;

    TcpServerSession *session() const { return m_session; }
    ClientTableModel *clientModel() const { return m_clients; }
    // Selects the listen address entry for address (adding it when it is not listed) and the port.
    void setListenAddress(const QHostAddress &address, quint16 port);

    // Listen address, port and client limit, under the settings' current group.
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

public Q_SLOTS:
    void toggleListening();

private:
    void fillAddresses();
    void sizeClientTable();
    void validateInput();
    void onStateChanged();
    void updateSendAvailability();
    QList<PeerId> selectedPeers() const;
    void sendToTargets(const QByteArray &bytes);
    void disconnectSelected();

    std::unique_ptr<Ui::ServerPage> m_ui;
    TcpServerSession *m_session;
    ClientTableModel *m_clients;
    bool m_inputValid = false;
    QString m_lastError;
};
