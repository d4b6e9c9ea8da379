#include "net/tlsclientsession.h"

#include "net/endpoint.h"
#include "net/tlssupport.h"

#include <QSslSocket>

#include <utility>

TlsClientSession::TlsClientSession(QObject *parent)
    : TcpClientSession(parent)
{ }

void TlsClientSession::open(const OpenRequest &request)
{
    SessionError error;
    QSslConfiguration config = TlsSupport::configuration(m_options, TlsSupport::Side::Client, &error);
    if (error.kind != SessionError::Kind::None) {
        close();
        reportError(0, error);
        return;
    }
    m_config = std::move(config);
    m_pinKey = TlsControl::pinKey(request.host, request.port);
    const QString host = Endpoint::unbracketed(request.host);
    m_checkedName = m_options.serverName.trimmed().isEmpty() ? host : m_options.serverName.trimmed();
    m_peerInfo = {};
    m_lastAlert = -1;
    m_lastAlertText.clear();
    m_pending = {};
    TcpClientSession::open(request);
}

TlsPeerInfo TlsClientSession::tlsPeer(PeerId id) const
{
    return id != 0 && id == currentPeer() ? m_peerInfo : TlsPeerInfo {};
}

QSslSocket *TlsClientSession::sslSocket() const
{
    return static_cast<QSslSocket *>(socket()); // createSocket() makes every socket of this session
}

QTcpSocket *TlsClientSession::createSocket()
{
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_config);
    connect(socket, &QSslSocket::sslErrors, this, &TlsClientSession::onSslErrors);
    connect(socket, &QSslSocket::encrypted, this, &TlsClientSession::onEncrypted);
    connect(socket, &QSslSocket::alertReceived, this,
        [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString &description) {
            if (level != QSsl::AlertLevel::Fatal)
                return;
            m_lastAlert = int(type);
            m_lastAlertText = description;
        });
    return socket;
}

void TlsClientSession::connectSocket(QTcpSocket *socket, const QString &host, quint16 port)
{
    auto *ssl = static_cast<QSslSocket *>(socket);
    ssl->setPeerVerifyName(m_checkedName); // the name sent (SNI) and checked, here and for a later startTls()
    if (m_options.startPlain)
        ssl->connectToHost(host, port);
    else
        ssl->connectToHostEncrypted(host, port, m_checkedName);
}

bool TlsClientSession::holdOpening(QTcpSocket *socket)
{
    Q_UNUSED(socket);
    return !m_options.startPlain; // open once encrypted (onEncrypted)
}

bool TlsClientSession::startTls()
{
    QSslSocket *ssl = sslSocket();
    if (!ssl || currentPeer() == 0 || ssl->isEncrypted() || ssl->mode() != QSslSocket::UnencryptedMode)
        return false;
    m_peerInfo = {};
    m_lastAlert = -1;
    m_pending = {};
    ssl->startClientEncryption();
    return true;
}

void TlsClientSession::onSslErrors(const QList<QSslError> &errors)
{
    QSslSocket *ssl = sslSocket();
    if (!ssl)
        return;
    m_peerInfo.problems = TlsSupport::problems(errors, m_checkedName);
    m_peerInfo.serverName = m_checkedName;
    m_peerInfo.pinKey = m_pinKey;
    m_peerInfo.chain.clear();
    for (const QSslCertificate &certificate : ssl->peerCertificateChain())
        m_peerInfo.chain.append(TlsSupport::describe(certificate));
    const QByteArray presented = ssl->peerCertificate().digest(QCryptographicHash::Sha256).toHex();
    const auto pin = m_pins.constFind(m_pinKey);
    if (pin != m_pins.constEnd()) {
        if (*pin == presented) {
            m_peerInfo.pinned = true;
            ssl->ignoreSslErrors();
        } else {
            fail({SessionError::Kind::TlsPinMismatch, QString::fromLatin1(*pin + '\n' + presented)});
        }
        return;
    }
    if (m_options.verify == TlsOptions::Verify::None) {
        ssl->ignoreSslErrors();
        return;
    }
    // Not ignored: the handshake fails, and mapError() reports the most telling problem rather than Qt's summary.
    m_pending = m_peerInfo.problems.value(0, {SessionError::Kind::TlsCertificateInvalid, QString()});
}

void TlsClientSession::onEncrypted()
{
    QSslSocket *ssl = sslSocket();
    if (!ssl)
        return;
    TlsPeerInfo info = TlsSupport::peerInfo(ssl);
    info.problems = m_peerInfo.problems;
    info.pinned = m_peerInfo.pinned;
    info.serverName = m_checkedName;
    info.pinKey = m_pinKey;
    const QByteArray presented = info.chain.isEmpty() ? QByteArray() : info.chain.first().sha256;
    const auto pin = m_pins.constFind(m_pinKey);
    if (pin != m_pins.constEnd() && !info.pinned) {
        // The CAs accepted it, but it is not the certificate that was trusted: a changed certificate is never
        // accepted silently.
        if (*pin != presented) {
            fail({SessionError::Kind::TlsPinMismatch, QString::fromLatin1(*pin + '\n' + presented)});
            return;
        }
        info.pinned = true;
    }
    info.verified = info.pinned || (m_options.verify != TlsOptions::Verify::None && info.problems.isEmpty());
    m_peerInfo = info;
    const bool upgrade = currentPeer() != 0;
    if (!upgrade)
        becomeOpen();
    if (sslSocket() != ssl || currentPeer() == 0)
        return; // a slot closed or reopened the session
    Q_EMIT activity(Activity::Secured, peerEndpoint(), TlsSupport::summary(m_peerInfo));
}

void TlsClientSession::fail(const SessionError &error)
{
    const PeerId id = currentPeer();
    if (id == 0) {
        failOpening(error);
        return;
    }
    // An upgrade (startTls) that failed: the connection cannot go on in plain text either.
    reportError(id, error);
    if (QSslSocket *ssl = sslSocket(); ssl && currentPeer() == id)
        ssl->abort(); // -> disconnected: the peer is reported gone
}

SessionError TlsClientSession::mapError(QAbstractSocket::SocketError error)
{
    if (m_pending.kind != SessionError::Kind::None)
        return std::exchange(m_pending, {});
    QSslSocket *ssl = sslSocket();
    const QString text = ssl ? ssl->errorString() : QString();
    const bool handshaking = ssl && ssl->mode() != QSslSocket::UnencryptedMode && !ssl->isEncrypted();
    // TLS 1.3: the client finishes first, so "certificate required" comes as an alert after the connection opened.
    if (error == QAbstractSocket::SslHandshakeFailedError || handshaking || m_lastAlert >= 0)
        return TlsSupport::handshakeFailure(m_lastAlert, m_lastAlertText, error, text, TlsSupport::Side::Client);
    return SessionError::fromSocket(error, text);
}
