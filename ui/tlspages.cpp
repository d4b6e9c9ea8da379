#include "tlspages.h"

#include "commandline.h"
#include "errortext.h"
#include "net/tlscontrol.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "settingsvalues.h"
#include "tlsoptionspanel.h"
#include "widgetnames.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <functional>

namespace {
class Words
{
    Q_DECLARE_TR_FUNCTIONS(TlsPages)
};

// Under the connection / listen row: the pages' top layout is a QVBoxLayout whose first item is that row.
void insertPanel(QWidget *page, TlsOptionsPanel *panel)
{
    if (auto *box = qobject_cast<QVBoxLayout *>(page->layout()))
        box->insertWidget(1, panel);
}

QString fingerprint(const QByteArray &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs.append(QString::fromLatin1(hex.mid(i, 2)).toUpper());
    return pairs.join(u':');
}

// Shows the chain; with a pin key, offers "Trust this certificate", which calls trust with the leaf's SHA-256.
void openDetails(QWidget *parent, const TlsPeerInfo &info, const std::function<void(const QByteArray &)> &trust)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("tlsDetailsDialog"));
    dialog->setWindowTitle(Words::tr("Certificate details"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = named(new QPlainTextEdit(dialog), "tlsDetailsText", Words::tr("Certificate chain"),
        Words::tr("The peer's certificates, leaf first"));
    text->setReadOnly(true);
    text->setPlainText(describeChain(info));
    text->setMinimumSize(560, 360);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    if (trust && !info.chain.isEmpty()) {
        auto *trustButton = named(new QPushButton(Words::tr("&Trust this certificate"), dialog), "tlsTrust",
            Words::tr("Trust this certificate"),
            Words::tr("Pin its SHA-256 for %1: accepted from now on, and a changed certificate is refused")
                .arg(info.pinKey));
        buttons->addButton(trustButton, QDialogButtonBox::ActionRole);
        const QByteArray sha = info.chain.first().sha256;
        QObject::connect(trustButton, &QPushButton::clicked, dialog, [dialog, trust, sha] {
            trust(sha);
            dialog->accept();
        });
    }
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->show();
}
} // namespace

QString describeChain(const TlsPeerInfo &info)
{
    QStringList out;
    if (info.chain.isEmpty())
        out.append(Words::tr("No certificate received."));
    if (!info.serverName.isEmpty())
        out.append(Words::tr("Server name checked: %1").arg(info.serverName));
    for (const SessionError &problem : info.problems)
        out.append(Words::tr("Problem: %1").arg(ErrorText::session(problem)));
    for (qsizetype i = 0; i < info.chain.size(); ++i) {
        const TlsCertificateInfo &c = info.chain.at(i);
        out.append(QString());
        out.append(i == 0 ? Words::tr("Certificate 1 (the peer's own)") : Words::tr("Certificate %1").arg(i + 1));
        out.append(Words::tr("Subject: %1").arg(c.subject));
        out.append(Words::tr("Issuer: %1").arg(c.issuer) + (c.selfSigned ? Words::tr(" (self-signed)") : QString()));
        out.append(Words::tr("Names: %1").arg(c.altNames.isEmpty() ? Words::tr("none") : c.altNames.join(u", ")));
        out.append(Words::tr("Valid: %1 to %2")
                       .arg(c.notBefore.toUTC().toString(Qt::ISODate), c.notAfter.toUTC().toString(Qt::ISODate)));
        out.append(
            Words::tr("Key: %1, %2 bits").arg(c.keyType.isEmpty() ? Words::tr("unknown") : c.keyType).arg(c.keyBits));
        out.append(Words::tr("SHA-256: %1").arg(fingerprint(c.sha256)));
    }
    return out.join(u'\n');
}

// A pcap of a TLS tab holds what the log holds: the decrypted bytes, written as plain TCP. Said in the log when such
// a capture starts, so nobody takes the file for a capture of the wire.
static void notePcapHoldsDecryptedBytes(TabModel *model, QObject *context)
{
    TranscriptCapture *capture = model->capture();
    QObject::connect(capture, &TranscriptCapture::changed, context, [model, capture](bool capturing) {
        if (capturing && capture->format() == CaptureFile::Format::Pcap) {
            model->note(Words::tr("This pcap capture holds the decrypted bytes, written as plain TCP: Wireshark will "
                                  "show the conversation, not the TLS records that went over the wire."));
        }
    });
}

// --- client

TlsClientPage::TlsClientPage(TabModel *model, QWidget *parent)
    : ClientPage(model, parent)
    , m_tls(session()->tls())
    , m_panel(new TlsOptionsPanel(TlsOptionsPanel::Role::Client, this))
{
    Q_ASSERT(m_tls);
    insertPanel(this, m_panel);
    notePcapHoldsDecryptedBytes(model, this);
    connect(m_panel, &TlsOptionsPanel::detailsRequested, this, &TlsClientPage::showDetails);
    connect(m_panel, &TlsOptionsPanel::startTlsRequested, this, [this] { m_tls->startTls(); });
    connect(session(), &Session::stateChanged, this, &TlsClientPage::refresh);
    connect(session(), &Session::peerConnected, this, &TlsClientPage::refresh);
    connect(session(), &Session::peerDisconnected, this, &TlsClientPage::refresh);
    connect(session(), &Session::activity, this, &TlsClientPage::refresh);
    refresh();
}

