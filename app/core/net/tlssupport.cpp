#include "net/tlssupport.h"

#include "net/endpoint.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>

#include <algorithm>
#include <initializer_list>

bool TlsControl::available()
{
    return QSslSocket::supportsSsl();
}

QString TlsControl::unavailableReason()
{
    if (QSslSocket::supportsSsl())
        return {};
    const QString backend = QSslSocket::activeBackend();
    return backend.isEmpty() ? QStringLiteral("no TLS backend (Qt's tls plugins) could be loaded")
                             : QStringLiteral("the TLS backend \"%1\" cannot encrypt").arg(backend);
}

QString TlsControl::pinKey(const QString &host, quint16 port)
{
    QString name = Endpoint::unbracketed(host).toLower();
    if (name.contains(u':'))
        name = u'[' + name + u']';
    return name + u':' + QString::number(port);
}

namespace TlsSupport {

namespace {

SessionError credentials(const QString &file, const QString &why)
{
    return {SessionError::Kind::TlsCredentials, QFileInfo(file).fileName() + QStringLiteral(": ") + why};
}

bool isPkcs12(const QString &file, const QByteArray &data)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == u"p12" || suffix == u"pfx" || !data.contains("-----BEGIN");
}

// PEM keys do not say their algorithm in a way QSslKey reads: try each.
QSslKey readKey(const QByteArray &pem, const QByteArray &password)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, password);
        if (!key.isNull())
            return key;
    }
    return {};
}

// Loads our certificate chain and key into config; false with *error set when they cannot be used.
bool loadIdentity(const TlsOptions &options, QSslConfiguration *config, SessionError *error)
{
    QFile file(options.certificateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = credentials(options.certificateFile, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    if (isPkcs12(options.certificateFile, data)) {
        file.seek(0);
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> chain;
        if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, options.password.toUtf8())) {
            *error = credentials(options.certificateFile, QStringLiteral("not PKCS#12, or wrong password"));
            return false;
        }
        chain.prepend(certificate);
        config->setLocalCertificateChain(chain);
        config->setPrivateKey(key);
        return true;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(data, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = credentials(options.certificateFile, QStringLiteral("no PEM certificate"));
        return false;
    }
    QByteArray keyData = data; // the key may follow the certificate in the same file
    if (!options.keyFile.isEmpty()) {
        QFile keyFile(options.keyFile);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = credentials(options.keyFile, keyFile.errorString());
            return false;
        }
        keyData = keyFile.readAll();
    }
    const QSslKey key = readKey(keyData, options.password.toUtf8());
    if (key.isNull()) {
        *error = credentials(options.keyFile.isEmpty() ? options.certificateFile : options.keyFile,
            QStringLiteral("no usable private key (or wrong password)"));
        return false;
    }
    config->setLocalCertificateChain(chain);
    config->setPrivateKey(key);
    return true;
}

QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes
        = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts.append(QString::fromLatin1(attribute) + u'=' + value);
    }
    return parts.join(QStringLiteral(", "));
}

QString keyTypeName(QSsl::KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case QSsl::Rsa:
        return QStringLiteral("RSA");
    case QSsl::Ec:
        return QStringLiteral("EC");
    case QSsl::Dsa:
        return QStringLiteral("DSA");
    case QSsl::Dh:
        return QStringLiteral("DH");
    case QSsl::Opaque:
        break;
    }
    return {};
}

QStringList namesOf(const TlsCertificateInfo &info)
{
    QStringList names = info.altNames;
    for (const QString &part : info.subject.split(QStringLiteral(", "))) {
        if (part.startsWith(QStringLiteral("CN=")))
            names.append(part);
    }
    return names;
}

// Lower rank first: the problem a user should fix first is reported as the error.
int rank(SessionError::Kind kind)
{
    using Kind = SessionError::Kind;
    switch (kind) {
    case Kind::TlsExpired:
    case Kind::TlsNotYetValid:
        return 0;
    case Kind::TlsSelfSigned:
    case Kind::TlsUnknownCa:
        return 1;
    case Kind::TlsNameMismatch:
        return 2;
    default:
        return 3;
    }
}

