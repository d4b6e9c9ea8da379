#pragma once

#include "clientpage.h"
#include "serverpage.h"

#include <QHash>

class TlsControl;
class TlsOptionsPanel;
struct TlsPeerInfo;

// The TLS tabs are the TCP client and server pages with a TLS section (TlsOptionsPanel) under the connection row:
// connecting, the log, the send box, framing, auto-reply and capture are exactly the plain tabs', so they are
// subclasses that add what TLS adds rather than a copy or an option on the plain tabs (docs/DESIGN.md).
class TlsClientPage : public ClientPage
{
    Q_OBJECT
public:
    explicit TlsClientPage(TabModel *model, QWidget *parent = nullptr);

    QByteArray kind() const override { return "tls-client"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;
    TlsOptionsPanel *tlsPanel() const { return m_panel; }
    // "host:port" -> SHA-256 (hex) of the certificates the user trusted.
    QHash<QString, QByteArray> pins() const { return m_pins; }
    void showDetails();

protected:
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;

private:
    void refresh();

    TlsControl *m_tls;
    TlsOptionsPanel *m_panel;
    QHash<QString, QByteArray> m_pins;
};

class TlsServerPage : public ServerPage
{
    Q_OBJECT
public:
    explicit TlsServerPage(TabModel *model, QWidget *parent = nullptr);

    QByteArray kind() const override { return "tls-server"; }
    QString title() const override;
    void applyPreset(const TabPreset &preset) override;
    void toggleSession() override;
    TlsOptionsPanel *tlsPanel() const { return m_panel; }
    void showDetails();

protected:
    void saveOwnSettings(QSettings &settings) const override;
    void restoreOwnSettings(const QSettings &settings) override;

private:
    TlsControl *m_tls;
    TlsOptionsPanel *m_panel;
    PeerId m_lastSecured = 0;
};

// The peer's chain in words, leaf first, with what verification found; for the details view and its tests.
QString describeChain(const TlsPeerInfo &info);