QString TlsClientPage::title() const
{
    return tr("TLS %1").arg(ClientPage::title());
}

void TlsClientPage::refresh()
{
    const PeerId id = session()->peers().value(0);
    const TlsPeerInfo info = m_tls->tlsPeer(id);
    m_panel->setEditable(session()->state() == Session::State::Idle);
    m_panel->showNegotiated(info);
    m_panel->setStartTlsAvailable(id != 0 && !info.encrypted && m_tls->tlsOptions().startPlain);
}

void TlsClientPage::toggleSession()
{
    if (session()->state() == Session::State::Idle) {
        m_tls->setTlsOptions(m_panel->options());
        m_tls->setPins(m_pins);
    }
    ClientPage::toggleSession();
}

void TlsClientPage::applyPreset(const TabPreset &preset)
{
    TlsOptions options = m_panel->options();
    if (preset.tlsInsecure)
        options.verify = TlsOptions::Verify::None;
    else if (!preset.tlsCaFile.isEmpty()) {
        options.verify = TlsOptions::Verify::CaFile;
        options.caFile = preset.tlsCaFile;
    }
    m_panel->setOptions(options);
    ClientPage::applyPreset(preset);
}

void TlsClientPage::showDetails()
{
    const PeerId id = session()->peers().value(0);
    const TlsPeerInfo info = id != 0 && m_tls->tlsPeer(id).encrypted ? m_tls->tlsPeer(id) : m_tls->lastHandshake();
    openDetails(this, info, [this, key = info.pinKey](const QByteArray &sha) {
        m_pins.insert(key, sha);
        m_tls->setPins(m_pins);
    });
}

void TlsClientPage::saveOwnSettings(QSettings &settings) const
{
    ClientPage::saveOwnSettings(settings);
    m_panel->save(settings);
    QStringList pins;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it)
        pins.append(it.key() + u'=' + QString::fromLatin1(it.value()));
    pins.sort();
    settings.setValue(QStringLiteral("tls/pins"), pins);
}

void TlsClientPage::restoreOwnSettings(const QSettings &settings)
{
    ClientPage::restoreOwnSettings(settings);
    m_panel->restore(settings);
    m_pins.clear();
    for (const QString &pin : SettingsValues::list(settings, QStringLiteral("tls/pins"))) {
        const qsizetype at = pin.lastIndexOf(u'=');
        if (at > 0)
            m_pins.insert(pin.left(at), pin.mid(at + 1).toLatin1());
    }
}

// --- server

TlsServerPage::TlsServerPage(TabModel *model, QWidget *parent)
    : ServerPage(model, parent)
    , m_tls(session()->tls())
    , m_panel(new TlsOptionsPanel(TlsOptionsPanel::Role::Server, this))
{
    Q_ASSERT(m_tls);
    insertPanel(this, m_panel);
    notePcapHoldsDecryptedBytes(model, this);
    connect(m_panel, &TlsOptionsPanel::detailsRequested, this, &TlsServerPage::showDetails);
    connect(session(), &Session::stateChanged, this,
        [this] { m_panel->setEditable(session()->state() == Session::State::Idle); });
    // The last client that finished its handshake: what the value label shows (each client's is in the table).
    connect(session(), &Session::activity, this, [this](Session::Activity activity) {
        if (activity != Session::Activity::Secured)
            return;
        const QList<PeerId> ids = session()->peers();
        for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
            if (m_tls->tlsPeer(*it).encrypted) {
                m_lastSecured = *it;
                break;
            }
        }
        m_panel->showNegotiated(m_tls->tlsPeer(m_lastSecured));
    });
    connect(session(), &Session::peerDisconnected, this, [this](PeerId id) {
        if (id == m_lastSecured)
            m_panel->showNegotiated({});
    });
}

QString TlsServerPage::title() const
{
    return tr("TLS %1").arg(ServerPage::title());
}

void TlsServerPage::toggleSession()
{
    if (session()->state() == Session::State::Idle)
        m_tls->setTlsOptions(m_panel->options());
    ServerPage::toggleSession();
}

void TlsServerPage::applyPreset(const TabPreset &preset)
{
    TlsOptions options = m_panel->options();
    if (!preset.tlsCertificateFile.isEmpty())
        options.certificateFile = preset.tlsCertificateFile;
    if (!preset.tlsKeyFile.isEmpty())
        options.keyFile = preset.tlsKeyFile;
    m_panel->setOptions(options);
    ServerPage::applyPreset(preset);
}

void TlsServerPage::showDetails()
{
    openDetails(this, m_tls->tlsPeer(m_lastSecured), {});
}

void TlsServerPage::saveOwnSettings(QSettings &settings) const
{
    ServerPage::saveOwnSettings(settings);
    m_panel->save(settings);
}

void TlsServerPage::restoreOwnSettings(const QSettings &settings)
{
    ServerPage::restoreOwnSettings(settings);
    m_panel->restore(settings);
}