bool mentions(const QString &text, std::initializer_list<const char *> needles)
{
    return std::any_of(needles.begin(), needles.end(),
        [&](const char *needle) { return text.contains(QLatin1String(needle), Qt::CaseInsensitive); });
}

} // namespace

QSslConfiguration configuration(const TlsOptions &options, Side side, SessionError *error)
{
    *error = {};
    if (!QSslSocket::supportsSsl()) {
        *error = {SessionError::Kind::TlsUnavailable, TlsControl::unavailableReason()};
        return {};
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    const bool needCa = side == Side::Client
        ? options.verify == TlsOptions::Verify::CaFile
        : options.clientCertificates != TlsOptions::ClientCertificates::None && !options.caFile.isEmpty();
    if (needCa) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = credentials(options.caFile, QStringLiteral("no PEM certificate"));
            return {};
        }
        config.setCaCertificates(cas);
    }
    if (!options.certificateFile.isEmpty() && !loadIdentity(options, &config, error))
        return {};
    if (side == Side::Server && options.certificateFile.isEmpty()) {
        *error = {SessionError::Kind::TlsCredentials, QStringLiteral("no certificate")};
        return {};
    }
    if (!options.alpn.isEmpty())
        config.setAllowedNextProtocols(options.alpn);
    if (side == Side::Server) {
        switch (options.clientCertificates) {
        case TlsOptions::ClientCertificates::None:
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            break;
        case TlsOptions::ClientCertificates::Request:
            config.setPeerVerifyMode(QSslSocket::QueryPeer);
            break;
        case TlsOptions::ClientCertificates::Require:
            config.setPeerVerifyMode(QSslSocket::VerifyPeer);
            break;
        }
    } else {
        // Always verified, even with Verify::None: the problems are shown, then ignored (see TlsClientSession).
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    return config;
}

TlsCertificateInfo describe(const QSslCertificate &certificate)
{
    TlsCertificateInfo info;
    info.subject = distinguishedName(certificate, false);
    info.issuer = distinguishedName(certificate, true);
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        switch (it.key()) {
        case QSsl::DnsEntry:
            info.altNames.append(QStringLiteral("DNS:") + it.value());
            break;
        case QSsl::IpAddressEntry:
            info.altNames.append(QStringLiteral("IP:") + it.value());
            break;
        case QSsl::EmailEntry:
            info.altNames.append(QStringLiteral("email:") + it.value());
            break;
        }
    }
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    const QSslKey key = certificate.publicKey();
    info.keyType = keyTypeName(key.algorithm());
    info.keyBits = key.length();
    info.sha256 = certificate.digest(QCryptographicHash::Sha256).toHex();
    info.selfSigned = certificate.isSelfSigned();
    info.pem = certificate.toPem();
    return info;
}

QString protocolName(int protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::UnknownProtocol:
        return {};
    default:
        return QStringLiteral("TLS (older than 1.2)");
    }
}

TlsPeerInfo peerInfo(const QSslSocket *socket)
{
    TlsPeerInfo info;
    info.encrypted = socket->isEncrypted();
    if (!info.encrypted)
        return info;
    info.protocol = protocolName(socket->sessionProtocol());
    info.cipher = socket->sessionCipher().name();
    info.alpn = socket->sslConfiguration().nextNegotiatedProtocol();
    for (const QSslCertificate &certificate : socket->peerCertificateChain())
        info.chain.append(describe(certificate));
    if (info.chain.isEmpty() && !socket->peerCertificate().isNull())
        info.chain.append(describe(socket->peerCertificate()));
    return info;
}

