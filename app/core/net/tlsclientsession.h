#pragma once

#include "net/tcpclientsession.h"
#include "net/tlscontrol.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>

class QSslSocket;

// A TCP client that speaks TLS: TcpClientSession with a QSslSocket. Opening lasts until the handshake is done, so
// peerConnected means "encrypted" (or, with startPlain, "connected in plain": startTls() encrypts later). Activity
// Secured names what was negotiated. A certificate problem fails the opening with its own kind (tlssupport.h), unless
// verification is off (then the peer is unverified) or the certificate matches its pin.
class TlsClientSession : public TcpClientSession, public TlsControl
{
    Q_OBJECT
public:
    explicit TlsClientSession(QObject *parent = nullptr);

    void open(const OpenRequest &request) override;
    TlsControl *tls() override { return this; }

    void setTlsOptions(const TlsOptions &options) override { m_options = options; }
    TlsOptions tlsOptions() const override { return m_options; }
    TlsPeerInfo tlsPeer(PeerId id) const override;
    TlsPeerInfo lastHandshake() const override { return m_peerInfo; }
    void setPins(const QHash<QString, QByteArray> &pins) override { m_pins = pins; }
    QHash<QString, QByteArray> pins() const override { return m_pins; }
    bool startTls() override;

protected:
    QTcpSocket *createSocket() override;
    void connectSocket(QTcpSocket *socket, const QString &host, quint16 port) override;
    bool holdOpening(QTcpSocket *socket) override;
    SessionError mapError(QAbstractSocket::SocketError error) override;

private:
    QSslSocket *sslSocket() const;
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void fail(const SessionError &error);

    TlsOptions m_options;
    QHash<QString, QByteArray> m_pins;
    // The connection being opened or open:
    QString m_pinKey;
    QString m_checkedName;
    QSslConfiguration m_config;
    TlsPeerInfo m_peerInfo;
    int m_lastAlert = -1;
    QString m_lastAlertText;
    SessionError m_pending; // set before aborting, so that the socket's error is reported as this
};
