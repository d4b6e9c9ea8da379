#pragma once

#include "sessionpage.h"

#include <memory>

namespace Ui {
class UdpPage;
}
class DatagramControl;
class MulticastControl;
class PeerTableModel;

// The UDP tab: bind a port, see every remote endpoint that sends or is sent to, send to a host (broadcast and
// multicast included), back to the last sender or to the selected peers, join multicast groups.
class UdpPage : public SessionPage
{
    Q_OBJECT
public:
    // model's session binds (Session::Role::Bind) and has DatagramControl (Session::datagrams()).
    explicit UdpPage(TabModel *model, QWidget *parent = nullptr);
    // With a new Udp session of its own.
    explicit UdpPage(QWidget *parent = nullptr);
    ~UdpPage() override;

    QByteArray kind() const override { return "udp"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;

    enum class Target { Remote, LastSender, Selected };
    PeerTableModel *peerModel() const { return m_peers; }
    MulticastControl *multicast() const { return m_multicast; }
    void setBindAddress(const QHostAddress &address, quint16 port);
    void setRemoteTarget(const QString &host, quint16 port);

protected:
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;
    // The first selected peer (0: none selected).
    PeerId sequencePeer() const override;

private:
    void fillTargetHosts();
    void sizePeerTable();
    void validateInput();
    void onStateChanged();
    void onError(PeerId id, const SessionError &error);
    Target target() const;
    QList<PeerId> targetPeers() const;
    QList<PeerId> selectedPeers() const;
    void updateSendAvailability();
    void sendToTargets(const QByteArray &bytes);
    void forgetSelected();

    std::unique_ptr<Ui::UdpPage> m_ui;
    DatagramControl *m_datagrams;
    PeerTableModel *m_peers;
    MulticastControl *m_multicast;
    bool m_bindValid = false;
    bool m_targetValid = false;
    QString m_lastError;
};
