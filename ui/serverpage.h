#pragma once

#include "net/session.h"
#include "sessionpage.h"

#include <QHostAddress>

#include <memory>

namespace Ui {
class ServerPage;
}
class PeerTableModel;

// The TCP Server tab: listen, see every client that connects, talk to all of them or to the selected ones.
class ServerPage : public SessionPage
{
    Q_OBJECT
public:
    // model's session listens (Session::Role::Listen) and may limit its clients (Session::clientLimit()).
    explicit ServerPage(TabModel *model, QWidget *parent = nullptr);
    // With a new TcpServer session of its own.
    explicit ServerPage(QWidget *parent = nullptr);
    ~ServerPage() override;

    QByteArray kind() const override { return "tcp-server"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;

    PeerTableModel *clientModel() const { return m_clients; }
    // Selects the listen address entry for address (adding it when it is not listed) and the port.
    void setListenAddress(const QHostAddress &address, quint16 port);

protected:
    // Listen address, port and client limit.
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;
    // The first selected peer (0: none selected).
    PeerId sequencePeer() const override;

private:
    void sizeClientTable();
    void validateInput();
    void onStateChanged();
    void updateSendAvailability();
    QList<PeerId> selectedPeers() const;
    void sendToTargets(const QByteArray &bytes);
    void disconnectSelected();

    std::unique_ptr<Ui::ServerPage> m_ui;
    PeerTableModel *m_clients;
    bool m_inputValid = false;
    QString m_lastError;
};
