#pragma once

#include "sessionpage.h"

#include <memory>

class QSettings;

namespace Ui {
class ClientPage;
}
class TcpClientSession;

// The TCP Client tab: connect to a device or a server, then talk to it.
class ClientPage : public SessionPage
{
    Q_OBJECT
public:
    explicit ClientPage(QWidget *parent = nullptr);
    ~ClientPage() override;

    TcpClientSession *session() const { return m_session; }
    QStringList recentHosts() const;
    void setRecentHosts(const QStringList &hosts);
    void setTarget(const QString &host, quint16 port);

    // Host, ports and recent hosts, under the settings' current group.
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

public Q_SLOTS:
    void toggleConnection();

private:
    void validateInput();
    void onStateChanged();
    void rememberHost(const QString &host);

    std::unique_ptr<Ui::ClientPage> m_ui;
    TcpClientSession *m_session;
    bool m_inputValid = false;
    QString m_lastError; // shown until the next connect attempt
};
