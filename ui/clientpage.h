#pragma once

#include "sessionpage.h"

#include <memory>

namespace Ui {
class ClientPage;
}

// The TCP Client tab: connect to a device or a server, then talk to it.
class ClientPage : public SessionPage
{
    Q_OBJECT
public:
    // model's session connects (Session::Role::Connect).
    explicit ClientPage(TabModel *model, QWidget *parent = nullptr);
    // With a new TcpClient session of its own.
    explicit ClientPage(QWidget *parent = nullptr);
    ~ClientPage() override;

    QByteArray kind() const override { return "tcp-client"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;

    QStringList recentHosts() const;
    void setRecentHosts(const QStringList &hosts);
    void setTarget(const QString &host, quint16 port);

protected:
    // Host, ports and recent hosts.
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;

private:
    void validateInput();
    void onStateChanged();
    void rememberHost(const QString &host);

    std::unique_ptr<Ui::ClientPage> m_ui;
    bool m_inputValid = false;
    QString m_lastError; // shown until the next connect attempt
};
