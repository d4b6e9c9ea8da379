#include "tlsoptionspanel.h"

#include "filedialogs.h"
#include "settingsvalues.h"
#include "widgetnames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

#include <algorithm>

namespace {
QString key(const char *name)
{
    return QStringLiteral("tls/") + QLatin1String(name);
}
} // namespace

TlsOptionsPanel::TlsOptionsPanel(Role role, QWidget *parent)
    : QWidget(parent)
    , m_role(role)
{
    setObjectName(QStringLiteral("tlsOptions"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int row = 0;
    auto addField = [&](const QString &label, QWidget *field, QLineEdit *browseFor = nullptr,
                        const char *browseName = nullptr, int column = 0) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        grid->addWidget(caption, row, column);
        auto *box = new QHBoxLayout;
        box->addWidget(field, 1);
        if (browseFor) {
            auto *button
                = named(new QPushButton(tr("…"), this), browseName, tr("Choose %1").arg(label), tr("Choose the file"));
            connect(button, &QPushButton::clicked, this,
                [this, browseFor, label, browseName] { browse(browseFor, label, browseName); });
            m_browseButtons.append(button);
            box->addWidget(button);
        }
        grid->addLayout(box, row, column + 1);
    };

    if (role == Role::Client) {
        m_serverName = named(new QLineEdit(this), "tlsServerName", tr("Server name"),
            tr("The name sent to the server (SNI) and checked against its certificate; empty: the host"));
        m_serverName->setPlaceholderText(tr("the host"));
        addField(tr("Server &name:"), m_serverName, nullptr, nullptr, 0);
        m_verify = named(new QComboBox(this), "tlsVerify", tr("Verification"),
            tr("What the server's certificate is checked against"));
        m_verify->addItem(tr("System CAs"), int(TlsOptions::Verify::SystemCas));
        m_verify->addItem(tr("CA file"), int(TlsOptions::Verify::CaFile));
        m_verify->addItem(tr("None (unverified)"), int(TlsOptions::Verify::None));
        addField(tr("&Verify:"), m_verify, nullptr, nullptr, 2);
        ++row;
    } else {
        m_clientCerts = named(new QComboBox(this), "tlsClientCertificates", tr("Client certificates"),
            tr("Whether clients are asked for a certificate, checked against the CA file"));
        m_clientCerts->addItem(tr("Not asked"), int(TlsOptions::ClientCertificates::None));
        m_clientCerts->addItem(tr("Asked for"), int(TlsOptions::ClientCertificates::Request));
        m_clientCerts->addItem(tr("Required"), int(TlsOptions::ClientCertificates::Require));
        addField(tr("Client c&ertificates:"), m_clientCerts, nullptr, nullptr, 0);
    }
    m_caFile = named(new QLineEdit(this), "tlsCaFile", tr("CA file"), tr("A PEM file of the CA certificates to trust"));
    addField(tr("C&A file:"), m_caFile, m_caFile, "tlsCaFileBrowse", role == Role::Client ? 0 : 2);
    ++row;
    m_certFile = named(new QLineEdit(this), "tlsCertificateFile", tr("Certificate"),
        role == Role::Client ? tr("Our certificate for servers that ask: PEM, or PKCS#12 (.p12, .pfx)")
                             : tr("The server's certificate: PEM, or PKCS#12 (.p12, .pfx) with its key"));
    addField(tr("Cer&tificate:"), m_certFile, m_certFile, "tlsCertificateBrowse", 0);
    m_keyFile = named(new QLineEdit(this), "tlsKeyFile", tr("Private key"),
        tr("The PEM private key; empty when it is in the certificate file or a PKCS#12 file"));
    addField(tr("&Key:"), m_keyFile, m_keyFile, "tlsKeyBrowse", 2);
    ++row;
    m_password = named(new QLineEdit(this), "tlsPassword", tr("Key password"),
        tr("The key's or PKCS#12 file's password; never saved"));
    m_password->setEchoMode(QLineEdit::Password);
    addField(tr("Pass&word:"), m_password, nullptr, nullptr, 0);
    m_alpn = named(new QLineEdit(this), "tlsAlpn", tr("ALPN protocols"),
        tr("Application protocols to offer (client) or accept (server), comma-separated, e.g. h2, http/1.1, mqtt"));
    addField(tr("A&LPN:"), m_alpn, nullptr, nullptr, 2);
    ++row;

    auto *status = new QHBoxLayout;
    m_negotiated = valueLabel(new QLabel(this), "tlsNegotiated", tr("What TLS negotiated"),
        tr("Protocol version, cipher suite, ALPN and whether the peer was verified"));
    m_negotiated->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status->addWidget(m_negotiated, 1);
    if (role == Role::Client) {
        m_startPlain = named(new QCheckBox(tr("Start in &plain text"), this), "tlsStartPlain",
            tr("Start in plain text"), tr("Connect without TLS, exchange a plain preamble, then press Start TLS"));
        status->addWidget(m_startPlain);
        m_startTls = named(new QPushButton(tr("Start &TLS"), this), "tlsStartTls", tr("Start TLS"),
            tr("Encrypt the open plain connection now (STARTTLS)"));
        m_startTls->setEnabled(false);
        connect(m_startTls, &QPushButton::clicked, this, &TlsOptionsPanel::startTlsRequested);
        status->addWidget(m_startTls);
    }
    m_details = named(new QPushButton(tr("Certificate &details…"), this), "tlsDetails", tr("Certificate details"),
        tr("The peer's certificate chain: subject, issuer, names, validity, key and SHA-256 fingerprint"));
    connect(m_details, &QPushButton::clicked, this, &TlsOptionsPanel::detailsRequested);
    status->addWidget(m_details);
    grid->addLayout(status, row, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    if (m_verify)
        connect(m_verify, &QComboBox::currentIndexChanged, this, &TlsOptionsPanel::updateEnabled);
    if (m_clientCerts)
        connect(m_clientCerts, &QComboBox::currentIndexChanged, this, &TlsOptionsPanel::updateEnabled);
    showNegotiated({});
    updateEnabled();
}

TlsOptions TlsOptionsPanel::options() const
{
    TlsOptions options;
    if (m_serverName)
        options.serverName = m_serverName->text().trimmed();
    if (m_verify)
        options.verify = TlsOptions::Verify(m_verify->currentData().toInt());
    if (m_clientCerts)
        options.clientCertificates = TlsOptions::ClientCertificates(m_clientCerts->currentData().toInt());
    options.caFile = m_caFile->text().trimmed();
    options.certificateFile = m_certFile->text().trimmed();
    options.keyFile = m_keyFile->text().trimmed();
    options.password = m_password->text();
    for (const QString &protocol : m_alpn->text().split(u',', Qt::SkipEmptyParts)) {
        if (!protocol.trimmed().isEmpty())
            options.alpn.append(protocol.trimmed().toUtf8());
    }
    options.startPlain = m_startPlain && m_startPlain->isChecked();
    return options;
}

void TlsOptionsPanel::setOptions(const TlsOptions &options)
{
    if (m_serverName)
        m_serverName->setText(options.serverName);
    if (m_verify)
        m_verify->setCurrentIndex(std::max(0, m_verify->findData(int(options.verify))));
    if (m_clientCerts)
        m_clientCerts->setCurrentIndex(std::max(0, m_clientCerts->findData(int(options.clientCertificates))));
    m_caFile->setText(options.caFile);
    m_certFile->setText(options.certificateFile);
    m_keyFile->setText(options.keyFile);
    QStringList alpn;
    for (const QByteArray &protocol : options.alpn)
        alpn.append(QString::fromUtf8(protocol));
    m_alpn->setText(alpn.join(QStringLiteral(", ")));
    if (m_startPlain)
        m_startPlain->setChecked(options.startPlain);
    updateEnabled();
}

void TlsOptionsPanel::setEditable(bool editable)
{
    m_editable = editable;
    updateEnabled();
}

void TlsOptionsPanel::setStartTlsAvailable(bool available)
{
    if (m_startTls)
        m_startTls->setEnabled(available && TlsControl::available());
}

void TlsOptionsPanel::showNegotiated(const TlsPeerInfo &info)
{
    if (!TlsControl::available()) {
        m_negotiated->setText(tr("TLS is not available: %1").arg(TlsControl::unavailableReason()));
        return;
    }
    if (!info.encrypted) {
        m_negotiated->setText(tr("TLS: not connected"));
        return;
    }
    QStringList parts {info.protocol, info.cipher};
    if (!info.alpn.isEmpty())
        parts.append(tr("ALPN %1").arg(QString::fromLatin1(info.alpn)));
    if (m_role == Role::Client)
        parts.append(info.pinned ? tr("pinned") : info.verified ? tr("verified") : tr("UNVERIFIED"));
    parts.removeAll(QString());
    m_negotiated->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

void TlsOptionsPanel::updateEnabled()
{
    const bool on = m_editable && TlsControl::available();
    for (QWidget *widget : std::initializer_list<QWidget *> {
             m_serverName, m_verify, m_clientCerts, m_certFile, m_keyFile, m_password, m_alpn, m_startPlain}) {
        if (widget)
            widget->setEnabled(on);
    }
    const bool needsCa = m_verify ? m_verify->currentData().toInt() == int(TlsOptions::Verify::CaFile)
                                  : m_clientCerts->currentData().toInt() != int(TlsOptions::ClientCertificates::None);
    m_caFile->setEnabled(on && needsCa);
    for (QPushButton *button : std::as_const(m_browseButtons))
        button->setEnabled(on);
    m_details->setEnabled(TlsControl::available());
    if (!TlsControl::available())
        setToolTip(tr("TLS is not available: %1").arg(TlsControl::unavailableReason()));
}

void TlsOptionsPanel::browse(QLineEdit *edit, const QString &title, const char *objectName)
{
    const QStringList filters {tr("Certificates and keys (*.pem *.crt *.cer *.key *.p12 *.pfx)"), tr("All files (*)")};
    FileDialogs::open(
        this, title, filters, objectName, [edit](const QString &path, const QString &) { edit->setText(path); });
}

void TlsOptionsPanel::save(QSettings &settings) const
{
    const TlsOptions o = options();
    settings.setValue(key("serverName"), o.serverName);
    settings.setValue(key("verify"), int(o.verify));
    settings.setValue(key("clientCertificates"), int(o.clientCertificates));
    settings.setValue(key("caFile"), o.caFile);
    settings.setValue(key("certificateFile"), o.certificateFile);
    settings.setValue(key("keyFile"), o.keyFile);
    settings.setValue(key("alpn"), m_alpn->text());
    settings.setValue(key("startPlain"), o.startPlain);
}

void TlsOptionsPanel::restore(const QSettings &settings)
{
    TlsOptions o;
    o.serverName = SettingsValues::text(settings, key("serverName"));
    o.verify = TlsOptions::Verify(std::clamp(settings.value(key("verify")).toInt(), 0, 2));
    o.clientCertificates
        = TlsOptions::ClientCertificates(std::clamp(settings.value(key("clientCertificates")).toInt(), 0, 2));
    o.caFile = SettingsValues::text(settings, key("caFile"));
    o.certificateFile = SettingsValues::text(settings, key("certificateFile"));
    o.keyFile = SettingsValues::text(settings, key("keyFile"));
    for (const QString &protocol : SettingsValues::text(settings, key("alpn")).split(u',', Qt::SkipEmptyParts))
        o.alpn.append(protocol.trimmed().toUtf8());
    o.startPlain = settings.value(key("startPlain")).toBool();
    setOptions(o);
}
