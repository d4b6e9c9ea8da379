#include "net/tlsserversession.h"

#include "net/tlssupport.h"

#include <QSslSocket>
#include <QTcpServer>

namespace {
// Accepted connections become QSslSockets still in plain mode: TlsServerSession::setUpClient() starts the
// handshake once its slots are connected, so that no signal of the handshake is missed.
class TlsListener : public QTcpServer
{
public:
    TlsListener(const QSslConfiguration &config, QObject *parent)
        : QTcpServer(parent)
        , m_config(config)
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_config);
        addPendingConnection(socket);
    }

private:
    QSslConfiguration m_config;
};
} // namespace

TlsServerSession::TlsServerSession(QObject *parent)
    : TcpServerSession(parent)
{
    connect(this, &Session::peerDisconnected, this, [this](PeerId id) { m_peers.remove(id); });
}

QTcpServer *TlsServerSession::createServer()
{
    SessionError error;
    const QSslConfiguration config = TlsSupport::configuration(m_options, TlsSupport::Side::Server, &error);
    if (error.kind != SessionError::Kind::None) {
        reportError(0, error);
        return nullptr;
    }
    return new TlsListener(config, this);
}

void TlsServerSession::setUpClient(PeerId id, QTcpSocket *socket)
{
    auto *ssl = static_cast<QSslSocket *>(socket); // TlsListener makes every socket
    m_peers.insert(id, {});
    connect(ssl, &QSslSocket::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        const auto it = m_peers.find(id);
        if (it == m_peers.end())
            return;
        // Client certificates: not ignored, so the handshake fails; the most telling problem is reported.
        it->info.problems = TlsSupport::problems(errors, QString());
        it->pending = it->info.problems.value(0, {SessionError::Kind::TlsCertificateInvalid, QString()});
    });
    connect(ssl, &QSslSocket::alertReceived, this,
        [this, id](QSsl::AlertLevel level, QSsl::AlertType type, const QString &description) {
            const auto it = m_peers.find(id);
            if (level != QSsl::AlertLevel::Fatal || it == m_peers.end())
                return;
            it->lastAlert = int(type);
            it->alertText = description;
        });
    connect(ssl, &QSslSocket::encrypted, this, [this, id, ssl] {
        const auto it = m_peers.find(id);
        if (it == m_peers.end())
            return;
        TlsPeerInfo info = TlsSupport::peerInfo(ssl);
        info.problems = it->info.problems;
        info.verified = m_options.clientCertificates != TlsOptions::ClientCertificates::None && !info.chain.isEmpty()
            && info.problems.isEmpty() && !m_options.caFile.isEmpty();
        it->info = info;
        Q_EMIT activity(Activity::Secured, peerInfo(id).endpoint, TlsSupport::summary(info));
    });
    ssl->startServerEncryption();
}

SessionError TlsServerSession::mapError(PeerId id, QTcpSocket *socket, QAbstractSocket::SocketError error)
{
    const auto it = m_peers.find(id);
    auto *ssl = static_cast<QSslSocket *>(socket);
    if (it != m_peers.end() && it->pending.kind != SessionError::Kind::None)
        return std::exchange(it->pending, {});
    const bool handshaking = !ssl->isEncrypted();
    if (error == QAbstractSocket::SslHandshakeFailedError || handshaking) {
        return TlsSupport::handshakeFailure(it == m_peers.end() ? -1 : it->lastAlert,
            it == m_peers.end() ? QString() : it->alertText, error, ssl->errorString(), TlsSupport::Side::Server);
    }
    return SessionError::fromSocket(error, ssl->errorString());
}