QString summary(const TlsPeerInfo &info)
{
    QStringList parts {info.protocol, info.cipher};
    if (!info.alpn.isEmpty())
        parts.append(QStringLiteral("ALPN ") + QString::fromLatin1(info.alpn));
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

QList<SessionError> problems(const QList<QSslError> &errors, const QString &checkedName)
{
    using Kind = SessionError::Kind;
    QList<SessionError> out;
    for (const QSslError &error : errors) {
        const TlsCertificateInfo cert = describe(error.certificate());
        SessionError problem;
        switch (error.error()) {
        case QSslError::CertificateExpired:
            problem = {Kind::TlsExpired, cert.notAfter.toUTC().toString(Qt::ISODate)};
            break;
        case QSslError::CertificateNotYetValid:
            problem = {Kind::TlsNotYetValid, cert.notBefore.toUTC().toString(Qt::ISODate)};
            break;
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
            problem = {Kind::TlsSelfSigned, cert.subject};
            break;
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            problem = {Kind::TlsUnknownCa, cert.issuer};
            break;
        case QSslError::HostNameMismatch:
            problem = {Kind::TlsNameMismatch, checkedName + u'\n' + namesOf(cert).join(QStringLiteral(", "))};
            break;
        case QSslError::NoPeerCertificate:
            problem = {Kind::TlsClientCertificateRequired, QString()};
            break;
        default:
            problem = {Kind::TlsCertificateInvalid, error.errorString()};
            break;
        }
        if (!out.contains(problem))
            out.append(problem);
    }
    std::stable_sort(out.begin(), out.end(),
        [](const SessionError &a, const SessionError &b) { return rank(a.kind) < rank(b.kind); });
    return out;
}

SessionError handshakeFailure(
    int alert, const QString &alertText, int socketError, const QString &errorString, Side side)
{
    using Kind = SessionError::Kind;
    using Alert = QSsl::AlertType;
    switch (Alert(alert)) {
    case Alert::CertificateRequired:
        return {Kind::TlsClientCertificateRequired, alertText};
    case Alert::ProtocolVersion:
        return {Kind::TlsNoSharedProtocol, alertText};
    case Alert::HandshakeFailure:
    case Alert::InsufficientSecurity:
        return {Kind::TlsNoSharedCipher, alertText};
    case Alert::BadCertificate:
    case Alert::UnsupportedCertificate:
    case Alert::CertificateRevoked:
    case Alert::CertificateExpired:
    case Alert::CertificateUnknown:
    case Alert::UnknownCa:
    case Alert::AccessDenied:
    case Alert::DecryptError:
        return {Kind::TlsCertificateRejected, alertText};
    default:
        break;
    }
    // No alert: OpenSSL's words are all there is (another backend's fall through to TlsHandshakeFailed).
    if (mentions(errorString,
            {"wrong version number", "packet length too long", "http request", "https proxy request",
                "record layer failure", "unknown protocol"}))
        return {Kind::TlsNotTls, errorString};
    if (mentions(errorString, {"peer did not return a certificate", "certificate required"}))
        return {Kind::TlsClientCertificateRequired, errorString};
    if (mentions(errorString, {"unsupported protocol", "no protocols available", "version too low"}))
        return {Kind::TlsNoSharedProtocol, errorString};
    if (mentions(errorString, {"no shared cipher", "no ciphers available", "no suitable signature"}))
        return {Kind::TlsNoSharedCipher, errorString};
    if (socketError == QAbstractSocket::RemoteHostClosedError && side == Side::Client)
        return {Kind::TlsNotTls, errorString}; // closed on our ClientHello: it did not understand it
    return {Kind::TlsHandshakeFailed, errorString};
}

bool looksLikeTls(const QByteArray &firstBytes)
{
    if (firstBytes.size() < 3)
        return false;
    const auto type = quint8(firstBytes.at(0));
    return (type == 0x15 || type == 0x16) && quint8(firstBytes.at(1)) == 0x03 && quint8(firstBytes.at(2)) <= 0x04;
}

} // namespace TlsSupport
