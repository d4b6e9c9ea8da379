#pragma once

#include "net/tlscontrol.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

// The TLS section of a TLS client or server tab: what the next open() uses (TlsOptions), the negotiated parameters
// of the connection (always visible, a value label), and the way to the peer's chain ("Details…"). The same widget
// serves both roles; each shows only its own fields. Disabled, with the reason, when this system has no TLS backend.
class TlsOptionsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Role { Client, Server };
    TlsOptionsPanel(Role role, QWidget *parent = nullptr);

    TlsOptions options() const;
    void setOptions(const TlsOptions &options); // the password is never restored (it is never saved)
    // While a session is open, the options are not editable (they apply to the next one).
    void setEditable(bool editable);
    // "TLS 1.3 · TLS_AES_256_GCM_SHA384 · ALPN h2 · verified"; empty: not connected.
    void showNegotiated(const TlsPeerInfo &info);
    void setStartTlsAvailable(bool available);

    // Everything but the password.
    void save(QSettings &settings) const;
    void restore(const QSettings &settings);

Q_SIGNALS:
    void detailsRequested();
    void startTlsRequested();

private:
    void browse(QLineEdit *edit, const QString &title, const char *objectName);
    void updateEnabled();

    Role m_role;
    bool m_editable = true;
    QLineEdit *m_serverName = nullptr;
    QComboBox *m_verify = nullptr; // client
    QComboBox *m_clientCerts = nullptr; // server
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_alpn = nullptr;
    QCheckBox *m_startPlain = nullptr;
    QPushButton *m_startTls = nullptr;
    QPushButton *m_details = nullptr;
    QLabel *m_negotiated = nullptr;
    QList<QPushButton *> m_browseButtons;
};
